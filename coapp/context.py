"""Everything a front end (GUI or CLI) needs, opened on one data folder.

Built in one place so the GUI, the CLI and tests wire services the same way; nothing here is a
module-level singleton.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coapp.paths import Paths
from coapp.services.business import BusinessService
from coapp.services.contracts import ContractService
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_drafts import InvoiceDrafts
from coapp.services.invoice_queries import InvoiceQueries
from coapp.services.invoice_series import LocalSeries
from coapp.services.timers import TimerService
from coapp.services.timesheet import TimesheetService
from coapp.settings import Settings, load_settings, save_settings
from coapp.store.database import open_store
from coapp.store.engine import Store


@dataclass
class AppContext:
    paths: Paths
    store: Store
    settings: Settings
    contracts: ContractService
    timesheet: TimesheetService
    timers: TimerService
    business: BusinessService
    drafts: InvoiceDrafts
    invoices: InvoiceQueries
    confirmation: InvoiceConfirmation

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> AppContext:
        paths = Paths.resolve(data_dir)
        paths.ensure()
        store = open_store(paths.database)
        timesheet = TimesheetService(store)
        return cls(
            paths=paths,
            store=store,
            settings=load_settings(paths.settings),
            contracts=ContractService(store),
            timesheet=timesheet,
            timers=TimerService(store, timesheet),
            business=BusinessService(store),
            drafts=InvoiceDrafts(store),
            invoices=InvoiceQueries(store),
            # The local store numbers invoices until sync makes the platform the authority.
            confirmation=InvoiceConfirmation(store, LocalSeries(), paths.invoice_archive),
        )

    def save_settings(self, settings: Settings) -> None:
        save_settings(self.paths.settings, settings)
        self.settings = settings

    def close(self) -> None:
        self.store.dispose()
