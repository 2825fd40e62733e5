"""Assignments (issue 10): the synced list searched offline, sorted by match, filters, the detail with
the match's reasons, and favourites.

Searching is what runs at every keystroke, so the expensive part is done once: every live assignment
is scored against the local profile (and the contracts running, as Busy) when the assignments, the
profile, the contracts or the day change, and kept with its list row in the order of the match. A
keystroke is then one FTS5 query (coapp.services.assignments_query) for the matching keys, and a
walk down that ready order keeping the hits that pass the filters.

Whether anything changed is read at each search (a few indexed maxima and counts), so a sync on a
worker or an edit of the profile elsewhere is seen without anybody telling this service.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coapp.domain.assignments import Assignment
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.domain.matching import Busy, Candidate, Match, candidate_from, match
from coapp.domain.skills import canonical_skill, skill_key
from coapp.models import AssignmentRow, Contract, Favourite
from coapp.models.assignments import SEARCH_TABLE, favourite_id
from coapp.models.contracts import IN_FORCE
from coapp.services.assignments_query import Group, fts_text, like_patterns, search_groups
from coapp.services.assignments_rows import (
    AssignmentDetail,
    AssignmentItem,
    FavouriteChange,
    skill_lists,
    to_domain,
    to_item,
    with_score,
)
from coapp.services.profile import read_profile
from coapp.store.engine import Store

FULL_DAY_MINUTES = 480  # a contract's day at 100 % of full time
_IN_CHUNK = 900  # ids per IN (...): under SQLite's variable limit
_MIN_PREFIX = 4  # characters of an id prefix: fewer would name several sooner or later


# Whether anything the list depends on changed: the assignments (an index on updated_at keeps this
# cheap at every keystroke), and what the scores read besides: the profile's parts and the contracts.
def _stamp_of(*tables: str) -> str:
    return " || '|' || ".join(
        f"(SELECT count(*) || ':' || IFNULL(max(updated_at), '') FROM {table})" for table in tables
    )


_STAMPS = text(
    f"SELECT {_stamp_of('assignments')}, "
    f"{_stamp_of('profiles', 'profile_skills', 'profile_experience', 'profile_languages', 'contracts')}"
)
_MATCHING_KEYS = f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?"
_HAS_INDEX = text(f"SELECT 1 FROM sqlite_master WHERE name = '{SEARCH_TABLE}'")


class Sort(StrEnum):
    MATCH = "match"  # best match first (the default)
    NEWEST = "newest"  # published most recently first
    START = "start"  # starting soonest first
    RATE = "rate"  # highest top of the range first


@dataclass(frozen=True)
class AssignmentFilters:
    """What the list shows. Bad values are refused when made (ValidationError), so nothing runs."""

    query: str = ""
    remote_only: bool = False
    starts_from: date | None = None
    starts_by: date | None = None
    min_extent: int | None = None  # percent of full time
    max_extent: int | None = None
    # The range's top reaches at least this per hour, in each assignment's own currency (amounts in
    # different currencies are not converted); with rate_currency, others are left out.
    min_rate: Decimal | None = None
    rate_currency: str | None = None
    skills: tuple[str, ...] = ()  # each asked for (must-have or nice-to-have), under any spelling
    favourites_only: bool = False
    open_only: bool = False
    sort: Sort = Sort.MATCH
    _skill_keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        search_groups(self.query)  # refuses an over-long search now, not at the first keystroke's query
        for extent in (self.min_extent, self.max_extent):
            if extent is not None and not 1 <= extent <= 100:
                raise ValidationError("an extent is 1 to 100 %, not {extent}", extent=extent)
        if self.min_extent and self.max_extent and self.min_extent > self.max_extent:
            raise ValidationError("the smallest extent is above the largest")
        if self.starts_from and self.starts_by and self.starts_from > self.starts_by:
            raise ValidationError("the earliest start is after the latest")
        if self.min_rate is not None and (not isinstance(self.min_rate, Decimal) or self.min_rate < 0):
            raise ValidationError("the lowest rate is an amount of 0 or more")
        keys = frozenset(skill_key(canonical_skill(name)) for name in self.skills)
        object.__setattr__(self, "_skill_keys", keys)
        object.__setattr__(self, "sort", Sort(self.sort))

    def keeps(self, item: AssignmentItem) -> bool:
        if self.remote_only and not item.remote:
            return False
        if self.open_only and item.closed:
            return False
        if self.starts_from is not None and item.start < self.starts_from:
            return False
        if self.starts_by is not None and item.start > self.starts_by:
            return False
        if self.min_extent is not None and item.extent_percent < self.min_extent:
            return False
        if self.max_extent is not None and item.extent_percent > self.max_extent:
            return False
        if self.min_rate is not None:
            if self.rate_currency is not None and item.currency != self.rate_currency:
                return False
            if item.rate_max < self.min_rate:
                return False
        return not self._skill_keys or self._skill_keys <= {skill_key(s) for s in item.skills}


@dataclass(frozen=True)
class SearchResult:
    items: list[AssignmentItem]  # in the order asked (best match first by default)
    favourites: frozenset[str]  # ids of the favourites (shown with a star)
    total: int  # live assignments on this device, before the search and filters


@dataclass(frozen=True)
class _Catalogue:
    """Every live assignment as matching and the list read it, made again only when they change."""

    stamp: str
    entries: list[tuple[int, Assignment, AssignmentItem]]  # (search key, for matching, list row)
    # By id: (updated_at, entry), so the next catalogue makes again only the rows that changed.
    made: dict[str, tuple[datetime, tuple[int, Assignment, AssignmentItem]]]


@dataclass(frozen=True)
class _Ranked:
    catalogue: _Catalogue
    stamp: tuple[object, ...]  # the day, and the profile's and contracts' stamp
    candidate: Candidate
    order: list[tuple[int, AssignmentItem]]  # (search key, row with its score), best match first
    place: dict[int, int]  # search key -> its index in order


def _sort_key(sort: Sort) -> Callable[[AssignmentItem], object] | None:
    if sort is Sort.NEWEST:
        return lambda item: -item.published_at.timestamp()
    if sort is Sort.START:
        return lambda item: item.start
    if sort is Sort.RATE:
        return lambda item: -item.rate_max
    return None


class AssignmentService:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self._store = store
        self._today = today
        self._lock = threading.Lock()
        self._catalogue: _Catalogue | None = None
        self._ranked: _Ranked | None = None
        self._indexed: bool | None = None  # whether the FTS5 index exists (see _found)

    # --- reading ----------------------------------------------------------------------------------

    def search(self, filters: AssignmentFilters | None = None) -> SearchResult:
        """The list as the screen shows it: what matches the search and the filters, sorted."""
        f = filters or AssignmentFilters()
        groups = search_groups(f.query)
        with self._store.read() as s:
            ranked = self._current(s)
            hits = None if not groups else self._found(s, groups)
            favourites = _favourite_ids(s)
        if hits is not None and len(hits) * 8 < len(ranked.order):
            # A few hits: put them in the match's order rather than walk every assignment.
            place = ranked.place
            found = [ranked.order[place[key]] for key in hits if key in place]
            found.sort(key=lambda entry: place[entry[0]])
            hits = None
        else:
            found = ranked.order
        items = [
            item
            for key, item in found
            if (hits is None or key in hits)
            and (not f.favourites_only or item.id in favourites)
            and f.keeps(item)
        ]
        sort = _sort_key(f.sort)
        if sort is not None:
            items.sort(key=sort)  # type: ignore[arg-type]
        return SearchResult(items, favourites, len(ranked.order))

    def get(self, ref: str) -> AssignmentDetail:
        """One assignment by its id or an unambiguous start of it, with the match's reasons."""
        with self._store.read() as s:
            row = s.get_one(AssignmentRow, self._resolve(s, ref))
            ranked = self._current(s)
            favourite = row.id in _favourite_ids(s)
            explained = match(ranked.candidate, to_domain(row))
            return AssignmentDetail(
                item=to_item(row, explained.score),
                description=row.description,
                seniority=row.seniority,
                language=row.language,
                hours_per_week=row.hours_per_week,
                favourite=favourite,
                match=explained,
            )

    def explain(self, ids: Iterable[str]) -> dict[str, Match]:
        """The match with its reasons for each of these assignments (the ones shown), in one read."""
        wanted = list(ids)
        out: dict[str, Match] = {}
        with self._store.read() as s:
            candidate = self._current(s).candidate
            for start in range(0, len(wanted), _IN_CHUNK):
                rows = s.scalars(
                    select(AssignmentRow).where(AssignmentRow.id.in_(wanted[start : start + _IN_CHUNK]))
                )
                out.update({row.id: match(candidate, to_domain(row)) for row in rows})
        return out

    def resolve(self, ref: str) -> str:
        """The full id of the assignment an id or an unambiguous start of one names."""
        with self._store.read() as s:
            return self._resolve(s, ref)

    def favourite_ids(self) -> frozenset[str]:
        with self._store.read() as s:
            return _favourite_ids(s)

    def invalidate(self) -> None:
        """Read and score everything again at the next search (the change check catches edits
        anyway; this is for a change it cannot see, such as the clock set back)."""
        with self._lock:
            self._catalogue = self._ranked = None

    # --- favourites -------------------------------------------------------------------------------

    def set_favourite(self, ref: str, on: bool) -> FavouriteChange:
        """Star or unstar; starring twice is no change (and writes nothing). Undo: set it to ``was``."""
        with self._store.write() as s:
            assignment_id = self._resolve(s, ref)
            row_id = favourite_id(assignment_id)
            row = s.get(Favourite, row_id)
            was = row is not None and row.deleted_at is None
            if was == on:
                return FavouriteChange(assignment_id, was, on)
            if row is None:
                s.add(Favourite(id=row_id, assignment_id=assignment_id))
            else:  # the same row revived or tombstoned: a set member, whatever the devices do
                row.deleted_at = None if on else datetime.now(UTC)
            return FavouriteChange(assignment_id, was, on)

    def favourite(self, ref: str) -> FavouriteChange:
        return self.set_favourite(ref, True)

    def unfavourite(self, ref: str) -> FavouriteChange:
        return self.set_favourite(ref, False)

    # --- inside ------------------------------------------------------------------------------------

    def _resolve(self, s: Session, ref: str) -> str:
        needle = ref.strip().lower()
        if not needle:
            raise NotFoundError("name an assignment by its id (or the id's first characters)")
        if len(needle) > 36 or any(c not in "0123456789abcdef-" for c in needle):
            raise NotFoundError("“{ref}” is not an assignment's id", ref=ref.strip()[:40])
        live = AssignmentRow.deleted_at.is_(None)
        if s.scalar(select(AssignmentRow.id).where(AssignmentRow.id == needle, live)) is not None:
            return needle
        if len(needle) < _MIN_PREFIX:
            raise NotFoundError("give at least {least} characters of the assignment's id", least=_MIN_PREFIX)
        # Hex digits and '-' only (checked above): nothing in the prefix is a LIKE wildcard.
        found = s.scalars(select(AssignmentRow.id).where(AssignmentRow.id.like(f"{needle}%"), live).limit(3))
        ids = list(found)
        if not ids:
            raise NotFoundError("no assignment's id starts with “{ref}”", ref=needle)
        if len(ids) > 1:
            raise NotFoundError("“{ref}” starts the ids of several assignments; give more of it", ref=needle)
        return ids[0]

    def _found(self, s: Session, groups: list[Group]) -> set[int]:
        """The search keys of the assignments that hold what was typed."""
        if self._indexed is None:
            self._indexed = s.execute(_HAS_INDEX).first() is not None
        if not self._indexed:
            return _found_by_like(s, groups)
        # Straight to the driver: a short prefix finds thousands, and each row through the ORM's
        # result handling costs more than the index took to find them.
        return {key for (key,) in s.connection().exec_driver_sql(_MATCHING_KEYS, (fts_text(groups),))}

    def _current(self, s: Session) -> _Ranked:
        today = self._today()
        assignments, others = s.execute(_STAMPS).one()
        with self._lock:
            catalogue, ranked = self._catalogue, self._ranked
        if catalogue is None or catalogue.stamp != assignments:
            catalogue = _catalogue_of(s, assignments, catalogue)
        stamp = (today, others)
        if ranked is not None and ranked.catalogue is catalogue and ranked.stamp == stamp:
            return ranked
        ranked = _rank(s, catalogue, today, stamp)
        with self._lock:
            self._catalogue, self._ranked = catalogue, ranked
        return ranked


