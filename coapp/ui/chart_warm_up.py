"""pyqtgraph and numpy take about 0.65 s to import on this kind of machine, twice the budget for
opening Insights (300 ms to a drawn chart). So once the window has been idle a few seconds after
start-up, a background thread imports the charts' module; the GUI thread stays responsive meanwhile
(measured: no event-loop gap over 25 ms). Start-up itself never loads them, and a session that never
opens Insights pays only the memory."""

from __future__ import annotations

import logging
import threading

from coapp.base.worker_imports import WORKER_IMPORTS

log = logging.getLogger("coapp")
_started = threading.Event()


def warm_up_charts_once() -> None:
    if _started.is_set():
        return
    _started.set()

    def warm() -> None:
        try:
            with WORKER_IMPORTS:
                import coapp.ui.insights.charts  # noqa: F401
        except Exception:  # the first opening then pays the import, nothing more
            log.warning("the charts' warm-up failed", exc_info=True)

    threading.Thread(target=warm, name="charts-warm-up", daemon=True).start()
