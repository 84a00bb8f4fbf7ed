"""report.build (from report.py)."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.files import remove_stale_temporaries, write_bytes_atomic, write_text_atomic
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.report.claimreview import write_report_claimreview
from kzanalysis.report.html import render_html
from kzanalysis.report.notebooks import notebook_paths, run_notebooks

if TYPE_CHECKING:  # nbformat imports jsonschema (slow); notebooks import this package
    pass


_INLINE_FIGURE = re.compile(r'(<figure id="fig-(?P<name>[^"]+)">)(?P<svg><svg\b[^>]*>.*?</svg>)', re.S)
_SVG_SIZE = re.compile(r'\bwidth="(?P<w>[0-9.]+pt)"\s+height="(?P<h>[0-9.]+pt)"')


def _pdf_html(html_text: str, figures: Path) -> str:
    """The report's HTML with each inline SVG figure replaced by its PNG twin from ``figures/``, for the PDF.

    The notebooks export every figure twice from the same matplotlib figure (SVG for print,
    PNG at 150 dpi for screens, same size). WeasyPrint draws an inline SVG node by node (the
    18 figures are some 7,500 SVG elements, about a third of the PDF's rendering time) but
    embeds a PNG as it is, so the PDF takes the PNG, at the SVG's size: same figures, same
    pages. A figure without a PNG twin keeps its SVG. ``index.html`` is not changed.
    """
    def swap(match: re.Match) -> str:
        png = figures / f"{match['name']}.png"
        size = _SVG_SIZE.search(match["svg"][:400])
        if not png.is_file() or size is None:
            return match.group(0)
        return (f'{match.group(1)}<img alt="" src="{png.resolve().as_uri()}" '
                f'style="width: {size["w"]}; height: auto"/>')
    return _INLINE_FIGURE.sub(swap, html_text)


def _pdf_key(html_text: str) -> str:
    """What the PDF is a function of: the HTML given to WeasyPrint, every file it embeds
    (``file:`` images), and WeasyPrint's version (SHA-256 over all three)."""
    import hashlib
    from urllib.parse import unquote, urlparse

    import weasyprint
    digest = hashlib.sha256(f"weasyprint {weasyprint.__version__} pdf/ua-1\n".encode())
    digest.update(html_text.encode("utf-8"))
    for uri in sorted(set(re.findall(r'src="(file:[^"]+)"', html_text))):
        file = Path(unquote(urlparse(uri).path))
        digest.update(uri.encode() + b"\n" + (file.read_bytes() if file.is_file() else b"(missing)"))
    return digest.hexdigest()


def _write_pdf_if_changed(html_text: str, path: Path, base: Path) -> tuple[int | None, bool]:
    """``write_pdf`` unless ``path`` was already rendered from exactly this input; return
    (page count or None if not re-rendered, whether it was rendered).

    The key of the input (``_pdf_key``) is kept next to the PDF, in ``.NAME.key``, written after
    the PDF: a PDF whose key is missing or different (a build killed in between, an edited
    notebook, a new figure, another WeasyPrint) is rendered again.
    """
    key = _pdf_key(html_text)
    key_file = path.with_name(f".{path.name}.key")
    if path.is_file() and key_file.is_file() and key_file.read_text(encoding="utf-8").strip() == key:
        return None, False
    pages = write_pdf(html_text, path, base)
    write_text_atomic(key_file, key + "\n")
    return pages, True


def write_pdf(html_text: str, path: Path, base: Path) -> int:
    """Render the HTML to PDF with WeasyPrint (no browser, no LaTeX); return the page count."""
    import logging

    from weasyprint import HTML
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html_text, base_url=str(base)).render()
    # PDF/UA-1: a tagged PDF (structure, reading order, alt text of figures) for screen readers
    data = document.write_pdf(pdf_identifier=b"kzanalysis-report", uncompressed_pdf=False, pdf_variant="pdf/ua-1")
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
                 echo=print, jobs: int | None = None) -> dict[str, object]:
    """Run notebooks (unless ``execute`` is False; ``jobs`` at a time, default one per core) and
    render the report; return what was made."""
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
        run_notebooks(paths, timeout=timeout, echo=echo, jobs=jobs)
    out = layout(root).report
    started = time.perf_counter()
    notebooks = [nbformat.read(p, as_version=4) for p in paths]
    html_text = render_html(notebooks, root)
    write_text_atomic(out / "index.html", html_text)
    write_report_claimreview(root)
    made: dict[str, object] = {"html": relative(out / "index.html", root)}
    echo(f"kzanalysis report: wrote {made['html']} ({len(html_text.encode()) / 1e6:.1f} MB)")
    write_notebook_pages(paths, out / "notebooks")
    echo(f"kzanalysis report: wrote {relative(out / 'notebooks', root)}/ (notebooks with code)")
    if pdf:
        pdf_path = out / "kzanalysis-report.pdf"
        pdf_started = time.perf_counter()
        print_text = render_html(notebooks, root, edition="print")  # the print edition (see report.html)
        pages, rendered = _write_pdf_if_changed(_pdf_html(print_text, layout(root).figures), pdf_path, out)
        made.update(pdf=relative(pdf_path, root), pages=pages, pdf_rendered=rendered,
                    pdf_seconds=time.perf_counter() - pdf_started)
        if rendered:
            echo(f"kzanalysis report: wrote {made['pdf']} ({pages} pages, {pdf_path.stat().st_size / 1e6:.1f} MB)"
                 f" in {made['pdf_seconds']:.1f} s (report {time.perf_counter() - started:.1f} s)")
        else:
            echo(f"kzanalysis report: {made['pdf']} is up to date (same HTML, figures and WeasyPrint: not re-rendered)")
    return made
