"""Mutual reviews after a contract (issue 11): the freelancer reviews the client and the client
reviews the freelancer, each once.

- A review is a whole score 1–5 and a text of 1 to 2000 characters (no control characters but line
  breaks and tabs). It is immutable once submitted: there is no edit and no second review.
- Reviews open when the contract has ended, or was terminated after it was signed (work happened).
- The reveal rule: neither party may adapt theirs to the other's, so the other party's review stays
  hidden until both are submitted or 14 days have passed since the contract's last day
  (`reveal_on`). Before that the platform puts it in no answer and not in the change feed; one's own
  review is always one's own to read.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum

from coapp.domain.contract_states import ContractState
from coapp.domain.errors import CoappError, ValidationError

SCORE_MIN = 1
SCORE_MAX = 5
TEXT_MAX_LENGTH = 2000
REVEAL_AFTER = timedelta(days=14)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ReviewAuthor(StrEnum):
    FREELANCER = "freelancer"  # reviews the client
    CLIENT = "client"  # reviews the freelancer

    @property
    def other(self) -> ReviewAuthor:
        return ReviewAuthor.CLIENT if self is ReviewAuthor.FREELANCER else ReviewAuthor.FREELANCER


class ReviewRefused(CoappError):
    """A review that cannot be written now (the contract has not ended, one was written already)."""


def check_score(score: object) -> int:
    # bool is an int in Python; True is not a score.
    if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
        raise ValidationError(
            "score: a whole number from {score_min} to {score_max}", score_min=SCORE_MIN, score_max=SCORE_MAX
        )
    return score


def check_text(text: object) -> str:
    """The review's text, stripped; refused when empty, too long or holding control characters."""
    if not isinstance(text, str):
        raise ValidationError("text: the review as text")
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError("text: write a few words about the work together")
    if len(cleaned) > TEXT_MAX_LENGTH:
        raise ValidationError("text: at most {text_max_length} characters", text_max_length=TEXT_MAX_LENGTH)
    if _CONTROL.search(cleaned):
        raise ValidationError("text: holds characters that cannot be stored")
    return cleaned


def reviews_open(state: ContractState, was_signed: bool) -> bool:
    return state is ContractState.ENDED or (state is ContractState.TERMINATED and was_signed)


def check_reviews_open(state: ContractState, was_signed: bool) -> None:
    if not reviews_open(state, was_signed):
        if state is ContractState.TERMINATED:
            raise ReviewRefused("the offer was withdrawn before it was signed; there is no work to review")
        raise ReviewRefused("the contract is {state}; reviews are written once it has ended", state=state)


def check_not_submitted(already: bool) -> None:
    """A review is immutable: a second one from the same party is refused."""
    if already:
        raise ReviewRefused("your review of this contract is submitted already; a review never changes")


def reveal_on(ended_on: date) -> date:
    """The day the other party's review shows even if one side never writes theirs."""
    return ended_on + REVEAL_AFTER


def revealed(both_submitted: bool, ended_on: date | None, today: date) -> bool:
    """Whether a party may read the other's review: both are in, or 14 days passed since the end."""
    if both_submitted:
        return True
    return ended_on is not None and today >= reveal_on(ended_on)
