"""Everything a front end (GUI or CLI) needs, opened on one data folder.

Built in one place so the GUI, the CLI and tests wire services the same way; nothing here is a
module-level singleton.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import configure_mappers

from coapp.base.paths import Paths, make_private_dir
from coapp.base.settings import Settings, load_settings, save_settings
from coapp.services.business import BusinessService
from coapp.services.contracts import ContractService
from coapp.services.invoice_confirm import InvoiceConfirmation
from coapp.services.invoice_drafts import InvoiceDrafts
from coapp.services.invoice_queries import InvoiceQueries
from coapp.services.invoice_series import AccountSeries
from coapp.services.timers import TimerService
from coapp.services.timesheet import TimesheetService
from coapp.store.database import open_store
from coapp.store.engine import Store

if TYPE_CHECKING:  # keyring, requests and pydantic load when the account is first used, not at start-up
    from coapp.services.applications import ApplicationService
    from coapp.services.assignments import AssignmentService
    from coapp.services.contract_view import ContractViews
    from coapp.services.dashboard import DashboardReader
    from coapp.services.insights import InsightsReader
    from coapp.services.notices import NoticeService
    from coapp.services.profile import ProfileService
    from coapp.services.profile_files import ProfileFiles
    from coapp.sync.client import SyncClient
    from coapp.sync.credentials import TokenStore


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
    # None: the OS keyring (or memory with a warning), opened on first use. Demo mode passes memory.
    _tokens: TokenStore | None = field(default=None, repr=False)
    _sync: SyncClient | None = field(default=None, repr=False)
    # The services of the screens built when first shown, made (and their modules imported) on
    # first use: the store opens with only what the timesheet and the invoices need.
    _made: dict[str, Any] = field(default_factory=dict, repr=False)
    _making: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @classmethod
    def open(cls, data_dir: str | Path | None = None, tokens: TokenStore | None = None) -> AppContext:
        paths = Paths.resolve(data_dir)
        paths.ensure()
        # Made here, private, so the folder of confirmed invoices is never the default 0755.
        make_private_dir(paths.invoice_archive)
        store = open_store(paths.database)
        # The mappers' one-time configuration (about 40 ms of Python) is paid by whoever opens the
        # context: the GUI opens it on a worker, so the first query on the GUI thread does not.
        configure_mappers()
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
            confirmation=InvoiceConfirmation(store, AccountSeries(), paths.invoice_archive),
            _tokens=tokens,
        )

    def _made_once(self, name: str, make: Callable[[], Any]) -> Any:
        with self._making:  # a worker and the GUI thread may ask at once; one is made
            if name not in self._made:
                self._made[name] = make()
            return self._made[name]

    @property
    def profile_files(self) -> ProfileFiles:
        """The photo and portfolio files."""
        from coapp.services.profile_files import ProfileFiles

        return self._made_once("profile_files", lambda: ProfileFiles(self.store, self.paths))

    @property
    def profile(self) -> ProfileService:
        from coapp.services.profile import ProfileService

        files = self.profile_files
        return self._made_once(
            "profile", lambda: ProfileService(self.store, files_released=files.collect_garbage)
        )

    @property
    def assignments(self) -> AssignmentService:
        """Searched offline, ranked by match, favourites."""
        from coapp.services.assignments import AssignmentService

        return self._made_once("assignments", lambda: AssignmentService(self.store))

    @property
    def applications(self) -> ApplicationService:
        """Applying with consent, the pipeline, the agent."""
        from coapp.services.applications import ApplicationService

        return self._made_once("applications", lambda: ApplicationService(self.store))

    @property
    def notices(self) -> NoticeService:
        """Events told once, messages and moves seen."""
        from coapp.services.notices import NoticeService

        return self._made_once("notices", lambda: NoticeService(self.store, self.assignments))

    @property
    def dashboard(self) -> DashboardReader:
        """The first screen's one read."""
        from coapp.services.dashboard import DashboardReader

        return self._made_once(
            "dashboard",
            lambda: DashboardReader(
                self.assignments, self.applications, self.timesheet, self.invoices, self.notices
            ),
        )

    @property
    def insights(self) -> InsightsReader:
        """The charts' numbers."""
        from coapp.services.insights import InsightsReader

        return self._made_once("insights", lambda: InsightsReader(self.store))

    @property
    def contract_views(self) -> ContractViews:
        """A contract with its terms, milestones, feedback, reviews and figures."""
        from coapp.services.contract_view import ContractViews

        return self._made_once("contract_views", lambda: ContractViews(self.store))

    @property
    def tokens(self) -> TokenStore:
        """Where the platform's tokens live; opening the keyring is deferred to the first use."""
        if self._tokens is None:
            from coapp.sync.credentials import open_token_store

            self._tokens = open_token_store()
        return self._tokens

    @property
    def sync(self) -> SyncClient:
        """The platform account and sync rounds of this data folder (built on first use)."""
        if self._sync is None:
            from coapp.sync.client import SyncClient

            # Invoices numbered by the platform during a round get their PDF right after it, and
            # files that pulled rows no longer name are removed.
            self._sync = SyncClient(self.store, self.tokens, after_round=self._after_round)
        return self._sync

    def _after_round(self, _report: object) -> None:
        self.confirmation.write_missing_pdfs()
        self.profile_files.collect_garbage()

    def save_settings(self, settings: Settings) -> None:
        save_settings(self.paths.settings, settings)
        self.settings = settings

    def close(self) -> None:
        self.store.dispose()
