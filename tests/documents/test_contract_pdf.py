"""The contract PDF (issue 11), read back with pypdf: the parties, the terms, the figures, the
milestones, the state and the signature in Swedish and English; and any text from the platform
(control characters, bidi overrides, words longer than a line) never breaks it."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from coapp.documents.contract_pdf import contract_pdf
from coapp.documents.contract_pdf_texts import printable
from coapp.domain.contract_states import ContractState
from coapp.services.platform import PLATFORM
from tests.documents.contract_samples import FREELANCER, fixed_view, info, milestone, offer_view, view
from tests.documents.pdf_samples import page_texts

TODAY = date(2026, 12, 6)


def text_of(pdf: bytes) -> str:
    """All pages' text with whitespace collapsed, so phrases match across line breaks."""
    return " ".join(" ".join(page_texts(pdf)).split())


HOURLY = {
    "sv": [
        "Avtal", "Ledger rewrite", "KONSULT", "Åsa Økland-Ähtäri", "Org.nr 811218-9876",
        "Momsreg.nr SE811218987601", "KUND", "Kund AB", "PLATTFORM", "Nordic Consultant Network AB",
        "Uppdrag: omfattning", "Rewrite the ledger's posting engine.", "Keep the old reports working.",
        "Period 2026-01-01 – 2026-12-31", "Arvodesform Timarvode", "Arvode 1 000,00 kr per timme",
        "Timmar per dag 8 tim", "Avrundning av tid Uppåt till hela 15 min, per tidspost",
        "Betalningsvillkor 20 dagar", "Plattformens provision 10 %", "Rapporterad tid 7:30 tim",
        "Fakturerad tid 0:00 tim", "Avtalsvärde (exkl. moms) 7 500,00 kr", "Provision 10 % 750,00 kr",
        "Moms på provisionen 25 % 187,50 kr", "Utbetalning till konsulten 8 437,50 kr", "Status Aktivt",
        "Signerat av Anna Lindqvist den 2026-03-01 kl. 09:30 UTC, villkorsversion 2", "Sida 1 av 1",
    ],
    "en": [
        "Contract", "CONSULTANT", "CLIENT", "PLATFORM", "Org. no. 811218-9876", "Assignment: scope",
        "Period 1 Jan 2026 – 31 Dec 2026", "Fee model Hourly", "Rate SEK 1,000.00 per hour",
        "Hours per day 8 h", "Time rounding Up to whole 15 min, per entry", "Payment terms 20 days",
        "Platform commission 10%", "Reported time 7:30 h", "Invoiced time 0:00 h",
        "Agreement value (excl. VAT) SEK 7,500.00", "Commission 10% SEK 750.00",
        "VAT on the commission 25% SEK 187.50", "Paid out to the consultant SEK 8,437.50", "State Active",
        "Signed by Anna Lindqvist on 1 Mar 2026 at 09:30 UTC, terms version 2", "Page 1 of 1",
    ],
}  # fmt: skip


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_hourly_signed_contract(language: str) -> None:
    text = text_of(contract_pdf(view(), FREELANCER, language, TODAY, platform=PLATFORM))
    for phrase in HOURLY[language]:
        assert phrase in text, phrase


FIXED = {
    "sv": [
        "Fast pris", "Arvode 100 000,00 kr totalt", "Kvar av budgeten 60 000,00 kr",
        "Delmål sammanlagt 100 000,00 kr", "Delmål Förfaller Belopp (SEK) Status",
        "Design 2026-03-01 40 000,00 Fakturerat", "Build 2026-06-01 50 000,00 Klart att fakturera",
        "Launch 2026-09-01 10 000,00 Planerat", "Utbetalning till konsulten 45 000,00 kr",
    ],
    "en": [
        "Fee model Fixed fee", "Rate SEK 100,000.00 in total", "Budget left SEK 60,000.00",
        "Milestone Due Amount (SEK) State", "Design 1 Mar 2026 40,000.00 Invoiced",
        "Build 1 Jun 2026 50,000.00 Ready to invoice", "Launch 1 Sep 2026 10,000.00 Planned",
    ],
}  # fmt: skip


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_fixed_fee_with_milestones(language: str) -> None:
    text = text_of(contract_pdf(fixed_view(), FREELANCER, language, TODAY, platform=PLATFORM))
    for phrase in FIXED[language]:
        assert phrase in text, phrase
    assert ("Avrundning" if language == "sv" else "rounding") not in text  # a fixed fee bills no time


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("sv", ["Status Erbjudet", "Erbjudande — inte signerat", "Arvode 8 000,00 kr per dag"]),
        ("en", ["State Offered", "Offer — not signed", "Rate SEK 8,000.00 per day"]),
    ],
)
def test_an_offer_says_plainly_it_is_not_signed(language: str, phrases: list[str]) -> None:
    text = text_of(contract_pdf(offer_view(), None, language, TODAY, platform=PLATFORM))
    for phrase in phrases:
        assert phrase in text, phrase
    assert "Signed by" not in text
    assert "Signerat av" not in text
    assert "KONSULT" not in text.replace("KONSULTEN", "")  # no business details given: no party


