"""Tables in notebooks and the report: ``show(frame)``.

A table displayed with ``show`` carries two representations: ``text/html`` (an HTML table,
every cell escaped, so that text from a seed can never become markup) and ``text/plain``
(the same table as aligned text, for a terminal and for nbval). Every number goes through the
report's one formatter, ``analysis.formatting.format_number``: amounts with thousands
separators (``24,500,000,000``), other numbers with four significant digits, never in
scientific notation nor as ``-0``; years (columns whose name says year, or whole numbers
between 1800 and 2100 in a column named like a date) without separators; ranks (columns
whose name says rank) as places (``4th``); missing values as ``–``. Column names are shown
as words (``n_words`` → ``n words``).
"""
from __future__ import annotations

import html
import re

import pandas as pd

from kzanalysis.analysis.formatting import MISSING, format_number

_YEAR_NAME = re.compile(r"(?i)(^|_)(year|years|first|last)($|_)|year")
_DATE_NAME = re.compile(r"(?i)date|period|published|accessed")
_RANK_NAME = re.compile(r"(?i)(^|_)rank($|_)")


def format_value(value: object, na_rep: str = MISSING, year: bool = False, kind: str | None = None) -> str:
    """One cell as text (``format_number`` of kind ``kind``; ``year=True`` is kind ``year``)."""
    if isinstance(value, bool):
        return str(value)
    return format_number(value, kind or ("year" if year else "number"), na_rep=na_rep)


def column_kind(name: object, values: pd.Series) -> str:
    """How the numbers of a column are written: ``year``, ``rank`` or ``number`` (see the module docstring)."""
    text = str(name)
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    if not numeric:
        return "number"
    present = values.dropna()
    whole = bool(len(present)) and bool((present == present.round()).all())
    if _YEAR_NAME.search(text) and whole:
        return "year"
    if _DATE_NAME.search(text) and whole and bool(present.between(1800, 2100).all()):
        return "year"
    if _RANK_NAME.search(text) and whole:
        return "rank"
    return "number"


def header_text(name: object) -> str:
    """A column name for a reader: underscores as spaces (``claims_per_1000_words`` → ``claims per 1000 words``)."""
    return str(name).replace("_", " ")


def _as_frame(data: pd.DataFrame | pd.Series) -> pd.DataFrame:
    if isinstance(data, pd.Series):
        return data.to_frame(name=data.name if data.name is not None else "value")
    return data


def formatted(data: pd.DataFrame | pd.Series, index: bool = True, na_rep: str = MISSING) -> pd.DataFrame:
    """``data`` with every cell turned into text by ``format_value`` (index kept as a column if ``index``)."""
    frame = _as_frame(data)
    if index:
        names = [n if n is not None else "" for n in frame.index.names]
        frame = frame.reset_index(names=names if len(names) > 1 else names[0] or "")
    out = frame.copy()
    for column in out.columns:
        kind = column_kind(column, frame[column])
        out[column] = [format_value(v, na_rep, kind=kind) for v in frame[column]]
    return out.astype(object)


def _breakable(text: str) -> str:
    """``text`` escaped, with a break opportunity (``<wbr>``) after each ``_`` and ``/``, so that
    identifiers such as ``trade_turnover_growth`` or periods such as ``2023-01/2023-09`` can wrap."""
    return html.escape(text).replace("_", "_<wbr>").replace("/", "/<wbr>")


class Table:
    """A DataFrame prepared for display: ``_repr_html_`` (escaped) and ``__repr__`` (aligned text)."""

    def __init__(self, data: pd.DataFrame | pd.Series, index: bool = True, na_rep: str = MISSING,
                 caption: str = ""):
        self.cells = formatted(data, index=index, na_rep=na_rep)
        self.caption = caption
        numeric = _as_frame(data)
        if index:
            numeric = numeric.reset_index()
        self.numeric = [pd.api.types.is_numeric_dtype(numeric[c]) and not pd.api.types.is_bool_dtype(numeric[c])
                        for c in numeric.columns]

    def width(self) -> int:
        """An estimate of the table's width in characters: per column the longer of its longest
        header word and its longest cell (cells wrap at spaces, so at most 28 characters count)."""
        total = 0
        for column in self.cells.columns:
            words = max((len(w) for w in header_text(column).split()), default=1)
            cells = max((min(28, len(str(v))) for v in self.cells[column]), default=1)
            total += max(words, cells) + 2
        return total

    #: Tables wider than this many characters (``width``) are printed on a landscape page (a portrait
    #: page holds about 125 characters of 7.5 pt table text; up to this width, cells wrap).
    WIDE = 160

    def empty_text(self) -> str:
        """What an empty table shows instead of a header over no rows."""
        return f"{self.caption}: none." if self.caption else "No rows."

    def __repr__(self) -> str:
        if self.cells.empty:
            return self.empty_text()
        header = [header_text(c) for c in self.cells.columns]
        rows = [[str(v) for v in row] for row in self.cells.itertuples(index=False)]
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]

        def line(cells: list[str]) -> str:
            return "  ".join(c.rjust(w) if num else c.ljust(w)
                             for c, w, num in zip(cells, widths, self.numeric)).rstrip()
        text = [line(header)] + [line(r) for r in rows]
        return ((self.caption + "\n") if self.caption else "") + "\n".join(text)

    def _repr_html_(self) -> str:
        if self.cells.empty:
            return f'<p class="empty-table">{html.escape(self.empty_text())}</p>'

        def cell(tag: str, text: str, numeric: bool) -> str:
            attribute = ' class="num"' if numeric else ""
            return f"<{tag}{attribute}>{_breakable(text)}</{tag}>"
        def header(name: str, numeric: bool) -> str:
            attribute = ' class="num"' if numeric else ""
            return f"<th{attribute}>{_breakable(name)}</th>"
        head = "".join(header(header_text(c), n) for c, n in zip(self.cells.columns, self.numeric))
        body = "".join("<tr>" + "".join(cell("td", str(v), n) for v, n in zip(row, self.numeric)) + "</tr>"
                       for row in self.cells.itertuples(index=False))
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        classes = "kz-table wide" if self.width() > self.WIDE else "kz-table"
        return f'<table class="{classes}">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def show(data: pd.DataFrame | pd.Series, index: bool = True, na_rep: str = MISSING, caption: str = "") -> None:
    """Display ``data`` as a ``Table`` in a notebook (HTML for JupyterLab and the report, text for nbval)."""
    from IPython.display import display
    display(Table(data, index=index, na_rep=na_rep, caption=caption))