def _busy(s: Session, today: date) -> list[Busy]:
    """Contracts running from today on, as the share of full time each takes."""
    rows = s.scalars(
        select(Contract).where(
            Contract.deleted_at.is_(None),
            IN_FORCE,  # an offer not signed yet does not take the freelancer's time
            (Contract.end_date.is_(None)) | (Contract.end_date >= today),
        )
    )
    return [
        Busy(r.start_date, r.end_date, max(1, min(100, round(100 * r.minutes_per_day / FULL_DAY_MINUTES))))
        for r in rows
    ]


# The columns the list and matching read: not the descriptions, the bulk of the rows.
_LISTED = [c for c in AssignmentRow.__table__.columns if c.key != "description"]


def _catalogue_of(s: Session, stamp: str, before: _Catalogue | None) -> _Catalogue:
    rows = s.execute(
        select(*_LISTED)
        .where(AssignmentRow.deleted_at.is_(None), AssignmentRow.search_key.is_not(None))
        .order_by(AssignmentRow.published_at.desc(), AssignmentRow.id)
    ).all()
    earlier = before.made if before is not None else {}
    made: dict[str, tuple[datetime, tuple[int, Assignment, AssignmentItem]]] = {}
    for row in rows:
        kept = earlier.get(row.id)
        # Making the domain's Assignment is the slow part (it checks every skill's name): a sync
        # that brought a few new assignments makes only those.
        if kept is not None and kept[0] == row.updated_at and kept[1][0] == row.search_key:
            made[row.id] = kept
            continue
        lists = skill_lists(row)
        made[row.id] = (row.updated_at, (int(row.search_key), to_domain(row, lists), to_item(row, 0, lists)))
    return _Catalogue(stamp, [entry for _, entry in made.values()], made)


