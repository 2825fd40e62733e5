"""Benchmarks section 9 (scrolling the assignments list) runs end to end on a few rows: the child
builds the data, opens the screen, scrolls both lists to their last row and reports each figure.
No timings are judged here; the benchmark itself does that on 10,000 rows."""

from __future__ import annotations

import re

import pytest

from benchmarks.children import child_env
from benchmarks.scroll_bench import scroll_section


def test_the_scroll_section_measures_both_lists_to_their_last_row(capsys: pytest.CaptureFixture[str]) -> None:
    overs = scroll_section(timeout=120, env=child_env(), count=200)
    out = capsys.readouterr().out
    assert "9. Scrolling 200 assignments in the Assignments screen" in out
    frames = {
        label: int(count)
        for label, count in re.findall(r"^   (assignments list|baseline)\b.*?(\d+) frames", out, re.MULTILINE)
    }
    assert frames.keys() == {"assignments list", "baseline"}
    assert frames["assignments list"] > 200 // 3 // 2  # wheel steps of 3 rows, then pages
    assert frames["baseline"] > 0
    assert re.search(r"a frame of the assignments list, p95: +[\d.]+ ms +budget ≤ 16.7 ms +(ok|OVER)", out)
    assert isinstance(overs, list)
