"""Importing fpdf2 and parsing the fonts takes about a second: the invoices and My Profile start it on
a background thread when first shown, so the first confirmation or resume of a session does not wait.
The resume adds its own fonts (italics, the serif heading) on top of the invoice's."""

from __future__ import annotations

import logging
import threading

from coapp.base.worker_imports import WORKER_IMPORTS

log = logging.getLogger("coapp")
_started: set[str] = set()
_lock = threading.Lock()


def warm_up_pdf_once(kind: str = "invoice") -> None:
    """Start the warm-up of `kind` ("invoice" or "resume") unless it has been started already."""
    with _lock:
        if kind in _started:
            return
        _started.add(kind)

    def warm() -> None:
        try:
            with WORKER_IMPORTS:
                if kind == "resume":
                    from coapp.documents.resume_pdf import warm_up
                else:
                    from coapp.documents.invoice_pdf import warm_up
                warm_up()
        except Exception:  # a warm-up that fails costs the first PDF its second, nothing more
            log.warning("the %s PDF warm-up failed", kind, exc_info=True)

    threading.Thread(target=warm, name=f"{kind}-pdf-warm-up", daemon=True).start()
