"""The benchmark data set: ten years of a busy freelancer's timesheet, 8 contracts, ~20,000 entries.

Written through the app's own services (``ContractService.create``, ``TimesheetService.apply``)
into a normal coapp data folder, so the database looks exactly like one the app wrote. The data
is deterministic for a given day (seeded), ends today and starts ten years earlier, so "this
week" in the app always has time in it.

It is deliberately dense: all eight contracts (framework agreements that were extended year after
year) run through the whole ten years, and most working days are split across most of them. That
is the worst case for the week grid (eight rows every week) and for the store (every week has
data), and gives the ~20,000 daily entries the budgets in ARCHITECTURE.md talk about.

Building takes a few seconds, so the folder is cached under the system temp folder, keyed by
``DATASET_VERSION``, today's date and a fingerprint of the schema migrations; a benchmark run
copies the cached folder so the runs never change the cache. Bump ``DATASET_VERSION`` whenever
the generator changes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import shutil
import sqlite3
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

DATASET_VERSION = 1
YEARS = 10
CACHE_ROOT = Path(tempfile.gettempdir()) / "coapp-benchmarks"


@dataclass(frozen=True)
class Dataset:
    data_dir: Path  # a coapp data folder (coapp.sqlite3, settings.json)
    contracts: int
    entries: int
    first_day: date
    last_day: date
    build_seconds: float
    cached: bool  # True when an earlier run had already built it

    @property
    def first_monday(self) -> date:
        return self.first_day - timedelta(days=self.first_day.weekday())


@dataclass(frozen=True)
class _Contract:
    client_name: str
    title: str
    fee_model: str  # FeeModel value
    rate: str
    currency: str
    commission: str
    weight: int  # share of a working day
    rounding: str  # RoundingRule text
    minutes_per_day: int
    notes: tuple[str, ...]


_CONTRACTS = (
    _Contract(
        "Mälardalens Energi AB",
        "Backendutveckling mätdataplattform",
        "hourly",
        "1085.00",
        "SEK",
        "12.5",
        5,
        "up:15:entry",
        480,
        (
            "Kodgranskning och parprogrammering med {who}",
            "Import av timvärden från {source} (MÄT-{ticket})",
            "Felsökning av långsamma frågor mot mätvärdesdatabasen",
            "Refaktorering av avräkningstjänsten, fler enhetstester",
            "Incident: fördröjda mätvärden från {source}, rotorsak och åtgärd",
            "Lasttest av inläsningen, {millions} miljoner rader",
            "Validering av saknade mätvärden enligt Ei:s regler (MÄT-{ticket})",
        ),
    ),
    _Contract(
        "Vestland Havnelogistikk AS",
        "Arkitekturstøtte integrasjonsplattform",
        "daily",
        "9600.00",
        "NOK",
        "15",
        3,
        "nearest:30:day",
        450,
        (
            "Workshop om hendelsesdrevet integrasjon med {team}",
            "Arkitekturbeslutning (ADR) om meldingskø for containerstatus",
            "Gjennomgang av API-kontrakt mot tollsystemet (INT-{ticket})",
            "Kapasitetsplanlegging for Kafka-klyngen",
            "Styringsgruppemøte og statusrapport",
        ),
    ),
    _Contract(
        "Norrsken Fastigheter AB",
        "Tillgänglighetsgranskning kundportal",
        "fixed",
        "168000.00",
        "SEK",
        "10",
        1,
        "none",
        480,
        (
            "Test med skärmläsare (NVDA) av {area}",
            "Kontrastmätning och utkast till rapport",
            "Tangentbordsnavigering i {area}",
            "Uppföljande test efter rättningar i {area}",
        ),
    ),
    _Contract(
        "Region Uppsala",
        "Säkerhetsgranskning journalintegration",
        "hourly",
        "1150.00",
        "SEK",
        "12",
        2,
        "up:6:entry",
        480,
        (
            "Hotmodellering av HL7-flödet med {who}",
            "Granskning av behörighetsstyrning i integrationslagret (SEC-{ticket})",
            "Penetrationstest av testmiljön, dokumenterade fynd",
            "Genomgång av loggning och spårbarhet enligt NIS2",
        ),
    ),
    _Contract(
        "Nordlys Kraftnett AS",
        "Dataplattform for nettdata",
        "hourly",
        "1250.00",
        "NOK",
        "15",
        3,
        "up:15:entry",
        450,
        (
            "Datamodell for måleverdier, gjennomgang med {team}",
            "dbt-modeller for avregning (DATA-{ticket})",
            "Feilsøking av nattlig lasting, {millions} millioner rader",
            "Parprogrammering med {who} på strømmingsjobben",
        ),
    ),
    _Contract(
        "Øresund Logistik A/S",
        "Rådgivning om hændelsesdrevet arkitektur",
        "daily",
        "7800.00",
        "DKK",
        "12.5",
        2,
        "nearest:30:day",
        450,
        (
            "Workshop om event sourcing med {team}",
            "Review af Kafka-topologi og skemaer (ARK-{ticket})",
            "Sparring med CTO om migreringsplan",
            "Dokumentation af integrationsmønstre",
        ),
    ),
    _Contract(
        "Saimaa Software Oy",
        "Code review and mentoring",
        "hourly",
        "110.00",
        "EUR",
        "10",
        2,
        "up:15:entry",
        480,
        (
            "Code review of the billing service (PR {ticket})",
            "Mentoring session with {who}: testing strategy",
            "Architecture review of the mobile backend",
            "Pairing on the release pipeline with {who}",
        ),
    ),
    _Contract(
        "Västkustens Bibliotek",
        "Förvaltning bokningssystem",
        "fixed",
        "240000.00",
        "SEK",
        "10",
        1,
        "none",
        480,
        (
            "Säkerhetsuppdateringar och beroenden",
            "Rättade fel i bokningskalendern (BOK-{ticket})",
            "Möte med förvaltningsgruppen",
            "Ny rapport över utlåning per filial",
        ),
    ),
)

_FILL = {
    "who": ("Sara", "Johan", "Elin", "Mikael", "Aisha", "Henrik", "Ingrid", "Mads"),
    "source": ("insamlingssystemet", "fjärrvärmemätarna", "elmätarna i Västerås", "nätägarnas FTP"),
    "team": ("terminalteamet", "fakturateamet", "driftsteamet", "plattformteamet"),
    "area": ("felanmälan", "tvättstugebokningen", "Mina sidor", "hyresavierna"),
}


def _fingerprint() -> str:
    """Changes when a migration is added or edited, so a cached database is never migrated."""
    spec = importlib.util.find_spec("coapp")
    if spec is None or spec.origin is None:
        raise RuntimeError("coapp is not importable; run the benchmarks with `uv run` in the project")
    migrations = Path(spec.origin).parent / "store" / "migrations" / "versions"
    digest = hashlib.sha1()
    for path in sorted(migrations.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def cache_key(today: date) -> str:
    return f"v{DATASET_VERSION}-{today.isoformat()}-{_fingerprint()}"


def _ten_years_before(today: date) -> date:
    try:
        start = today.replace(year=today.year - YEARS)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - YEARS, day=28)
    return start - timedelta(days=start.weekday())


def _note(rng: random.Random, contract: _Contract) -> str:
    return rng.choice(contract.notes).format(
        ticket=rng.randint(100, 2400),
        millions=rng.choice((12, 40, 85, 120)),
        **{key: rng.choice(values) for key, values in _FILL.items()},
    )


def _split(rng: random.Random, chosen: list[int], total: int) -> dict[int, int]:
    """*total* minutes over *chosen* contracts in quarter hours, by the contracts' weights."""
    units = total // 15
    shares = dict.fromkeys(chosen, 1)
    for c in rng.choices(chosen, weights=[_CONTRACTS[c].weight for c in chosen], k=units - len(chosen)):
        shares[c] += 1
    return {c: n * 15 for c, n in shares.items()}


