"""The composition root, in one place: the app's context (`coapp.app.context`: store, services,
sync), demo mode (`coapp.app.demo`: the platform inside the app) and these entry points that build
the app on one data folder and hand it to the GUI or the CLI.

`build_main_window(data_dir)` is the interface tests (and acceptance tests outside the project)
rely on. The Qt start-up lives in coapp.ui.launch, imported on call so that CLI verbs never load Qt;
it is given `AppContext.open` rather than building services itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.ui.main_window import MainWindow


def _open_context(data_dir: Path) -> AppContext:
    from coapp.app.context import AppContext

    return AppContext.open(data_dir)


def build_main_window(data_dir: str | Path | None = None) -> MainWindow:
    """The real main window on *data_dir* with its store open, not shown, without the event loop."""
    from coapp.ui import launch

    return launch.build_main_window(data_dir, _open_context)


def show_main_window(data_dir: str | Path | None = None) -> MainWindow:
    """The main window shown the fast way: this week painted first, the store opened right after."""
    from coapp.ui import launch

    return launch.show_main_window(data_dir, _open_context)


def run_gui(data_dir: str | Path | None = None) -> int:
    """Run the app's window until it closes; the exit code of the event loop."""
    from coapp.ui import launch

    return launch.run_gui(data_dir, _open_context)


def run_demo_gui(data_dir: str | Path) -> int:
    """`coapp --demo`: the window on *data_dir*, synced with a demo platform running in this process
    (coapp.app.demo); the platform stops when the window closes."""
    from coapp.app.demo import running_demo
    from coapp.ui import launch

    with running_demo(data_dir) as demo:
        print(f"coapp demo: platform at {demo.platform.url}, signed in as {demo.email}.", flush=True)
        return launch.run_window_on(demo.ctx)
