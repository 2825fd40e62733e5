"""`coapp-server seed-demo`: a demo platform on a database (demo mode, development).

Two freelancers, a client and an agent; eight Nordic assignments the agent posted (six open, two
closed because they were filled); each freelancer gets a contract for one of the filled ones, running
from a few months ago to a few months ahead, and the agent as theirs, with applications in several
states, an interview and messages (coserver.seed_pipeline); the contracts' terms, signatures,
feedback and reviews, an ended contract and the offer the pipeline made (coserver.seed_contracts).
Seeding again resets the passwords and keeps everything else: assignments have fixed ids and
contracts are made once (one from an older seed gets its assignment linked). Passwords are random
per run and printed once, so a demo database never ships with a known password.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from coapp.sync.wire import AssignmentStatus, Role
from coserver.accounts import create_account, email_key
from coserver.assignments import create_assignment
from coserver.db import make_engine, make_session_factory, migrate, next_version, transaction
from coserver.models import AccountRow, AssignmentRow, ContractRow
from coserver.platform import create_contract
from coserver.seed_contracts import seed_contracts
from coserver.seed_pipeline import seed_pipeline
from coserver.settings import utc_now

DEMO_ACCOUNTS = [
    (Role.FREELANCER, "anna.freelancer@demo.coapp.se", "Anna Lindqvist"),
    (Role.FREELANCER, "erik.freelancer@demo.coapp.se", "Erik Nilsson"),
    (Role.CLIENT, "kund@demo.coapp.se", "Kund AB"),
    (Role.AGENT, "agent@demo.coapp.se", "Sara Agent"),
]
DEMO_AGENT = "agent@demo.coapp.se"
DEMO_CLIENT = "kund@demo.coapp.se"
DEMO_CONTRACTS = {
    "anna.freelancer@demo.coapp.se": ("Systemutveckling, betalplattform", "hourly", 95000),
    "erik.freelancer@demo.coapp.se": ("Projektledning, ERP-byte", "daily", 850000),
}
# The filled assignment each freelancer's contract came from (a slug of DEMO_ASSIGNMENTS).
DEMO_CONTRACT_ASSIGNMENTS = {
    "anna.freelancer@demo.coapp.se": "betalplattform",
    "erik.freelancer@demo.coapp.se": "erp-byte",
}
# Fixed ids (derived from the slugs), so a second seed finds the assignments of the first.
_DEMO_NAMESPACE = uuid.UUID("5d0c3a52-8f1e-4f7e-9a43-6c0a9d2b7e11")


@dataclass(frozen=True)
class DemoAssignment:
    """One assignment, its dates relative to the seeding day. A filled one (`filled`) ran its
    application round before the contracts start (three months ago) and is closed."""

    slug: str
    title: str
    client_name: str
    location: str
    remote: bool
    skills: tuple[str, ...]
    rate_min_minor: int  # per hour
    rate_max_minor: int
    currency: str
    hours_per_week: int
    description: str
    published_days_ago: int = 0
    closes_in_days: int = 0
    starts_in_months: int = 1
    months: int | None = 6  # None: until further notice
    filled: bool = False
    round_days: int = 35  # a filled one: published this long before the contracts start

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(_DEMO_NAMESPACE, f"assignment:{self.slug}")


DEMO_ASSIGNMENTS = (
    DemoAssignment(
        slug="betalplattform",
        title="Systemutvecklare Python, betalplattform",
        client_name="Kund AB",
        location="Stockholm",
        remote=False,
        skills=("Python", "FastAPI", "PostgreSQL", "Kubernetes"),
        rate_min_minor=90000,
        rate_max_minor=105000,
        currency="SEK",
        hours_per_week=40,
        description="Kund AB bygger om sin betalplattform för e-handlare i Norden. Du utvecklar "
        "tjänster för avräkning och återbetalningar i Python i ett team om sex personer, "
        "med kodgranskning, parprogrammering och drift i Kubernetes.",
        filled=True,
    ),
    DemoAssignment(
        slug="erp-byte",
        title="Projektledare ERP-byte (SAP S/4HANA)",
        client_name="Kund AB",
        location="Stockholm",
        remote=False,
        skills=("Projektledning", "SAP S/4HANA", "Förändringsledning", "SAFe"),
        rate_min_minor=100000,
        rate_max_minor=120000,
        currency="SEK",
        hours_per_week=40,
        description="Kund AB byter affärssystem till SAP S/4HANA. Du leder införandet för ekonomi "
        "och inköp: plan, leverantörer, utbildning och driftsättning, och rapporterar till CFO.",
        filled=True,
        round_days=42,
    ),
    DemoAssignment(
        slug="android-reise",
        title="Android-utvikler (Kotlin), reisebestilling",
        client_name="Nordlys Reiser AS",
        location="Oslo",
        remote=False,
        skills=("Kotlin", "Android", "Jetpack Compose", "REST"),
        rate_min_minor=105000,
        rate_max_minor=130000,
        currency="NOK",
        hours_per_week=40,
        description="Nordlys Reiser AS lager en ny app for bestilling av tog- og fergereiser. Du "
        "utvikler nye flyter i Kotlin og Jetpack Compose sammen med to iOS-utviklere og en designer.",
        published_days_ago=3,
        closes_in_days=18,
        starts_in_months=1,
        months=9,
    ),
    DemoAssignment(
        slug="azure-molnflytt",
        title="Azure-arkitekt, molnflytt",
        client_name="Mälarhamnen Energi AB",
        location="Västerås",
        remote=True,
        skills=("Azure", "Terraform", "Azure DevOps", "Kubernetes"),
        rate_min_minor=110000,
        rate_max_minor=135000,
        currency="SEK",
        hours_per_week=32,
        description="Mälarhamnen Energi flyttar sina kundsystem från egen hall till Azure. Du äger "
        "målarkitekturen, landningszonen och migreringsplanen, och coachar driftteamet. "
        "Mest på distans, en dag i veckan i Västerås.",
        published_days_ago=6,
        closes_in_days=12,
        starts_in_months=2,
        months=6,
    ),
    DemoAssignment(
        slug="ux-skademelding",
        title="UX-researcher, digital skademelding",
        client_name="Havblikk Forsikring ASA",
        location="Bergen",
        remote=True,
        skills=("UX research", "Usability testing", "Figma", "Service design"),
        rate_min_minor=90000,
        rate_max_minor=110000,
        currency="NOK",
        hours_per_week=24,
        description="Havblikk Forsikring vil gjøre skademelding på nett enklere. Du planlegger og "
        "gjennomfører intervjuer og brukertester, og gjør funnene om til konkrete forslag for teamet.",
        published_days_ago=9,
        closes_in_days=21,
        starts_in_months=3,
        months=4,
    ),
    DemoAssignment(
        slug="dataingenior-logistik",
        title="Dataingeniør (Python, Databricks), forsyningskæde",
        client_name="Skovgaard Logistik A/S",
        location="Aarhus",
        remote=False,
        skills=("Python", "Databricks", "Spark", "Azure"),
        rate_min_minor=80000,
        rate_max_minor=95000,
        currency="DKK",
        hours_per_week=37,
        description="Skovgaard Logistik samler data fra lagre og lastbiler i én platform. Du bygger "
        "datapipelines i Databricks og gør prognoser for kapacitet tilgængelige for planlæggerne.",
        published_days_ago=13,
        closes_in_days=9,
        starts_in_months=1,
        months=12,
    ),
    DemoAssignment(
        slug="sap-fico-helsinki",
        title="SAP FI/CO Consultant, year-end close",
        client_name="Lumiportti Oy",
        location="Helsinki",
        remote=False,
        skills=("SAP FI/CO", "SAP S/4HANA", "IFRS", "Finnish"),
        rate_min_minor=9000,
        rate_max_minor=11500,
        currency="EUR",
        hours_per_week=40,
        description="Lumiportti Oy needs an experienced SAP FI/CO consultant to streamline its "
        "year-end close in S/4HANA: closing cockpit, allocations and IFRS reporting.",
        published_days_ago=16,
        closes_in_days=5,
        starts_in_months=3,
        months=5,
    ),
    DemoAssignment(
        slug="kotlin-backend-remote",
        title="Backendutvecklare Kotlin/Spring, betalningar",
        client_name="Öresundsbanken AB",
        location="Remote",
        remote=True,
        skills=("Kotlin", "Spring Boot", "Kafka", "PostgreSQL"),
        rate_min_minor=90000,
        rate_max_minor=110000,
        currency="SEK",
        hours_per_week=40,
        description="Öresundsbanken bygger en ny plattform för realtidsbetalningar. Du utvecklar "
        "händelsedrivna tjänster i Kotlin med Kafka, helt på distans inom Norden.",
        published_days_ago=20,
        closes_in_days=25,
        starts_in_months=1,
        months=None,
    ),
)


# Issue 10's terms per slug: how many of the skills are must-haves (the rest are nice to have),
# seniority, workplace, country and working language.
_TERMS: dict[str, tuple[int, str, str, str, str]] = {
    "betalplattform": (2, "senior", "onsite", "SE", "sv"),
    "erp-byte": (2, "expert", "onsite", "SE", "sv"),
    "android-reise": (2, "mid", "onsite", "NO", "nb"),
    "azure-molnflytt": (2, "senior", "remote", "SE", "sv"),
    "ux-skademelding": (1, "mid", "remote", "NO", "nb"),
    "dataingenior-logistik": (3, "senior", "hybrid", "DK", "en"),
    "sap-fico-helsinki": (2, "expert", "onsite", "FI", "en"),
    "kotlin-backend-remote": (2, "senior", "remote", "SE", "sv"),
}


def _terms(spec: DemoAssignment) -> dict[str, Any]:
    musts, seniority, workplace, country, language = _TERMS[spec.slug]
    return {
        "must_have": list(spec.skills[:musts]),
        "nice_to_have": list(spec.skills[musts:]),
        "seniority": seniority,
        "workplace": workplace,
        "remote": workplace == "remote",
        "country": country,
        "language": language,
    }


def _first_of_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _contract_period(today: date) -> tuple[date, date]:
    return _first_of_month(today, -3), _first_of_month(today, 4) - timedelta(days=1)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _seed_assignment(session: Session, spec: DemoAssignment, agent_id: uuid.UUID, today: date) -> None:
    seeded = session.get(AssignmentRow, spec.id)
    if seeded is not None:
        if not seeded.nice_to_have and seeded.seniority is None:
            # From a seed older than issue 10: its new terms, as a change that clients sync.
            for name, value in _terms(spec).items():
                setattr(seeded, name, value)
            seeded.skills = seeded.must_have + seeded.nice_to_have
            seeded.version = next_version(session)
        return  # seeded before: otherwise kept as it is
    end: date | None
    if spec.filled:
        start, end = _contract_period(today)
        published = _at(start - timedelta(days=spec.round_days), 8)
        closes = _at(start - timedelta(days=14), 23, 59)
        status = AssignmentStatus.CLOSED
    else:
        published = _at(today - timedelta(days=spec.published_days_ago), 8)
        closes = _at(today + timedelta(days=spec.closes_in_days), 23, 59)
        # Work starts on the first of a month, at least a week after applications close.
        start = max(
            _first_of_month(today, spec.starts_in_months),
            _first_of_month(closes.date() + timedelta(days=7), 1),
        )
        end = None if spec.months is None else _first_of_month(start, spec.months) - timedelta(days=1)
        status = AssignmentStatus.OPEN
    create_assignment(
        session,
        agent_id,
        assignment_id=spec.id,
        published_at=published,
        title=spec.title,
        client_name=spec.client_name,
        description=spec.description,
        location=spec.location,
        **_terms(spec),
        rate_min_minor=spec.rate_min_minor,
        rate_max_minor=spec.rate_max_minor,
        currency=spec.currency,
        hours_per_week=spec.hours_per_week,
        start_date=start,
        end_date=end,
        closes_at=closes,
        status=status,
    )


def _seed_contract(session: Session, row: AccountRow, today: date) -> None:
    terms = DEMO_CONTRACTS.get(row.email)
    if terms is None:
        return
    assignment_id = uuid.uuid5(_DEMO_NAMESPACE, f"assignment:{DEMO_CONTRACT_ASSIGNMENTS[row.email]}")
    title, fee_model, rate = terms
    existing = list(session.execute(select(ContractRow).where(ContractRow.freelancer_id == row.id)).scalars())
    if existing:
        for contract in existing:
            if contract.title == title and contract.origin == "platform" and contract.assignment_id is None:
                # From a seed older than assignments: link it, as a change that clients sync.
                contract.assignment_id = assignment_id
                contract.version = next_version(session)
        return
    start, end = _contract_period(today)
    contract = create_contract(
        session,
        row.id,
        title=title,
        client_name="Kund AB",
        fee_model=fee_model,
        rate_minor=rate,
        start_date=start,
        end_date=end,
        client_org_number="556677-8899",
        client_address="Storgatan 1",
        client_postcode="111 22",
        client_city="Stockholm",
    )
    contract.assignment_id = assignment_id
    session.flush()


def seed_demo(db_url: str, hasher: PasswordHasher | None = None) -> list[dict[str, Any]]:
    """Create (or reset the passwords of) the demo accounts, confirmed, and the demo platform's
    assignments and contracts; return the accounts with their passwords."""
    hasher = hasher or PasswordHasher()
    engine = make_engine(db_url)
    try:
        migrate(engine)
        factory = make_session_factory(engine)
        seeded: list[dict[str, Any]] = []
        for role, email, name in DEMO_ACCOUNTS:
            password = secrets.token_urlsafe(12)
            password_hash = hasher.hash(password)
            with transaction(factory) as session:
                now = utc_now()
                row = session.execute(
                    select(AccountRow).where(AccountRow.email_key == email_key(email))
                ).scalar_one_or_none()
                if row is None:
                    row = create_account(session, now, email, password_hash, role, name)
                else:
                    row.password_hash = password_hash
                    row.version = next_version(session)
                row.confirmed_at = row.confirmed_at or now
                seeded.append(
                    {
                        "id": str(row.id),
                        "role": role.value,
                        "email": email,
                        "password": password,
                        "name": name,
                    }
                )
        with transaction(factory) as session:
            today = utc_now().date()
            agent_id = next(uuid.UUID(a["id"]) for a in seeded if a["email"] == DEMO_AGENT)
            for spec in DEMO_ASSIGNMENTS:
                _seed_assignment(session, spec, agent_id, today)
            for account in seeded:
                _seed_contract(session, session.get_one(AccountRow, uuid.UUID(account["id"])), today)
            freelancers = {a["email"]: uuid.UUID(a["id"]) for a in seeded if a["role"] == Role.FREELANCER}
            agent_name = next(a["name"] for a in seeded if a["email"] == DEMO_AGENT)
            ids = {spec.slug: spec.id for spec in DEMO_ASSIGNMENTS}
            seed_pipeline(session, agent_id, DEMO_AGENT, agent_name, freelancers, ids, today)
            client_id = next(uuid.UUID(a["id"]) for a in seeded if a["email"] == DEMO_CLIENT)
            seed_contracts(session, agent_id, client_id, freelancers, today)
        return seeded
    finally:
        engine.dispose()
