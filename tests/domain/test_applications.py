"""The application pipeline (issue 10): every pair of states for both actors, legal or refused."""

from __future__ import annotations

import itertools

import pytest

from coapp.domain.applications import (
    FINAL,
    MOVES,
    Actor,
    ApplicationState,
    TransitionRefused,
    check_move,
    moves_for,
)

S = ApplicationState
LEGAL = {
    (S.DRAFT, S.SUBMITTED, Actor.FREELANCER),
    (S.SUBMITTED, S.PROPOSED, Actor.AGENT),
    (S.PROPOSED, S.INTERVIEW, Actor.AGENT),
    (S.INTERVIEW, S.INTERVIEW, Actor.AGENT),
    (S.PROPOSED, S.OFFER, Actor.AGENT),
    (S.INTERVIEW, S.OFFER, Actor.AGENT),
    (S.OFFER, S.CONTRACTED, Actor.AGENT),
    (S.SUBMITTED, S.DECLINED, Actor.AGENT),
    (S.PROPOSED, S.DECLINED, Actor.AGENT),
    (S.INTERVIEW, S.DECLINED, Actor.AGENT),
    (S.OFFER, S.DECLINED, Actor.AGENT),
    (S.DRAFT, S.WITHDRAWN, Actor.FREELANCER),
    (S.SUBMITTED, S.WITHDRAWN, Actor.FREELANCER),
    (S.PROPOSED, S.WITHDRAWN, Actor.FREELANCER),
    (S.INTERVIEW, S.WITHDRAWN, Actor.FREELANCER),
    (S.OFFER, S.WITHDRAWN, Actor.FREELANCER),
}


@pytest.mark.parametrize(("current", "target", "actor"), list(itertools.product(S, S, Actor)))
def test_every_move_is_allowed_exactly_when_the_pipeline_says(current, target, actor) -> None:
    if (current, target, actor) in LEGAL:
        check_move(current, target, actor)
        assert target in moves_for(current, actor)
        return
    with pytest.raises(TransitionRefused) as refused:
        check_move(current, target, actor)
    assert target not in moves_for(current, actor)
    reason = str(refused.value)
    if current in FINAL:
        assert "nothing changes it any more" in reason
    elif (current, target) in MOVES:
        assert reason.startswith("only the ")  # the right move by the wrong one
    else:
        assert f"{current.value} cannot become {target.value}" in reason


def test_the_table_is_the_one_tested() -> None:
    assert {(a, b, who) for (a, b), who in MOVES.items()} == LEGAL


def test_final_states_offer_nothing() -> None:
    for state in FINAL:
        assert moves_for(state, Actor.AGENT) == moves_for(state, Actor.FREELANCER) == ()
    assert moves_for(S.OFFER, Actor.AGENT) == (S.CONTRACTED, S.DECLINED)
    assert moves_for(S.OFFER, Actor.FREELANCER) == (S.WITHDRAWN,)
