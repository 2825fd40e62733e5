"""Where invoice numbers come from: one interface, the series authority.

Until sync exists the local store is the authority and numbers are assigned inside the
confirmation's own transaction, so a failed confirmation never leaves a gap. The sync issue swaps
in an authority that returns None (offline: "confirmed, number on sync") and lets the platform
assign the number; nothing else changes.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from sqlalchemy.orm import Session

from coapp.domain.invoice_numbers import format_number
from coapp.models import NumberSeries, SyncState
from coapp.models.business import number_format_of

SERIES = "invoices"  # invoices and credit notes share one unbroken series per issuer


class SeriesAuthority(Protocol):
    def assign(self, session: Session, issued: date) -> str | None:
        """The next number for an invoice issued on *issued*, taken in *session*'s transaction, in
        the business's series format; None when it comes later."""
        ...


class LocalSeries:
    def __init__(self, series: str = SERIES, first: int = 1) -> None:
        self._series = series
        self._first = first

    def assign(self, session: Session, issued: date) -> str | None:
        row = session.get(NumberSeries, self._series)
        if row is None:
            row = NumberSeries(series=self._series, next_value=self._first)
            session.add(row)
        number = row.next_value
        row.next_value = number + 1
        session.flush()
        return format_number(number_format_of(session), year=issued.year, seq=number)


class AccountSeries:
    """The local series until the data folder belongs to a platform account; from then on the
    platform numbers every invoice (coapp.sync.invoice_commands sends the confirmation), so a confirmation
    made here says "number on sync" until the answer comes."""

    def __init__(self, local: SeriesAuthority | None = None) -> None:
        self._local = local or LocalSeries()

    def assign(self, session: Session, issued: date) -> str | None:
        if session.get(SyncState, 1) is not None:
            return None
        return self._local.assign(session, issued)
