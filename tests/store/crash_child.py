"""Child process of the crash-safety test: random grid edits until it is killed.

    python crash_child.py DATA_DIR SEED

It imports everything, prints ``ready``, then waits for a line ``go`` on stdin (so the parent can
start the next child's slow imports while the current one is still editing). Then it opens the app
on DATA_DIR as the app does at start-up (integrity check included) and edits forever. For every
batch it prints, each line in one write and flushed:

    T {"n": 7, "cells": [[contract_id, "2026-11-23", minutes, note], ...]}   before apply()
    C 7                                                                       after apply() returned

so every ``C`` line is an edit that was committed, and at most the last ``T`` without its ``C`` was
in flight when the kill came (it may or may not have been committed: all of it or none of it).
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta

from coapp.app.context import AppContext
from coapp.services.timesheet import CellChange

FIRST_DAY = date(2026, 11, 16)
DAYS = 14
MAX_MINUTES = 480  # three contracts × 480 = 24 h: no batch is ever refused for the day total


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    data_dir, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    say("ready")
    if sys.stdin.readline().strip() != "go":
        return 0
    ctx = AppContext.open(data_dir)
    contracts = [c.id for c in ctx.contracts.all()]
    n = 0
    while True:
        n += 1
        cells = rng.sample([(c, d) for c in contracts for d in range(DAYS)], rng.randint(1, 3))
        batch = []
        for contract_id, offset in cells:
            minutes = 0 if rng.random() < 0.25 else rng.randint(1, MAX_MINUTES)
            note = f"s{seed} n{n}" if minutes and rng.random() < 0.5 else ""
            batch.append((contract_id, FIRST_DAY + timedelta(days=offset), minutes, note))
        say("T " + json.dumps({"n": n, "cells": [[c, d.isoformat(), m, t] for c, d, m, t in batch]}))
        ctx.timesheet.apply([CellChange(c, d, m, t) for c, d, m, t in batch])
        say(f"C {n}")


if __name__ == "__main__":
    sys.exit(main())
