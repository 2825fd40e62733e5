"""The demo's plan: a freelancer's last two years as data, pure and deterministic for a given day.

Contracts succeed each other in three roles: the main hourly assignment (Swedish clients, SEK), a
day-rate architecture role one or two days a week (Norwegian clients, NOK) and short fixed-fee
reviews (SEK, invoiced to the platform by milestone). The older contracts have ended; the current
three run months past today. Time is reported on working days only: weekends, public holidays and
the eves nobody works are free, and so are four weeks of summer vacation in July and the week of
Christmas. Nothing here touches a database; ``coapp.services.demo`` writes the plan through the
services.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from coapp.domain.contracts import FeeModel, RoundingMode, RoundingRule, RoundingScope
from coapp.domain.public_holidays import holiday_name

HISTORY_WEEKS = 104  # two years of whole ISO weeks before this one
VACATION_WEEKS = 4  # in July, from its first Monday

# The roles a working day is split between (see _split_day).
HOURLY, DAILY, FIXED = 0, 1, 2


@dataclass(frozen=True)
class DemoClient:
    """The client as the buyer on invoices: address, postcode, city, country, org and VAT number."""

    address: str
    postcode: str
    city: str
    country: str
    org_number: str
    vat_number: str


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
    client: DemoClient


@dataclass(frozen=True)
class DemoEntry:
    contract: int  # index into DemoPlan.contracts
    work_date: date
    minutes: int
    note: str


@dataclass(frozen=True)
class DemoMilestone:
    """A delivered part of a fixed fee, invoiced to the platform as one line."""

    contract: int
    due: date
    title: str
    amount: Decimal


@dataclass(frozen=True)
class DemoPlan:
    contracts: tuple[DemoContract, ...]  # the current three (hourly, daily, fixed) first
    entries: tuple[DemoEntry, ...]
    milestones: tuple[DemoMilestone, ...]  # the ones delivered by the last day
    first_day: date
    last_day: date


def first_of_month(day: date, months_ahead: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months_ahead
    return date(index // 12, index % 12 + 1, 1)


def end_of_month(day: date, months_ahead: int = 0) -> date:
    return first_of_month(day, months_ahead + 1) - timedelta(days=1)


_SE_MEASUREMENT = DemoClient("Kraftverksgatan 8", "721 36", "Västerås", "SE", "5567012348", "SE556701234801")
_NO_HARBOUR = DemoClient("Strandkaien 2", "5013", "Bergen", "NO", "912345688", "NO912345688MVA")
_SE_HOUSING = DemoClient("Kungsportsavenyen 21", "411 36", "Göteborg", "SE", "5568123458", "SE556812345801")
_SE_SHOP = DemoClient("Hamngatan 12", "553 16", "Jönköping", "SE", "5567345128", "SE556734512801")
_NO_SEAFOOD = DemoClient("Kaigata 5", "6900", "Florø", "NO", "918765433", "NO918765433MVA")
_SE_INSURANCE = DemoClient("Södra Hamngatan 37", "411 06", "Göteborg", "SE", "5568902315", "SE556890231501")
_SE_OUTDOOR = DemoClient("Storgatan 41", "903 26", "Umeå", "SE", "5590128764", "SE559012876401")

# Contract index -> role; the current three come first so that index == role for them.
ROLES = (HOURLY, DAILY, FIXED, HOURLY, DAILY, FIXED, FIXED)


def _contract(
    client: DemoClient, name: str, title: str, fee: FeeModel, rate: str, currency: str, commission: str
) -> tuple[DemoClient, str, str, FeeModel, Decimal, str, Decimal]:
    return client, name, title, fee, Decimal(rate), currency, Decimal(commission)


_TERMS = (
    _contract(_SE_MEASUREMENT, "Mälardalens Energi AB", "Backendutveckling mätdataplattform",
              FeeModel.HOURLY, "1085.00", "SEK", "12.5"),
    _contract(_NO_HARBOUR, "Vestland Havnelogistikk AS", "Arkitekturstøtte integrasjonsplattform",
              FeeModel.DAILY, "9600.00", "NOK", "15"),
    _contract(_SE_HOUSING, "Norrsken Fastigheter AB", "Tillgänglighetsgranskning kundportal",
              FeeModel.FIXED, "168000.00", "SEK", "10"),
    _contract(_SE_SHOP, "Vätterhamnen Handel AB", "Utveckling orderflöde e-handel",
              FeeModel.HOURLY, "995.00", "SEK", "12.5"),
    _contract(_NO_SEAFOOD, "Nordfjord Sjømat AS", "Integrasjonsarkitekt sporingsløsning",
              FeeModel.DAILY, "9200.00", "NOK", "15"),
    _contract(_SE_INSURANCE, "Kattegatt Försäkring AB", "Säkerhetsgranskning kundportalens API",
              FeeModel.FIXED, "142000.00", "SEK", "10"),
    _contract(_SE_OUTDOOR, "Vindelälven Outdoor AB", "Prestandaanalys webbshop",
              FeeModel.FIXED, "96000.00", "SEK", "10"),
)  # fmt: skip

_ROUNDING = (
    RoundingRule(RoundingMode.UP, 15, RoundingScope.ENTRY),
    RoundingRule(RoundingMode.NEAREST, 30, RoundingScope.DAY),
    RoundingRule(),
    RoundingRule(RoundingMode.NEAREST, 15, RoundingScope.DAY),
    RoundingRule(RoundingMode.NEAREST, 30, RoundingScope.DAY),
    RoundingRule(),
    RoundingRule(),
)


def _periods(history_start: date, today: date) -> tuple[tuple[date, date], ...]:
    """Start and end of each contract. The hourly role never pauses (the older assignment ends the
    day before the current one starts); the day-rate role has a month between its clients; the
    fixed-fee reviews are a few months each. The current contracts run months past today."""
    h = history_start
    return (
        (first_of_month(h, 11), end_of_month(today, 6)),
        (first_of_month(h, 10), end_of_month(today, 4)),
        (first_of_month(today, -3), end_of_month(today, 4)),
        (first_of_month(h, 0), end_of_month(h, 10)),  # from the history's first month: no time unseen
        (first_of_month(h, 0), end_of_month(h, 8)),
        (first_of_month(h, 2), end_of_month(h, 5)),
        (first_of_month(h, 13), end_of_month(h, 15)),
    )


def _contracts(history_start: date, today: date) -> tuple[DemoContract, ...]:
    return tuple(
        DemoContract(
            client_name=name,
            title=title,
            fee_model=fee,
            rate=rate,
            currency=currency,
            commission_percent=commission,
            start_date=start,
            end_date=end,
            minutes_per_day=450 if fee is FeeModel.DAILY else 480,
            rounding=rounding,
            client=client,
        )
        for (client, name, title, fee, rate, currency, commission), (start, end), rounding in zip(
            _TERMS, _periods(history_start, today), _ROUNDING, strict=True
        )
    )


# Each fixed fee in parts: (contract, share in percent, title); the last part is due on the end date,
# the others at the end of the contract's first, second, ... month.
_PARTS = (
    (2, Decimal(40), "Delrapport: inloggning, felanmälan och Mina sidor"),
    (2, Decimal(60), "Slutrapport WCAG 2.2 AA med åtgärdsförslag"),
    (5, Decimal(40), "Delrapport: hotmodell och testplan"),
    (5, Decimal(60), "Slutrapport och genomgång av åtgärder"),
    (6, Decimal(50), "Mätning och analys av flaskhalsar"),
    (6, Decimal(50), "Slutrapport med åtgärdsförslag"),
)


def _milestones(contracts: tuple[DemoContract, ...], last_day: date) -> tuple[DemoMilestone, ...]:
    found: list[DemoMilestone] = []
    for index, contract in enumerate(contracts):
        parts = [(share, title) for c, share, title in _PARTS if c == index]
        invoiced = Decimal(0)
        for n, (share, title) in enumerate(parts, start=1):
            if n == len(parts):
                due, amount = contract.end_date, contract.rate - invoiced
            else:
                due = end_of_month(contract.start_date, n)
                amount = (contract.rate * share / 100).quantize(Decimal("0.01"))
            invoiced += amount
            if due <= last_day:
                found.append(DemoMilestone(index, due, title, amount))
    return tuple(found)


# Notes as a consultant writes them: the Swedish clients get Swedish, the Norwegian ones bokmål.
_NOTES: dict[int, tuple[str, ...]] = {
    0: (
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
    1: (
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
    2: (
        "Granskning av inloggningsflödet mot WCAG 2.2 AA",
        "Test med skärmläsare (NVDA) av {area}",
        "Kontrastmätning och utkast till rapport",
        "Genomgång av fynd med UX-teamet",
        "Tangentbordsnavigering i {area}",
        "Åtgärdsförslag för felmeddelanden i formulär",
        "Uppföljande test efter rättningar i {area}",
        "Test med VoiceOver på iPhone av {area}",
    ),
    3: (
        "Nytt flöde för delleveranser i ordertjänsten (ORD-{ticket})",
        "Kodgranskning och parprogrammering med {who}",
        "Felsökning av dubbla orderbekräftelser, rotorsak och rättning",
        "Integration mot lagersystemet: meddelandeformat och tester",
        "Sprintplanering och estimering med teamet",
        "Prestandatest av kassan inför Black Week",
        "Flyttade betalningsnotiser till kö med återförsök (ORD-{ticket})",
        "Retrospektiv och överlämning till {who}",
    ),
    4: (
        "Workshop om sporbarhet fra båt til butikk med {team}",
        "Arkitekturbeslutning (ADR) om EPCIS-hendelser for sporing",
        "Gjennomgang av integrasjon mot Mattilsynets tjenester",
        "Målbilde for sporingsløsningen, gjennomgang med IT-sjefen",
        "Avklaringer med leverandøren av produksjonssystemet",
        "Styringsgruppemøte og statusrapport",
        "Dokumenterte dataflyt og grensesnitt i Confluence",
    ),
    5: (
        "Hotmodellering av kundportalens API med {who}",
        "Test av behörighetskontroller (OWASP API Top 10)",
        "Granskning av tokenhantering och sessionslängder",
        "Utkast till rapport: fynd och allvarlighetsgrad",
        "Genomgång av fynd med utvecklingsteamet",
        "Verifiering av rättningar efter granskningen",
    ),
    6: (
        "Mätning av laddtider i {page} med Lighthouse",
        "Analys av långsamma databasfrågor i produktkatalogen",
        "Lasttest av {page} med k6",
        "Genomgång av cachning och CDN-inställningar",
        "Utkast till rapport med åtgärdsförslag",
        "Genomgång av resultat med {who}",
    ),
}
_FILL = {
    "who": ("Sara", "Johan", "Elin", "Mikael", "Aisha", "Henrik"),
    "source": ("insamlingssystemet", "fjärrvärmemätarna", "elmätarna i Västerås", "nätägarnas FTP"),
    "team": ("terminalteamet", "fakturateamet", "driftsteamet", "plattformteamet"),
    "area": ("felanmälan", "tvättstugebokningen", "Mina sidor", "hyresavierna", "intresseanmälan"),
    "page": ("kassan", "produktsidorna", "sökningen", "startsidan"),
}


def on_vacation(day: date) -> bool:
    """Four weeks from the first Monday of July, and Christmas Eve to New Year's Day."""
    july = date(day.year, 7, 1)
    start = july + timedelta(days=-july.weekday() % 7)
    if start <= day < start + timedelta(weeks=VACATION_WEEKS):
        return True
    return (day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1)


