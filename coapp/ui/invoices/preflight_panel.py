"""The pre-flight check's answer: every problem that stops a confirmation, each with what to do,
and buttons for the fixes that are one step away (business details, refreshing the draft)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coapp.domain.errors import Sentence
from coapp.ui.error_text import error_text
from coapp.ui.theme import set_role

# What to do, for problems the services name (matched on their wording, in order).
_HINTS = (
    (
        "refresh the draft",
        QT_TRANSLATE_NOOP("PreflightPanel", "Click Refresh draft to take the timesheet as it is now."),
    ),
    (
        "client's",
        QT_TRANSLATE_NOOP("PreflightPanel", "The client's details come with the contract from the platform."),
    ),
    (
        "outside the contract's period",
        QT_TRANSLATE_NOOP(
            "PreflightPanel", "Move that time in the timesheet, or draft a period inside the contract."
        ),
    ),
    (
        "more than 24 hours",
        QT_TRANSLATE_NOOP("PreflightPanel", "Correct that day in the timesheet, then refresh the draft."),
    ),
    ("no lines", QT_TRANSLATE_NOOP("PreflightPanel", "Add a line, or draft a period with reported time.")),
    ("amounts to zero", QT_TRANSLATE_NOOP("PreflightPanel", "Give the lines a quantity and a price.")),
    ("has no VAT rate", QT_TRANSLATE_NOOP("PreflightPanel", "Check the country in your business details.")),
)


class PreflightPanel(QFrame):
    businessDetailsRequested = Signal()
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preflightProblems")
        self.setAccessibleName(self.tr("Problems that stop the confirmation"))
        set_role(self, "problems")
        self.heading = QLabel(self.tr("This invoice cannot be confirmed yet:"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list_label = QLabel()
        self.list_label.setObjectName("preflightList")
        self.list_label.setWordWrap(True)
        self.list_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.business_button = QPushButton(self.tr("Business details…"))
        self.business_button.setObjectName("openBusinessDetailsButton")
        self.business_button.setAccessibleName(self.tr("Open business details"))
        self.business_button.clicked.connect(self.businessDetailsRequested)
        self.refresh_button = QPushButton(self.tr("Refresh draft"))
        self.refresh_button.setObjectName("preflightRefreshButton")
        self.refresh_button.clicked.connect(self.refreshRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.business_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list_label)
        layout.addLayout(buttons)
        self._problems: list[Sentence] = []
        self.hide()

    def problems(self) -> list[Sentence]:
        return list(self._problems)

    def show_problems(self, problems: list[Sentence], business: set[Sentence]) -> None:
        """List *problems*; those in *business* are fixed in the business details dialog."""
        self._problems = list(problems)
        if not problems:
            self.list_label.setText("")
            self.hide()
            return
        lines = []
        for problem in problems:
            text = error_text(problem)  # said in the UI's language; hints chosen by its English
            if problem in business:
                if "business details" not in problem:
                    text += " — " + self.tr("fix it in Business details (Edit ▸ Business details…).")
            else:
                hint = next((h for key, h in _HINTS if key in problem), "")
                if hint:
                    text += " — " + self.tr(hint)
            lines.append(f"• {text}")
        self.list_label.setText("\n".join(lines))
        self.setAccessibleDescription(self.list_label.text())
        self.business_button.setVisible(any(p in business for p in problems))
        self.refresh_button.setVisible(any("refresh the draft" in p for p in problems))
        self.show()
