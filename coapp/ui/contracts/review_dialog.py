"""Writing the review of the client once a contract has ended (issue 11, reviewDialog): a score from
1 to 5 and a few words. It says before sending that a review never changes afterwards and when the
client's review of you shows. The screen sends it (online only); a refusal keeps the text here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.domain.reviews import SCORE_MAX, SCORE_MIN, TEXT_MAX_LENGTH, check_score, check_text
from coapp.ui.error_text import error_text
from coapp.ui.formats import Formats
from coapp.ui.theme import Space, set_role


class ReviewDialog(QDialog):
    sendRequested = Signal(int, str)  # score, text: the screen sends them, then accepts or shows why not

    def __init__(
        self, title: str, client: str, reveal_on: date | None, formats: Formats, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Review {client}").format(client=client))
        self.setMinimumWidth(Space.XL * 18)
        intro = QLabel(
            self.tr("How was it to work with {client} on “{title}”?").format(client=client, title=title)
        )
        intro.setWordWrap(True)
        set_role(intro, "subtitle")
        self.score = QComboBox(self)
        self.score.setObjectName("reviewScore")
        self.score.setAccessibleName(self.tr("Score"))
        words = {
            5: self.tr("5 — excellent"),
            4: self.tr("4 — good"),
            3: self.tr("3 — acceptable"),
            2: self.tr("2 — poor"),
            1: self.tr("1 — very poor"),
        }
        for value in range(SCORE_MAX, SCORE_MIN - 1, -1):
            self.score.addItem(words[value], value)
        self.score.setPlaceholderText(self.tr("Choose a score"))
        self.score.setToolTip(self.tr("From 1, very poor, to 5, excellent"))
        self.score.setCurrentIndex(-1)  # no default: a score is a choice
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("reviewText")
        self.text.setAccessibleName(self.tr("Your review"))
        self.text.setPlaceholderText(self.tr("What went well, what could have gone better"))
        self.text.setAccessibleDescription(
            self.tr("A few words about the work together; the client reads them")
        )
        self.text.setTabChangesFocus(True)
        self.count = QLabel(self)
        set_role(self.count, "hint")
        self.text.textChanged.connect(self._count)
        form = QFormLayout()
        form.addRow(self.tr("&Score"), self.score)
        form.addRow(self.tr("&Review"), self.text)
        form.addRow("", self.count)
        if reveal_on is not None:
            when = self.tr(
                "Once sent, your review cannot be changed. The client's review of you shows when both are in, or on {day} at the latest; neither of you sees the other's first."  # noqa: E501
            ).format(day=formats.date(reveal_on))
        else:
            when = self.tr("Once sent, your review cannot be changed.")
        self.rule = QLabel(when, self)
        self.rule.setWordWrap(True)
        set_role(self.rule, "hint")
        self.error = QLabel(self)
        self.error.setObjectName("reviewError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = self.buttons.addButton(
            self.tr("Send review"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setObjectName("sendReviewButton")
        self.send_button.setToolTip(self.tr("Send the review to the platform; it never changes after"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Close without sending")
        )
        self.send_button.setDefault(True)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._count()

    def _count(self) -> None:
        n = len(self.text.toPlainText().strip())
        self.count.setText(self.tr("{n} of at most {max} characters").format(n=n, max=TEXT_MAX_LENGTH))

    def send(self) -> None:
        """Checked here first, in the user's words; the domain's rules are the last word."""
        score, text = self.score.currentData(), self.text.toPlainText()
        if score is None:
            self.show_error(self.tr("Choose a score from 1 to 5."))
            self.score.setFocus()
            return
        if not text.strip():
            self.show_error(self.tr("Write a few words about the work together."))
            self.text.setFocus()
            return
        if len(text.strip()) > TEXT_MAX_LENGTH:
            self.show_error(
                self.tr("The review is {n} characters long; at most {max} fit. Shorten it.").format(
                    n=len(text.strip()), max=TEXT_MAX_LENGTH
                )
            )
            self.text.setFocus()
            return
        try:
            checked = check_score(int(score)), check_text(text)
        except CoappError as error:
            self.show_error(error_text(error))
            return
        self.error.hide()
        self.send_button.setEnabled(False)  # until the platform answers
        self.sendRequested.emit(*checked)

    def show_error(self, text: str) -> None:
        """Why it was not sent; the text typed stays."""
        self.send_button.setEnabled(True)
        self.error.setText(text)
        self.error.show()
