"""The completeness meter and its tips; a tip about something on this screen is a button that takes
the keyboard to the field or section it names (the domain's tips carry no target: mapped here)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from coapp.domain.profile_completeness import Completeness
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card

MAX_TIPS = 5

# A tip's opening words -> where on this screen it is fixed ("" : a section not on it yet).
TIP_TARGETS = (
    ("Add your name", "name"),
    ("Add a professional title", "title"),
    ("Add your e-mail", "email"),
    ("Add a phone", "phone"),
    ("Add the city", "city"),
    ("Say from when", "available_from"),
    ("Add your hourly", "hourly_rate"),
    ("Write a personal letter", "letter"),
    ("Your letter has", "letter"),
    ("Add the languages you speak", "languages"),
    ("Add a link to your LinkedIn", "links"),
    ("Add your work experience", "experience"),
    ("Describe what you did", "experience"),
    ("Add the skills you used", "experience"),
    ("Add your skills", "skills"),
    ("You list", "skills"),
    ("Give a level", "skills"),
    ("Add your education", "education"),
    ("Add a certificate", "certificates"),
)


def tip_target(tip: str) -> str:
    return next((target for start, target in TIP_TARGETS if tip.startswith(start)), "")


class CompletenessCard(Card):
    tipChosen = Signal(str)  # the target: a field name or a section ("letter", "skills", …)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("profileCompletenessCard", parent)
        heading = QLabel(self.tr("Completeness"), self)
        set_role(heading, "subtitle")
        self.body.addWidget(heading)
        self.meter = QProgressBar(self)
        self.meter.setObjectName("profileCompleteness")
        self.meter.setRange(0, 100)
        self.meter.setAccessibleName(self.tr("Profile completeness"))
        self.meter.setFormat("%p %")
        self.body.addWidget(self.meter)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        set_role(self.intro, "hint")
        self.body.addWidget(self.intro)
        self._tips = QVBoxLayout()
        self._tips.setSpacing(Space.S)
        self.body.addLayout(self._tips)
        self.body.addStretch(1)
        self.tip_widgets: list[QLabel] = []

    def show_completeness(self, result: Completeness) -> None:
        self.meter.setValue(result.score)
        self.meter.setAccessibleDescription(self.tr("{n} % complete").format(n=result.score))
        self.intro.setText(
            self.tr("What would raise it most:") if result.tips else self.tr("Your profile is complete.")
        )
        for widget in self.tip_widgets:
            widget.deleteLater()
        self.tip_widgets = []
        for tip in result.tips[:MAX_TIPS]:
            target = tip_target(tip)
            # A tip about this screen is a link (underlined, Tab reaches it, Enter follows it) to the
            # place to fix it; every tip wraps across the card.
            label = QLabel(self)
            label.setWordWrap(True)
            label.setAccessibleName(tip)
            if target:
                label.setObjectName(f"profileTip_{target}")
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(f'<a href="{target}">{html.escape(tip)}</a>')
                label.setTextInteractionFlags(
                    Qt.TextInteractionFlag.LinksAccessibleByMouse
                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                )
                label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                label.setAccessibleDescription(self.tr("Goes to the place to fix it"))
                label.linkActivated.connect(self.tipChosen)
            else:
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setText(tip)
            self._tips.addWidget(label)
            self.tip_widgets.append(label)
