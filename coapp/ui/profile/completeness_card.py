"""The completeness meter and its tips; a tip about something on this screen is a button that takes
the keyboard to the field or section it names (the domain's tips carry no target: mapped here)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from coapp.domain.profile_completeness import Completeness
from coapp.ui.i18n import SOURCE_LANGUAGE, current_language
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, set_shown

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


def _tip_templates() -> tuple[tuple[str, str], ...]:
    """(the domain's tip as a pattern, its text in the UI's language); each text in a literal
    translate() call, where lupdate finds it."""
    return (
        ("Add your name", QCoreApplication.translate("CompletenessCard", "Add your name")),
        (
            "Add a professional title, e.g. “Senior backend developer”",
            QCoreApplication.translate(
                "CompletenessCard", "Add a professional title, e.g. “Senior backend developer”"
            ),
        ),
        (
            "Add your e-mail address",
            QCoreApplication.translate("CompletenessCard", "Add your e-mail address"),
        ),
        ("Add a phone number", QCoreApplication.translate("CompletenessCard", "Add a phone number")),
        (
            "Add the city and country you work from",
            QCoreApplication.translate("CompletenessCard", "Add the city and country you work from"),
        ),
        (
            r"Add the languages you speak, with a level \(A1–C2 or native\)",
            QCoreApplication.translate(
                "CompletenessCard", "Add the languages you speak, with a level (A1–C2 or native)"
            ),
        ),
        (
            r"Say from when and how much you are available \(availability\)",
            QCoreApplication.translate(
                "CompletenessCard", "Say from when and how much you are available (availability)"
            ),
        ),
        (
            "Add your hourly or daily rate",
            QCoreApplication.translate("CompletenessCard", "Add your hourly or daily rate"),
        ),
        (
            r"Write a personal letter; (?P<low>\d+)–(?P<high>\d+) words read best",
            QCoreApplication.translate(
                "CompletenessCard", "Write a personal letter; {low}–{high} words read best"
            ),
        ),
        (
            r"Your letter has 1 word; (?P<low>\d+)–(?P<high>\d+) read best",
            QCoreApplication.translate("CompletenessCard", "Your letter has 1 word; {low}–{high} read best"),
        ),
        (
            r"Your letter has (?P<words>\d+) words; (?P<low>\d+)–(?P<high>\d+) read best",
            QCoreApplication.translate(
                "CompletenessCard", "Your letter has {words} words; {low}–{high} read best"
            ),
        ),
        (
            "Add your work experience, the jobs and assignments you are proud of",
            QCoreApplication.translate(
                "CompletenessCard", "Add your work experience, the jobs and assignments you are proud of"
            ),
        ),
        (
            r"Describe what you did as (?P<role>.+) at (?P<organisation>.+)",
            QCoreApplication.translate(
                "CompletenessCard", "Describe what you did as {role} at {organisation}"
            ),
        ),
        (
            r"Add the skills you used at (?P<organisation>.+)",
            QCoreApplication.translate("CompletenessCard", "Add the skills you used at {organisation}"),
        ),
        ("Add your education", QCoreApplication.translate("CompletenessCard", "Add your education")),
        (
            r"Add your skills; at least (?P<n>\d+) help matching",
            QCoreApplication.translate("CompletenessCard", "Add your skills; at least {n} help matching"),
        ),
        (
            r"You list 1 skill; add at least (?P<n>\d+)",
            QCoreApplication.translate("CompletenessCard", "You list 1 skill; add at least {n}"),
        ),
        (
            r"You list (?P<count>\d+) skills; add at least (?P<n>\d+)",
            QCoreApplication.translate("CompletenessCard", "You list {count} skills; add at least {n}"),
        ),
        (
            r"Give a level \(1–5\) for (?P<names>.+)",
            QCoreApplication.translate("CompletenessCard", "Give a level (1–5) for {names}"),
        ),
        (
            "Add a link to your LinkedIn profile, GitHub or portfolio",
            QCoreApplication.translate(
                "CompletenessCard", "Add a link to your LinkedIn profile, GitHub or portfolio"
            ),
        ),
        (
            "Add a certificate, an award or a reference",
            QCoreApplication.translate("CompletenessCard", "Add a certificate, an award or a reference"),
        ),
    )


def tip_text(tip: str) -> str:
    """A tip in the UI's language: the domain words its tips in English (the CLI prints them)."""
    if current_language() == SOURCE_LANGUAGE:
        return tip
    for pattern, text in _tip_templates():
        found = re.fullmatch(pattern, tip)
        if found:
            return text.format(**found.groupdict())
    return tip  # a tip this screen does not know yet: in English rather than not at all


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
        # Made once, here: so they follow the details in the Tab order (labels made later would go
        # to the end of the screen's chain), and an edit does not rebuild them.
        self._labels: list[QLabel] = []
        for _ in range(MAX_TIPS):
            label = QLabel(self)
            label.setWordWrap(True)
            label.linkActivated.connect(self.tipChosen)
            label.hide()
            self._tips.addWidget(label)
            self._labels.append(label)
        self.tip_widgets: list[QLabel] = []  # the tips shown
        self._shown: Completeness | None = None

    def show_completeness(self, result: Completeness) -> None:
        if result == self._shown:
            return  # most edits leave the score and the tips as they were: nothing to lay out again
        self._shown = result
        self.meter.setValue(result.score)
        self.meter.setAccessibleDescription(self.tr("{n} % complete").format(n=result.score))
        self.intro.setText(
            self.tr("What would raise it most:") if result.tips else self.tr("Your profile is complete.")
        )
        tips = result.tips[:MAX_TIPS]
        for label, english in zip(self._labels, tips, strict=False):
            target = tip_target(english)
            tip = tip_text(english)
            # A tip about this screen is a link (underlined, Tab reaches it, Enter follows it) to the
            # place to fix it; every tip wraps across the card.
            label.setAccessibleName(tip)
            label.setObjectName(f"profileTip_{target}" if target else "")
            if target:
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(f'<a href="{target}">{html.escape(tip)}</a>')
                label.setTextInteractionFlags(
                    Qt.TextInteractionFlag.LinksAccessibleByMouse
                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                )
                label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                label.setAccessibleDescription(self.tr("Goes to the place to fix it"))
            else:
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setText(tip)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
                label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                label.setAccessibleDescription("")
            set_shown(label, True)
        for label in self._labels[len(tips) :]:
            set_shown(label, False)
            label.setObjectName("")
            label.clear()
        self.tip_widgets = self._labels[: len(tips)]
