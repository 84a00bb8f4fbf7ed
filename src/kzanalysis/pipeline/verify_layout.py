"""The print edition's layout, checked on the report itself: every table fits its page and no
body row is split across a page break (``kzanalysis verify`` runs it beside nbval).

The check lays out (WeasyPrint ``render``, no PDF written) exactly what ``kzanalysis report``
gives WeasyPrint: the print edition of the notebooks (their stored outputs, which strict nbval
proves equal to a fresh execution) with each SVG figure swapped for its PNG twin. It needs no
executed notebook of its own, so it runs while nbval executes them.

A print edition that passed is not laid out again: the pass is stamped (an empty file under
``io.tables.cache_dir()/layout``) by the key the PDF build uses (``report.build._pdf_key``: the
SHA-256 of the HTML given to WeasyPrint, of every file it embeds and of WeasyPrint's version),
so any change to a notebook's output, a figure or the renderer lays it out again, the way a
table whose bytes passed under the same schema is not validated again. Problems are never
stamped; ``KZANALYSIS_CACHE`` points the stamps elsewhere (an empty folder forces a layout).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pandas as pd

from kzanalysis.io.files import write_bytes_atomic
from kzanalysis.io.tables import cache_dir
from kzanalysis.report.build import _pdf_html, _pdf_key
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


def print_layout_problems(root: Path, figures: Path, echo=lambda *a: None) -> list[str]:
    """``layout_problems`` of the print edition of ``root``'s notebooks, figures taken from ``figures``
    (none, without laying it out, when exactly this print edition passed before: see the module docstring)."""
    import nbformat
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    notebooks = [nbformat.read(p, as_version=4) for p in notebook_paths(root)]
    html_text = _pdf_html(render_html(notebooks, root, edition="print"), figures)
    stamp = layout_stamp(html_text)
    if stamp.is_file():
        echo("the same print edition (HTML, figures, WeasyPrint) passed before: not laid out again")
        return []
    document = HTML(string=html_text, base_url=str(root / "report")).render()
    problems = layout_problems(document)
    echo(f"laid out {len(document.pages)} pages")
    if not problems:
        try:
            write_bytes_atomic(stamp, b"")
        except OSError:  # a read-only cache only costs speed
            pass
    return problems


def layout_stamp(html_text: str) -> Path:
    """Stamp file that exists once this exact print edition (``_pdf_key``) passed the layout check."""
    return cache_dir() / "layout" / f"{_pdf_key(html_text)}.ok"


def _main(argv: list[str] | None = None) -> int:
    """Arguments ROOT FIGURES (``verify`` runs it in a process of its own): print what was done, then
    one line per problem, each starting with "problem: "; exit 1 if any."""
    root, figures = (Path(a) for a in (argv if argv is not None else sys.argv[1:]))
    problems = print_layout_problems(root, figures, echo=print)
    for problem in problems:
        print(f"problem: {problem}")
    return 1 if problems else 0
