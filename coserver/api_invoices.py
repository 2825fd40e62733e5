"""HTTP routes for the invoice commands: confirm, credit, and reading one invoice. Thin: the headers
(Idempotency-Key, If-Match), then coserver.invoices inside coserver.idempotency.run."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from fastapi.responses import JSONResponse

from coapp.sync.wire import (
    IDEMPOTENCY_HEADER,
    IF_MATCH_HEADER,
    ConfirmInvoiceRequest,
    CreditInvoiceRequest,
    ErrorBody,
    InvoiceConflictBody,
    InvoiceRecord,
)
from coserver import idempotency, invoices
from coserver.api_auth import Ctx, CurrentCaller
from coserver.api_sync import client_version_check
from coserver.errors import ApiError, responses
from coserver.roles import FREELANCER

_IF_MATCH = re.compile(r'^\s*"?(\d{1,18})"?\s*$')

router = APIRouter(prefix="/v1", tags=["invoices"], dependencies=[Depends(client_version_check), FREELANCER])


def _command_responses(conflicts: str) -> dict[int | str, dict[str, Any]]:
    return {
        **responses(400, 401, 404, 422, 426),
        409: {"model": InvoiceConflictBody, "description": conflicts},
        412: {"model": ErrorBody, "description": "Stale: something changed after the If-Match version"},
        428: {"model": ErrorBody, "description": "Precondition required: send If-Match"},
    }


IdempotencyKey = Annotated[
    str | None, Header(alias=IDEMPOTENCY_HEADER, description="a random id the client stored before sending")
]
IfMatch = Annotated[
    str | None,
    Header(
        alias=IF_MATCH_HEADER,
        description='"<n>": the server version the client decided on (required; 428 without it)',
    ),
]


def decided_on(if_match: str | None) -> int:
    if if_match is None:
        raise ApiError(
            428,
            "precondition_required",
            f'Send {IF_MATCH_HEADER}: "<version>" with the newest server version the decision was based on.',
            field=IF_MATCH_HEADER,
        )
    match = _IF_MATCH.match(if_match)
    if match is None:
        raise ApiError(
            400, "invalid_if_match", f'{IF_MATCH_HEADER} must look like "42".', field=IF_MATCH_HEADER
        )
    return int(match.group(1))


def _command(
    ctx: Ctx,
    caller: CurrentCaller,
    idempotency_key: str | None,
    if_match: str | None,
    invoice_id: uuid.UUID,
    verb: str,
    body: Any,
    work: Callable[..., Any],
) -> JSONResponse:
    """A command under its Idempotency-Key, decided on the If-Match version (428/412 otherwise)."""
    version = decided_on(if_match)
    account_id = caller.account.id
    dumped = body.model_dump(mode="json")
    if dumped.get("milestone_id", "") is None:
        # Added in issue 11: left out when not given, so a request stored before it hashes the same.
        del dumped["milestone_id"]
    return idempotency.run(
        ctx,
        account_id,
        idempotency_key,
        f"POST /v1/invoices/{invoice_id}/{verb}",
        {"if_match": version, "body": dumped},
        lambda session: work(ctx, session, account_id, invoice_id, version, body),
    )


@router.post(
    "/invoices/{invoice_id}/confirm",
    response_model=InvoiceRecord,
    responses=_command_responses(
        "already_confirmed (with the invoice), number_taken (with the next number), locked"
    ),
    summary="Confirm an invoice: the server checks and recomputes it and assigns the next number",
)
def confirm_invoice(
    invoice_id: uuid.UUID,
    body: ConfirmInvoiceRequest,
    caller: CurrentCaller,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    return _command(ctx, caller, idempotency_key, if_match, invoice_id, "confirm", body, invoices.confirm)


@router.post(
    "/invoices/{invoice_id}/credit",
    response_model=InvoiceRecord,
    responses=_command_responses("already_credited (with the credit note), not_creditable, id_taken"),
    summary="Credit a confirmed invoice: a credit note with the next number; its entries unlock",
)
def credit_invoice(
    invoice_id: uuid.UUID,
    body: CreditInvoiceRequest,
    caller: CurrentCaller,
    ctx: Ctx,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    return _command(ctx, caller, idempotency_key, if_match, invoice_id, "credit", body, invoices.credit)


@router.get(
    "/invoices/{invoice_id}",
    response_model=InvoiceRecord,
    responses=responses(400, 401, 404, 422, 426),
    summary="One of the caller's confirmed invoices or credit notes",
)
def get_invoice(invoice_id: uuid.UUID, caller: CurrentCaller, ctx: Ctx) -> InvoiceRecord:
    return invoices.get_invoice(ctx, caller.account.id, invoice_id)
