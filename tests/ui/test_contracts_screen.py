"""Contracts (issue 11, contractsTab, Ctrl+7): the list with states, a contract's terms and figures,
a fixed fee's milestones drafting its invoice, the feedback with its chart and method, the reviews,
signing refused without the platform, Save PDF, and an own contract added from here."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.services.sheets import CellChange
from coapp.ui.contracts.screen import ContractsScreen
from coapp.ui.main_window import MainWindow
from tests.services.contract_terms_helpers import put_contract, put_feedback, put_milestone, put_review

CTRL = Qt.KeyboardModifier.ControlModifier


def open_contracts(qtbot: QtBot, window: MainWindow) -> ContractsScreen:
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    screen = window.contracts
    assert screen is not None
    assert window.stack.currentWidget() is window.contracts_slot
    qtbot.waitUntil(lambda: not window.state.tasks.busy and screen.header.status.text() != "Reading…")
    return screen


def idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.state.tasks.busy)


def titles(screen: ContractsScreen) -> list[str]:
    return [screen.list.item(i).text() for i in range(screen.list.count())]


def test_an_empty_screen_says_what_to_do(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_contracts(qtbot, window)
    assert screen.empty.isVisible()
    assert "No contracts yet" in screen.empty.text()
    assert not screen.list.isVisible()
    assert not screen.detail.isVisible()
    assert not screen.pdf_button.isEnabled()


def test_terms_figures_and_state_of_an_hourly_contract(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    contract = put_contract(ctx, title="Ledger rewrite", client_name="Kund AB", scope="Rewrite the ledger.")
    ctx.timesheet.apply([CellChange(contract, date(2026, 11, 23), 450, "design")])
    window = open_window()
    screen = open_contracts(qtbot, window)
    assert titles(screen) == ["Ledger rewrite\nKund AB · Active"]
    detail = screen.detail
    assert detail.title.text() == "Ledger rewrite"
    assert detail.state.text() == "Active"
    assert detail.terms.text("scope") == "Rewrite the ledger."
    assert detail.terms.text("fee") == "Hourly rate: SEK\u00a01,000.00 per hour"
    assert detail.terms.text("payment") == "20 days after the invoice date"
    assert detail.terms.text("commission") == "10%"
    assert detail.terms.text("signature").startswith("Signed by Anna Lindqvist on ")
    assert not detail.signing.isVisible()
    assert detail.figures.text("reported") == "7.5 h"
    assert detail.figures.text("value") == "SEK\u00a07,500.00"
    assert "10% of the value: SEK\u00a0750.00" in detail.figures.text("commission")
    assert not detail.milestones.isVisible()  # hourly: no milestones
    assert screen.header.status.text() == "1 contract"


def test_an_offer_comes_first_and_signing_offline_is_refused_with_the_reason(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    put_contract(
        ctx, title="Older work", start_date=date(2025, 1, 1), state="ended", ended_on=date(2025, 12, 31)
    )
    offer = put_contract(
        ctx, title="New offer", start_date=date(2025, 6, 1), state="offered", signed_at=None,
        signed_name=None, signed_terms_version=None,
    )  # fmt: skip
    window = open_window()
    slot = window.stack.indexOf(window.contracts_slot)
    qtbot.waitUntil(lambda: window.navigation.badge(slot) == "1")  # the offer waits: said on the sidebar
    screen = open_contracts(qtbot, window)
    chosen = screen.chosen()
    assert chosen is not None
    assert chosen.id == offer
    detail = screen.detail
    assert detail.signing.isVisible()
    assert detail.state.text() == "Offered"
    assert not detail.sign_button.isEnabled()  # name and agreement first
    detail.sign_name.setFocus()
    qtbot.keyClicks(detail.sign_name, "Anna Lindqvist")
    assert not detail.sign_button.isEnabled()
    detail.sign_agree.setChecked(True)
    assert detail.sign_button.isEnabled()
    qtbot.keyClick(detail.sign_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.banner.is_error())
    # This data folder never signed in: the platform's current terms are out of reach.
    assert screen.banner.text() == "Sign in to the platform first (Account ▸ Sign in…)."
    assert detail.sign_name.text() == "Anna Lindqvist"  # nothing typed is lost
    assert detail.sign_button.isEnabled()
    assert screen.header.status.text() == "2 contracts · 1 waiting for your signature"


def test_a_fixed_fee_s_ready_milestone_drafts_its_invoice(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    contract = put_contract(
        ctx, title="Accessibility audit", fee_model="fixed", rate_minor=16_800_000, rounding_rule="none"
    )
    put_milestone(ctx, contract, "Report delivered", 8_400_000, "ready")
    put_milestone(ctx, contract, "Retest", 8_400_000, "planned", due_date=date(2026, 12, 1))
    window = open_window()
    screen = open_contracts(qtbot, window)
    detail = screen.detail
    assert detail.milestones.isVisible()
    rows = [
        detail.milestone_list.topLevelItem(i).text(0)
        for i in range(detail.milestone_list.topLevelItemCount())
    ]
    assert rows == ["Report delivered", "Retest"]
    assert detail.figures.text("budget") == "SEK\u00a0168,000.00"
    assert not detail.invoice_button.isEnabled()
    detail.milestone_list.setCurrentItem(detail.milestone_list.topLevelItem(1))
    assert not detail.invoice_button.isEnabled()  # planned: not yet
    assert detail.milestone_hint.text() == "Choose a milestone that is ready to invoice."
    detail.milestone_list.setCurrentItem(detail.milestone_list.topLevelItem(0))
    assert detail.invoice_button.isEnabled()
    qtbot.mouseClick(detail.invoice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.invoices_slot)
    idle(qtbot, window)
    drafts = ctx.invoices.list()
    assert len(drafts) == 1
    qtbot.waitUntil(
        lambda: (
            window.invoices.controller.document is not None
            and window.invoices.controller.document.id == drafts[0].id
        )
    )


def test_feedback_history_chart_and_method_are_shown(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    contract = put_contract(ctx)
    put_feedback(
        ctx, contract, (4, 5, 4, 4), given_at=datetime(2026, 3, 2, 9, tzinfo=UTC), comment="Steady work"
    )
    put_feedback(
        ctx, contract, (5, 5, 5, 4), author_role="client", author_name="Karin Kund",
        given_at=datetime(2026, 5, 4, 9, tzinfo=UTC),
    )  # fmt: skip
    window = open_window()
    screen = open_contracts(qtbot, window)
    detail = screen.detail
    assert detail.overall.text() == "Overall 4.5 of 5 from 2 feedback"  # (4.25 + 4.75) / 2
    assert "plain mean of its four scores" in detail.method.text()
    history = detail.feedback_list.text()
    assert history.index("Karin Kund") < history.index("Sara Agent")  # the newest first
    assert "“Steady work”" in history
    chart = detail.chart
    assert chart is not None
    assert chart.isVisible()
    assert chart.count == 2
    assert chart.readout.text().startswith("4 May 2026, the client (Karin Kund): overall 4.75")
    chart.plot.setFocus()
    qtbot.keyClick(chart.plot, Qt.Key.Key_Left)
    assert "overall 4.25 — quality 4, communication 5, delivery 4, expertise 4" in chart.readout.text()


def test_reviews_are_written_in_the_dialog_and_refused_offline_keeping_the_text(
    qtbot: QtBot, ctx: AppContext, open_window
) -> None:
    contract = put_contract(ctx, state="ended", ended_on=date(2026, 10, 31))
    put_review(ctx, contract, "client", 5, "A pleasure")  # arrived before mine: not revealed here yet
    window = open_window()
    screen = open_contracts(qtbot, window)
    detail = screen.detail
    assert detail.reviews.isVisible()
    assert detail.my_review.text() == "You have not reviewed the client yet."
    assert "★★★★★ 5/5" in detail.their_review.text()
    assert detail.review_button.isVisible()
    qtbot.mouseClick(detail.review_button, Qt.MouseButton.LeftButton)
    dialog = screen.review_dialog
    assert dialog is not None
    assert dialog.objectName() == "reviewDialog"
    qtbot.waitExposed(dialog)
    assert "cannot be changed" in dialog.rule.text()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Choose a score from 1 to 5."
    dialog.score.setCurrentIndex(1)  # 4 — good
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Write a few words about the work together."
    dialog.text.setPlainText("x" * 2001)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The review is 2001 characters long; at most 2000 fit. Shorten it."
    dialog.text.setPlainText("Clear goals, quick answers.")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled())
    assert dialog.error.text() == "Sign in to the platform first (Account ▸ Sign in…)."
    assert dialog.isVisible()
    assert dialog.text.toPlainText() == "Clear goals, quick answers."  # nothing typed is lost
    dialog.reject()


def test_save_pdf_writes_the_chosen_contract(
    qtbot: QtBot, ctx: AppContext, open_window, tmp_path: Path
) -> None:
    put_contract(ctx, title="Ledger rewrite")
    window = open_window()
    screen = open_contracts(qtbot, window)
    target = tmp_path / "contract.pdf"
    screen.write_pdf(target)
    idle(qtbot, window)
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(target.read_bytes())).pages)
    assert "Ledger rewrite" in text
    assert "Kund AB" in text
    assert "Anna Lindqvist" in text  # who signed
    assert screen.banner.text() == f"Saved {target}."
    (tmp_path / "a file").write_text("not a folder")
    screen.write_pdf(tmp_path / "a file" / "contract.pdf")
    idle(qtbot, window)
    assert screen.banner.is_error()
    assert screen.banner.text().startswith("Could not save")


def test_an_own_contract_added_here_is_listed(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_contracts(qtbot, window)
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    assert dialog.objectName() == "contractDialog"
    dialog.client.setText("Egen Kund AB")  # type: ignore[attr-defined]
    dialog.title.setText("Workshop")  # type: ignore[attr-defined]
    dialog.rate.setText("1200")  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: titles(screen) == ["Workshop\nEgen Kund AB · Your own"])
    assert (
        screen.detail.terms.text("signature") == "Your own contract, outside the platform: nothing to sign."
    )
    assert not screen.detail.feedback.isVisible()
    assert screen.detail.terms.text("commission") == ""
