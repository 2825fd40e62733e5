"""The CLI's counts agree with their number: "1 invoice", "0 invoices", "2 invoices"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coapp.cli.counted import counted


def test_one_takes_the_singular_and_others_the_plural() -> None:
    assert counted(1, "time entry", "time entries") == "1 time entry"
    assert counted(0, "time entry", "time entries") == "0 time entries"
    assert counted(2, "time entry", "time entries") == "2 time entries"


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_only_exactly_one_is_singular(n: int) -> None:
    said = counted(n, "invoice", "invoices")
    assert said == (f"{n} invoice" if n == 1 else f"{n} invoices")
    assert said.split(" ", 1)[0] == str(n)  # the number itself is written as given
