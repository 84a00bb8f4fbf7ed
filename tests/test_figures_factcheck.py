"""Fact-check figures: verdict groups differ by marker shape, and text stays legible in print."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from kzanalysis.analysis.reliability import source_reliability  # noqa: E402
from kzanalysis.figures.consistency import GROUP_MARKERS, reliability_figure  # noqa: E402

#: Width of the print edition's text block (inches) and the smallest legible size there (points).
PRINT_WIDTH, MIN_PRINT_POINTS = 6.3, 7.0


def test_reliability_markers_differ_by_group_and_text_is_at_least_7_pt_in_print():
    checks = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "verdict": ["holds", "differs", "unverified", "period mismatch"]})
    fig = reliability_figure(source_reliability(checks, ["a", "b"]))
    assert len(set(GROUP_MARKERS.values())) == len(GROUP_MARKERS)
    markers = {line.get_marker() for ax in fig.axes for line in ax.get_lines()} - {"None", ""}
    assert set(GROUP_MARKERS.values()) <= markers
    scale = min(1.0, PRINT_WIDTH / fig.get_figwidth())
    texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]
    assert min(t.get_fontsize() for t in texts) * scale >= MIN_PRINT_POINTS
