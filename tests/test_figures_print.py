"""Figure text is at least 7 pt once a figure is printed at the width of the report's page."""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from kzanalysis.figures.style import MIN_PRINT_TEXT_PT, PRINT_WIDTH_IN, fit_text_to_print, smallest_printed_text  # noqa: E402
from kzanalysis.io.paths import layout  # noqa: E402


def test_small_text_of_a_wide_figure_is_enlarged_for_print():
    fig, ax = plt.subplots(figsize=(11, 3))
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("tiny", fontsize=4)
    ax.text(0.5, 0.5, "label", fontsize=5)
    assert smallest_printed_text(fig) < MIN_PRINT_TEXT_PT
    fit_text_to_print(fig)
    assert smallest_printed_text(fig) >= MIN_PRINT_TEXT_PT - 0.05
    plt.close(fig)


def test_every_exported_figure_prints_its_text_at_7_pt_or_more():
    """The committed SVGs (matplotlib writes sizes in pt): the smallest font, times the shrink to the
    print width (the PDF scales a wider figure down to it), is at least 7 pt."""
    svgs = sorted(layout().figures.glob("0[12]_*.svg"))
    assert svgs
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        width = float(re.search(r'width="([0-9.]+)pt"', text).group(1))
        sizes = [float(s) for s in re.findall(r"font[:-][^;\"]*?([0-9.]+)px", text)]
        scale = min(1.0, PRINT_WIDTH_IN * 72 / width)
        assert min(sizes) * scale >= MIN_PRINT_TEXT_PT - 0.05, (svg.name, min(sizes), width)
