"""The first run: no contract yet, so no grid to type into. Three ways on, each one click away:
sign in (contracts come from the platform), try the demo, or add a contract of your own."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, make_button


class FirstRunPanel(QWidget):
    signInRequested = Signal()
    demoRequested = Signal()
    contractRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPanel")
        self.setAccessibleName(self.tr("Getting started"))
        heading = QLabel(self.tr("Welcome to coapp"), objectName="firstRunHeading")
        set_role(heading, "title")
        intro = QLabel(
            self.tr(
                "Your week's time goes into a grid, one row per contract. There is no contract here "
                "yet: choose how to start."
            ),
            objectName="firstRunIntro",
        )
        intro.setWordWrap(True)
        self.sign_in_button = make_button(
            self,
            "firstRunSignInButton",
            self.tr("Sign in…"),
            self.tr("Sign in to the platform"),
            self.signInRequested.emit,
            primary=True,
        )
        self.demo_button = make_button(
            self,
            "firstRunDemoButton",
            self.tr("Fill with demo data"),
            self.tr("Three sample contracts and twelve weeks of time in this data folder"),
            self.demoRequested.emit,
        )
        self.contract_button = make_button(
            self,
            "firstRunContractButton",
            self.tr("Add a contract…"),
            self.tr("A contract of your own, for work outside the platform"),
            self.contractRequested.emit,
        )
        cards = QHBoxLayout()
        cards.setSpacing(Space.L)
        for name, title, text, button in (
            (
                "firstRunSignIn",
                self.tr("Sign in to the platform"),
                self.tr(
                    "Your contracts arrive from the platform, with the time you reported on your "
                    "other computers. Work you do before signing in syncs at the first sign-in."
                ),
                self.sign_in_button,
            ),
            (
                "firstRunDemo",
                self.tr("Try it with demo data"),
                self.tr(
                    "Fills this empty data folder with three sample contracts and twelve weeks of "
                    "time. To try the whole app against a demo platform instead, start it with "
                    "“coapp --demo”."
                ),
                self.demo_button,
            ),
            (
                "firstRunContract",
                self.tr("Add a contract of your own"),
                self.tr(
                    "For work outside the platform: the client, the rate and the period. Report "
                    "time and invoice it like any other contract."
                ),
                self.contract_button,
            ),
        ):
            cards.addWidget(self._card(name, title, text, button), 1)
        self.demo_error = QLabel(objectName="firstRunError")
        self.demo_error.setWordWrap(True)
        set_role(self.demo_error, "error")
        self.demo_error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.XL, Space.XL, Space.XL, Space.XL)
        layout.setSpacing(Space.L)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(cards)
        layout.addWidget(self.demo_error)
        layout.addStretch(1)
        self.setFocusProxy(self.sign_in_button)

    def _card(self, name: str, title: str, text: str, button: QPushButton) -> Card:
        card = Card(name, self)
        heading = QLabel(title)
        set_role(heading, "subtitle")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        card.body.addWidget(heading)
        card.body.addWidget(body, 1)
        card.body.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        card.setAccessibleName(title)
        card.setAccessibleDescription(text)
        return card

    def show_error(self, text: str) -> None:
        self.demo_error.setText(text)
        self.demo_error.setVisible(bool(text))
