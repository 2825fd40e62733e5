"""Milestones of a fixed-fee contract (issue 11): what the freelancer delivers, for how much, by when.

A milestone has a title (1–200 characters), an amount (Decimal in code, integer minor units on the
wire and in storage, more than zero) and a due date. Its state moves forward only:

    planned ──the client accepted the delivery (agent)──▶ ready
    ready ──the freelancer's invoice to the platform names it──▶ invoiced ──paid──▶ paid

`ready` means ready to invoice: the app drafts the invoice to the platform from a ready milestone,
and confirming that invoice (naming the milestone) makes it `invoiced`. The one step back: when that
invoice is credited, the milestone is `ready` again (to be invoiced anew), as credited time unlocks.
Milestones are part of the terms the freelancer signs, so they are added only while the contract is
offered (coapp.domain.contract_states.terms_changeable).
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from coapp.domain.errors import CoappError, ValidationError
from coapp.domain.money import to_minor

TITLE_MAX_LENGTH = 200
AMOUNT_MINOR_MAX = 2**53  # exact in every JSON reader
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class MilestoneState(StrEnum):
    PLANNED = "planned"
    READY = "ready"
    INVOICED = "invoiced"
    PAID = "paid"


class MilestoneRefused(CoappError):
    """A milestone move the order does not allow; the message says why."""


_ORDER = tuple(MilestoneState)


def check_move(current: MilestoneState, target: MilestoneState) -> None:
    """Only one step forward: planned → ready → invoiced → paid."""
    if current is MilestoneState.PAID:
        raise MilestoneRefused("the milestone is paid; nothing changes it any more")
    if _ORDER.index(target) != _ORDER.index(current) + 1:
        following = _ORDER[_ORDER.index(current) + 1]
        raise MilestoneRefused(
            "a milestone that is {current} becomes {following} next, not {target}",
            current=current,
            following=following,
            target=target,
        )


def check_title(title: object) -> str:
    if not isinstance(title, str):
        raise ValidationError("title: text")
    cleaned = title.strip()
    if not cleaned:
        raise ValidationError("title: name what is delivered")
    if len(cleaned) > TITLE_MAX_LENGTH:
        raise ValidationError(
            "title: at most {title_max_length} characters", title_max_length=TITLE_MAX_LENGTH
        )
    if _CONTROL.search(cleaned):
        raise ValidationError("title: one line without control characters")
    return cleaned


def check_amount_minor(amount_minor: object) -> int:
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int):
        raise ValidationError("amount_minor: a whole number of minor units (öre, cents)")
    if not 0 < amount_minor <= AMOUNT_MINOR_MAX:
        raise ValidationError("amount_minor: more than zero")
    return amount_minor


def amount_minor(amount: Decimal, currency: str) -> int:
    """A Decimal amount as minor units (rounded half up), checked like one from the wire."""
    return check_amount_minor(to_minor(amount, currency))


def check_release(current: MilestoneState) -> None:
    """The step back when the milestone's invoice is credited: only an invoiced one goes back."""
    if current is not MilestoneState.INVOICED:
        raise MilestoneRefused("a milestone that is {current} has no invoice to credit", current=current)


def check_invoiceable(current: MilestoneState) -> None:
    """An invoice names a milestone that is ready (accepted, not invoiced yet)."""
    if current is not MilestoneState.READY:
        raise MilestoneRefused(
            "the milestone is {current}; an invoice names a milestone that is ready to invoice",
            current=current,
        )
