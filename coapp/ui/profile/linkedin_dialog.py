"""Import from LinkedIn: choose the export (the ZIP LinkedIn sends, or the folder it unpacks to), read
the plan (what would be added, filled, kept, skipped), then Import writes it in one transaction on the
writes lane. Reading runs off the GUI thread; a malformed export shows the reader's message (file
and line) and nothing changes; an export with nothing new says so and offers nothing to import."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.ui.error_text import error_text
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.linkedin_plan import plan_html, summary
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import make_button

if TYPE_CHECKING:
    from coapp.services.profile_import import ImportPlan
    from coapp.ui.app_state import AppState

log = logging.getLogger("coapp")


class LinkedInImportDialog(QDialog):
    def __init__(
        self,
        state: AppState,
        lane: ProfileLane,
        imported: Callable[[ImportPlan], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkedinImportDialog")
        self.setWindowTitle(self.tr("Import from LinkedIn"))
        self._state, self._lane, self._imported = state, lane, imported
        self.plan: ImportPlan | None = None
        self._asked = 0  # the newest preview asked for; older answers are ignored

        intro = QLabel(
            self.tr(
                "Choose the ZIP file LinkedIn sent you (Settings → Data privacy → Get a copy of your "
                "data), or the folder it unpacks to. You see what would change before anything does, "
                "and nothing you wrote is overwritten."
            ),
            self,
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("linkedinPath")
        self.path.setAccessibleName(self.tr("LinkedIn export"))
        self.path.setPlaceholderText(self.tr("The export's ZIP file or folder"))
        self.path.returnPressed.connect(lambda: self.preview(self.path.text()))
        self.zip_button = make_button(
            self, "linkedinChooseZip", self.tr("Choose ZIP…"), self.tr("Choose the ZIP file"), self.choose_zip
        )
        self.folder_button = make_button(
            self,
            "linkedinChooseFolder",
            self.tr("Choose folder…"),
            self.tr("Choose the unpacked folder"),
            self.choose_folder,
        )
        row.addWidget(self.path, 1)
        row.addWidget(self.zip_button)
        row.addWidget(self.folder_button)

        self.busy = QProgressBar(self)
        self.busy.setObjectName("linkedinBusy")
        self.busy.setRange(0, 0)  # no steps to count: reading and the one transaction
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(self.fontMetrics().height() // 2)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.message = QLabel(self)
        self.message.setObjectName("linkedinMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Import status"))
        self.message.hide()
        self.error = QLabel(self)  # the reader's message: file and line
        self.error.setObjectName("linkedinError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("Problem with the export"))
        set_role(self.error, "error")
        self.error.hide()
        self.view = QTextBrowser(self)
        self.view.setObjectName("linkedinPlan")
        self.view.setAccessibleName(self.tr("What the import would do"))
        self.view.setOpenLinks(False)
        self.view.hide()

        self.buttons = QDialogButtonBox(self)
        self.import_button = make_button(
            None, "linkedinImport", self.tr("Import"), self.tr("Import into your profile"), primary=True
        )
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        # Enter confirms the import, never another button that happens to have had the focus
        # (Enter in the path field reads the export, and the field passes the key on).
        for button in (self.zip_button, self.folder_button, self.close_button):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.L, Space.XL, Space.L)
        layout.setSpacing(Space.M)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        # Room for a plan of a few dozen lines without scrolling at once; it can be made larger.
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().lineSpacing() * 38)

    # --- choosing and reading the export ------------------------------------------------------------

    def choose_zip(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("LinkedIn export"), self._start_dir(), self.tr("LinkedIn export (*.zip)")
        )
        if name:
            self.preview(name)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("LinkedIn export folder"), self._start_dir())
        if name:
            self.preview(name)

    def _start_dir(self) -> str:
        typed = Path(self.path.text().strip()).expanduser()
        return str(typed if typed.is_dir() else typed.parent if typed.parent.is_dir() else Path.home())

    def preview(self, path: str) -> None:
        """Read the export and plan the import (off the GUI thread); the plan is shown when ready."""
        path = path.strip()
        if not path:
            return
        self.path.setText(path)
        self.plan = None
        self._asked += 1
        asked = self._asked
        self._working(True)
        self._say(self.tr("Reading the export…"))
        self.view.hide()
        store = self._state.ctx.store

        def work() -> ImportPlan:
            from coapp.domain.linkedin_export import read_linkedin_export
            from coapp.services.profile_import import ProfileImport

            return ProfileImport(store).preview(read_linkedin_export(path))

        def done(plan: ImportPlan) -> None:
            if asked == self._asked:
                self._show_plan(plan)

        def failed(error: BaseException) -> None:
            if asked != self._asked:
                return
            self._working(False)
            self._say(self._why(error, path), error=True)
            self.path.setFocus()  # to correct it, or to choose again

        self._state.tasks.run(work, done, failed)

    @staticmethod
    def _why(error: BaseException, path: str) -> str:
        if isinstance(error, CoappError):
            message = error_text(error)
            return message if path in message or Path(path).name in message else f"{path}: {message}"
        log.exception("Reading a LinkedIn export failed", exc_info=error)
        return f"Could not read {path}: {error}"

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._working(False)
        self._say(summary(plan))
        self.view.setHtml(plan_html(plan))
        self.view.show()
        self.import_button.setEnabled(plan.has_writes)
        (self.import_button if plan.has_writes else self.view).setFocus()

    # --- importing ----------------------------------------------------------------------------------

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not plan.has_writes:
            return
        self._working(True)
        self._say(self.tr("Importing…"))
        store = self._state.ctx.store

        def work(_service: object) -> None:
            from coapp.services.profile_import import ProfileImport

            ProfileImport(store).apply(plan)

        def done(_result: object) -> None:
            self._working(False)
            self._imported(plan)
            self.accept()

        def failed(why: str) -> None:
            self._working(False)
            self._say(why, error=True)
            self.import_button.setEnabled(False)  # the plan is stale or refused: choose again

        self._lane.write(work, done, failed)

    def reject(self) -> None:
        if self.busy.isVisible() and self.plan is not None:
            return  # an import is being written: it finishes (all or nothing) before the dialog goes
        self._asked += 1  # a preview still reading is not wanted any more
        super().reject()

    # --- helpers ------------------------------------------------------------------------------------

    def _working(self, on: bool) -> None:
        self.busy.setVisible(on)
        for widget in (self.path, self.zip_button, self.folder_button):
            widget.setEnabled(not on)
        self.import_button.setEnabled(False if on else bool(self.plan and self.plan.has_writes))

    def _say(self, text: str, *, error: bool = False) -> None:
        shown, other = (self.error, self.message) if error else (self.message, self.error)
        shown.setText(text)
        shown.setAccessibleDescription(text)
        shown.setVisible(bool(text))
        other.clear()
        other.hide()
