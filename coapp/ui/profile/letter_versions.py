"""Earlier versions of a long text: the personal letter, a job's, an award's or a portfolio item's
description (SYNC.md: a long text overwritten on another device can be restored). The platform keeps
the newest twenty texts of a row that a sync replaced; this dialog lists them with their date, shows
the chosen one as it reads, and hands it back to be put in its editor as one step that Ctrl+Z there
takes back. Restoring is an ordinary edit: saved, then sent at the next sync.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coapp.models.profile import PROFILE_ID
from coapp.ui.formats import date_text
from coapp.ui.i18n import current_language
from coapp.ui.theme import Space, set_role

_MARKS = re.compile(r"[*_#`>]")

if TYPE_CHECKING:
    from coapp.sync.api import PlatformApi
    from coapp.sync.profile_texts import EarlierText
    from coapp.ui.profile.letter_card import LetterCard
    from coapp.ui.sync.calls import Problem
    from coapp.ui.sync.runner import SyncRunner

    # How a screen asks the platform (SyncRunner.platform_call): work on the api, done, failed.
    Work = Callable[[PlatformApi], Any]
    AskPlatform = Callable[[Work, Callable[[Any], None], Callable[[Problem], None]], None]


def earlier_texts_of(row_id: str) -> Callable[[PlatformApi], list[EarlierText]]:
    """The work for a network worker: the row's earlier long texts, none when the platform has no
    such row yet (it was made here and not synced)."""

    def work(api: PlatformApi) -> list[EarlierText]:
        from coapp.sync.errors import ApiError
        from coapp.sync.profile_texts import earlier_texts

        try:
            return earlier_texts(api, row_id)
        except ApiError as exc:
            if exc.status == 404:
                return []
            raise

    return work


def open_earlier_versions(
    parent: QWidget, title: str, row_id: str, ask: AskPlatform, restore: Callable[[str], None]
) -> EarlierVersionsDialog:
    """The dialog of a row's earlier texts; *restore* gets the one chosen."""
    dialog = EarlierVersionsDialog(title, restore, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    ask(earlier_texts_of(row_id), dialog.show_versions, dialog.show_problem)
    return dialog


class EarlierVersionsButton(QToolButton):
    """The letter card's “Earlier versions…”: opens the dialog, which asks the platform."""

    def __init__(self, card: LetterCard, runner: SyncRunner) -> None:
        super().__init__(card)
        self.setObjectName("letterVersionsButton")
        self.setText(self.tr("Earlier versions…"))
        self.setToolTip(self.tr("Letters a sync replaced, kept by the platform; bring one back"))
        self.setAccessibleName(self.tr("Earlier versions of the letter"))
        self._card = card
        self._runner = runner
        self.clicked.connect(self.open_dialog)

    def open_dialog(self) -> EarlierVersionsDialog:
        title = self.tr("Earlier versions of the letter")
        ask, restore = self._runner.platform_call, self._card.replace_text
        return open_earlier_versions(self, title, PROFILE_ID, ask, restore)


class EarlierVersionsDialog(QDialog):
    def __init__(self, title: str, restore: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterVersionsDialog")
        self.setWindowTitle(title)
        self._restore = restore
        self.status = QLabel(self.tr("Asking the platform…"), self)
        self.status.setWordWrap(True)
        set_role(self.status, "hint")
        self.list = QListWidget(self)
        self.list.setObjectName("letterVersionsList")
        self.list.setAccessibleName(self.tr("Earlier versions"))
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("letterVersionPreview")
        self.preview.setAccessibleName(self.tr("The chosen version"))
        self.preview.setOpenLinks(False)
        self.buttons = QDialogButtonBox(self)
        self.restore = self.buttons.addButton(
            self.tr("Restore this version"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore.setObjectName("restoreLetterButton")
        self.restore.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.restore_chosen)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemActivated.connect(lambda _item: self.restore_chosen())

        body = QHBoxLayout()
        body.setSpacing(Space.M)
        body.addWidget(self.list, 2)
        body.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.L, Space.L, Space.L, Space.L)
        layout.setSpacing(Space.M)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)

    def show_versions(self, versions: list[Any]) -> None:
        self.list.clear()
        if not versions:
            self.status.setText(
                self.tr("No earlier versions yet: the platform keeps a text when a sync replaces it.")
            )
            return
        self.status.setText(
            self.tr("The platform keeps the texts a sync replaced, newest first. Choose one to read it.")
        )
        for version in versions:
            # The opening words as they read, without the Markdown's marks.
            first_line = " ".join(_MARKS.sub("", version.text).split())[:60] or self.tr("(empty)")
            local = version.replaced_at.astimezone()  # stored in UTC; said in this computer's time
            when = f"{date_text(local.date(), current_language())} {local:%H:%M}"
            item = QListWidgetItem(f"{when}\n{first_line}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, version.text)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def show_problem(self, problem: Problem) -> None:
        if problem.kind in ("not_signed_in", "signed_out"):
            text = self.tr("Sign in to see the earlier versions the platform keeps.")
        elif problem.kind == "offline":
            text = self.tr(
                "Offline: the earlier versions are on the platform; try again when the network is back."
            )
        else:
            text = self.tr("The platform did not answer: {reason}").format(
                reason=problem.detail or problem.kind
            )
        self.status.setText(text)
        set_role(self.status, "error")

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        self.restore.setEnabled(item is not None)
        self.preview.setMarkdown(str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "")

    def restore_chosen(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._restore(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()
