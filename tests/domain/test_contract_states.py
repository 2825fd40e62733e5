"""A contract's life (issue 11): every legal and illegal move with its reason, the calendar's moves,
terms and extensions, feedback's window, and the signature's name."""

from __future__ import annotations

from datetime import date

import pytest

from coapp.domain.contract_states import (
    MOVES,
    ContractActor,
    ContractState,
    ContractTransitionRefused,
    check_extension,
    check_feedback_open,
    check_move,
    check_signed_name,
    check_terms_changeable,
    due_moves,
    ended_on_for_end,
    moves_for,
)
from coapp.domain.errors import ValidationError

C = ContractState
A = ContractActor

LEGAL = {
    (C.OFFERED, C.SIGNED, A.FREELANCER),
    (C.SIGNED, C.ACTIVE, A.PLATFORM),
    (C.ACTIVE, C.ENDED, A.AGENT),
    (C.ACTIVE, C.ENDED, A.PLATFORM),
    (C.OFFERED, C.TERMINATED, A.AGENT),
    (C.SIGNED, C.TERMINATED, A.AGENT),
    (C.ACTIVE, C.TERMINATED, A.AGENT),
}


@pytest.mark.parametrize("current", list(C))
@pytest.mark.parametrize("target", list(C))
@pytest.mark.parametrize("actor", list(A))
def test_every_move_is_legal_exactly_as_listed(current: C, target: C, actor: A) -> None:
    if (current, target, actor) in LEGAL:
        check_move(current, target, actor)
        return
    with pytest.raises(ContractTransitionRefused) as refused:
        check_move(current, target, actor)
    reason = str(refused.value)
    if current.final:
        assert reason == f"the contract is {current.value}; nothing changes it any more"
    elif (current, target) not in MOVES:
        assert reason == f"a contract that is {current.value} cannot become {target.value}"
    else:
        assert reason.startswith(f"only the {MOVES[(current, target)].value} moves a contract")


def test_reasons_read_as_sentences() -> None:
    with pytest.raises(ContractTransitionRefused, match="only the freelancer moves a contract from offered"):
        check_move(C.OFFERED, C.SIGNED, A.AGENT)
    with pytest.raises(ContractTransitionRefused, match="a contract that is signed cannot become signed"):
        check_move(C.SIGNED, C.SIGNED, A.FREELANCER)
    with pytest.raises(ContractTransitionRefused, match="the contract is terminated; nothing"):
        check_move(C.TERMINATED, C.ACTIVE, A.PLATFORM)


def test_moves_for_each_actor() -> None:
    assert moves_for(C.OFFERED, A.FREELANCER) == (C.SIGNED,)
    assert moves_for(C.OFFERED, A.AGENT) == (C.TERMINATED,)
    assert moves_for(C.ACTIVE, A.AGENT) == (C.ENDED, C.TERMINATED)
    assert moves_for(C.ACTIVE, A.FREELANCER) == ()
    assert moves_for(C.SIGNED, A.PLATFORM) == (C.ACTIVE,)
    assert all(moves_for(state, actor) == () for state in (C.ENDED, C.TERMINATED) for actor in A)


START, END = date(2026, 4, 1), date(2026, 9, 30)


@pytest.mark.parametrize(
    ("current", "today", "expected"),
    [
        (C.OFFERED, date(2026, 5, 1), ()),  # an offer waits for a signature, whatever the date
        (C.SIGNED, date(2026, 3, 31), ()),
        (C.SIGNED, START, (C.ACTIVE,)),
        (C.SIGNED, date(2026, 10, 1), (C.ACTIVE, C.ENDED)),  # signed late: both moves at once
        (C.ACTIVE, END, ()),  # the last day is still a working day
        (C.ACTIVE, date(2026, 10, 1), (C.ENDED,)),
        (C.ENDED, date(2027, 1, 1), ()),
        (C.TERMINATED, date(2026, 5, 1), ()),
    ],
)
def test_the_calendar_moves_signed_and_active_contracts(
    current: C, today: date, expected: tuple[C, ...]
) -> None:
    assert due_moves(current, START, END, today) == expected
    state = current
    for step in expected:
        check_move(state, step, A.PLATFORM)  # each calendar step is a legal one
        state = step


def test_a_contract_until_further_notice_never_ends_by_the_calendar() -> None:
    assert due_moves(C.ACTIVE, START, None, date(2030, 1, 1)) == ()
    assert due_moves(C.SIGNED, START, None, date(2030, 1, 1)) == (C.ACTIVE,)


def test_terms_change_only_while_offered() -> None:
    check_terms_changeable(C.OFFERED)
    for state in (C.SIGNED, C.ACTIVE, C.ENDED, C.TERMINATED):
        with pytest.raises(ContractTransitionRefused, match=f"is {state.value}; its terms change only"):
            check_terms_changeable(state)


def test_extensions_move_the_end_later_while_not_final() -> None:
    for state in (C.OFFERED, C.SIGNED, C.ACTIVE):
        check_extension(state, END, date(2026, 12, 31), START)
    for state in (C.ENDED, C.TERMINATED):
        with pytest.raises(ContractTransitionRefused, match="cannot be extended"):
            check_extension(state, END, date(2026, 12, 31), START)
    with pytest.raises(ContractTransitionRefused, match="must be after 2026-09-30"):
        check_extension(C.ACTIVE, END, END, START)
    with pytest.raises(ContractTransitionRefused, match="until further notice"):
        check_extension(C.ACTIVE, None, END, START)


def test_feedback_is_given_while_active() -> None:
    check_feedback_open(C.ACTIVE)
    for state in (C.OFFERED, C.SIGNED, C.ENDED, C.TERMINATED):
        with pytest.raises(ContractTransitionRefused, match="feedback is given while"):
            check_feedback_open(state)


def test_an_agent_ending_early_ends_today_and_late_on_the_end_date() -> None:
    assert ended_on_for_end(END, date(2026, 6, 15)) == date(2026, 6, 15)
    assert ended_on_for_end(END, date(2026, 10, 15)) == END
    assert ended_on_for_end(None, date(2026, 6, 15)) == date(2026, 6, 15)


@pytest.mark.parametrize("name", ["Anna Lindqvist", "  Åsa Öberg  ", "Li", "x" * 200, "Jean-Luc O'Neill"])
def test_a_signature_name_is_two_to_two_hundred_characters(name: str) -> None:
    assert check_signed_name(name) == name.strip()


@pytest.mark.parametrize(
    "name", ["", " ", "A", "  B ", "x" * 201, "Anna\nLindqvist", "Anna\x00", "An\x85na", 42, None]
)
def test_a_bad_signature_name_is_refused(name: object) -> None:
    with pytest.raises(ValidationError, match="name:"):
        check_signed_name(name)
