"""Each insights chart's data as CSV (issue 11), in the spreadsheet style of the UI's language
(coapp.documents.csv_export: ";" and a decimal comma in Swedish; every text cell safe from being
read as a formula, since contract titles come from the platform)."""

from __future__ import annotations

from coapp.documents.csv_export import (
    Cell,
    CsvStyle,
    Figure,
    amount_cell,
    hours_cell,
    minutes_cell,
    write_rows,
)
from coapp.domain.invoices import InvoiceState
from coapp.services.insights import Insights

_WORDS = {
    "sv": {
        "week": "Vecka", "monday": "Måndag", "total": "Summa", "expected": "Förväntat (h)",
        "reported": "Rapporterat (h)", "utilisation": "Beläggning (%)", "month": "Månad",
        "currency": "Valuta",
        "value": "Avtalsvärde", "commission": "Provision", "commission_vat": "Moms på provision",
        "vat": "Moms", "payout": "Utbetalning", "state": "Status", "invoices": "Fakturor",
        "amount": "Belopp", "minutes": "Rapporterat (min)",
    },
    "en": {
        "week": "Week", "monday": "Monday", "total": "Total", "expected": "Expected (h)",
        "reported": "Reported (h)", "utilisation": "Utilisation (%)", "month": "Month",
        "currency": "Currency",
        "value": "Agreement value", "commission": "Commission", "commission_vat": "VAT on commission",
        "vat": "VAT", "payout": "Payout", "state": "State", "invoices": "Invoices",
        "amount": "Amount", "minutes": "Reported (min)",
    },
}  # fmt: skip


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["en"])


def hours_csv(insights: Insights, language: str) -> str:
    """Hours per week: one column per contract, then the total and the expected."""
    style, w = CsvStyle.for_language(language), _words(language)
    header: list[Cell] = [
        w["week"],
        w["monday"],
        *(f"{c.title} ({c.client_name})" for c in insights.contracts),
    ]
    rows: list[list[Cell]] = [[*header, w["total"], w["expected"]]]
    for i, week in enumerate(insights.weeks):
        cells: list[Cell] = [str(week), week.monday.isoformat()]
        cells += [hours_cell(insights.minutes[c.id][i], style) for c in insights.contracts]
        cells += [hours_cell(insights.reported[i], style), hours_cell(insights.expected[i], style)]
        rows.append(cells)
    return write_rows(rows, style)


def utilisation_csv(insights: Insights, language: str) -> str:
    style, w = CsvStyle.for_language(language), _words(language)
    rows: list[list[Cell]] = [[w["week"], w["monday"], w["reported"], w["expected"], w["utilisation"]]]
    percents = insights.utilisation_percent()
    for i, week in enumerate(insights.weeks):
        percent = percents[i]
        rows.append([
            str(week), week.monday.isoformat(), hours_cell(insights.reported[i], style),
            hours_cell(insights.expected[i], style), "" if percent is None else Figure(str(percent)),
        ])  # fmt: skip
    return write_rows(rows, style)


def earnings_csv(insights: Insights, currency: str, language: str) -> str:
    style, w = CsvStyle.for_language(language), _words(language)
    rows: list[list[Cell]] = [
        [w["month"], w["currency"], w["value"], w["commission"], w["commission_vat"], w["vat"], w["payout"]]
    ]
    for month, money in zip(insights.months, insights.earnings.get(currency, ()), strict=False):
        amounts = (money.agreement_value, money.commission, money.commission_vat, money.vat, money.payout)
        rows.append([str(month), currency, *(amount_cell(a, style) for a in amounts)])
    return write_rows(rows, style)


def states_csv(insights: Insights, language: str) -> str:
    style, w = CsvStyle.for_language(language), _words(language)
    rows: list[list[Cell]] = [[w["currency"], w["state"], w["invoices"], w["amount"]]]
    for currency in insights.currencies:
        for state in InvoiceState:
            total = insights.states.get(currency, {}).get(state)
            if total is not None:
                rows.append(
                    [currency, state.value, minutes_cell(total.count), amount_cell(total.amount, style)]
                )
    return write_rows(rows, style)
