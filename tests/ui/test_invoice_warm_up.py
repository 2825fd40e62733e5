"""The first invoice or resume of a session stays within its budget because the invoices screen and
My Profile warm the PDF machinery up (fpdf2's import, the fonts) on a worker the first time they are
shown, under the lock that keeps heavy first imports on workers apart (coapp.base.worker_imports)."""

from __future__ import annotations

import threading

import pytest

from coapp.base.worker_imports import WORKER_IMPORTS
from coapp.ui import pdf_warm_up


@pytest.mark.parametrize(("kind", "module"), [("invoice", "invoice_pdf"), ("resume", "resume_pdf")])
def test_showing_the_screen_warms_its_pdf_up_once_off_the_gui_thread(
    qtbot, ctx, open_window, monkeypatch, kind, module
) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[str, bool]] = []
    done = threading.Event()

    def warm_up() -> None:
        # Held by this thread: a second acquire from here succeeds at once (RLock), from elsewhere not.
        calls.append((threading.current_thread().name, WORKER_IMPORTS._is_owned()))  # type: ignore[attr-defined]
        done.set()

    monkeypatch.setattr(f"coapp.documents.{module}.warm_up", warm_up)
    monkeypatch.setattr(pdf_warm_up, "_started", set())
    window = open_window()
    assert calls == []  # not at start-up: the first paint does not wait for it
    screen = window.invoices if kind == "invoice" else window.profile_slot
    window.show_screen(screen)
    qtbot.waitUntil(done.is_set, timeout=5000)  # My Profile's starts once its cards are filled
    window.show_screen(window.timesheet)
    window.show_screen(screen)
    qtbot.wait(50)
    assert calls == [(f"{kind}-pdf-warm-up", True)]  # once per session, on its own thread, locked
