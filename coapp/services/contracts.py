"""Contracts: listing, finding by id or title prefix, and creating (demo data, later sync)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from coapp.domain.contracts import FeeModel, RoundingRule
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.money import (
    exponent,
    percent_to_basis_points,
    to_minor,
)
from coapp.models import Contract
from coapp.models.contracts import IN_FORCE
from coapp.services.sheets import ContractInfo, contract_from_values
from coapp.store.engine import Store


def to_info(row: Contract) -> ContractInfo:
    return contract_from_values(
        row.id,
        row.client_name,
        row.title,
        row.fee_model,
        row.rate_minor,
        row.currency,
        row.commission_bp,
        row.start_date,
        row.end_date,
        row.minutes_per_day,
        row.rounding_rule,
    )


class ContractService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self, *, offers: bool = False) -> list[ContractInfo]:
        """The contracts time may go on; with *offers*, also those waiting for a signature."""
        with self._store.read() as s:
            query = select(Contract).where(Contract.deleted_at.is_(None))
            if not offers:
                query = query.where(IN_FORCE)
            rows = s.scalars(query.order_by(Contract.start_date, Contract.title)).all()
            return [to_info(r) for r in rows]

    def offers_waiting(self) -> int:
        """How many of the platform's offers wait for the freelancer's signature (the sidebar's badge)."""
        with self._store.read() as s:
            return int(
                s.scalar(
                    select(func.count()).where(
                        Contract.deleted_at.is_(None),
                        Contract.origin == "platform",
                        Contract.state == "offered",
                        Contract.signed_at.is_(None),
                    )
                )
                or 0
            )

    def active_between(self, first: date, last: date) -> list[ContractInfo]:
        return [c for c in self.all() if c.overlaps(first, last)]

    def get(self, contract_id: str) -> ContractInfo:
        with self._store.read() as s:
            row = s.get(Contract, contract_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("no contract with id {id}", id=contract_id)
            return to_info(row)

    def resolve(self, ref: str) -> ContractInfo:
        """A contract by exact id, id prefix, or an unambiguous prefix of its title (any case); an
        offer too (signing names it; time typed on it is refused with the reason)."""
        needle = ref.strip()
        if not needle:
            raise NotFoundError("name a contract by its id or the start of its title")
        contracts = self.all(offers=True)
        for c in contracts:
            if c.id == needle:
                return c
        matches = [
            c
            for c in contracts
            if c.id.startswith(needle.lower()) or c.title.lower().startswith(needle.lower())
        ]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFoundError("no contract matches “{ref}”", ref=needle)
        names = ", ".join(sorted(c.title for c in matches))
        raise NotFoundError(
            "“{ref}” matches several contracts ({names}); type more of the title", ref=needle, names=names
        )

    def set_client_details(
        self,
        contract_id: str,
        *,
        address: str,
        postcode: str,
        city: str,
        country: str,
        org_number: str = "",
        vat_number: str = "",
    ) -> None:
        """The client as the buyer on invoices billed to the client (hourly and daily work; the
        platform sends these details with the contract; demo data and tests set them here)."""
        from coapp.domain.identifiers import validate_org_number, validate_vat_number

        org = validate_org_number(org_number, country) if org_number else ""
        vat = validate_vat_number(vat_number, country) if vat_number else ""
        with self._store.write() as s:
            row = s.get(Contract, contract_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("no contract with id {id}", id=contract_id)
            row.client_address, row.client_postcode, row.client_city = address, postcode, city
            row.client_country, row.client_org_number, row.client_vat_number = country, org, vat

    def create(
        self,
        *,
        client_name: str,
        title: str,
        fee_model: FeeModel,
        rate: Decimal,
        currency: str,
        commission_percent: Decimal,
        start_date: date,
        end_date: date | None,
        minutes_per_day: int = 480,
        rounding: RoundingRule | None = None,
    ) -> ContractInfo:
        exponent(currency)
        if not client_name.strip() or not title.strip():
            raise ValidationError("a contract needs a client and a title")
        if rate < 0:
            raise ValidationError("the rate cannot be negative")
        if not Decimal(0) <= commission_percent <= Decimal(100):
            raise ValidationError("the commission must be between 0 and 100 %")
        if end_date is not None and end_date < start_date:
            raise ValidationError("the contract ends before it starts")
        if not 0 < minutes_per_day <= 1440:
            raise ValidationError("hours per day must be between 0 and 24")
        row = Contract(
            client_name=client_name.strip(),
            title=title.strip(),
            fee_model=FeeModel(fee_model).value,
            rate_minor=to_minor(rate, currency),
            currency=currency,
            commission_bp=percent_to_basis_points(commission_percent),
            start_date=start_date,
            end_date=end_date,
            minutes_per_day=minutes_per_day,
            rounding_rule=str(rounding or RoundingRule()),
        )
        with self._store.write() as s:
            s.add(row)
        return to_info(row)
