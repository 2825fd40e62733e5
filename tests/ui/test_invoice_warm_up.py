"""The first invoice of a session stays within its budget because the invoices screen warms the PDF
machinery up (fpdf2's import, the fonts) on a worker the first time it is shown."""

from __future__ import annotations

import threading

from coapp.ui.invoices import screen as invoices_screen


def test_showing_the_invoices_screen_warms_the_pdf_up_once_off_the_gui_thread(
    qtbot, ctx, open_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    done = threading.Event()

    def warm_up() -> None:
        calls.append(threading.current_thread().name)
        done.set()

    monkeypatch.setattr("coapp.documents.invoice_pdf.warm_up", warm_up)
    monkeypatch.setattr(invoices_screen, "_pdf_warmed", threading.Event())
    window = open_window()
    assert calls == []  # not at start-up: the first paint does not wait for it
    window.show_screen(window.invoices)
    assert done.wait(5)
    window.show_screen(window.timesheet)
    window.show_screen(window.invoices)
    qtbot.wait(50)
    assert calls == ["pdf-warm-up"]  # once per session, on its own thread
