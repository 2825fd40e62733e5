"""Screens a session may never open cost nothing at start-up: their modules are not imported by the
time the store is open (ARCHITECTURE.md: load what a screen needs when it first shows), and a screen
built later, inside the shown window, behaves as one built with it."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from coapp.app.context import AppContext
from coapp.ui.toolkit import mirror_button

LAZY = (
    "coapp.ui.invoices.screen",
    "coapp.ui.invoices.detail",
    "coapp.ui.invoices.controller",
    "coapp.ui.settings_dialog",
    "coapp.ui.sync.sign_in_dialog",
    "coapp.ui.sync.refused_dialog",
    "coapp.ui.profile",
    "coapp.ui.assignments",
    "coapp.ui.applications",
    "coapp.ui.contracts",
    "coapp.ui.insights",
    "stdnum",
)


def test_no_lazy_screen_is_imported_by_the_time_the_store_is_open(ctx: AppContext) -> None:
    ctx.close()
    script = f"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from coapp.app import show_main_window
window = show_main_window({str(ctx.paths.data_dir)!r})
def check():
    if not window.state.ready:
        return
    print(json.dumps(sorted(m for m in sys.modules if m.startswith({LAZY!r}))))
    QApplication.exit(0)
timer = QTimer()
timer.timeout.connect(check)
timer.start(10)
QTimer.singleShot(30_000, lambda: QApplication.exit(3))
sys.exit(QApplication.exec())
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=90, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_invoices_is_built_when_first_shown_and_takes_the_keyboard(qtbot, open_window) -> None:
    window = open_window()
    window.show_screen(window.timesheet)
    assert window._invoices is None
    window.show_screen(window.invoices_slot)
    assert window._invoices is not None
    # No invoice yet: the list is hidden behind its empty state, the keyboard is on the filters.
    assert window.invoices.isAncestorOf(QApplication.focusWidget())
    assert QApplication.activeWindow() is window


def test_the_invoices_menu_builds_the_screen_and_lists_its_actions(qtbot, open_window) -> None:
    window = open_window()
    window.show_screen(window.timesheet)
    assert window.invoice_menu.actions() == []
    window.invoice_menu.aboutToShow.emit()
    names = [a.objectName() for a in window.invoice_menu.actions()]
    assert "newDraftAction" in names
    assert window.stack.currentWidget() is window.timesheet  # built, not shown


def test_a_mirror_button_is_never_a_window_of_its_own(qtbot) -> None:
    """A button mirroring an enabled action is shown as it is made: made without a parent, it was
    a top-level window for a moment, and took the keyboard from the main window."""
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    before = {id(w) for w in QApplication.topLevelWidgets()}
    action = QAction("Confirm", owner)
    button = mirror_button(action, "confirmButton", "Confirm the invoice")
    QVBoxLayout(owner).addWidget(button)
    assert button.parentWidget() is owner
    assert not [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    assert button.isVisible()
    action.setEnabled(False)
    assert not button.isVisible()
