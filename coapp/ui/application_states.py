"""An application's state in the UI's language: the applications screen, the dashboard and the
desktop notifications say it the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def state_text(state: str) -> str:
    """An application's state in the UI's language."""
    return {
        "draft": QCoreApplication.translate("Applications", "Waiting for the next sync"),
        "submitted": QCoreApplication.translate("Applications", "Submitted"),
        "proposed": QCoreApplication.translate("Applications", "Proposed to the client"),
        "interview": QCoreApplication.translate("Applications", "Interview"),
        "offer": QCoreApplication.translate("Applications", "Offer"),
        "contracted": QCoreApplication.translate("Applications", "Contracted"),
        "declined": QCoreApplication.translate("Applications", "Declined"),
        "withdrawn": QCoreApplication.translate("Applications", "Withdrawn"),
    }.get(state, state)