def plan(today: date) -> tuple[date, list[tuple[int, date, int, str]]]:
    """(first day, [(contract index, day, minutes, note)]) for ten years up to and including today."""
    from coapp.domain.public_holidays import holiday_name

    rng = random.Random(f"coapp-benchmark-{DATASET_VERSION}-{today.isoformat()}")
    first = _ten_years_before(today)
    entries: list[tuple[int, date, int, str]] = []
    day = first
    every = list(range(len(_CONTRACTS)))
    while day <= today:
        day_rng = random.Random(rng.getrandbits(64))
        weekend = day.weekday() >= 5
        off = (
            holiday_name(day, "SE") is not None
            or (day.month, day.day) in ((12, 24), (12, 31))
            or day.isocalendar().week == 29  # a week of summer holiday
            or day_rng.random() < 0.02  # ill, a child's sick day
        )
        split: dict[int, int] = {}
        if weekend:
            if day_rng.random() < 0.25:  # deadlines: some weekend work
                chosen = day_rng.sample(every, day_rng.randint(1, 4))
                split = _split(day_rng, chosen, max(60 * day_rng.randint(1, 4), 15 * len(chosen)))
        elif not off:
            k = 8 if day_rng.random() < 0.85 else 7
            chosen = sorted(day_rng.sample(every, k))
            split = _split(day_rng, chosen, int(60 * day_rng.choice((7.5, 8, 8, 8, 8.5, 9))))
        for c in sorted(split):
            entries.append((c, day, split[c], _note(day_rng, _CONTRACTS[c])))
        day += timedelta(days=1)
    return first, entries


