"""The chosen assignment: what it is, what it asks and offers, how well it matches and why (each
reason marked as for or against, in words as well as colour), and its description."""

from __future__ import annotations

import html
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from coapp.services.assignments_rows import AssignmentDetail
from coapp.ui.assignments.list_model import RowTexts, score_chip
from coapp.ui.assignments.reasons import reason_text
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, ChipLabel, make_button


class DetailPane(QWidget):
    def __init__(self, texts: RowTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentDetail")
        self.texts = texts
        self.detail: AssignmentDetail | None = None
        self.card = Card("assignmentDetailCard", self)
        body = self.card.body
        self.title = QLabel(self.card)
        self.title.setObjectName("assignmentTitle")
        self.title.setWordWrap(True)
        set_role(self.title, "title")
        self.client = QLabel(self.card)
        self.client.setWordWrap(True)
        set_role(self.client, "hint")
        self.star = make_button(
            self.card,
            "favouriteButton",
            self.tr("Favourite"),
            self.tr("Keep it among your favourites (Ctrl+D)"),
        )
        self.apply_button = make_button(
            self.card,
            "applyButton",
            self.tr("Apply…"),
            self.tr("Offer your resume and rate; nothing is sent before you consent (Ctrl+Shift+A)"),
            primary=True,
        )
        self.applied = QLabel(self.card)
        self.applied.setObjectName("assignmentApplied")
        set_role(self.applied, "hint")
        actions = QHBoxLayout()
        actions.setSpacing(Space.S)
        actions.addWidget(self.apply_button)
        actions.addWidget(self.star)
        actions.addWidget(self.applied)
        actions.addStretch(1)
        self.facts = QLabel(self.card)
        self.facts.setObjectName("assignmentFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.score = ChipLabel("assignmentScore", self.card)
        heading = QLabel(self.tr("How well it matches"), self.card)
        set_role(heading, "subtitle")
        self.reasons = QLabel(self.card)
        self.reasons.setObjectName("assignmentReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        about = QLabel(self.tr("About the assignment"), self.card)
        set_role(about, "subtitle")
        self.description = QTextBrowser(self.card)
        self.description.setObjectName("assignmentDescription")
        self.description.setOpenExternalLinks(True)
        self.description.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.description.setAccessibleName(self.tr("Description"))
        for widget in (self.title, self.client):
            body.addWidget(widget)
        body.addLayout(actions)
        for widget in (self.facts, self.score, heading, self.reasons, about):
            # The chip as wide as its text; the texts across the card.
            left = widget is self.score
            body.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag(0))
        body.addWidget(self.description, 1)
        body.setSpacing(Space.S)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.card)
        self.empty = QLabel(
            self.tr("Choose an assignment to see what it asks and how well it matches."), self
        )
        set_role(self.empty, "empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.scroll, 1)
        self.show_detail(None)

    def show_application(self, state: str | None, closed: bool) -> None:
        """Apply… while the assignment is open and not applied for; else what became of it."""
        self.apply_button.setVisible(state is None and not closed)
        names = {
            "draft": self.tr("Applied: waiting for the next sync"),
            "submitted": self.tr("Applied: submitted"),
            "proposed": self.tr("Applied: proposed to the client"),
            "interview": self.tr("Applied: interview"),
            "offer": self.tr("Applied: offer"),
            "contracted": self.tr("Applied: contracted"),
            "declined": self.tr("Applied: declined"),
            "withdrawn": self.tr("Applied: withdrawn"),
        }
        text = names.get(state or "", "") if state else (self.tr("Closed for applications") if closed else "")
        self.applied.setText(text)
        self.applied.setVisible(bool(text))

    def show_detail(self, detail: AssignmentDetail | None) -> None:
        self.detail = detail
        self.scroll.setVisible(detail is not None)
        self.empty.setVisible(detail is None)
        if detail is None:
            return
        item, texts = detail.item, self.texts
        self.title.setText(item.title)
        self.client.setText(texts.second_line(item))
        self.star.setText(self.tr("★ Favourite") if detail.favourite else self.tr("☆ Favourite"))
        self.star.setAccessibleName(
            self.tr("Favourite") if not detail.favourite else self.tr("Favourite, on")
        )
        facts = [
            (self.tr("Rate"), texts.rate(item)),
            (
                self.tr("Extent"),
                (
                    self.tr("{percent} % (1 hour a week)")
                    if detail.hours_per_week == 1
                    else self.tr("{percent} % ({hours} hours a week)")
                ).format(percent=item.extent_percent, hours=detail.hours_per_week),
            ),
            (self.tr("Period"), self._period(detail)),
            (self.tr("Seniority"), self._seniority(detail.seniority)),
            (self.tr("Must have"), ", ".join(item.must_have) or "–"),
            (self.tr("Nice to have"), ", ".join(item.nice_to_have) or "–"),
            (self.tr("Apply by"), texts.formats.date(item.closes_at.astimezone().date())),
        ]
        rows = "".join(
            f"<tr><td style='padding-right:12px'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
            for k, v in facts
        )
        self.facts.setText(f"<table>{rows}</table>")
        self.score.set_chip(
            score_chip(detail.match.score), self.tr("{score} % match").format(score=detail.match.score)
        )
        lines = []
        for reason in detail.match.reasons:
            mark, word = ("✓", self.tr("for")) if reason.good else ("✗", self.tr("against"))
            lines.append(
                f"<div>{mark} {html.escape(reason_text(reason, self._number))} <i>({word})</i></div>"
            )
        self.reasons.setText("".join(lines) or html.escape(self.tr("Nothing to say yet.")))
        self.description.setPlainText(detail.description or self.tr("No description."))

    def _number(self, digits: str) -> str:
        """A whole amount the UI's language's way: 1 200 in Swedish, 1,200 in English."""
        try:
            return self.texts.whole(Decimal(digits))
        except InvalidOperation:
            return digits

    def _period(self, detail: AssignmentDetail) -> str:
        item, formats = detail.item, self.texts.formats
        end = formats.date(item.end) if item.end else self.tr("until further notice")
        return f"{formats.date(item.start)} – {end}"

    def _seniority(self, value: str | None) -> str:
        names = {
            "junior": self.tr("Junior"),
            "mid": self.tr("Mid-level"),
            "senior": self.tr("Senior"),
            "expert": self.tr("Expert"),
        }
        return names.get(value or "", "–")
