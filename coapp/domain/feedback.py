"""Performance feedback during an assignment (issue 11): the client and the agent score the
freelancer's work from 1 to 5 in four areas and may add a comment.

How the overall score is computed, stated openly (freelancers distrust hidden scores):

- One feedback's overall score is the plain mean of its four scores, quality, communication,
  delivery and expertise, each weighing the same: (q + c + d + e) / 4. It is exact in quarters
  (4, 4, 5 and 3 give 4.00); it is shown with two decimals and never rounded before that.
- A contract's overall score is the plain mean of its feedbacks' overall scores, each feedback
  weighing the same whoever gave it and whenever, rounded half up to two decimals only for showing.
  No feedback, no score (None), never a default.

Nothing else enters either number: no hidden weights, no decay over time, no platform adjustment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from coapp.domain.errors import ValidationError

SCORE_MIN = 1
SCORE_MAX = 5
COMMENT_MAX_LENGTH = 2000
AREAS = ("quality", "communication", "delivery", "expertise")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CENT = Decimal("0.01")


def _score(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
        raise ValidationError(
            "{name}: a whole number from {score_min} to {score_max}",
            name=name,
            score_min=SCORE_MIN,
            score_max=SCORE_MAX,
        )
    return value


@dataclass(frozen=True)
class FeedbackScores:
    """The four scores of one feedback, each a whole number 1–5 (checked when made)."""

    quality: int
    communication: int
    delivery: int
    expertise: int

    def __post_init__(self) -> None:
        for name in AREAS:
            _score(name, getattr(self, name))

    @property
    def overall(self) -> Decimal:
        """The plain mean of the four scores (exact: a multiple of 0.25)."""
        return Decimal(self.quality + self.communication + self.delivery + self.expertise) / 4

    @property
    def overall_x100(self) -> int:
        """The overall score in hundredths (4.25 → 425): exact, an integer on the wire."""
        return (self.quality + self.communication + self.delivery + self.expertise) * 25


def check_comment(comment: object) -> str:
    if not isinstance(comment, str):
        raise ValidationError("comment: text")
    cleaned = comment.strip()
    if len(cleaned) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            "comment: at most {comment_max_length} characters", comment_max_length=COMMENT_MAX_LENGTH
        )
    if _CONTROL.search(cleaned):
        raise ValidationError("comment: holds characters that cannot be stored")
    return cleaned


def average_overall(feedback: Iterable[FeedbackScores]) -> Decimal | None:
    """The contract's overall score: the plain mean of each feedback's overall score, rounded half
    up to two decimals; None without feedback."""
    overalls = [item.overall for item in feedback]
    if not overalls:
        return None
    return (sum(overalls, Decimal(0)) / len(overalls)).quantize(_CENT, rounding=ROUND_HALF_UP)


def average_overall_x100(feedback: Iterable[FeedbackScores]) -> int | None:
    """average_overall in hundredths (an integer for the wire), None without feedback."""
    value = average_overall(feedback)
    return None if value is None else int(value * 100)
