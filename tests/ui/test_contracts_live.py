"""The Contracts screen against the real reference server on 127.0.0.1 (issue 11): an offer arrives by
sync, signing with terms the agent changed meanwhile shows the new terms and signs nothing, signing
again works and the contract reaches the grid; once the agent ends it, the review written in
reviewDialog is stored and the client's shows only after both are in."""

# The server fixtures are imported into this module (tests/ui/conftest.py does not offer them), so
# their names come back as test parameters:
# ruff: noqa: F811

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coapp.domain.contract_states import ContractState
from tests.coserver.conftest import server, start_server  # noqa: F401 - pytest fixtures
from tests.coserver.contract_helpers import client_account, contract_command, offered
from tests.coserver.harness import LiveServer
from tests.coserver.sync_helpers import freelancer
from tests.ui.sync_helpers import WAIT_MS, db_url, fast_sync, sign_in, wait_idle  # noqa: F401 - pytest fixtures
from tests.ui.test_contracts_screen import open_contracts

pytestmark = pytest.mark.usefixtures("fast_sync")


def test_sign_after_changed_terms_then_review_after_the_end(
    qtbot: QtBot, server: LiveServer, open_window
) -> None:
    today = server.clock.now.date()
    anna = freelancer(server)
    kund = client_account(server)
    deal = offered(server, anna, start=today - timedelta(days=1), end=today + timedelta(days=60))
    contract_id = str(deal.contract_id)
    window = open_window(today)
    sign_in(qtbot, window, server.url)
    screen = open_contracts(qtbot, window)
    qtbot.waitUntil(lambda: any(c.id == contract_id for c in screen.contracts), timeout=WAIT_MS)
    chosen = screen.chosen()
    assert chosen is not None
    assert chosen.id == contract_id
    detail = screen.detail
    assert detail.signing.isVisible()

    changed = deal.agent("terms", {"client_account_id": str(kund.account_id), "payment_terms_days": 15})
    assert changed.status_code == 200, changed.text
    qtbot.keyClicks(detail.sign_name, "Anna Lindqvist")
    detail.sign_agree.setChecked(True)
    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.banner.is_error(), timeout=WAIT_MS)
    assert "changed the terms since you read them (now version 2)" in screen.banner.text()
    qtbot.waitUntil(lambda: detail.terms.text("payment") == "15 days after the invoice date", timeout=WAIT_MS)
    assert detail.signing.isVisible()  # still an offer: read the new terms, sign again
    assert detail.sign_name.text() == "Anna Lindqvist"

    qtbot.mouseClick(detail.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.state.text() == "Active", timeout=WAIT_MS)
    assert screen.banner.text().startswith("Signed.")
    assert not detail.signing.isVisible()
    assert detail.terms.text("signature").startswith("Signed by Anna Lindqvist on ")
    assert detail.terms.text("signature").endswith("terms version 2")
    qtbot.waitUntil(lambda: window.navigation.badge(window.stack.indexOf(window.contracts_slot)) == "")
    grid_contracts = {c.id for c in window.ctx.contracts.all()}
    assert contract_id in grid_contracts  # in force: the timesheet offers it

    ended = deal.agent("end", {"text": "Klart."})
    assert ended.status_code == 200, ended.text
    window.sync.request_round()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: detail.review_button.isVisible(), timeout=WAIT_MS)
    assert screen.chosen() is not None
    assert screen.chosen().state is ContractState.ENDED  # type: ignore[union-attr]
    qtbot.mouseClick(detail.review_button, Qt.MouseButton.LeftButton)
    dialog = screen.review_dialog
    assert dialog is not None
    dialog.score.setCurrentIndex(1)  # 4 — good
    dialog.text.setPlainText("Tydliga krav.")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.review_dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Tydliga krav." in detail.my_review.text(), timeout=WAIT_MS)
    assert "once you have both written yours" in detail.their_review.text()  # not revealed yet
    assert not detail.review_button.isVisible()  # written once, never again

    headers = {"Authorization": f"Bearer {kund.token}"}
    body = {"score": 5, "text": "Anna levererade i tid."}
    answer = contract_command(server, headers, contract_id, "review", body, None, None)
    assert answer.status_code == 201, answer.text
    window.sync.request_round()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "Anna levererade i tid." in detail.their_review.text(), timeout=WAIT_MS)
