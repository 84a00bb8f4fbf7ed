"""report.build (from report.py)."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.files import remove_stale_temporaries, write_bytes_atomic, write_text_atomic
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.report.html import render_html
from kzanalysis.report.notebooks import notebook_paths, run_notebooks

if TYPE_CHECKING:  # nbformat imports jsonschema (slow); notebooks import this package
    pass


def write_pdf(html_text: str, path: Path, base: Path) -> int:
    """Render the HTML to PDF with WeasyPrint (no browser, no LaTeX); return the page count."""
    import logging

    from weasyprint import HTML
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html_text, base_url=str(base)).render()
    data = document.write_pdf(pdf_identifier=b"kzanalysis-report", uncompressed_pdf=False)
    write_bytes_atomic(path, data)
    return len(document.pages)


def write_notebook_pages(paths: list[Path], out_dir: Path) -> None:
    """Each notebook as HTML with its code shown (nbconvert's lab template)."""
    import nbformat
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="lab")
    # no scripts from a CDN: the pages must open offline (the notebooks use no maths or widgets)
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    exporter.embed_images = True
    for path in paths:
        body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        write_text_atomic(out_dir / f"{path.stem}.html", body)


def build_report(execute: bool = True, pdf: bool = True, timeout: int = 600, root: Path | None = None,
                 echo=print) -> dict[str, object]:
    """Run notebooks (unless ``execute`` is False) and render the report; return what was made."""
    import nbformat

    root = root or project_root()
    paths = notebook_paths(root)
    if not paths:
        raise DataError([Problem("notebooks", None, None, "no numbered notebooks (NN_name.ipynb) found")])
    os.environ.setdefault("PYTHONHASHSEED", "0")
    for folder in (layout(root).notebooks, layout(root).figures, layout(root).derived, layout(root).report):
        remove_stale_temporaries(folder)
    if execute:
        echo(f"kzanalysis report: running {len(paths)} notebooks")
        run_notebooks(paths, timeout=timeout, echo=echo)
    out = layout(root).report
    started = time.perf_counter()
    notebooks = [nbformat.read(p, as_version=4) for p in paths]
    html_text = render_html(notebooks, root)
    write_text_atomic(out / "index.html", html_text)
    made: dict[str, object] = {"html": relative(out / "index.html", root)}
    echo(f"kzanalysis report: wrote {made['html']} ({len(html_text.encode()) / 1e6:.1f} MB)")
    write_notebook_pages(paths, out / "notebooks")
    echo(f"kzanalysis report: wrote {relative(out / 'notebooks', root)}/ (notebooks with code)")
    if pdf:
        pdf_path = out / "kzanalysis-report.pdf"
        pages = write_pdf(html_text, pdf_path, out)
        made.update(pdf=relative(pdf_path, root), pages=pages)
        echo(f"kzanalysis report: wrote {made['pdf']} ({pages} pages, {pdf_path.stat().st_size / 1e6:.1f} MB)"
             f" in {time.perf_counter() - started:.1f} s")
    return made