def day_off(day: date, country: str) -> bool:
    """Weekends, public holidays and the eves that the holiday calendar leaves out but nobody in
    the Nordics works on (Midsummer Eve in Sweden, Christmas and New Year's Eve)."""
    if day.weekday() >= 5 or holiday_name(day, country) is not None:
        return True
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


def _hours(h: str) -> int:
    return int(Decimal(h) * 60)


def _split_day(rng: random.Random, day: date) -> dict[int, int]:
    """Minutes per role for one working day: the day-rate client mostly on Fridays, the fixed-fee
    review in short slices, the hourly assignment filling the rest."""
    if rng.random() < 0.07:  # a short day (dentist, a sick child)
        return {HOURLY: _hours("4")}
    if day.weekday() == 4:
        if rng.random() < 0.8:
            return {DAILY: _hours("7.5")}
        return {DAILY: _hours("4"), HOURLY: _hours(rng.choice(("3.5", "4")))}
    day_total = _hours(rng.choice(("7.5", "8", "8", "8", "8.5", "9")))
    if day.weekday() == 2 and rng.random() < 0.3:
        return {DAILY: _hours("4"), HOURLY: day_total - _hours("4")}
    if day.weekday() in (1, 3) and rng.random() < 0.6:
        fixed = _hours(rng.choice(("1", "1.5", "2", "2.5", "3")))
        return {FIXED: fixed, HOURLY: day_total - fixed}
    return {HOURLY: day_total}


