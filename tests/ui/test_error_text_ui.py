"""Issue 12 on a real widget: a refusal of the layers below (an English template with its values)
is shown in the UI's language, and in English under the English UI."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _add_contract_with_a_negative_rate(qtbot, window):  # type: ignore[no-untyped-def]
    dialog = window.timesheet.add_contract()
    qtbot.waitUntil(dialog.isVisible)
    dialog.client.setText("Acme AB")
    dialog.title.setText("Backend")
    dialog.rate.setText("-500")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    return dialog


def test_a_refused_contract_is_explained_in_swedish(qtbot, ctx, use_settings, open_window):  # type: ignore[no-untyped-def]
    use_settings(language="sv")
    window = open_window()
    dialog = _add_contract_with_a_negative_rate(qtbot, window)
    assert dialog.error.text() == "Priset kan inte vara negativt"  # the service's refusal, in Swedish
    assert dialog.isVisible()  # nothing was added: the dialog stays open with what was typed
    assert ctx.contracts.all() == []
    dialog.reject()


def test_under_the_english_ui_the_refusal_is_the_english_sentence(qtbot, ctx, open_window):  # type: ignore[no-untyped-def]
    window = open_window()
    dialog = _add_contract_with_a_negative_rate(qtbot, window)
    assert dialog.error.text() == "The rate cannot be negative"
    dialog.reject()


def test_the_preflight_list_is_said_in_swedish_with_swedish_dates(qtbot, ctx, use_settings, open_window):  # type: ignore[no-untyped-def]
    """The pre-flight problems are sentences of the services (no longer English strings): each is
    said in Swedish, its dates in the Swedish style, the business details' problems included."""
    from datetime import date

    from coapp.domain.invoice_lines import LineMode
    from coapp.services.sheets import CellChange
    from tests.conftest import make_contract
    from tests.services.invoicing_helpers import SOLE_TRADER, with_client

    use_settings(language="sv")
    ctx.business.save(SOLE_TRADER)
    contract = make_contract(ctx)
    with_client(ctx, contract)
    ctx.timesheet.apply([CellChange(contract.id, date(2026, 11, 23), 480, "")])
    week = (date(2026, 11, 23), date(2026, 11, 29))
    stale = ctx.drafts.create(contract.id, *week, LineMode.PER_DAY)
    other = ctx.drafts.create(contract.id, *week, LineMode.PER_DAY, force=True)
    number = ctx.confirmation.confirm(other.id, date(2026, 12, 4)).number
    window = open_window()
    window.show_screen(window.invoices)
    window.invoices.controller.select(stale.id)
    panel = window.invoices.detail.preflight
    qtbot.waitUntil(panel.isVisible)
    text = panel.list_label.text()
    assert f"De här dagarna har fakturerats under tiden: 2026-11-23 – 2026-11-23 i {number}" in text
    assert "uppdatera utkastet" in text
    assert "invoiced" not in text
    assert "refresh" not in text


def test_a_day_over_24_hours_is_refused_with_the_swedish_date(qtbot, ctx, use_settings, open_window):  # type: ignore[no-untyped-def]
    from datetime import date

    import pytest

    from coapp.domain.errors import ValidationError
    from coapp.services.sheets import CellChange
    from coapp.ui.error_text import error_text
    from tests.conftest import make_contract

    use_settings(language="sv")
    open_window()  # installs the Swedish translator
    first, second = make_contract(ctx), make_contract(ctx, title="Second")
    ctx.timesheet.apply([CellChange(first.id, date(2026, 11, 23), 20 * 60, "")])
    with pytest.raises(ValidationError) as refused:
        ctx.timesheet.apply([CellChange(second.id, date(2026, 11, 23), 5 * 60, "")])
    assert str(refused.value).startswith("2026-11-23: that makes 25")  # the command line's English
    said = error_text(refused.value)
    assert said.startswith("2026-11-23: ")
    assert "Mon" not in said
    assert "that makes" not in said
