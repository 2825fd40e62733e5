"""Composition root: the entry points that build the app on one data folder.

`build_main_window(data_dir)` is the interface tests (and acceptance tests outside the project)
rely on. The Qt side lives in coapp.ui.launch, imported on call so that CLI verbs never load Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coapp.ui.main_window import MainWindow


def build_main_window(data_dir: str | Path | None = None) -> MainWindow:
    """The real main window on *data_dir* with its store open, not shown, without the event loop."""
    from coapp.ui import launch

    return launch.build_main_window(data_dir)


def show_main_window(data_dir: str | Path | None = None) -> MainWindow:
    """The main window shown the fast way: this week painted first, the store opened right after."""
    from coapp.ui import launch

    return launch.show_main_window(data_dir)


def run_gui(data_dir: str | Path | None = None) -> int:
    """Run the app's window until it closes; the exit code of the event loop."""
    from coapp.ui import launch

    return launch.run_gui(data_dir)


def run_demo_gui(data_dir: str | Path) -> int:
    """`coapp --demo`: the window on *data_dir*, synced with a demo platform running in this process
    (coapp.demo_mode); the platform stops when the window closes."""
    from coapp.demo_mode import running_demo
    from coapp.ui import launch

    with running_demo(data_dir) as demo:
        print(f"coapp demo: platform at {demo.platform.url}, signed in as {demo.email}.", flush=True)
        return launch.run_window_on(demo.ctx)
