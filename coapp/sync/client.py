"""One object a front end (GUI or CLI) holds for everything about the platform account.

It opens nothing at import and keeps no ORM objects: every call opens its own short session, so the
GUI may call ``run`` on a worker thread while the window keeps reading the same database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coapp.store.engine import Store
from coapp.sync import account, refused
from coapp.sync.account import SyncStatus
from coapp.sync.api import PlatformApi
from coapp.sync.credentials import TokenStore
from coapp.sync.engine import CommandStep, SyncEngine, SyncReport
from coapp.sync.errors import SignInRequired
from coapp.sync.refused import RefusedChange
from coapp.sync.transport import RetryPolicy
from coapp.sync.wire import Account

if TYPE_CHECKING:
    from coapp.sync.contract_calls import ReviewAnswer, SignedContract


class SyncClient:
    def __init__(
        self,
        store: Store,
        tokens: TokenStore,
        *,
        policy: RetryPolicy | None = None,
        commands: CommandStep | None = None,
        after_round: Callable[[SyncReport], object] | None = None,
    ) -> None:
        self.store = store
        self.tokens = tokens
        self.policy = policy
        self._commands = commands
        self._after_round = after_round

    # --- account -------------------------------------------------------------------------------

    @property
    def keyring_warning(self) -> str | None:
        """Set when tokens live in memory only (no keyring on this system): say it to the user."""
        return self.tokens.warning

    def register(self, server_url: str, email: str, password: str) -> Account:
        url = account.check_server_url(server_url)
        return account.make_api(url, email, self.tokens, self.policy).register(email, password)

    def confirm(self, server_url: str, code: str) -> Account:
        url = account.check_server_url(server_url)
        return account.make_api(url, "", self.tokens, self.policy).confirm(code)

    def sign_in(self, server_url: str, email: str, password: str) -> None:
        account.sign_in(self.store, server_url, email, password, self.tokens, self.policy)

    def sign_out(self) -> None:
        account.sign_out(self.store, self.tokens)

    def status(self) -> SyncStatus:
        return account.status(self.store, self.tokens)

    # --- sync ----------------------------------------------------------------------------------

    def api(self) -> PlatformApi | None:
        return account.current_api(self.store, self.tokens, self.policy)

    def run(self) -> SyncReport:
        """One round. Raises SignInRequired, OfflineError (nothing lost, try later) or ApiError."""
        api = self.api()
        if api is None:
            raise SignInRequired()
        report = SyncEngine(self.store, api, commands=self._commands).run()
        if self._after_round is not None:
            self._after_round(report)
        return report

    # --- contracts (issue 11): online calls, never queued -------------------------------------

    def sign_contract(self, contract_id: str, name: str) -> SignedContract:
        """Sign an offer (coapp.sync.contract_calls): TermsChanged with the new terms stored,
        ContractRefused with the reason, OfflineError saying a signature needs the platform."""
        from coapp.sync import contract_calls

        api = self.api()
        if api is None:
            raise SignInRequired("sign in to the platform to sign the contract")
        return contract_calls.sign_contract(self.store, api, contract_id, name)

    def write_review(self, contract_id: str, score: int, text: str) -> ReviewAnswer:
        from coapp.sync import contract_calls

        api = self.api()
        if api is None:
            raise SignInRequired("sign in to the platform to write the review")
        return contract_calls.write_review(self.store, api, contract_id, score, text)

    # --- refused changes -----------------------------------------------------------------------

    def refused(self) -> list[RefusedChange]:
        return refused.list_refused(self.store)

    def retry(self, change: RefusedChange) -> None:
        refused.retry(self.store, change.entity, change.row_id)

    def discard(self, change: RefusedChange) -> None:
        refused.discard(self.store, change.entity, change.row_id)

    def keep_copy(self, change: RefusedChange, folder: Path) -> Path:
        return refused.keep_copy(self.store, change.entity, change.row_id, folder)
