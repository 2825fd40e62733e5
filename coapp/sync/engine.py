"""One sync round (SYNC.md): push the outbox, send queued commands, pull the change feed, compare.

No Qt here: the GUI runs ``SyncEngine.run`` on a worker thread, the CLI calls it directly. Every step
commits locally before the next request, so a round killed at any point resumes where it stopped.
A round with nothing to do is one request (the change feed answers "nothing after your cursor").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import partial

from sqlalchemy.orm import Session

from coapp.base.gc_pause import gc_paused
from coapp.models import SyncSeen, SyncState
from coapp.store.engine import Store
from coapp.sync import push, resync
from coapp.sync.api import PlatformApi
from coapp.sync.errors import ApiError, SignInRequired
from coapp.sync.lookahead import Lookahead
from coapp.sync.pull import apply_page
from coapp.sync.wire import CHANGES_LIMIT_MAX, ChangesPage

log = logging.getLogger(__name__)

# Pages as large as the server allows: fewer requests and commits for a first sync.
DEFAULT_PAGE_LIMIT = CHANGES_LIMIT_MAX
CLOCK_TOLERANCE_SECONDS = 300  # SYNC.md: warn when the clock is off by more than five minutes
MAX_PUSH_BATCHES = 1000  # a bound, not a budget: 500,000 ops


@dataclass
class SyncReport:
    pushed: int = 0
    refused: int = 0
    pulled: int = 0
    commands: int = 0
    requests: int = 0
    resynced: str = ""  # "", "epoch" or "full"
    clock_skew_seconds: int = 0
    # The profile's files (coapp.sync.files): moved this round, and left for a later one.
    files_uploaded: int = 0
    files_downloaded: int = 0
    file_problems: int = 0

    @property
    def clock_warning(self) -> bool:
        return abs(self.clock_skew_seconds) > CLOCK_TOLERANCE_SECONDS


# Commands (confirming invoices) run between the push and the pull; coapp.sync.invoice_commands plugs in here.
CommandStep = Callable[[Store, PlatformApi], int]


class SyncEngine:
    def __init__(
        self,
        store: Store,
        api: PlatformApi,
        *,
        page_limit: int = DEFAULT_PAGE_LIMIT,
        commands: CommandStep | None = None,
        file_chunk_size: int | None = None,
    ) -> None:
        self.store = store
        self.api = api
        self.page_limit = page_limit
        self.file_chunk_size = file_chunk_size
        self._commands: CommandStep = commands if commands is not None else _all_commands

    def run(self) -> SyncReport:
        report = SyncReport()
        start = self.api.requests
        with self.store.read() as s:
            state = s.get(SyncState, 1)
            if state is None:
                raise SignInRequired()
            first = state.epoch is None
        try:
            if first:
                self._check_epoch()
            report.pushed, report.refused = self._push()
            report.commands = self._commands(self.store, self.api)
            report.pulled, report.resynced = self._pull()
            if report.resynced == "epoch":
                # The server lost what it had of ours: send it again, then take the feed once more.
                pushed, refused = self._push()
                report.pushed += pushed
                report.refused += refused
                report.pulled += self._pull()[0]
            if report.pushed or report.pulled or report.resynced:
                report.resynced = self._compare(report.resynced)
            self._files(report)
            self._agent()
            report.clock_skew_seconds = self._clock_skew()
        except Exception as exc:
            self._note_error(str(exc))
            raise
        finally:
            report.requests = self.api.requests - start
        with self.store.write() as s:
            state = s.get_one(SyncState, 1)
            state.last_synced_at = datetime.now(UTC)
            state.last_error = None
            state.clock_skew_seconds = report.clock_skew_seconds
        return report

    # --- steps ---------------------------------------------------------------------------------

    def _check_epoch(self) -> None:
        meta = self.api.meta()
        with self.store.write() as s:
            state = s.get_one(SyncState, 1)
            if state.epoch is None:
                state.epoch = meta.epoch
            elif state.epoch != meta.epoch:
                resync.after_epoch_change(s, state, meta.epoch)

    def _push(self) -> tuple[int, int]:
        pushed = refused = 0
        for _ in range(MAX_PUSH_BATCHES):
            with self.store.write() as s:
                push.drop_local_only(s)
                state = s.get_one(SyncState, 1)
                batch = push.prepare(s, state)
            if batch is None:
                break
            response = self.api.push(batch.ops(), batch.key)
            with self.store.write() as s:
                state = s.get_one(SyncState, 1)
                tally = push.apply_results(s, state, batch, response)
            pushed += tally.applied
            refused += tally.refused
        return pushed, refused

    def _pull(self) -> tuple[int, str]:
        pulled = 0
        resynced = ""
        # The next page, asked for while this one is applied (coapp.sync.lookahead); None: ask
        # from the stored cursor. No cyclic collections meanwhile: the pages' thousands of wire
        # models would make the collector rescan the whole process every few pages (gc_pause).
        upcoming: Future[ChangesPage] | None = None
        with gc_paused(), Lookahead() as ahead:
            while True:
                try:
                    if upcoming is None:
                        with self.store.read() as s:
                            cursor = s.get_one(SyncState, 1).cursor
                        page = self.api.changes(cursor, self.page_limit)
                    else:
                        page, upcoming = upcoming.result(), None
                except ApiError as exc:
                    if exc.status != 410 or resynced:
                        raise
                    resynced = self._gone(exc.code)
                    continue
                if page.has_more:
                    upcoming = ahead.submit(partial(self.api.changes, page.cursor, self.page_limit))
                with self.store.write() as s:
                    state = s.get_one(SyncState, 1)
                    pulled += apply_page(s, state, page)
                    if not page.has_more:
                        _finish_full_pull(s, state)
                        state.epoch = page.cursor.partition(".")[0] or state.epoch
                if not page.has_more:
                    return pulled, resynced

    def _files(self, report: SyncReport) -> None:
        """The files the rows name, up and down (after the pull: a pulled row may name a new one)."""
        from coapp.sync.files import FileTransfers, forget_uploads

        if report.resynced == "epoch":
            with self.store.write() as s:
                forget_uploads(s)
        step = FileTransfers(self.store, self.api)
        if self.file_chunk_size is not None:
            step.chunk_size = min(step.chunk_size, self.file_chunk_size)
        moved = step.run()
        report.files_uploaded, report.files_downloaded = moved.uploaded, moved.downloaded
        report.file_problems = moved.problems

    def _agent(self) -> None:
        from coapp.sync.agent_card import refresh_agent

        refresh_agent(self.store, self.api)

    def _gone(self, code: str) -> str:
        """410: the cursor cannot be continued. Decide between a full pull and a full resend."""
        meta = self.api.meta()
        with self.store.write() as s:
            state = s.get_one(SyncState, 1)
            if code in ("epoch_changed", "cursor_unknown") or meta.epoch != state.epoch:
                resync.after_epoch_change(s, state, meta.epoch)
                return "epoch"
            resync.start_full_pull(s, state)
            return "full"

    def _compare(self, resynced: str) -> str:
        """Counts and (id, version) digests against the server's; a mismatch means a full pull."""
        summary = self.api.summary()
        with self.store.write() as s:
            state = s.get_one(SyncState, 1)
            at = (state.cursor or "").rpartition(".")[2]
            if at != str(summary.as_of):
                return resynced  # written to since our last page: the next round compares
            if not resync.matches(s, summary) and not resynced:
                log.warning("replica differs from the server's summary: full pull")
                resync.start_full_pull(s, state)
                mismatch = True
            else:
                mismatch = False
        if mismatch:
            self._pull()
            return "full"
        return resynced

    def _clock_skew(self) -> int:
        if not self.api.last_date:
            return 0
        try:
            server = parsedate_to_datetime(self.api.last_date)
        except (TypeError, ValueError):
            return 0
        return int((datetime.now(UTC) - server).total_seconds())

    def _note_error(self, message: str) -> None:
        try:
            with self.store.write() as s:
                state = s.get(SyncState, 1)
                if state is not None:
                    state.last_error = message[:500]
        except Exception:  # reporting the first error matters more
            log.exception("could not record the sync error")


def _all_commands(store: Store, api: PlatformApi) -> int:
    """Invoices' commands, then applications' (submit, withdraw): each kind in its own queue."""
    from coapp.sync.application_commands import run_commands as application_commands
    from coapp.sync.invoice_commands import run_commands as invoice_commands

    return invoice_commands(store, api) + application_commands(store, api)


def _finish_full_pull(s: Session, state: SyncState) -> None:
    if state.resync:
        resync.drop_unseen(s)
        state.resync = False
        s.query(SyncSeen).delete()
