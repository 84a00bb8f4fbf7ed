"""The print edition's layout, checked on the report itself: every table fits its page and no
body row is split across a page break (``kzanalysis verify`` runs it beside nbval).

The check lays out (WeasyPrint ``render``, no PDF written) exactly what ``kzanalysis report``
gives WeasyPrint: the print edition of the notebooks (their stored outputs, which strict nbval
proves equal to a fresh execution) with each SVG figure swapped for its PNG twin. It needs no
executed notebook of its own, so it runs while nbval executes them.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pandas as pd

from kzanalysis.report.build import _pdf_html
from kzanalysis.report.html import render_html
from kzanalysis.report.notebooks import notebook_paths
from kzanalysis.report.tablefit import overflowing_tables

#: Columns of ``split_rows``.
SPLIT_ROW_COLUMNS = ["first_page", "page", "text"]


def split_rows(document) -> pd.DataFrame:
    """Body rows of a rendered WeasyPrint ``document`` laid out on more than one page: columns
    ``SPLIT_ROW_COLUMNS`` (pages numbered from 1; text: the row's first 60 characters). Header
    rows (all cells ``th``) repeat on every page by design and are not counted. Empty when none."""
    from weasyprint.formatting_structure import boxes

    first: dict[int, int] = {}
    rows = []
    for number, page in enumerate(document.pages, 1):
        for box in page._page_box.descendants():  # WeasyPrint keeps the laid-out boxes of each page here
            if not isinstance(box, boxes.TableRowBox) or any(
                    isinstance(c, boxes.TableCellBox) and c.element_tag == "th" for c in box.children):
                continue
            key = id(box.element)
            if first.setdefault(key, number) != number:
                text = " ".join(t.text for t in box.descendants() if isinstance(t, boxes.TextBox))[:60]
                rows.append({"first_page": first[key], "page": number, "text": text})
    return pd.DataFrame(rows, columns=SPLIT_ROW_COLUMNS)


def layout_problems(document) -> list[str]:
    """One line per table wider than its page and per body row split across pages; empty when the layout is sound."""
    out = [f"page {r.page}: a table is {r.overflow:.1f} px wider than the page ({r.text!r})"
           for r in overflowing_tables(document).itertuples()]
    out += [f"pages {r.first_page}-{r.page}: a table row is split across a page break ({r.text!r})"
            for r in split_rows(document).itertuples()]
    return out


def print_layout_problems(root: Path, figures: Path) -> list[str]:
    """``layout_problems`` of the print edition of ``root``'s notebooks, figures taken from ``figures``."""
    import nbformat
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    notebooks = [nbformat.read(p, as_version=4) for p in notebook_paths(root)]
    html_text = _pdf_html(render_html(notebooks, root, edition="print"), figures)
    return layout_problems(HTML(string=html_text, base_url=str(root / "report")).render())


def _main(argv: list[str] | None = None) -> int:
    """Arguments ROOT FIGURES (``verify`` runs it in a process of its own): print the problems; exit 1 if any."""
    root, figures = (Path(a) for a in (argv if argv is not None else sys.argv[1:]))
    problems = print_layout_problems(root, figures)
    for problem in problems:
        print(problem)
    return 1 if problems else 0
