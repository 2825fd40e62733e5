"""The two online calls of issue 11: signing a contract offer and writing a review (SYNC.md: the
platform decides; neither is queued offline).

- Signing needs the platform's current terms: the freelancer signs the terms version this device
  holds, and if the platform changed them meanwhile (412 terms_changed) nothing is signed, the new
  terms are stored here and the refusal says so and shows them. Offline it is refused with the reason.
- A review is immutable on the platform, so it is written there at once or not at all; the answer
  (one's own review, and the other party's only once the reveal rule allows) is stored here.

Every answer's rows are applied like the feed's (`applying_remote`: nothing goes back in the outbox).
Server-sent text is stored as text only: it never names a file or a path.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from pydantic import ValidationError as PydanticError
from sqlalchemy.orm import Session

from coapp.domain.contract_states import ContractState, check_signed_name
from coapp.domain.errors import NotFoundError
from coapp.domain.money import from_minor
from coapp.domain.reviews import check_score, check_text
from coapp.models import Contract
from coapp.store.engine import Store
from coapp.sync.api import PlatformApi
from coapp.sync.entities import ENTITIES
from coapp.sync.errors import ApiError, BadServerAnswer, OfflineError
from coapp.sync.pull import apply_row
from coapp.sync.wire import ContractConflictBody, ContractDetail, ReviewRecord, ReviewsView


class ContractRefused(ApiError):
    """The platform (or this device's copy) says no: the message gives the reason in a sentence. An
    ApiError, so a front end that classifies platform refusals shows it as one. *message* is an
    English template with its *values* (coapp.domain.errors); the platform's reason is one of them."""

    def __init__(self, message: str, code: str = "refused", status: int = 409, **values: object) -> None:
        super().__init__(status, code, message, None, **values)


class TermsChanged(ContractRefused):
    """412: the platform's terms changed since this device read them. The new ones are stored here
    (read them with the contract's view); `terms` describes them in words. The raise writes the
    template (where the catalogue finds it) with ``{version}`` and ``{terms}``."""

    def __init__(self, message: str, contract_id: str, terms_version: int, terms: str, /) -> None:
        super().__init__(message, "terms_changed", 412, version=terms_version, terms=terms)
        self.contract_id, self.terms_version, self.terms = contract_id, terms_version, terms


@dataclass(frozen=True)
class SignedContract:
    id: str
    title: str
    state: str
    terms_version: int
    signed_at: datetime | None
    signed_name: str | None


@dataclass(frozen=True)
class ReviewAnswer:
    contract_id: str
    contract_title: str
    mine: ReviewRecord | None
    theirs: ReviewRecord | None  # only once both are in, or 14 days after the end
    reveal_on: date | None


def _platform_contract(store: Store, contract_id: str) -> Contract:
    with store.read() as s:
        row = s.get(Contract, contract_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("no contract with id {id}", id=contract_id)
        if row.origin != "platform":
            raise ContractRefused(
                "this contract is your own, not the platform's: there is nothing to sign or review"
            )
        s.expunge(row)
        return row


def store_detail(s: Session, detail: ContractDetail) -> None:
    """A contract and its milestones as the platform answered, applied like the feed's rows."""
    s.info["applying_remote"] = True
    try:
        record = detail.contract
        apply_row(s, ENTITIES["contract"], record.model_dump(), record.version)
        for milestone in detail.milestones:
            apply_row(s, ENTITIES["contract_milestone"], milestone.model_dump(), milestone.version)
        s.flush()
    finally:
        s.info["applying_remote"] = False


def store_reviews(s: Session, view: ReviewsView) -> None:
    s.info["applying_remote"] = True
    try:
        for review in (view.mine, view.theirs):
            if review is not None:
                apply_row(s, ENTITIES["contract_review"], review.model_dump(), review.version)
        s.flush()
    finally:
        s.info["applying_remote"] = False


def describe_terms(detail: ContractDetail) -> str:
    """The terms in one line, as the refusal shows them."""
    c = detail.contract
    end = c.end_date.isoformat() if c.end_date else "until further notice"
    parts = [
        f"{c.title} for {c.client_name}",
        f"{c.start_date.isoformat()} – {end}",
        f"{from_minor(c.rate_minor, c.currency)} {c.currency} {c.fee_model}",
        f"commission {Decimal(c.commission_bp) / 100} %",
        "payment in 1 day" if c.payment_terms_days == 1 else f"payment in {c.payment_terms_days} days",
    ]
    for m in detail.milestones:
        parts.append(
            f"milestone “{m.title}” {from_minor(m.amount_minor, c.currency)} by {m.due_date.isoformat()}"
        )
    if c.scope:
        parts.append(f"scope: {' '.join(c.scope.split())[:300]}")
    return "; ".join(parts)


def _conflict(exc: ApiError) -> ContractDetail | None:
    try:
        return ContractConflictBody.model_validate(exc.body).current
    except PydanticError:
        return None


def sign_contract(store: Store, api: PlatformApi, contract_id: str, name: str) -> SignedContract:
    """Sign the offer's terms as this device holds them, with the typed full name."""
    cleaned = check_signed_name(name)
    row = _platform_contract(store, contract_id)
    if row.state != ContractState.OFFERED.value:
        raise ContractRefused(
            "not signed: the contract is {state}; only an offer is signed",
            "transition_refused",
            state=row.state,
        )
    body = {"name": cleaned, "terms_version": row.terms_version}
    try:
        response = api.command(f"/contracts/{uuid.UUID(row.id)}/sign", body, str(uuid.uuid4()), None)
    except OfflineError:
        raise OfflineError("signing needs the platform's current terms; connect and try again") from None
    except ApiError as exc:
        current = _conflict(exc) if exc.status in (409, 412) else None
        if current is not None:
            with store.write() as s:
                store_detail(s, current)
        if exc.status == 412 and current is not None:
            raise TermsChanged(
                "not signed: the terms changed since you read them (now version {version}): {terms}. "
                "Read the new terms and sign again",
                row.id,
                current.contract.terms_version,
                describe_terms(current),
            ) from None
        if exc.status in (409, 412):
            raise ContractRefused("not signed: {reason}", exc.code, exc.status, reason=exc.message) from None
        raise
    try:
        detail = ContractDetail.model_validate_json(response.content)
    except PydanticError:
        raise BadServerAnswer("the platform's answer to the signature was not understood") from None
    with store.write() as s:
        store_detail(s, detail)
    c = detail.contract
    return SignedContract(str(c.id), c.title, c.state.value, c.terms_version, c.signed_at, c.signed_name)


def write_review(store: Store, api: PlatformApi, contract_id: str, score: int, text: str) -> ReviewAnswer:
    """The freelancer's review of the client, once the contract has ended: written once, never changed."""
    checked_score, checked_text = check_score(score), check_text(text)
    row = _platform_contract(store, contract_id)
    body = {"score": checked_score, "text": checked_text}
    try:
        response = api.command(f"/contracts/{uuid.UUID(row.id)}/review", body, str(uuid.uuid4()), None)
    except OfflineError:
        raise OfflineError(
            "a review is written on the platform, where it never changes; connect and try again"
        ) from None
    except ApiError as exc:
        if exc.status == 409:
            if exc.code == "already_reviewed":  # e.g. an answer lost on the way: keep the platform's copy
                _refresh_reviews(store, api, row.id)
            raise ContractRefused("no review written: {reason}", exc.code, reason=exc.message) from None
        raise
    try:
        view = ReviewsView.model_validate_json(response.content)
    except PydanticError:
        raise BadServerAnswer("the platform's answer to the review was not understood") from None
    with store.write() as s:
        store_reviews(s, view)
    return ReviewAnswer(row.id, row.title, view.mine, view.theirs, view.reveal_on)


def _refresh_reviews(store: Store, api: PlatformApi, contract_id: str) -> None:
    try:
        view = api.contract_reviews(contract_id)
    except (ApiError, OfflineError, BadServerAnswer):
        return  # the next sync brings it
    with store.write() as s:
        store_reviews(s, view)
