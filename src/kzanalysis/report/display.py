"""Tables in notebooks and the report: ``show(frame)``.

A table displayed with ``show`` carries two representations: ``text/html`` (an HTML table,
every cell escaped, so that text from a seed can never become markup) and ``text/plain``
(the same table as aligned text, for a terminal and for nbval). Numbers are written for
reading: whole numbers with thousands separators (``24,500,000,000``), other numbers with
four significant digits (``0.8931`` → ``0.8931``, ``12.3456`` → ``12.35``), never in
scientific notation; years (columns whose name contains "year") without separators; missing
values as ``–``.
"""
from __future__ import annotations

import html
import math
from numbers import Number

import pandas as pd

#: How a missing value is written.
MISSING = "–"


def format_value(value: object, na_rep: str = MISSING, year: bool = False) -> str:
    """One cell as text: numbers as described in the module docstring, anything else as ``str``.

    ``year``: the value is a calendar year (a whole number written without separator).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return na_rep
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Number):
        number = float(value)
        if math.isinf(number):
            return "∞" if number > 0 else "−∞"
        if number.is_integer():
            return f"{number:.0f}" if year else f"{number:,.0f}"
        if abs(number) >= 1000:
            return f"{number:,.1f}"
        return f"{number:.4g}" if abs(number) >= 1e-4 else f"{number:.2e}"
    return str(value)


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
        year = "year" in str(column).lower()
        out[column] = [format_value(v, na_rep, year=year) for v in frame[column]]
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

    def __repr__(self) -> str:
        header = [str(c) for c in self.cells.columns]
        rows = [[str(v) for v in row] for row in self.cells.itertuples(index=False)]
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]

        def line(cells: list[str]) -> str:
            return "  ".join(c.rjust(w) if num else c.ljust(w)
                             for c, w, num in zip(cells, widths, self.numeric)).rstrip()
        text = [line(header)] + [line(r) for r in rows]
        return ((self.caption + "\n") if self.caption else "") + "\n".join(text)

    def _repr_html_(self) -> str:
        def cell(tag: str, text: str, numeric: bool) -> str:
            attribute = ' class="num"' if numeric else ""
            return f"<{tag}{attribute}>{_breakable(text)}</{tag}>"
        def header(name: str, numeric: bool) -> str:
            attribute = ' class="num"' if numeric else ""
            return f"<th{attribute}>{_breakable(name)}</th>"
        head = "".join(header(str(c), n) for c, n in zip(self.cells.columns, self.numeric))
        body = "".join("<tr>" + "".join(cell("td", str(v), n) for v, n in zip(row, self.numeric)) + "</tr>"
                       for row in self.cells.itertuples(index=False))
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return f'<table class="kz-table">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def show(data: pd.DataFrame | pd.Series, index: bool = True, na_rep: str = MISSING, caption: str = "") -> None:
    """Display ``data`` as a ``Table`` in a notebook (HTML for JupyterLab and the report, text for nbval)."""
    from IPython.display import display
    display(Table(data, index=index, na_rep=na_rep, caption=caption))
