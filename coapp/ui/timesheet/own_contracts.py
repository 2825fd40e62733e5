"""Starting without the platform: the demo's data, or a contract of the user's own. Called by the
timesheet screen (its first-run panel and the Time menu); texts stay in its translation context."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from coapp.ui.error_text import error_text, translated
from coapp.ui.timesheet.contract_dialog import ContractDialog

if TYPE_CHECKING:
    from coapp.ui.timesheet.contract_dialog import ContractDraft
    from coapp.ui.timesheet.screen import TimesheetScreen


def fill_demo(screen: TimesheetScreen) -> None:
    """The demo's contracts and time into this (empty) data folder, on the writes lane."""
    from coapp.services.demo import DemoSummary, seed_demo

    ctx, country = screen.ctx, screen.state.settings.holiday_country
    screen.first_run.demo_button.setEnabled(False)
    screen.first_run.show_error("")

    def done(summary: DemoSummary) -> None:
        screen.first_run.demo_button.setEnabled(True)
        screen.this_week()
        screen.grid.setFocus()  # the keyboard goes where the typing happens
        added = (
            QCoreApplication.translate(
                "TimesheetScreen",
                "Demo data added: {contracts} contracts, two years of time, {invoices} invoices and 1 draft to confirm.",  # noqa: E501
            )
            if summary.drafts == 1  # the demo always makes several contracts and invoices, drafts vary
            else QCoreApplication.translate(
                "TimesheetScreen",
                "Demo data added: {contracts} contracts, two years of time, {invoices} invoices and {drafts} drafts to confirm.",  # noqa: E501
            )
        ).format(contracts=len(summary.contracts), invoices=summary.invoices, drafts=summary.drafts)
        screen.show_message(added, False)

    def failed(error: BaseException) -> None:
        screen.first_run.demo_button.setEnabled(True)
        from coapp.domain.errors import CoappError

        if not isinstance(error, CoappError):
            raise error
        screen.first_run.show_error(error_text(error))

    screen.state.tasks.write(
        lambda: seed_demo(ctx, today=date.today(), holiday_country=country), done, failed
    )


def add_contract(screen: TimesheetScreen) -> ContractDialog:
    seller = screen.ctx.business.get().country or "SE"
    dialog = ContractDialog(screen.formats, seller, date.today(), screen)
    dialog.saveRequested.connect(lambda draft: _save_contract(screen, dialog, draft))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _save_contract(screen: TimesheetScreen, dialog: ContractDialog, draft: ContractDraft) -> None:
    from coapp.domain.contracts import FeeModel
    from coapp.domain.errors import CoappError
    from coapp.domain.identifiers import validate_vat_number

    contracts = screen.ctx.contracts
    try:
        if draft.vat_number:
            validate_vat_number(draft.vat_number, draft.country)  # before anything is saved
        contract = contracts.create(
            client_name=draft.client_name,
            title=draft.title,
            fee_model=FeeModel.HOURLY,
            rate=draft.rate,
            currency=draft.currency,
            commission_percent=Decimal(0),  # the platform takes nothing on work it did not bring
            start_date=draft.start_date,
            end_date=draft.end_date,
        )
        contracts.set_client_details(
            contract.id,
            address=draft.address,
            postcode=draft.postcode,
            city=draft.city,
            country=draft.country,
            vat_number=draft.vat_number,
        )
    except CoappError as exc:
        dialog.show_error(translated(exc))  # the dialog capitalises
        return
    dialog.accept()
    week = screen.controller.week
    if not contract.active_on(week.monday) and not contract.active_on(week.sunday):
        screen.show_date(contract.start_date)
    else:
        screen.controller.reload()
    added = QCoreApplication.translate("TimesheetScreen", "Contract {title} added.")
    screen.show_message(added.format(title=contract.title), False)
    screen.grid.setFocus()
