"""Background sync: when rounds run, one at a time, and what the GUI shows about them.

A round runs on a worker (coapp.ui.background) and never touches widgets; the engine opens its own
sessions. Rounds start:
- on request (F5, the status widget); a request while one runs queues exactly one more,
- every five minutes,
- about three seconds after the last local edit (LocalChangeWatcher),
- after going offline, again after 15 s, 30 s, 60 s … up to 5 min, and at once when Qt's network
  information (where the system has a backend) says the network is back.
The account calls (sign in, register, confirm, sign out) run on workers too; their answers come
back as ``accountCallFinished`` so a dialog closed meanwhile simply misses them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from coapp.base.worker_imports import WORKER_IMPORTS
from coapp.ui.app_state import AppState
from coapp.ui.background import run_in_background
from coapp.ui.sync.local_changes import LocalChangeWatcher
from coapp.ui.sync.view import SyncView

if TYPE_CHECKING:
    from types import ModuleType

    from coapp.app.context import AppContext
    from coapp.sync.api import PlatformApi
    from coapp.sync.client import SyncClient
    from coapp.ui.sync.calls import ClientHolder, Outcome, Problem


AUTO_INTERVAL_MS = 5 * 60 * 1000
LOCAL_CHANGE_DELAY_MS = 3000
OFFLINE_RETRY_SECONDS = (15, 30, 60, 120, 240, 300)
STATUS_DELAY_MS = 150  # a burst of edits asks the database for the counts once


def _calls() -> ModuleType:
    """The worker-side module (requests, pydantic, keyring), imported on first use (on a worker,
    under the lock that keeps heavy first imports apart: coapp.base.worker_imports)."""
    with WORKER_IMPORTS:
        from coapp.ui.sync import calls

    return calls


class SyncRunner(QObject):
    viewChanged = Signal(object)  # SyncView
    dataArrived = Signal()  # local rows changed under the screens (a pull, a discard): reload
    signedIn = Signal(object)  # the token store's warning (str) or None
    accountCallFinished = Signal(int, object)  # call id, Outcome

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.view = SyncView()
        self.last_server_url: str | None = None  # typed in the sign-in dialog this session
        # Intervals as attributes so tests can shorten them.
        self.local_change_delay_ms = LOCAL_CHANGE_DELAY_MS
        self.offline_retry_seconds: tuple[float, ...] = OFFLINE_RETRY_SECONDS
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)  # a round and an account or status call
        self._holder: ClientHolder | None = None
        self._holder_lock = threading.Lock()
        self._ctx: AppContext | None = None
        self._watcher: LocalChangeWatcher | None = None
        self._started = False
        self._network_watched = False
        self._closed = False
        self._running = False
        self._again = False
        self._status_running = False
        self._status_again = False
        self._offline_failures = 0
        self._generation = 0  # a user's sign-out starts a new one: older rounds cannot end a session
        self._next_call = 0

        self._auto = self._timer(AUTO_INTERVAL_MS, self._automatic_round, single=False)
        self._after_edit = self._timer(self.local_change_delay_ms, self._automatic_round)
        self._retry = self._timer(0, self._automatic_round)
        self._status_soon = self._timer(STATUS_DELAY_MS, self.refresh_status)
        state.when_ready(self._store_ready)

    def _timer(self, ms: int, slot: Callable[[], None], single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # --- start and stop ------------------------------------------------------------------------

    def _store_ready(self) -> None:
        # Called while the store opens; start right after, from the event loop.
        QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        if self._started or self._closed:
            return
        self._started = True
        self._ctx = ctx = self.state.ctx
        self._watcher = LocalChangeWatcher(ctx.store.engine, self)
        self._watcher.connect_queued(self._local_change)
        self._auto.start()
        self._submit(self._read_status, self._first_status)

    def _first_status(self, outcome: Outcome) -> None:
        if self._closed:
            return
        self._set_view(self.view.with_status(outcome.status))
        if outcome.status.signed_in:
            self.request_round()

    def shutdown(self) -> None:
        """Stop starting rounds and wait for the one running (the store closes next)."""
        if self._closed:
            return
        self._closed = True
        for timer in (self._auto, self._after_edit, self._retry, self._status_soon):
            timer.stop()
        if self._watcher is not None:
            self._watcher.stop()
        self.pool.waitForDone(30_000)

    def _watch_network(self) -> None:
        """Qt's network information, where the system has a backend: a round as soon as the
        network returns. Without one, the offline retries alone bring sync back. Watched from the
        first signed-in status on: a device without an account has no round to start (and need
        not load QtNetwork)."""
        if self._network_watched:
            return
        self._network_watched = True
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online and self.view.offline:
            self._automatic_round()

    # --- the client ----------------------------------------------------------------------------

    def _read_status(self) -> Outcome:
        """On a worker: the status, without the sync engine (a device never signed in needs none
        of it: coapp.ui.sync.outcome)."""
        from coapp.ui.sync import outcome

        ctx = self._ctx
        assert ctx is not None
        return outcome.status(ctx.store, lambda: ctx.tokens)

    def _holder_now(self) -> ClientHolder:
        """On a worker: the client holder, made on first use."""
        with self._holder_lock:
            if self._holder is None:
                ctx = self._ctx
                assert ctx is not None
                # ctx.tokens: the keyring opens here, on the worker, at the first use.
                self._holder = _calls().ClientHolder(
                    ctx.store,
                    lambda: ctx.tokens,
                    lambda _report: ctx.confirmation.write_missing_pdfs(),
                )
            return self._holder

    @property
    def client(self) -> SyncClient | None:
        """The SyncClient once a worker has made it; for database-only calls on the GUI thread
        (the refused changes). None in the first moments after start-up."""
        return self._holder.ready if self._holder is not None else None

    def local_client(self) -> SyncClient:
        """A client for the database-only calls (refused changes) on the GUI thread: the real one
        once made, else one without tokens (those calls never touch the network or the keyring)."""
        client = self.client
        if client is None:
            from coapp.sync.client import SyncClient
            from coapp.sync.credentials import MemoryTokenStore

            client = SyncClient(self.state.ctx.store, MemoryTokenStore())
        return client

    # --- rounds --------------------------------------------------------------------------------

    def request_round(self) -> None:
        """Sync now; while a round runs, one more is queued (never more than one)."""
        if self._closed or not self._started:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        self._retry.stop()
        self._after_edit.stop()
        self._set_view(self.view.but(running=True))
        generation = self._generation
        self._submit(
            lambda: _calls().run_round(self._holder_now()),
            lambda outcome: self._round_done(outcome, generation),
        )

    def _automatic_round(self) -> None:
        """Timers and edits sync only an account that is signed in; F5 always tries."""
        if self.view.signed_in:
            self.request_round()

    def _round_done(self, outcome: Outcome, generation: int) -> None:
        if self._closed:
            return
        self._running = False
        problem = outcome.problem
        view = self.view.with_status(outcome.status).but(running=False)
        if problem is None:
            self._offline_failures = 0
            view = view.but(offline=False, error="", session_ended=False)
        elif problem.kind == "offline":
            view = view.but(offline=True, error="")
            self._schedule_retry()
        elif problem.kind == "not_signed_in":
            view = view.but(offline=False, signed_in=False)
        elif problem.kind == "signed_out":
            ended = generation == self._generation and outcome.status.account_email is not None
            view = view.but(offline=False, session_ended=ended, signed_in=False)
        else:
            view = view.but(offline=False, error=problem.detail or problem.kind)
        self._set_view(view)
        if outcome.pulled:
            self.dataArrived.emit()
        if self._again:
            self._again = False
            self.request_round()

    def _schedule_retry(self) -> None:
        delays = self.offline_retry_seconds
        seconds = delays[min(self._offline_failures, len(delays) - 1)]
        self._offline_failures += 1
        self._retry.start(int(seconds * 1000))

    # --- local edits and the status ------------------------------------------------------------

    def _local_change(self) -> None:
        if self._closed:
            return
        self._status_soon.start()
        if self.view.signed_in:
            self._after_edit.start(self.local_change_delay_ms)

    def refresh_status(self) -> None:
        """Read the counts again (after edits, retries, discards); one read at a time."""
        if self._closed or not self._started:
            return
        if self._status_running:
            self._status_again = True
            return
        self._status_running = True
        self._submit(self._read_status, self._status_done)

    def _status_done(self, outcome: Outcome) -> None:
        self._status_running = False
        if self._closed:
            return
        self._set_view(self.view.with_status(outcome.status))
        if self._status_again:
            self._status_again = False
            self.refresh_status()

    def _set_view(self, view: SyncView) -> None:
        if view.signed_in:
            self._watch_network()
        if view != self.view:
            self.view = view
            self.viewChanged.emit(view)

    # --- account -------------------------------------------------------------------------------

    def account_call(self, name: str, *args: str) -> int:
        """Run calls.<name>(holder, *args) on a worker (sign_in, register, confirm_and_sign_in);
        returns the call's id, which ``accountCallFinished`` carries with the Outcome."""
        self._next_call += 1
        call_id = self._next_call

        def work() -> Outcome:
            function: Callable[..., Outcome] = getattr(_calls(), name)
            return function(self._holder_now(), *args)

        self._submit(work, lambda outcome: self._account_done(call_id, name, outcome))
        return call_id

    def _account_done(self, call_id: int, name: str, outcome: Outcome) -> None:
        if self._closed:
            return
        signed_in = outcome.problem is None and name in ("sign_in", "confirm_and_sign_in")
        view = self.view.with_status(outcome.status)
        self._set_view(view.but(session_ended=False, error="") if signed_in else view)
        if signed_in:
            self._offline_failures = 0
            self.signedIn.emit(outcome.token_warning)
            self.request_round()
        self.accountCallFinished.emit(call_id, outcome)

    def platform_call(
        self,
        work: Callable[[PlatformApi], Any],
        done: Callable[[Any], None],
        failed: Callable[[Problem], None],
    ) -> None:
        """Ask the platform something outside a round (earlier versions of a text) on a worker,
        with this device's session. An expected failure (not signed in, offline, refused) reaches
        *failed* as a Problem; anything else is a bug and is reported as one."""

        def call() -> tuple[bool, Any]:
            client = self._holder_now().interactive()
            try:
                api = client.api()
                if api is None:
                    raise _calls().SignInRequired()
                return True, work(api)
            except Exception as exc:
                problem = _calls().classify(exc, client)
                if problem is None:
                    raise
                return False, problem

        def answered(result: tuple[bool, Any]) -> None:
            if not self._closed:
                (done if result[0] else failed)(result[1])

        self._submit(call, answered)

    def sign_out(self) -> None:
        """Forget the tokens (and end the session on the platform when it answers); the data and
        the changes not yet sent stay in the data folder for the next sign-in."""
        if not self._started or self._closed:
            return
        self._generation += 1
        self._retry.stop()
        self._after_edit.stop()
        self._set_view(self.view.but(signed_in=False, session_ended=False, offline=False, error=""))
        self._submit(lambda: _calls().sign_out(self._holder_now()), self._signed_out)

    def _signed_out(self, outcome: Outcome) -> None:
        if self._closed:
            return
        self._set_view(self.view.with_status(outcome.status).but(session_ended=False))

    # --- plumbing ------------------------------------------------------------------------------

    def _submit(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        run_in_background(work, on_done, self._bug, self.pool)

    def _bug(self, error: BaseException) -> None:
        """Not an expected failure: logged with its trace and shown once (the excepthook)."""
        self._running = False
        self._status_running = False
        if not self._closed:
            self._set_view(self.view.but(running=False, error=str(error) or type(error).__name__))
        sys.excepthook(type(error), error, error.__traceback__)