def test_own_contract_names_no_platform_and_a_terminated_one_its_reason() -> None:
    own = view(origin="local", offered_at=None, signed_at=None, signed_name=None, signed_terms_version=None)
    text = text_of(contract_pdf(own, FREELANCER, "en", TODAY, platform=PLATFORM))
    assert "PLATFORM" not in text
    assert "Nordic Consultant Network" not in text
    assert "Own contract — not signed through the platform" in text
    ended = view(
        state=ContractState.TERMINATED,
        state_reason="Budget\ncut.",
        info=info(end_date=date(2026, 9, 30)),
        original_end_date=date(2026, 6, 30),
    )
    text = text_of(contract_pdf(ended, None, "sv", TODAY))
    assert "Status Uppsagt" in text
    assert "Anledning Budget cut." in text
    assert "Ursprungligt slutdatum 2026-06-30" in text


def test_long_milestone_lists_run_over_pages_with_their_titles_and_page_numbers() -> None:
    ms = tuple(
        milestone(f"Step {i}", "1000.00", date(2026, 1, 5) + timedelta(days=7 * i), "planned")
        for i in range(70)
    )
    pdf = contract_pdf(dataclasses.replace(fixed_view(), milestones=ms), FREELANCER, "en", TODAY)
    pages = [" ".join(p.split()) for p in page_texts(pdf)]
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in page
    for page in pages[1:]:
        if "Step " in page:
            assert "Milestone (continued) Due Amount (SEK) State" in page
    text = " ".join(pages)
    assert all(f"Step {i} " in text for i in range(70))


def test_the_same_contract_gives_the_same_bytes() -> None:
    assert contract_pdf(view(), FREELANCER, "sv", TODAY) == contract_pdf(view(), FREELANCER, "sv", TODAY)


def test_printable_keeps_text_as_text() -> None:
    assert printable("a\x00b\u202ec\td") == "a b c d"
    assert printable("one\r\ntwo\u2028three", lines=True) == "one\ntwo\nthree"
    assert printable(None) == ""


_ANY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400
) | st.builds(
    lambda c, n: c * n, st.characters(codec="utf-8", exclude_categories=["Cs"]), st.integers(50, 600)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_ANY_TEXT,
    scope=_ANY_TEXT,
    client=_ANY_TEXT,
    name=_ANY_TEXT,
    milestone_title=_ANY_TEXT,
    language=st.sampled_from(["sv", "en", "de"]),
)
def test_any_text_from_the_platform_gives_a_valid_pdf(
    title: str, scope: str, client: str, name: str, milestone_title: str, language: str
) -> None:
    v = dataclasses.replace(
        fixed_view(),
        info=info(title=title, client_name=client),
        scope=scope,
        signed_name=name,
        state_reason=scope[:80],
        milestones=(milestone(milestone_title, "10.00", date(2026, 1, 1), milestone_title[:20]),),
    )
    business = dataclasses.replace(FREELANCER, name=name, address=client)
    pdf = contract_pdf(v, business, language, TODAY, platform=PLATFORM)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) >= 1
    last = " ".join(reader.pages[-1].extract_text().split())
    assert f"{len(reader.pages)} " in last  # page n of N, filled in
