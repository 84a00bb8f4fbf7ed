"""The house figure style and the one function that saves figures.

Every figure is saved by ``save_figure``: SVG (for print; text kept as text, fixed
``svg.hashsalt``, no date) and PNG (for quick view; no software/date metadata), written
atomically to ``figures/``. Re-running a notebook therefore gives byte-identical files.

Colours: Paul Tol's colour-blind-safe "muted" palette, one fixed colour per vector,
used in every figure of the project.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt

from kzanalysis.io.files import write_bytes_atomic
from kzanalysis.io.paths import layout, relative

#: One colour per vector (Paul Tol, "muted" scheme; colour-blind safe).
VECTOR_COLOURS = {
    "russia": "#882255", "china": "#CC6677", "west": "#332288", "turkic": "#44AA99",
    "central_asia": "#88CCEE", "middle_east": "#DDCC77", "asia_pacific": "#999933",
    "multilateral": "#AA4499", "other": "#BBBBBB", "domestic": "#117733",
}

#: Neutral colours for figures that are not about vectors.
NEUTRAL = "#4D4D4D"
ACCENT = "#332288"

HOUSE_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "figure.figsize": (6.8, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.fonttype": "none",
    "svg.hashsalt": "kzanalysis",
    "path.simplify": True,
}


#: The width a figure is printed at in the PDF (inches): the text width of an A4 page with the
#: report's margins (178 mm), less a little. A wider figure is scaled down to it.
PRINT_WIDTH_IN = 6.9

#: The smallest text size (points) a figure may have once printed at ``PRINT_WIDTH_IN``.
MIN_PRINT_TEXT_PT = 7.0


def _texts(fig: plt.Figure) -> list:
    """Every visible, non-empty text artist of ``fig`` (titles, labels, tick labels, annotations, legends)."""
    from matplotlib.text import Text
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def print_scale(fig: plt.Figure, width_in: float = PRINT_WIDTH_IN) -> float:
    """How much ``fig`` is shrunk when printed at ``width_in``: its saved width (tight bounding box
    plus the 0.1 in padding ``savefig`` adds) against ``width_in``; 1 when it fits."""
    renderer = fig.canvas.get_renderer()
    box = fig.get_tightbbox(renderer)
    return min(1.0, width_in / (box.width + 0.2))


def smallest_printed_text(fig: plt.Figure, width_in: float = PRINT_WIDTH_IN) -> float:
    """The size (points) of the smallest text of ``fig`` once printed at ``width_in``."""
    sizes = [t.get_fontsize() for t in _texts(fig)]
    return min(sizes) * print_scale(fig, width_in) if sizes else float("inf")


def fit_text_to_print(fig: plt.Figure, width_in: float = PRINT_WIDTH_IN,
                      minimum: float = MIN_PRINT_TEXT_PT) -> plt.Figure:
    """Enlarge every text of ``fig`` that would print smaller than ``minimum`` points at ``width_in``
    (a few rounds: larger text widens the figure, which shrinks it more); returns ``fig``."""
    for _ in range(4):
        scale = print_scale(fig, width_in)
        small = [t for t in _texts(fig) if t.get_fontsize() * scale < minimum - 0.05]
        if not small:
            break
        for t in small:
            t.set_fontsize(minimum / scale + 0.1)
    return fig


def use_house_style() -> None:
    """Apply the house style to matplotlib (the only global state the package sets)."""
    plt.rcParams.update(HOUSE_STYLE)




def add_source_note(fig: plt.Figure, note: str) -> None:
    """Write a source note in small grey type under the figure."""
    fig.text(0.0, -0.02, note, ha="left", va="top", fontsize=7.5, color="#666666", wrap=True,
             transform=fig.transFigure)


@dataclass(frozen=True)
class SavedFigure:
    """What ``save_figure`` returns: shows the saved PNG in a notebook.

    Its text form (the only part nbval compares) names the files and the caption; its
    metadata lets the report find the SVG and number the caption.
    """

    name: str
    caption: str
    svg: str
    png: str
    png_bytes: bytes

    def __repr__(self) -> str:
        return f"Figure '{self.name}': {self.caption} [{self.svg}, {self.png}]"

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"image/png": base64.b64encode(self.png_bytes).decode("ascii"), "text/plain": repr(self)}
        meta = {"kzanalysis": {"figure": self.name, "caption": self.caption, "svg": self.svg}}
        return data, meta


def figure_bytes(fig: plt.Figure, fmt: str) -> bytes:
    """The figure rendered as ``svg`` or ``png`` bytes, without dates or version metadata."""
    buffer = io.BytesIO()
    metadata = {"Date": None, "Creator": "kzanalysis"} if fmt == "svg" else {"Software": "kzanalysis"}
    with plt.rc_context({"svg.hashsalt": "kzanalysis", "svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def save_figure(fig: plt.Figure, name: str, caption: str, source: str,
                folder: Path | None = None) -> SavedFigure:
    """Add the source note, save ``fig`` as ``<name>.svg`` and ``<name>.png``, close it.

    ``caption`` says what the figure shows (the report numbers it); ``source`` is the
    note printed under the figure (documents, tables, references used).
    """
    folder = folder or layout().figures
    add_source_note(fig, f"Source: {source}")
    fit_text_to_print(fig)
    svg_bytes = figure_bytes(fig, "svg")
    png_bytes = figure_bytes(fig, "png")
    plt.close(fig)
    svg_path, png_path = folder / f"{name}.svg", folder / f"{name}.png"
    write_bytes_atomic(svg_path, svg_bytes)
    write_bytes_atomic(png_path, png_bytes)
    return SavedFigure(name, caption, relative(svg_path), relative(png_path), png_bytes)


def finish(fig: plt.Figure, ax: plt.Axes, title: str, xlabel: str, ylabel: str,
           ylim: tuple[float, float] | None = None) -> plt.Figure:
    """Title, axis labels (with units) and limits of a one-panel figure, laid out tight; returns ``fig``."""
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_ylabel(ylabel)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.tight_layout()
    return fig