def _rank(s: Session, catalogue: _Catalogue, today: date, stamp: tuple[object, ...]) -> _Ranked:
    candidate = candidate_from(read_profile(s), today, _busy(s, today))
    scored = [(key, item, match(candidate, a, explain=False).score) for key, a, item in catalogue.entries]
    scored.sort(key=lambda entry: -entry[2])  # stable: equal scores stay newest first
    order = [(key, with_score(item, score)) for key, item, score in scored]
    return _Ranked(catalogue, stamp, candidate, order, {key: i for i, (key, _) in enumerate(order)})


# Without FTS5 (coapp.models.assignments.fts5_available): each token anywhere in these texts.
_HAYSTACK = "(title || ' ' || description || ' ' || client_name || ' ' || skills)"


def _found_by_like(s: Session, groups: list[Group]) -> set[int]:
    patterns = like_patterns(groups)
    where = " AND ".join(
        "(" + " OR ".join("(" + " AND ".join(f"{_HAYSTACK} LIKE ?" for _ in alt) + ")" for alt in group) + ")"
        for group in patterns
    )
    values = tuple(p for group in patterns for alt in group for p in alt)
    sql = (
        f"SELECT search_key FROM assignments WHERE deleted_at IS NULL AND search_key IS NOT NULL AND {where}"
    )
    return {key for (key,) in s.connection().exec_driver_sql(sql, values)}


def _favourite_ids(s: Session) -> frozenset[str]:
    return frozenset(s.scalars(select(Favourite.assignment_id).where(Favourite.deleted_at.is_(None))))
