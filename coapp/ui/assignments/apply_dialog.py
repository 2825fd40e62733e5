"""Apply (issue 10): the offer first (which resume, the rate per hour or day, from when and how much,
a message), then the consent step, which lists exactly what is shared with whom. Nothing is stored or
sent without the tick; with it the application and its consent are stored together and the next
sync sends them (offline too). A rate outside the client's range is a warning, never a refusal.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.domain.resume_variants import RESUME_SECTIONS
from coapp.ui.error_text import error_text
from coapp.ui.profile.resume_dialog import section_title
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import ErrorBanner, date_edit

if TYPE_CHECKING:
    from coapp.services.assignments_rows import AssignmentItem
    from coapp.services.resume_variants import ResumeVariant
    from coapp.ui.app_state import AppState
    from coapp.ui.assignments.list_model import RowTexts

HOURS_PER_DAY = 8  # a day rate is weighed against the hourly range as eight hours


class ApplyDialog(QDialog):
    applied = Signal(object)  # the ApplyResult, once stored

    def __init__(
        self,
        state: AppState,
        item: AssignmentItem,
        hours_per_week: int,
        texts: RowTexts,
        variants: list[ResumeVariant],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("applyDialog")
        self.setWindowTitle(self.tr("Apply for {title}").format(title=item.title))
        self._state, self.item, self.texts = state, item, texts
        self.sending = False

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._offer_page(hours_per_week, variants))
        self.pages.addWidget(self._consent_page())
        self.banner = ErrorBanner("applyBanner", self.tr("Application messages"), self)
        self.back = QPushButton(self.tr("Back"), self)
        self.back.setObjectName("applyBack")
        self.back.clicked.connect(lambda: self._go(0))
        self.next = QPushButton(self.tr("Next: what is shared"), self)
        self.next.setObjectName("applyNext")
        self.next.setDefault(True)
        self.next.clicked.connect(self.to_consent)
        self.send = QPushButton(self.tr("Send application"), self)
        self.send.setObjectName("applySend")
        set_role(self.send, "primary")
        self.send.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.next)
        buttons.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.L, Space.L, Space.L, Space.L)
        layout.setSpacing(Space.M)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        self._go(0)
        self._rate_changed()
        self.resize(620, 520)

    # --- the offer ------------------------------------------------------------------------------------

    def _offer_page(self, hours_per_week: int, variants: list[ResumeVariant]) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(Space.M)
        grid.setVerticalSpacing(Space.S)
        intro = QLabel(
            self.tr(
                "Your offer to {client}: the client sees it only after you consent on the next step."
            ).format(client=self.item.client_name),
            page,
        )
        intro.setWordWrap(True)
        set_role(intro, "hint")
        self.variant = QComboBox(page)
        self.variant.setObjectName("applyVariant")
        self._sections: dict[str | None, tuple[str, ...]] = {None: RESUME_SECTIONS}
        self.variant.addItem(self.tr("Your whole profile"), None)
        for variant in variants:
            self.variant.addItem(variant.name, variant.name)
            self._sections[variant.name] = variant.sections
        self.rate = QLineEdit(page)
        self.rate.setObjectName("applyRate")
        self.rate.setText(self.texts.whole(self.item.rate_max))  # the top of the range, to change
        self.rate.textChanged.connect(self._rate_changed)
        self.per_hour = QRadioButton(self.tr("per hour"), page)
        self.per_day = QRadioButton(self.tr("per day"), page)
        self.per_hour.setChecked(True)
        self.per = QButtonGroup(page)
        for button in (self.per_hour, self.per_day):
            self.per.addButton(button)
            button.toggled.connect(self._rate_changed)
        rate_row = QHBoxLayout()
        rate_row.setSpacing(Space.M)
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(QLabel(self.item.currency, page))
        rate_row.addWidget(self.per_hour)
        rate_row.addWidget(self.per_day)
        self.rate_note = QLabel(page)
        self.rate_note.setObjectName("applyRateNote")
        self.rate_note.setWordWrap(True)
        set_role(self.rate_note, "hint")
        start = max(self.item.start, date.today())
        self.available = date_edit(
            page,
            "applyAvailable",
            self.texts.formats.date_format,
            QDate(start.year, start.month, start.day),
        )
        self.hours = QSpinBox(page)
        self.hours.setObjectName("applyHours")
        self.hours.setRange(1, 80)
        self.hours.setValue(hours_per_week)
        self.hours.setSuffix(self.tr(" h a week"))
        self.message = QPlainTextEdit(page)
        self.message.setObjectName("applyMessage")
        self.message.setPlaceholderText(self.tr("A few lines to the client: why you, why now (optional)"))
        self.message.setTabChangesFocus(True)
        rows = (
            (self.tr("&Resume"), self.variant),
            (self.tr("R&ate"), rate_row),
            (None, self.rate_note),
            (self.tr("Available &from"), self.available),
            (self.tr("&Hours"), self.hours),
            (self.tr("&Message"), self.message),
        )
        grid.addWidget(intro, 0, 0, 1, 2)
        for row, (label, field) in enumerate(rows, start=1):
            if label is not None:
                caption = QLabel(label, page)
                buddy = field if isinstance(field, QWidget) else self.rate
                caption.setBuddy(buddy)
                grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            if isinstance(field, QWidget):
                grid.addWidget(field, row, 1)
            else:
                grid.addLayout(field, row, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(rows), 1)
        return page

    def rate_value(self) -> Decimal | None:
        text = self.rate.text().strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
        return value if value.is_finite() and value > 0 else None

    def per_value(self) -> str:
        return "day" if self.per_day.isChecked() else "hour"

    def _rate_changed(self) -> None:
        """Where the rate stands against the client's range: said, never refused."""
        rate = self.rate_value()
        if rate is None:
            self.rate_note.setText(self.tr("Write the rate as an amount, like 950 or 950,50."))
            return
        hourly = rate / HOURS_PER_DAY if self.per_value() == "day" else rate
        span = self.texts.rate(self.item)
        if hourly < self.item.rate_min:
            text = self.tr("Below the client's range ({range}).").format(range=span)
        elif hourly > self.item.rate_max:
            text = self.tr("Above the client's range ({range}): you may still send it.").format(range=span)
        else:
            text = self.tr("Within the client's range ({range}).").format(range=span)
        self.rate_note.setText(text)

    # --- the consent -----------------------------------------------------------------------------------

    def _consent_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setSpacing(Space.M)
        heading = QLabel(self.tr("What is shared, with whom"), page)
        set_role(heading, "subtitle")
        self.summary = QLabel(page)
        self.summary.setObjectName("applySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consent = QCheckBox(self.tr("I consent to sharing this with the client through my agent"), page)
        self.consent.setObjectName("applyConsent")
        self.consent.toggled.connect(lambda _on: self._enable())
        note = QLabel(
            self.tr("Your consent is kept as a record you can see and export. Without it nothing is sent."),
            page,
        )
        note.setWordWrap(True)
        set_role(note, "hint")
        column.addWidget(heading)
        column.addWidget(self.summary)
        column.addWidget(self.consent)
        column.addWidget(note)
        column.addStretch(1)
        return page

    def to_consent(self) -> None:
        rate = self.rate_value()
        if rate is None:
            self.banner.show_error(self.tr("Write the rate as an amount, like 950 or 950,50."))
            self.rate.setFocus()
            return
        self.banner.clear()
        per = self.tr("per hour") if self.per_value() == "hour" else self.tr("per day")
        resume = self.variant.currentText()
        message = self.message.toPlainText().strip() or self.tr("(no message)")
        facts = [
            self.tr("To: {client}, through your agent").format(client=self.item.client_name),
            self.tr("Your resume: {variant}, as it is now ({sections})").format(
                variant=resume,
                sections=", ".join(section_title(n) for n in self._sections[self.variant.currentData()]),
            ),
            self.tr("Your rate: {rate} {currency} {per}").format(
                rate=self.texts.whole(rate) if rate == rate.to_integral() else self.rate.text().strip(),
                currency=self.item.currency,
                per=per,
            ),
            (
                self.tr("Available from {date}, 1 hour a week")
                if self.hours.value() == 1
                else self.tr("Available from {date}, {hours} hours a week")
            ).format(date=self.texts.formats.date(self._available()), hours=self.hours.value()),
            self.tr("Your message: {message}").format(message=message),
        ]
        self.summary.setText("\n".join(f"• {fact}" for fact in facts))
        self.consent.setChecked(False)
        self._go(1)

    def _available(self) -> date:
        qdate = self.available.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back.setVisible(page == 1)
        self.next.setVisible(page == 0)
        self.send.setVisible(page == 1)
        self.next.setDefault(page == 0)
        self.send.setDefault(page == 1)
        (self.consent if page == 1 else self.rate).setFocus()
        self._enable()

    def _enable(self) -> None:
        self.send.setEnabled(self.consent.isChecked() and not self.sending)

    def submit(self) -> None:
        """Store the application with its consent (the writes lane); the next sync sends them."""
        rate = self.rate_value()
        if not self.consent.isChecked() or rate is None or self.sending:
            return
        service = self._state.ctx.applications
        item_id, per, variant = self.item.id, self.per_value(), self.variant.currentData()
        available = self._available()
        hours, message = self.hours.value(), self.message.toPlainText()
        self.sending = True
        self._enable()

        def work():  # type: ignore[no-untyped-def]
            return service.apply(item_id, rate, per, variant, available, hours, message, consent=True)

        def done(result: object) -> None:
            self.sending = False
            self.applied.emit(result)
            self.accept()

        def failed(error: BaseException) -> None:
            self.sending = False
            self._enable()
            if not isinstance(error, CoappError):
                raise error
            self.banner.show_error(error_text(error))

        self._state.tasks.write(work, done, failed)
