"""Nothing to warm up any more. The charts once stood on pyqtgraph and numpy, about 0.65 s of
import, so a background thread imported them a few seconds after start-up. They are now painted
with QPainter (coapp.ui.charts), whose modules import in a few milliseconds when Insights or a
contract's feedback is first shown; the function stays, doing nothing, until the main window no
longer calls it."""

from __future__ import annotations


def warm_up_charts_once() -> None:
    """Kept for the main window's timer: the charts need no warm-up."""
