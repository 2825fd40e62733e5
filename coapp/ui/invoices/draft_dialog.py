"""New draft: which contract, which period (this week, this month, a range, or everything not yet
invoiced) and whether lines go per day or per week."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.contracts import FeeModel
from coapp.domain.invoice_lines import LineMode
from coapp.domain.weeks import IsoWeek
from coapp.ui.invoices.formats import InvoiceFormats
from coapp.ui.theme import set_role
from coapp.ui.toolkit import date_edit

if TYPE_CHECKING:
    from coapp.services.sheets import ContractInfo


class PeriodKind(StrEnum):
    WEEK = "week"
    MONTH = "month"
    RANGE = "range"
    UNINVOICED = "uninvoiced"


@dataclass(frozen=True)
class DraftChoice:
    contract_id: str
    kind: PeriodKind
    first: date  # for UNINVOICED, the service finds the period
    last: date
    mode: LineMode


def month_of(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class NewDraftDialog(QDialog):
    """Emits ``createRequested``; the screen makes the draft, then accepts or shows the reason."""

    createRequested = Signal(object)  # DraftChoice

    def __init__(
        self,
        contracts: list[ContractInfo],
        today: date,
        formats: InvoiceFormats,
        contract_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newDraftDialog")
        self.setWindowTitle(self.tr("New draft invoice"))
        self._today = today
        self._contracts = {c.id: c for c in contracts}

        self.contract = QComboBox(objectName="draftContractCombo")
        self.contract.setAccessibleName(self.tr("Contract"))
        for c in contracts:
            self.contract.addItem(c.display_name, c.id)
        if contract_id is not None:
            self.contract.setCurrentIndex(max(0, self.contract.findData(contract_id)))

        week, (month_first, _) = IsoWeek.of(today), month_of(today)
        self.this_week = QRadioButton(
            self.tr("This week ({week})").format(week=formats.period(week.monday, week.sunday)),
            objectName="draftThisWeek",
        )
        self.this_month = QRadioButton(
            self.tr("This month ({month})").format(month=formats.period(*month_of(today))),
            objectName="draftThisMonth",
        )
        self.custom = QRadioButton(self.tr("From – to"), objectName="draftCustomRange")
        self.uninvoiced = QRadioButton(self.tr("All time not yet invoiced"), objectName="draftAllUninvoiced")
        self.period_group = QButtonGroup(self)
        for button in (self.this_week, self.this_month, self.custom, self.uninvoiced):
            self.period_group.addButton(button)
        self.this_week.setChecked(True)
        date_format = formats.base.date_format
        self.first = date_edit(self, "draftFromDate", date_format, _qdate(month_first))
        self.last = date_edit(self, "draftToDate", date_format, _qdate(today))
        for edit, name in ((self.first, self.tr("First day")), (self.last, self.tr("Last day"))):
            edit.setAccessibleName(name)
        range_row = QHBoxLayout()
        range_row.addWidget(self.first)
        range_row.addWidget(QLabel("–"))
        range_row.addWidget(self.last)
        range_row.addStretch(1)
        periods = QGridLayout()
        periods.addWidget(self.this_week, 0, 0)
        periods.addWidget(self.this_month, 1, 0)
        periods.addWidget(self.uninvoiced, 2, 0)
        periods.addWidget(self.custom, 3, 0)
        periods.addLayout(range_row, 3, 1)

        self.per_day = QRadioButton(self.tr("One line per day"), objectName="draftPerDay")
        self.per_week = QRadioButton(self.tr("One line per week"), objectName="draftPerWeek")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.per_day)
        self.mode_group.addButton(self.per_week)
        self.per_day.setChecked(True)
        modes = QHBoxLayout()
        modes.addWidget(self.per_day)
        modes.addWidget(self.per_week)
        modes.addStretch(1)
        self.fixed_note = QLabel(
            self.tr("A fixed fee is invoiced by milestones: add them as lines once the draft is made.")
        )
        self.fixed_note.setWordWrap(True)

        self.error = QLabel(objectName="draftError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            self.tr("Create draft"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createDraftButton")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Contract"), self.contract)
        form.addRow(self.tr("Period"), periods)
        form.addRow(self.tr("Lines"), modes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fixed_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.period_group.buttonToggled.connect(self._update)
        self.contract.currentIndexChanged.connect(self._update)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._pick_custom)
        self._update()
        self.contract.setFocus(Qt.FocusReason.OtherFocusReason)

    def _pick_custom(self) -> None:
        self.custom.setChecked(True)

    def _update(self) -> None:
        contract = self._contracts.get(self.contract.currentData())
        fixed = contract is not None and contract.fee_model is FeeModel.FIXED
        for button in (self.per_day, self.per_week):
            button.setEnabled(not fixed)
        self.uninvoiced.setEnabled(not fixed)
        if fixed and self.uninvoiced.isChecked():
            self.this_month.setChecked(True)
        self.fixed_note.setVisible(fixed)
        self.create_button.setEnabled(contract is not None)

    def choice(self) -> DraftChoice:
        kind = {
            self.this_week: PeriodKind.WEEK,
            self.this_month: PeriodKind.MONTH,
            self.custom: PeriodKind.RANGE,
            self.uninvoiced: PeriodKind.UNINVOICED,
        }[self.period_group.checkedButton()]
        if kind is PeriodKind.WEEK:
            week = IsoWeek.of(self._today)
            first, last = week.monday, week.sunday
        elif kind is PeriodKind.MONTH:
            first, last = month_of(self._today)
        else:
            first, last = _day(self.first.date()), _day(self.last.date())
        mode = LineMode.PER_WEEK if self.per_week.isChecked() else LineMode.PER_DAY
        return DraftChoice(self.contract.currentData(), kind, first, last, mode)

    def _create(self) -> None:
        self.createRequested.emit(self.choice())

    def show_problem(self, problem: str) -> None:
        """Why the draft was not made (the dialog stays open to change the choice)."""
        self.error.setText(problem[:1].upper() + problem[1:])
        self.error.setVisible(bool(problem))