def _build(data_dir: Path, today: date) -> tuple[int, int, date]:
    """Write the data set into the empty folder *data_dir* through the app's services."""
    from coapp.app.context import AppContext
    from coapp.base.settings import Settings
    from coapp.domain.contracts import FeeModel, RoundingRule
    from coapp.services.timesheet import CellChange

    first, entries = plan(today)
    ctx = AppContext.open(data_dir)
    try:
        ctx.save_settings(Settings())  # Swedish, decimal hours, SE holidays: the app's defaults
        created = [
            ctx.contracts.create(
                client_name=c.client_name,
                title=c.title,
                fee_model=FeeModel(c.fee_model),
                rate=Decimal(c.rate),
                currency=c.currency,
                commission_percent=Decimal(c.commission),
                start_date=first - timedelta(days=45 + 11 * i),
                end_date=today + timedelta(days=120 + 30 * i),
                minutes_per_day=c.minutes_per_day,
                rounding=RoundingRule.parse(c.rounding),
            )
            for i, c in enumerate(_CONTRACTS)
        ]
        by_month: dict[tuple[int, int], list[CellChange]] = defaultdict(list)
        for c, day, minutes, note in entries:
            by_month[(day.year, day.month)].append(CellChange(created[c].id, day, minutes, note))
        for month in sorted(by_month):  # one transaction per month, as a month's typing would be
            ctx.timesheet.apply(by_month[month])
    finally:
        ctx.close()
    # Fold the WAL into the database file so the folder can be copied as it is.
    conn = sqlite3.connect(data_dir / "coapp.sqlite3")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stored = conn.execute("SELECT count(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()
    if stored != len(entries):
        raise RuntimeError(f"the data set should hold {len(entries)} entries, the database has {stored}")
    return len(created), len(entries), first


def _remove_stale(keep: str) -> None:
    if not CACHE_ROOT.is_dir():
        return
    for old in CACHE_ROOT.iterdir():
        if old.name in (keep, "pycache"):  # pycache: run.py's bytecode cache for the children
            continue
        if old.name.startswith(".staging-") and time.time() - old.stat().st_mtime < 3600:
            continue  # possibly another run building right now
        shutil.rmtree(old, ignore_errors=True)


def ensure_dataset(today: date | None = None, *, rebuild: bool = False, log=print) -> Dataset:  # type: ignore[no-untyped-def]
    """The cached data set for *today*, built first when it is missing (or when *rebuild*)."""
    today = today or date.today()
    key = cache_key(today)
    folder = CACHE_ROOT / key
    meta_path = folder / "dataset.json"
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    cached = meta_path.is_file()
    if not cached:
        _remove_stale(key)
        CACHE_ROOT.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=CACHE_ROOT))
        log(f"building the 10-year data set in {folder} (once a day; takes a few seconds) ...")
        started = time.perf_counter()
        try:
            contracts, entries, first = _build(staging / "data", today)
            meta = {
                "version": DATASET_VERSION,
                "contracts": contracts,
                "entries": entries,
                "first_day": first.isoformat(),
                "last_day": today.isoformat(),
                "build_seconds": round(time.perf_counter() - started, 2),
            }
            (staging / "dataset.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
            try:
                staging.rename(folder)
            except OSError:  # another run finished first: use its copy
                if not meta_path.is_file():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return Dataset(
        data_dir=folder / "data",
        contracts=meta["contracts"],
        entries=meta["entries"],
        first_day=date.fromisoformat(meta["first_day"]),
        last_day=date.fromisoformat(meta["last_day"]),
        build_seconds=meta["build_seconds"],
        cached=cached,
    )


def working_copy(dataset: Dataset, into: Path) -> Path:
    """A private copy of the data folder, so what a run writes (backups, window state) never
    reaches the cache."""
    target = into / "data"
    shutil.copytree(dataset.data_dir, target)
    # Sections 1 and 2 measure the week's grid: the window opens on the timesheet, as it does for
    # someone who closed it there (a first run opens on the dashboard instead).
    (target / "window.ini").write_text("[General]\nscreenName=timesheetTab\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    ds = ensure_dataset()
    print(ds)
