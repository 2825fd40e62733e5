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
