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

from .files import write_bytes_atomic
from .paths import figures_dir, relative

#: Vectors in the order used in every table and figure.
VECTOR_ORDER = ["russia", "china", "west", "turkic", "central_asia", "middle_east",
                "asia_pacific", "multilateral", "other", "domestic"]

#: Reader-facing labels of the vectors.
VECTOR_LABELS = {
    "russia": "Russia", "china": "China", "west": "West (US, EU)", "turkic": "Türkiye & Turkic world",
    "central_asia": "Central Asia", "middle_east": "Gulf & Middle East", "asia_pacific": "Asia-Pacific",
    "multilateral": "Multilateral bodies", "other": "Other", "domestic": "Kazakhstan (domestic)",
}

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
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.fonttype": "none",
    "svg.hashsalt": "kzanalysis",
    "path.simplify": True,
}


def use_house_style() -> None:
    """Apply the house style to matplotlib (the only global state the package sets)."""
    plt.rcParams.update(HOUSE_STYLE)


def vector_label(vector: str) -> str:
    """Reader-facing label of a vector id."""
    return VECTOR_LABELS.get(vector, vector)


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
    folder = folder or figures_dir()
    add_source_note(fig, f"Source: {source}")
    svg_bytes = figure_bytes(fig, "svg")
    png_bytes = figure_bytes(fig, "png")
    plt.close(fig)
    svg_path, png_path = folder / f"{name}.svg", folder / f"{name}.png"
    write_bytes_atomic(svg_path, svg_bytes)
    write_bytes_atomic(png_path, png_bytes)
    return SavedFigure(name, caption, relative(svg_path), relative(png_path), png_bytes)