def _by_contract(split: dict[int, int], day: date, contracts: tuple[DemoContract, ...]) -> dict[int, int]:
    """The role's minutes on the contract of that role running on *day*; a role without one that day
    (between two clients) leaves its time to the hourly assignment, which always runs."""
    minutes: dict[int, int] = {}
    for role, spent in split.items():
        running = [
            n for n, c in enumerate(contracts) if ROLES[n] == role and c.start_date <= day <= c.end_date
        ]
        if not running:
            running = [
                n for n, c in enumerate(contracts) if ROLES[n] == HOURLY and c.start_date <= day <= c.end_date
            ]
        contract = running[0]
        minutes[contract] = minutes.get(contract, 0) + spent
    return minutes


def plan_demo(today: date, holiday_country: str = "SE") -> DemoPlan:
    """The contracts, entries and delivered milestones to seed: the last 104 whole ISO weeks plus
    this week up to yesterday (today is still being worked), on working days outside vacations."""
    rng = random.Random(today.toordinal())
    history_start = today - timedelta(days=today.weekday(), weeks=HISTORY_WEEKS)
    last_day = today - timedelta(days=1)
    contracts = _contracts(history_start, today)
    entries: list[DemoEntry] = []
    day = history_start
    while day <= last_day:
        # A generator per date, so a change to one day's choices never shifts the following days.
        day_rng = random.Random(rng.getrandbits(64))
        if not day_off(day, holiday_country) and not on_vacation(day) and day_rng.random() >= 0.04:
            split = _by_contract(_split_day(day_rng, day), day, contracts)
            for contract, minutes in sorted(split.items()):
                entries.append(DemoEntry(contract, day, minutes, _note(day_rng, contract)))
        day += timedelta(days=1)
    return DemoPlan(contracts, tuple(entries), _milestones(contracts, last_day), history_start, last_day)
