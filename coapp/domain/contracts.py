"""Contract terms the grid and invoices need: fee model and the time-rounding rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from coapp.domain.errors import ValidationError


class FeeModel(StrEnum):
    HOURLY = "hourly"
    DAILY = "daily"
    FIXED = "fixed"


class RoundingMode(StrEnum):
    NONE = "none"
    UP = "up"
    NEAREST = "nearest"


class RoundingScope(StrEnum):
    ENTRY = "entry"
    DAY = "day"


ROUNDING_STEPS = (1, 6, 15, 30)
_RULE = re.compile(r"^(none)$|^(up|nearest):(\d+):(entry|day)$")


@dataclass(frozen=True)
class RoundingRule:
    """How raw minutes become billed minutes; applied only when an invoice is built."""

    mode: RoundingMode = RoundingMode.NONE
    step: int = 1
    scope: RoundingScope = RoundingScope.ENTRY

    def __post_init__(self) -> None:
        if self.step not in ROUNDING_STEPS:
            raise ValidationError(
                "rounding step must be one of {rounding_steps} minutes", rounding_steps=ROUNDING_STEPS
            )

    @classmethod
    def parse(cls, text: str) -> RoundingRule:
        m = _RULE.match(text.strip().lower())
        if not m:
            raise ValidationError("“{text}” is not a rounding rule; write none or up:15:entry", text=text)
        if m.group(1):
            return cls()
        return cls(RoundingMode(m.group(2)), int(m.group(3)), RoundingScope(m.group(4)))

    def apply(self, minutes: int) -> int:
        if self.mode is RoundingMode.NONE or self.step == 1:
            return minutes
        whole, rest = divmod(minutes, self.step)
        if rest == 0:
            return minutes
        if self.mode is RoundingMode.UP or rest * 2 >= self.step:
            whole += 1
        return whole * self.step

    def __str__(self) -> str:
        if self.mode is RoundingMode.NONE:
            return "none"
        return f"{self.mode.value}:{self.step}:{self.scope.value}"
