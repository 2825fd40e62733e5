"""Demo data: three contracts and the last twelve weeks of reported time, for trying coapp out.

The plan is pure (``plan_demo``) so its realism can be checked without a database; ``seed_demo``
writes it through the same services the grid uses, so demo data obeys every timesheet rule.

Seeding is refused, not merged, when the folder already holds contracts: demo entries mixed into
someone's real timesheet could end up on a real invoice. The data is deterministic for a given
``today`` (a seeded random generator), apart from the generated contract ids.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from coapp.domain.contracts import FeeModel, RoundingMode, RoundingRule, RoundingScope
from coapp.domain.identifiers import validate_org_number, vat_number_from_org_number
from coapp.domain.public_holidays import holiday_name
from coapp.services.business import BusinessInfo, BusinessService, field_problems, missing_for_invoicing
from coapp.services.contracts import ContractService
from coapp.services.errors import AlreadySeededError
from coapp.services.sheets import CellChange, ContractInfo
from coapp.services.timesheet import TimesheetService

HISTORY_WEEKS = 12


class DemoServices(Protocol):
    """What seeding needs of an AppContext (so tests and the CLI can pass theirs)."""

    @property
    def contracts(self) -> ContractService: ...

    @property
    def timesheet(self) -> TimesheetService: ...

    @property
    def business(self) -> BusinessService: ...


# A Swedish sole trader (enskild näringsidkare) with F-skatt and a bankgiro, so a demo draft can be
# confirmed at once. A sole trader has no organisation number of her own: it is her personnummer
# (here 850614-9825: born 14 June 1985, birth number 982, even as a woman's is, in the 98x series
# of Skatteverket's published test numbers such as 18900101-9802; Luhn check digit 5), and her VAT
# number is SE + those ten digits + 01. No registered office: only a limited company must show its
# säte on an invoice.
DEMO_PERSONNUMMER = "850614-9825"


def demo_business(name: str, personnummer: str, email: str) -> BusinessInfo:
    """Complete, valid business details of a Swedish sole trader, checked with the same identifier
    rules (python-stdnum) as the form."""
    info = BusinessInfo(
        name=name,
        company_form="sole_trader",
        address="Sveavägen 44",
        postcode="113 59",
        city="Stockholm",
        country="SE",
        org_number=validate_org_number(personnummer, "SE"),
        vat_number=vat_number_from_org_number(personnummer, "SE"),
        f_skatt=True,
        bankgiro="5050-1055",
        payment_terms_days=30,
        invoice_language="sv",
        email=email,
    )
    problems = field_problems(info) or missing_for_invoicing(info)
    if problems:  # pragma: no cover - a programming error in the demo data
        raise AssertionError(f"the demo business details are not valid: {problems}")
    return info


DEMO_BUSINESS = demo_business("Sara Lindqvist Konsult", DEMO_PERSONNUMMER, "sara@lindqvistkonsult.example")

# The clients as buyers: (address, postcode, city, country, org number, VAT number), by contract.
_CLIENTS = (
    ("Kraftverksgatan 8", "721 36", "Västerås", "SE", "5567012348", "SE556701234801"),
    ("Strandkaien 2", "5013", "Bergen", "NO", "912345688", "NO912345688MVA"),
    ("Kungsportsavenyen 21", "411 36", "Göteborg", "SE", "5568123458", "SE556812345801"),
)


@dataclass(frozen=True)
class DemoContract:
    client_name: str
    title: str
    fee_model: FeeModel
    rate: Decimal
    currency: str
    commission_percent: Decimal
    start_date: date
    end_date: date
    minutes_per_day: int
    rounding: RoundingRule


@dataclass(frozen=True)
class DemoEntry:
    contract: int  # index into DemoPlan.contracts
    work_date: date
    minutes: int
    note: str


@dataclass(frozen=True)
class DemoPlan:
    contracts: tuple[DemoContract, ...]
    entries: tuple[DemoEntry, ...]
    first_day: date
    last_day: date


@dataclass(frozen=True)
class DemoSummary:
    contracts: tuple[ContractInfo, ...]
    entries: int
    total_minutes: int
    first_day: date
    last_day: date


HOURLY, DAILY, FIXED = 0, 1, 2

# Notes as a consultant writes them: the Swedish clients get Swedish, the Norwegian one bokmål.
_NOTES: dict[int, tuple[str, ...]] = {
    HOURLY: (
        "Kodgranskning och parprogrammering med {who}",
        "Import av timvärden från {source} (MÄT-{ticket})",
        "Felsökning av långsamma frågor mot mätvärdesdatabasen",
        "Sprintplanering och estimering med teamet",
        "Refaktorering av avräkningstjänsten, fler enhetstester",
        "Demo för produktägaren och retrospektiv",
        "Flyttade nattliga batchjobb till Kubernetes (MÄT-{ticket})",
        "Incident: fördröjda mätvärden från {source}, rotorsak och åtgärd",
        "API för nätägarnas timserier: OpenAPI-spec och granskning med {who}",
        "Lasttest av inläsningen, {millions} miljoner rader",
        "Validering av saknade mätvärden enligt Ei:s regler (MÄT-{ticket})",
        "Uppgradering av PostgreSQL och migreringsskript",
    ),
    DAILY: (
        "Workshop om hendelsesdrevet integrasjon med {team}",
        "Arkitekturbeslutning (ADR) om meldingskø for containerstatus",
        "Gjennomgang av API-kontrakt mot tollsystemet",
        "Målbilde for integrasjonsplattformen, gjennomgang med CTO",
        "Sikkerhetsgjennomgang av tilgangsflyt (OAuth 2.0) med {team}",
        "Parprogrammering med utviklerne i Bergen",
        "Kapasitetsplanlegging for Kafka-klyngen",
        "Dokumenterte integrasjonsmønstre i Confluence",
        "Avklaringer med leverandøren av terminalsystemet",
        "Styringsgruppemøte og statusrapport",
    ),
    FIXED: (
        "Granskning av inloggningsflödet mot WCAG 2.2 AA",
        "Test med skärmläsare (NVDA) av {area}",
        "Kontrastmätning och utkast till rapport",
        "Genomgång av fynd med UX-teamet",
        "Tangentbordsnavigering i {area}",
        "Åtgärdsförslag för felmeddelanden i formulär",
        "Uppföljande test efter rättningar i {area}",
        "Test med VoiceOver på iPhone av {area}",
    ),
}
_FILL = {
    "who": ("Sara", "Johan", "Elin", "Mikael", "Aisha", "Henrik"),
    "source": ("insamlingssystemet", "fjärrvärmemätarna", "elmätarna i Västerås", "nätägarnas FTP"),
    "team": ("terminalteamet", "fakturateamet", "driftsteamet", "plattformteamet"),
    "area": ("felanmälan", "tvättstugebokningen", "Mina sidor", "hyresavierna", "intresseanmälan"),
}


def _first_of_month(day: date, months_ahead: int) -> date:
    index = day.year * 12 + day.month - 1 + months_ahead
    return date(index // 12, index % 12 + 1, 1)


def _end_of_month(day: date, months_ahead: int) -> date:
    return _first_of_month(day, months_ahead + 1) - timedelta(days=1)


def _contracts(history_start: date, today: date) -> tuple[DemoContract, ...]:
    # All three began before the reported history and run months past today, as on a real
    # platform where assignments overlap and get extended.
    return (
        DemoContract(
            client_name="Mälardalens Energi AB",
            title="Backendutveckling mätdataplattform",
            fee_model=FeeModel.HOURLY,
            rate=Decimal("1085.00"),
            currency="SEK",
            commission_percent=Decimal("12.5"),
            start_date=_first_of_month(history_start, -4),
            end_date=_end_of_month(today, 6),
            minutes_per_day=480,
            rounding=RoundingRule(RoundingMode.UP, 15, RoundingScope.ENTRY),
        ),
        DemoContract(
            client_name="Vestland Havnelogistikk AS",
            title="Arkitekturstøtte integrasjonsplattform",
            fee_model=FeeModel.DAILY,
            rate=Decimal("9600.00"),
            currency="NOK",
            commission_percent=Decimal("15"),
            start_date=_first_of_month(history_start, -2),
            end_date=_end_of_month(today, 4),
            minutes_per_day=450,
            rounding=RoundingRule(RoundingMode.NEAREST, 30, RoundingScope.DAY),
        ),
        DemoContract(
            client_name="Norrsken Fastigheter AB",
            title="Tillgänglighetsgranskning kundportal",
            fee_model=FeeModel.FIXED,
            rate=Decimal("168000.00"),
            currency="SEK",
            commission_percent=Decimal("10"),
            start_date=history_start - timedelta(weeks=3),
            end_date=_end_of_month(today, 4),
            minutes_per_day=480,
            rounding=RoundingRule(),
        ),
    )


def _day_off(day: date, country: str) -> bool:
    if day.weekday() >= 5 or holiday_name(day, country) is not None:
        return True
    # Eves that the holiday calendar leaves out but nobody in the Nordics works on.
    if (day.month, day.day) in ((12, 24), (12, 31)):
        return True
    return country == "SE" and day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4


def _note(rng: random.Random, contract: int) -> str:
    template = rng.choice(_NOTES[contract])
    return template.format(
        ticket=rng.randint(180, 960),
        millions=rng.choice((12, 40, 85, 120)),
        **{key: rng.choice(values) for key, values in _FILL.items()},
    )


def _hours(h: float) -> int:
    return round(h * 60)


def _split_day(rng: random.Random, day: date) -> dict[int, int]:
    """Minutes per contract for one working day: the Norwegian client mostly on Fridays, the
    fixed-fee review in short slices, the hourly assignment filling the rest."""
    if rng.random() < 0.07:  # a short day (dentist, a sick child)
        return {HOURLY: _hours(4)}
    if day.weekday() == 4:
        if rng.random() < 0.8:
            return {DAILY: _hours(7.5)}
        return {DAILY: _hours(4), HOURLY: _hours(rng.choice((3.5, 4)))}
    day_total = _hours(rng.choice((7.5, 8, 8, 8, 8.5, 9)))
    if day.weekday() == 2 and rng.random() < 0.3:
        return {DAILY: _hours(4), HOURLY: day_total - _hours(4)}
    if day.weekday() in (1, 3) and rng.random() < 0.6:
        fixed = _hours(rng.choice((1, 1.5, 2, 2.5, 3)))
        return {FIXED: fixed, HOURLY: day_total - fixed}
    return {HOURLY: day_total}


def plan_demo(today: date, holiday_country: str = "SE") -> DemoPlan:
    """The contracts and entries to seed: the last twelve whole ISO weeks plus this week up to
    yesterday (today is still being worked), weekdays only, public holidays skipped."""
    rng = random.Random(today.toordinal())
    history_start = today - timedelta(days=today.weekday(), weeks=HISTORY_WEEKS)
    last_day = today - timedelta(days=1)
    entries: list[DemoEntry] = []
    day = history_start
    while day <= last_day:
        # A generator per date, so a change to one day's choices never shifts the following days.
        day_rng = random.Random(rng.getrandbits(64))
        if not _day_off(day, holiday_country) and day_rng.random() >= 0.04:  # 0.04: a day off
            for contract, minutes in sorted(_split_day(day_rng, day).items()):
                entries.append(DemoEntry(contract, day, minutes, _note(day_rng, contract)))
        day += timedelta(days=1)
    return DemoPlan(_contracts(history_start, today), tuple(entries), history_start, last_day)


def seed_demo(services: DemoServices, today: date, holiday_country: str = "SE") -> DemoSummary:
    """Create the demo contracts and time; refuse if the folder already holds contracts."""
    existing = services.contracts.all()
    if existing:
        raise AlreadySeededError(
            f"this data folder already holds {len(existing)} contract(s); demo data only goes into "
            "an empty folder (pick one with --data-dir)"
        )
    plan = plan_demo(today, holiday_country)
    created = [
        services.contracts.create(
            client_name=c.client_name,
            title=c.title,
            fee_model=c.fee_model,
            rate=c.rate,
            currency=c.currency,
            commission_percent=c.commission_percent,
            start_date=c.start_date,
            end_date=c.end_date,
            minutes_per_day=c.minutes_per_day,
            rounding=c.rounding,
        )
        for c in plan.contracts
    ]
    for contract, (address, postcode, city, country, org, vat) in zip(created, _CLIENTS, strict=True):
        services.contracts.set_client_details(
            contract.id,
            address=address,
            postcode=postcode,
            city=city,
            country=country,
            org_number=org,
            vat_number=vat,
        )
    if services.business.get() == BusinessInfo():
        services.business.save(DEMO_BUSINESS)
    changes: Sequence[CellChange] = [
        CellChange(created[e.contract].id, e.work_date, e.minutes, e.note) for e in plan.entries
    ]
    services.timesheet.apply(changes)
    return DemoSummary(
        contracts=tuple(created),
        entries=len(changes),
        total_minutes=sum(e.minutes for e in plan.entries),
        first_day=plan.first_day,
        last_day=plan.last_day,
    )
