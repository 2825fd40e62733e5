"""Child process of the sync crash test: random grid edits and sync rounds until it is killed.

    python sync_crash_child.py DATA_DIR SEED     (tokens in the COAPP_TEST_TOKENS environment variable)

Prints ``ready``, waits for ``go``, then forever: an edit batch reported as ``T {...}`` before and
``C n`` after its commit (as tests/store/crash_child.py does), and every second step a sync round
(``R`` before it, ``S`` after it returned). Tokens come from the parent, in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sys
from datetime import date, timedelta

from coapp.app.context import AppContext
from coapp.services.timesheet import CellChange
from coapp.sync.account import current_api
from coapp.sync.credentials import MemoryTokenStore, Tokens
from coapp.sync.engine import SyncEngine
from coapp.sync.errors import OfflineError
from coapp.sync.transport import RetryPolicy

FIRST_DAY = date(2026, 3, 2)
DAYS = 10


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    data_dir, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    account, access, refresh = json.loads(os.environ["COAPP_TEST_TOKENS"])
    tokens = MemoryTokenStore()
    tokens.save(account, Tokens(access, refresh))
    say("ready")
    if sys.stdin.readline().strip() != "go":
        return 0
    ctx = AppContext.open(data_dir)
    api = current_api(ctx.store, tokens, RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02))
    assert api is not None
    engine = SyncEngine(ctx.store, api, page_limit=7)
    contract = ctx.contracts.all()[0].id
    say("opened")
    n = 0
    while True:
        n += 1
        days = rng.sample(range(DAYS), rng.randint(1, 3))
        batch = []
        for offset in days:
            minutes = 0 if rng.random() < 0.25 else rng.randint(1, 600)
            note = f"s{seed} n{n}" if minutes and rng.random() < 0.5 else ""
            batch.append((contract, FIRST_DAY + timedelta(days=offset), minutes, note))
        say("T " + json.dumps({"n": n, "cells": [[c, d.isoformat(), m, t] for c, d, m, t in batch]}))
        ctx.timesheet.apply([CellChange(c, d, m, t) for c, d, m, t in batch])
        say(f"C {n}")
        if n % 2 == 0:
            say("R")
            with contextlib.suppress(OfflineError):
                engine.run()
            say("S")


if __name__ == "__main__":
    sys.exit(main())
