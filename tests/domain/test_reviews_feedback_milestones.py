"""Reviews (scores, texts, immutability, the reveal rule), feedback's open arithmetic, and
milestones' order (issue 11)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coapp.domain import feedback, milestones, reviews
from coapp.domain.contract_states import ContractState
from coapp.domain.errors import ValidationError
from coapp.domain.feedback import FeedbackScores
from coapp.domain.milestones import MilestoneRefused, MilestoneState
from coapp.domain.reviews import ReviewAuthor, ReviewRefused

# --- reviews -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("score", [1, 2, 3, 4, 5])
def test_scores_one_to_five(score: int) -> None:
    assert reviews.check_score(score) == score


@pytest.mark.parametrize("score", [0, 6, -1, True, 3.0, "4", None])
def test_other_scores_are_refused(score: object) -> None:
    with pytest.raises(ValidationError, match="score"):
        reviews.check_score(score)


def test_review_text_limits() -> None:
    assert reviews.check_text("  Tydlig och snabb.\nRekommenderas. ") == "Tydlig och snabb.\nRekommenderas."
    assert reviews.check_text("x" * 2000) == "x" * 2000
    for bad in ("", "   ", "x" * 2001, "bad\x00byte", 5):
        with pytest.raises(ValidationError, match="text"):
            reviews.check_text(bad)


def test_reviews_open_once_the_contract_ended() -> None:
    reviews.check_reviews_open(ContractState.ENDED, was_signed=True)
    reviews.check_reviews_open(ContractState.TERMINATED, was_signed=True)
    with pytest.raises(ReviewRefused, match="withdrawn before it was signed"):
        reviews.check_reviews_open(ContractState.TERMINATED, was_signed=False)
    for state in (ContractState.OFFERED, ContractState.SIGNED, ContractState.ACTIVE):
        with pytest.raises(ReviewRefused, match=f"is {state.value}; reviews are written once"):
            reviews.check_reviews_open(state, was_signed=True)


def test_a_review_is_immutable() -> None:
    reviews.check_not_submitted(False)
    with pytest.raises(ReviewRefused, match="never changes"):
        reviews.check_not_submitted(True)


def test_authors_review_each_other() -> None:
    assert ReviewAuthor.FREELANCER.other is ReviewAuthor.CLIENT
    assert ReviewAuthor.CLIENT.other is ReviewAuthor.FREELANCER


ENDED = date(2026, 9, 30)


def test_the_other_review_shows_when_both_are_in() -> None:
    assert reviews.revealed(True, ENDED, ENDED)
    assert not reviews.revealed(False, ENDED, ENDED)


def test_or_fourteen_days_after_the_end() -> None:
    assert reviews.reveal_on(ENDED) == date(2026, 10, 14)
    assert not reviews.revealed(False, ENDED, date(2026, 10, 13))
    assert reviews.revealed(False, ENDED, date(2026, 10, 14))
    assert not reviews.revealed(False, None, date(2030, 1, 1))  # not ended: never by time


@given(st.dates(), st.integers(min_value=0, max_value=60), st.booleans())
def test_reveal_is_monotonic_in_time(ended: date, days: int, both: bool) -> None:
    today = ended + timedelta(days=days) if ended <= date.max - timedelta(days=days) else ended
    assert reviews.revealed(both, ended, today) == (both or today >= reviews.reveal_on(ended))


# --- feedback ----------------------------------------------------------------------------------------


def test_overall_is_the_plain_mean_of_the_four_scores() -> None:
    scores = FeedbackScores(quality=4, communication=4, delivery=5, expertise=3)
    assert scores.overall == Decimal(4)
    assert scores.overall_x100 == 400
    odd = FeedbackScores(quality=5, communication=4, delivery=4, expertise=4)
    assert odd.overall == Decimal("4.25")
    assert odd.overall_x100 == 425


@given(st.lists(st.tuples(*[st.integers(1, 5)] * 4), max_size=20))
def test_the_contract_overall_is_the_mean_of_overalls_exactly(rows: list[tuple[int, int, int, int]]) -> None:
    items = [FeedbackScores(*row) for row in rows]
    value = feedback.average_overall(items)
    if not rows:
        assert value is None
        assert feedback.average_overall_x100(items) is None
        return
    exact = Decimal(sum(sum(row) for row in rows)) / (4 * len(rows))
    assert value is not None
    assert abs(value - exact) <= Decimal("0.005")
    assert Decimal(1) <= value <= Decimal(5)
    assert feedback.average_overall_x100(items) == int(value * 100)


def test_rounding_is_half_up_and_only_at_the_end() -> None:
    # 4.25, 4.00, 4.00 → 12.25 / 3 = 4.0833… → 4.08; 4.25 and 4.00 → 4.125 → 4.13 (half up).
    a = FeedbackScores(5, 4, 4, 4)
    b = FeedbackScores(4, 4, 4, 4)
    assert feedback.average_overall([a, b, b]) == Decimal("4.08")
    assert feedback.average_overall([a, b]) == Decimal("4.13")


@pytest.mark.parametrize("bad", [0, 6, True, "5", None])
def test_feedback_scores_are_whole_one_to_five(bad: object) -> None:
    with pytest.raises(ValidationError, match="delivery"):
        FeedbackScores(quality=3, communication=3, delivery=bad, expertise=3)  # type: ignore[arg-type]


def test_feedback_comment_limits() -> None:
    assert feedback.check_comment("  Bra jobbat ") == "Bra jobbat"
    assert feedback.check_comment("") == ""
    for bad in ("x" * 2001, "a\x07b", None):
        with pytest.raises(ValidationError, match="comment"):
            feedback.check_comment(bad)


# --- milestones --------------------------------------------------------------------------------------

M = MilestoneState


def test_milestones_move_one_step_forward() -> None:
    milestones.check_move(M.PLANNED, M.READY)
    milestones.check_move(M.READY, M.INVOICED)
    milestones.check_move(M.INVOICED, M.PAID)
    with pytest.raises(MilestoneRefused, match="becomes ready next, not invoiced"):
        milestones.check_move(M.PLANNED, M.INVOICED)
    with pytest.raises(MilestoneRefused, match="becomes invoiced next, not planned"):
        milestones.check_move(M.READY, M.PLANNED)
    with pytest.raises(MilestoneRefused, match="paid; nothing changes"):
        milestones.check_move(M.PAID, M.PAID)


def test_milestone_title_and_amount() -> None:
    assert milestones.check_title("  Förstudie ") == "Förstudie"
    for bad in ("", "x" * 201, "two\nlines", 3):
        with pytest.raises(ValidationError, match="title"):
            milestones.check_title(bad)
    assert milestones.amount_minor(Decimal("12500.005"), "SEK") == 1250001
    assert milestones.check_amount_minor(1) == 1
    for bad_amount in (0, -5, True, 1.5, 2**53 + 1):
        with pytest.raises(ValidationError, match="amount_minor"):
            milestones.check_amount_minor(bad_amount)
