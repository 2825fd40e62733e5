"""An application's life (issue 10): who may move it where, and why anything else is refused.

    draft ──submit (freelancer, with consent)──▶ submitted ──propose (agent)──▶ proposed
    proposed ──book an interview (agent)──▶ interview ──▶ interview (another one) ──▶ offer
    proposed ──▶ offer (the client needs no interview)         offer ──(agent)──▶ contracted
    submitted | proposed | interview | offer ──decline (agent: the client said no)──▶ declined
    draft | submitted | proposed | interview | offer ──withdraw (freelancer)──▶ withdrawn

Contracted, declined and withdrawn are final. The server applies these rules (a refused move is a
409 with the reason); the app uses them to offer only the moves that can succeed.
"""

from __future__ import annotations

from enum import StrEnum

from coapp.domain.errors import CoappError


class ApplicationState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PROPOSED = "proposed"
    INTERVIEW = "interview"
    OFFER = "offer"
    CONTRACTED = "contracted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    @property
    def final(self) -> bool:
        return self in FINAL


class Actor(StrEnum):
    FREELANCER = "freelancer"
    AGENT = "agent"


class TransitionRefused(CoappError):
    """A move the pipeline does not allow; the message says why in a sentence."""


S = ApplicationState
FINAL = frozenset({S.CONTRACTED, S.DECLINED, S.WITHDRAWN})
OPEN = (S.SUBMITTED, S.PROPOSED, S.INTERVIEW, S.OFFER)

# (from, to) -> who may make the move.
MOVES: dict[tuple[ApplicationState, ApplicationState], Actor] = {
    (S.DRAFT, S.SUBMITTED): Actor.FREELANCER,
    (S.SUBMITTED, S.PROPOSED): Actor.AGENT,
    (S.PROPOSED, S.INTERVIEW): Actor.AGENT,
    (S.INTERVIEW, S.INTERVIEW): Actor.AGENT,
    (S.PROPOSED, S.OFFER): Actor.AGENT,
    (S.INTERVIEW, S.OFFER): Actor.AGENT,
    (S.OFFER, S.CONTRACTED): Actor.AGENT,
    **{(state, S.DECLINED): Actor.AGENT for state in OPEN},
    **{(state, S.WITHDRAWN): Actor.FREELANCER for state in (S.DRAFT, *OPEN)},
}


def check_move(current: ApplicationState, target: ApplicationState, actor: Actor) -> None:
    """Raise TransitionRefused with the reason unless `actor` may move `current` to `target`."""
    if current.final:
        raise TransitionRefused("the application is {current}; nothing changes it any more", current=current)
    allowed = MOVES.get((current, target))
    if allowed is None:
        raise TransitionRefused(
            "an application that is {current} cannot become {target}",
            current=current,
            target=target,
        )
    if allowed is not actor:
        raise TransitionRefused(
            "only the {allowed} moves an application from {current} to {target}",
            allowed=allowed,
            current=current,
            target=target,
        )


def moves_for(current: ApplicationState, actor: Actor) -> tuple[ApplicationState, ...]:
    """The states `actor` may move the application to now, in the pipeline's order."""
    return tuple(t for t in ApplicationState if MOVES.get((current, t)) is actor and not current.final)
