"""Figures are saved deterministically: the same figure twice gives identical bytes."""
from __future__ import annotations

import matplotlib.pyplot as plt

from kzanalysis.figures.style import VECTOR_COLOURS, save_figure, use_house_style
from kzanalysis.gazetteer.vectors import VECTOR_ORDER


def draw():
    use_house_style()
    fig, ax = plt.subplots()
    ax.bar(VECTOR_ORDER, range(len(VECTOR_ORDER)), color=[VECTOR_COLOURS[v] for v in VECTOR_ORDER])
    ax.set_title("test")
    return fig


def test_saving_twice_gives_identical_svg_and_png(tmp_path):
    a = save_figure(draw(), "f", "caption", "source", folder=tmp_path / "a")
    b = save_figure(draw(), "f", "caption", "source", folder=tmp_path / "b")
    for ext in ("svg", "png"):
        assert (tmp_path / "a" / f"f.{ext}").read_bytes() == (tmp_path / "b" / f"f.{ext}").read_bytes()
    svg = (tmp_path / "a" / "f.svg").read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert repr(a) == repr(b)


def test_every_vector_has_a_distinct_colour():
    assert set(VECTOR_ORDER) == set(VECTOR_COLOURS)
    assert len(set(VECTOR_COLOURS.values())) == len(VECTOR_COLOURS)
