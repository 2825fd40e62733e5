"""The assignment service: offline search (synonyms, prefixes, FTS syntax typed as text), filters,
ranking by match against the local profile, the detail's reasons, favourites and id prefixes."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coapp.app.context import AppContext
from coapp.domain.errors import NotFoundError, ValidationError
from coapp.models import Favourite, OutboxRecord
from coapp.models.assignments import favourite_id
from coapp.services.assignments import AssignmentFilters, Sort
from coapp.sync.wire import favourite_row_id
from tests.services.assignments_helpers import assignment_id, edit_assignment, put_assignment


def titles(ctx: AppContext, query: str = "", **filters: object) -> list[str]:
    result = ctx.assignments.search(AssignmentFilters(query=query, **filters))  # type: ignore[arg-type]
    return [item.title for item in result.items]


@pytest.fixture
def catalogue(ctx: AppContext) -> AppContext:
    put_assignment(ctx, 1, "Platform engineer", must_have=["Kubernetes", "Terraform"], workplace="remote")
    put_assignment(ctx, 2, "Frontend developer", must_have=["JavaScript"], nice_to_have=["CSS"])
    put_assignment(ctx, 3, "Backend in C#", must_have=["C#"], description="Payments at a bank in Göteborg.")
    put_assignment(ctx, 4, "C++ embedded", must_have=["C++"], client_name="Volvo Cars", status="closed")
    return ctx


def test_skill_synonyms_and_the_word_being_typed_are_found(catalogue: AppContext) -> None:
    ctx = catalogue
    assert titles(ctx, "k8s") == ["Platform engineer"]
    assert titles(ctx, "k8") == ["Platform engineer"]  # completes to Kubernetes through its synonym
    assert titles(ctx, "kube") == ["Platform engineer"]
    assert titles(ctx, "JS") == ["Frontend developer"]
    assert titles(ctx, "javascript css") == ["Frontend developer"]
    assert titles(ctx, "c#") == ["Backend in C#"]  # not every skill that starts with C
    assert titles(ctx, "c++") == ["C++ embedded"]
    assert titles(ctx, "goteborg") == ["Backend in C#"]  # the description, diacritics folded
    assert titles(ctx, "volvo") == ["C++ embedded"]  # the client
    assert titles(ctx, "terraform kubernetes") == ["Platform engineer"]
    assert titles(ctx, "terraform javascript") == []  # every word must be found
    assert len(titles(ctx, "")) == 4


FTS_SYNTAX = ['"', '""', "*", "k8s*", "NEAR(a b)", "-kubernetes", "((", "a)", "title:x", "AND", "OR NOT"]


@pytest.mark.parametrize("typed", [*FTS_SYNTAX, "^x", "'", "+", "#", 'k8s"*', "kube AND", "c# OR"])
def test_fts_syntax_typed_is_text_never_an_error(catalogue: AppContext, typed: str) -> None:
    assert isinstance(catalogue.assignments.search(AssignmentFilters(query=typed)).items, list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_typed_text_searches_without_error(catalogue: AppContext, typed: str) -> None:
    found = {item.id for item in catalogue.assignments.search(AssignmentFilters(query=typed)).items}
    assert found <= {assignment_id(n) for n in range(1, 5)}


def test_an_over_long_search_is_refused(ctx: AppContext) -> None:
    with pytest.raises(ValidationError, match="at most 200"):
        AssignmentFilters(query="x" * 201)


def test_sorted_by_match_and_the_ranking_follows_the_profile(catalogue: AppContext) -> None:
    ctx = catalogue
    ctx.profile.add_skill("JavaScript", level=5)
    ctx.profile.add_skill("CSS", level=4)
    assert titles(ctx)[0] == "Frontend developer"
    ctx.profile.add_skill("Kubernetes", level=5)
    ctx.profile.add_skill("Terraform", level=5)
    ctx.profile.remove_skill("JavaScript")
    # No one told the service: it sees the profile changed and scores again.
    assert titles(ctx)[0] == "Platform engineer"
    scores = [item.score for item in ctx.assignments.search().items]
    assert scores == sorted(scores, reverse=True)


def test_filters(catalogue: AppContext) -> None:
    ctx = catalogue
    put_assignment(ctx, 5, "Half time", must_have=["Rust"], hours_per_week=20, start_date=date(2027, 3, 1))
    put_assignment(ctx, 6, "Well paid", must_have=["Rust"], rate_min_minor=150_000, rate_max_minor=170_000)
    assert titles(ctx, remote_only=True) == ["Platform engineer"]
    assert titles(ctx, "rust", max_extent=60) == ["Half time"]
    assert titles(ctx, "rust", min_extent=60) == ["Well paid"]
    assert titles(ctx, "rust", starts_from=date(2027, 2, 1)) == ["Half time"]
    assert titles(ctx, "rust", starts_by=date(2027, 2, 1)) == ["Well paid"]
    assert titles(ctx, min_rate=Decimal("1500")) == ["Well paid"]
    assert titles(ctx, min_rate=Decimal("1500"), rate_currency="NOK") == []
    assert titles(ctx, skills=("k8s",)) == ["Platform engineer"]  # any spelling of the skill
    assert "C++ embedded" not in titles(ctx, open_only=True)
    assert titles(ctx, "rust", sort=Sort.RATE) == ["Well paid", "Half time"]
    with pytest.raises(ValidationError):
        AssignmentFilters(min_extent=80, max_extent=50)
    with pytest.raises(ValidationError):
        AssignmentFilters(min_extent=0)
    with pytest.raises(ValidationError):
        AssignmentFilters(starts_from=date(2027, 2, 1), starts_by=date(2027, 1, 1))


def test_a_closed_assignment_shows_as_closed_and_a_removed_one_goes(catalogue: AppContext) -> None:
    ctx = catalogue
    [closed] = ctx.assignments.search(AssignmentFilters(query="volvo")).items
    assert closed.closed
    assert closed.status == "closed"

    edit_assignment(ctx, 4, deleted_at=datetime(2026, 12, 5, tzinfo=UTC))
    assert titles(ctx, "volvo") == []
    assert ctx.assignments.search().total == 3
    with pytest.raises(NotFoundError):
        ctx.assignments.get(assignment_id(4))


def test_an_edited_assignment_is_searched_by_its_new_words(catalogue: AppContext) -> None:
    ctx = catalogue
    edit_assignment(ctx, 2, title="Design system engineer", skills=["React"], must_have=["React"])
    assert titles(ctx, "frontend") == []
    assert titles(ctx, "react") == ["Design system engineer"]


def test_the_detail_gives_the_match_with_its_reasons(catalogue: AppContext) -> None:
    ctx = catalogue
    ctx.profile.add_skill("Kubernetes", level=5)
    detail = ctx.assignments.get(assignment_id(1))
    texts = [r.text for r in detail.match.reasons]
    assert "Missing: Terraform" in texts
    assert "Has: Kubernetes" in texts
    assert detail.item.score == detail.match.score
    # The list ranks with the same score the detail explains.
    listed = {i.id: i.score for i in ctx.assignments.search().items}
    assert listed[assignment_id(1)] == detail.match.score


def test_favourite_and_unfavourite_say_what_changed_and_queue_the_set_member(catalogue: AppContext) -> None:
    ctx = catalogue
    target = assignment_id(2)
    change = ctx.assignments.favourite(target)
    assert (change.was, change.now, change.changed) == (False, True, True)
    assert ctx.assignments.favourite(target).changed is False  # twice: no change, nothing queued
    assert titles(ctx, favourites_only=True) == ["Frontend developer"]
    assert ctx.assignments.get(target).favourite
    with ctx.store.read() as s:
        [record] = s.scalars(select(OutboxRecord).where(OutboxRecord.entity == "favourite")).all()
        assert record.row_id == str(favourite_row_id(uuid.UUID(target))) == favourite_id(target)
        assert (record.op, record.fields["assignment_id"]) == ("upsert", target)
    change = ctx.assignments.unfavourite(target)
    assert (change.was, change.now) == (True, False)
    assert titles(ctx, favourites_only=True) == []
    ctx.assignments.set_favourite(target, change.was)  # undo: the same row comes back
    assert ctx.assignments.favourite_ids() == {target}
    with ctx.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Favourite)) == 1
        ops = [r.op for r in s.scalars(select(OutboxRecord).order_by(OutboxRecord.seq))]
        assert ops == ["upsert", "delete", "upsert"]


def test_ids_by_an_unambiguous_prefix_and_refusals_change_nothing(catalogue: AppContext) -> None:
    ctx = catalogue
    own = put_assignment(ctx, 9, "Own prefix", id="abcdef12-0000-4000-8000-000000000009")
    assert ctx.assignments.resolve("ABCDEF") == own
    assert ctx.assignments.get("abcd").item.title == "Own prefix"
    for ref, says in (
        ("0000", "several"),  # the other ids all start with 00000000-
        ("abc", "at least 4"),
        ("ffff", "no assignment"),
        ("", "name an assignment"),
        ("ab%d", "not an assignment's id"),
        ("x" * 50, "not an assignment's id"),
    ):
        with pytest.raises(NotFoundError, match=says):
            ctx.assignments.favourite(ref)
    with ctx.store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxRecord)) == 0
        assert s.scalar(select(func.count()).select_from(Favourite)) == 0


def test_a_favourite_id_is_the_wires() -> None:
    some = uuid.uuid4()
    assert favourite_id(str(some).upper()) == str(favourite_row_id(some))


def test_a_row_with_another_score_is_the_row_replaced(catalogue: AppContext) -> None:
    from dataclasses import replace

    from coapp.services.assignments_rows import with_score

    item = catalogue.assignments.search().items[0]
    assert with_score(item, item.score + 7) == replace(item, score=item.score + 7)
    assert with_score(item, 3).title == item.title
