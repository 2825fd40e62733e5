"""A platform contract's life (issue 11): who may move it where, and why anything else is refused.

    offered ──sign (freelancer, the current terms' version)──▶ signed
    signed ──its start date comes (platform)──▶ active ──its end date passes (platform)──▶ ended
    active ──end (agent: the work is done, on or before the end date)──▶ ended
    offered | signed | active ──terminate (agent, with the reason)──▶ terminated

Ended and terminated are final. `active` is a stored state, not a view: the platform moves a signed
contract on its start date (and an active one past its end date) as a write with a new version
before it answers a read of contracts, so every device holds the same state offline
(`due_moves`). The terms (scope, fee, dates, milestones) change only while the contract is offered,
and each change bumps the terms' version the freelancer signs; afterwards only the end date moves
(an extension). The server applies these rules (a refused move is a 409 with the reason); the app
uses them to offer only the moves that can succeed.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from coapp.domain.errors import CoappError, ValidationError


class ContractState(StrEnum):
    OFFERED = "offered"
    SIGNED = "signed"
    ACTIVE = "active"
    ENDED = "ended"
    TERMINATED = "terminated"

    @property
    def final(self) -> bool:
        return self in FINAL


class ContractActor(StrEnum):
    FREELANCER = "freelancer"
    AGENT = "agent"
    PLATFORM = "platform"  # the calendar: start and end dates


class ContractTransitionRefused(CoappError):
    """A move the contract's rules do not allow; the message says why in a sentence."""


C = ContractState
FINAL = frozenset({C.ENDED, C.TERMINATED})

# (from, to) -> who may make the move.
MOVES: dict[tuple[ContractState, ContractState], ContractActor] = {
    (C.OFFERED, C.SIGNED): ContractActor.FREELANCER,
    (C.SIGNED, C.ACTIVE): ContractActor.PLATFORM,
    (C.ACTIVE, C.ENDED): ContractActor.AGENT,
    (C.OFFERED, C.TERMINATED): ContractActor.AGENT,
    (C.SIGNED, C.TERMINATED): ContractActor.AGENT,
    (C.ACTIVE, C.TERMINATED): ContractActor.AGENT,
}
# The platform also ends an active contract whose end date has passed (the calendar's move).
_PLATFORM_ALSO = frozenset({(C.ACTIVE, C.ENDED)})


def check_move(current: ContractState, target: ContractState, actor: ContractActor) -> None:
    """Raise ContractTransitionRefused with the reason unless `actor` may move `current` to `target`."""
    if current.final:
        raise ContractTransitionRefused(
            "the contract is {current}; nothing changes it any more", current=current
        )
    allowed = MOVES.get((current, target))
    if allowed is None:
        raise ContractTransitionRefused(
            "a contract that is {current} cannot become {target}", current=current, target=target
        )
    if actor is ContractActor.PLATFORM and (current, target) in _PLATFORM_ALSO:
        return
    if allowed is not actor:
        raise ContractTransitionRefused(
            "only the {allowed} moves a contract from {current} to {target}",
            allowed=allowed,
            current=current,
            target=target,
        )


def moves_for(current: ContractState, actor: ContractActor) -> tuple[ContractState, ...]:
    """The states `actor` may move the contract to now, in the life's order."""
    found = []
    for target in ContractState:
        try:
            check_move(current, target, actor)
        except ContractTransitionRefused:
            continue
        found.append(target)
    return tuple(found)


def due_moves(
    current: ContractState, start: date, end: date | None, today: date
) -> tuple[ContractState, ...]:
    """The states the calendar moves a contract through by `today`, in order: a signed contract
    becomes active on its start date, an active one ends the day after its end date. Empty when
    nothing is due (an offer never moves by itself: it waits for a signature)."""
    steps: list[ContractState] = []
    state = current
    if state is C.SIGNED and start <= today:
        state = C.ACTIVE
        steps.append(state)
    if state is C.ACTIVE and end is not None and end < today:
        steps.append(C.ENDED)
    return tuple(steps)


def terms_changeable(state: ContractState) -> bool:
    """Scope, fee, dates and milestones change only while the contract is an offer: what the
    freelancer signs is exactly one version of them."""
    return state is C.OFFERED


def check_terms_changeable(state: ContractState) -> None:
    if not terms_changeable(state):
        raise ContractTransitionRefused(
            "the contract is {state}; its terms change only while it is offered", state=state
        )


def check_extension(state: ContractState, end: date | None, new_end: date, start: date) -> None:
    """An extension moves the end date later, while the contract is offered, signed or active."""
    if state.final:
        raise ContractTransitionRefused("the contract is {state}; it cannot be extended", state=state)
    if end is None:
        raise ContractTransitionRefused("the contract runs until further notice; there is no end to extend")
    if new_end <= end:
        raise ContractTransitionRefused("the new end date must be after {end}", end=end.isoformat())
    if new_end < start:
        raise ContractTransitionRefused("the new end date must not be before the start date")


def feedback_open(state: ContractState) -> bool:
    """The client and the agent give feedback during the assignment: while it is active."""
    return state is C.ACTIVE


def check_feedback_open(state: ContractState) -> None:
    if not feedback_open(state):
        raise ContractTransitionRefused(
            "the contract is {state}; feedback is given while the assignment is active", state=state
        )


def ended_on_for_end(end: date | None, today: date) -> date:
    """The last day of a contract the agent ends today: today, or its end date if that came first."""
    return today if end is None or end > today else end


SIGNED_NAME_MIN_LENGTH = 2
SIGNED_NAME_MAX_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def check_signed_name(name: object) -> str:
    """The full name the freelancer types to sign: 2 to 200 characters on one line, stripped. It need
    not match the account's name (people sign as they are called); it is kept as typed."""
    if not isinstance(name, str):
        raise ValidationError("name: type your full name to sign")
    cleaned = name.strip()
    if _CONTROL.search(cleaned):
        raise ValidationError("name: one line without control characters")
    if not SIGNED_NAME_MIN_LENGTH <= len(cleaned) <= SIGNED_NAME_MAX_LENGTH:
        raise ValidationError(
            "name: type your full name ({signed_name_min_length} to {signed_name_max_length} characters)",
            signed_name_min_length=SIGNED_NAME_MIN_LENGTH,
            signed_name_max_length=SIGNED_NAME_MAX_LENGTH,
        )
    return cleaned
