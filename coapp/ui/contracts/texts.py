"""A contract's terms in the user's words: its state, fee model, rounding rule, milestone states and
the feedback's method (issue 11). One place, so the list, the detail and the dialogs say the same."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coapp.domain.contract_states import ContractState
from coapp.domain.contracts import FeeModel, RoundingMode, RoundingRule, RoundingScope
from coapp.domain.milestones import MilestoneState
from coapp.ui.theme import Chip

translate = QCoreApplication.translate  # lupdate reads the context and text of each call

# A state's chip: amber waits for the freelancer, blue is agreed, green runs, grey is over, red ended early.
STATE_CHIPS = {
    ContractState.OFFERED: Chip.DRAFT,
    ContractState.SIGNED: Chip.CONFIRMED,
    ContractState.ACTIVE: Chip.PAID,
    ContractState.ENDED: Chip.CREDITED,
    ContractState.TERMINATED: Chip.CREDIT_NOTE,
}


def state_text(state: ContractState) -> str:
    return {
        ContractState.OFFERED: translate("Contracts", "Offered"),
        ContractState.SIGNED: translate("Contracts", "Signed"),
        ContractState.ACTIVE: translate("Contracts", "Active"),
        ContractState.ENDED: translate("Contracts", "Ended"),
        ContractState.TERMINATED: translate("Contracts", "Terminated"),
    }[state]


def own_text() -> str:
    """The state shown for a contract of one's own (outside the platform: nothing to sign)."""
    return translate("Contracts", "Your own")


def fee_text(model: FeeModel) -> str:
    return {
        FeeModel.HOURLY: translate("Contracts", "Hourly rate"),
        FeeModel.DAILY: translate("Contracts", "Daily rate"),
        FeeModel.FIXED: translate("Contracts", "Fixed fee with milestones"),
    }[model]


def per_text(model: FeeModel) -> str:
    """What the rate is paid per: "per hour", "per day", or nothing for a fixed fee."""
    return {
        FeeModel.HOURLY: translate("Contracts", "per hour"),
        FeeModel.DAILY: translate("Contracts", "per day"),
        FeeModel.FIXED: translate("Contracts", "in all"),
    }[model]


def rounding_text(rule: RoundingRule) -> str:
    if rule.mode is RoundingMode.NONE or rule.step == 1:
        return translate("Contracts", "Reported minutes are billed as they are")
    scope = (
        translate("Contracts", "each entry")
        if rule.scope is RoundingScope.ENTRY
        else translate("Contracts", "each day's total")
    )
    if rule.mode is RoundingMode.UP:
        text = translate("Contracts", "{scope} rounded up to {step} minutes")
    else:
        text = translate("Contracts", "{scope} rounded to the nearest {step} minutes")
    said = text.format(scope=scope, step=rule.step)
    return said[:1].upper() + said[1:]


def milestone_text(state: str) -> str:
    try:
        known = MilestoneState(state)
    except ValueError:
        return state  # a state a newer platform added: its own word
    return {
        MilestoneState.PLANNED: translate("Contracts", "Planned"),
        MilestoneState.READY: translate("Contracts", "Ready to invoice"),
        MilestoneState.INVOICED: translate("Contracts", "Invoiced"),
        MilestoneState.PAID: translate("Contracts", "Paid"),
    }[known]


def author_text(role: str) -> str:
    return {
        "client": translate("Contracts", "the client"),
        "agent": translate("Contracts", "your agent"),
    }.get(role, role)


def feedback_method() -> str:
    """How the overall scores are computed, said openly (the words of
    coapp.services.contract_view.FEEDBACK_METHOD, in the user's language)."""
    return translate(
        "Contracts",
        "Each feedback's overall score is the plain mean of its four scores (quality, communication, delivery, expertise; equal weights). The contract's overall score is the plain mean of those, every feedback weighing the same, rounded half up to two decimals.",  # noqa: E501
    )
