"""Counts in the CLI's English: "1 invoice", "3 invoices" – never "1 invoices"."""

from __future__ import annotations


def counted(n: int, one: str, many: str) -> str:
    """*n* with the noun that agrees: *one* for exactly 1, *many* otherwise (0 too, as English says
    "0 invoices"). Both words are written out at the call, so an irregular plural reads as it is."""
    return f"{n} {one if n == 1 else many}"
