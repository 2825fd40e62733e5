"""Signing a contract offer (issue 11; SYNC.md: contracts are read-only to the freelancer except
`sign`, and a signature made on old terms shows the new ones).

`POST /v1/contracts/{id}/sign` by the contract's freelancer, with the full name typed (2–200
characters, one line; it need not match the account's name) and the terms version they read. The
server records who (the freelancer's account), when (its clock), the name as typed and the version:

- another version than the current one: 412 `terms_changed` with the current terms in `current`
  (the app shows those instead; nothing is recorded);
- a contract that is not offered any more: 409 `transition_refused` with the reason and the contract;
- otherwise the contract is `signed` (and `active` at once if its start date has come: the calendar's
  move, coserver.contract_life.settle).

It runs under an Idempotency-Key like every command, so a lost answer is replayed, not signed twice.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from coapp.domain.contract_states import (
    ContractActor,
    ContractState,
    ContractTransitionRefused,
    check_move,
    check_signed_name,
)
from coapp.domain.errors import ValidationError
from coapp.sync.wire import Account, Role, SignContractRequest
from coserver.context import ServerContext
from coserver.contract_life import conflict_answer, contract_detail, locked, move, settle
from coserver.errors import ApiError


def sign(
    ctx: ServerContext, session: Session, caller: Account, contract_id: uuid.UUID, body: SignContractRequest
) -> tuple[int, Any]:
    now = ctx.now()
    row = locked(session, caller, contract_id, Role.FREELANCER)
    try:
        name = check_signed_name(body.name)
    except ValidationError as exc:
        raise ApiError(422, "invalid_field", str(exc), field="name") from None
    try:
        check_move(ContractState(row.state), ContractState.SIGNED, ContractActor.FREELANCER)
    except ContractTransitionRefused as exc:
        reason = str(exc)
        return conflict_answer(session, row, 409, "transition_refused", f"{reason[:1].upper()}{reason[1:]}.")
    if body.terms_version != row.terms_version:
        return conflict_answer(
            session,
            row,
            412,
            "terms_changed",
            f"The terms changed after version {body.terms_version}; read version {row.terms_version} "
            "and sign that one.",
        )
    row.signed_at = now
    row.signed_name = name
    row.signed_terms_version = row.terms_version
    row.original_end_date = row.end_date
    move(session, row, ContractState.SIGNED, ContractActor.FREELANCER, now)
    settle(session, row, now)
    return 200, contract_detail(session, row)
