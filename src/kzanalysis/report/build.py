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
from kzanalysis.report.cache import digest, files_under, forget, is_up_to_date, project_inputs, record, stamp_path
from kzanalysis.report.citations import commit_id
from kzanalysis.report.claimreview import write_report_claimreview
from kzanalysis.report.html import render_html, report_date
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
    from importlib.metadata import version  # not ``import weasyprint``: that takes a second
    from urllib.parse import unquote, urlparse

    digest = hashlib.sha256(f"weasyprint {version('weasyprint')} pdf/ua-1\n".encode())
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


def write_notebook_pages(paths: list[Path], out_dir: Path, root: Path | None = None, force: bool = True) -> list[Path]:
    """Each notebook as HTML with its code shown (nbconvert's lab template); return the pages written.

    With ``force`` False a page whose notebook file, package code and lock file are those of its
    last rendering (stamp ``build/page-keys/<name>.sha256``) and whose bytes are unchanged is skipped.
    """
    import nbformat
    from nbconvert import HTMLExporter

    root = root or project_root()
    code = digest({k: v for k, v in project_inputs(root).items()
                   if k.startswith("kzanalysis/") or k in ("python", "requirements/lock.txt")})
    exporter = HTMLExporter(template_name="lab")
    # no scripts from a CDN: the pages must open offline (the notebooks use no maths or widgets)
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    exporter.embed_images = True
    written = []
    for path in paths:
        page, stamp = out_dir / f"{path.stem}.html", stamp_path(root, "page-keys", path.stem)
        key = digest({"code": code, "notebook": path})
        if not force and is_up_to_date(stamp, key, root):
            continue
        forget(stamp)
        body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        write_text_atomic(page, body)
        record(stamp, key, [page], root)
        written.append(page)
    return written


def _write_claimreview_if_changed(root: Path) -> bool:
    """``write_report_claimreview`` unless its inputs (code, seeds, data, lock, Python: it reads no notebook)
    and its file are those of its last run (stamp ``build/output-keys/claimreview.sha256``); True if written."""
    stamp, key = stamp_path(root, "output-keys", "claimreview"), digest(project_inputs(root))
    if is_up_to_date(stamp, key, root):
        return False
    forget(stamp)
    record(stamp, key, [write_report_claimreview(root)], root)
    return True


def _render_key(paths: list[Path], root: Path, pdf: bool) -> str:
    """What the rendered report is a function of: every project input (code, seeds, data, lock, Python),
    the notebook files, every file in ``figures/``, the README, the commit and date printed on it."""
    named: dict[str, Path | str] = dict(project_inputs(root))
    named.update({relative(p, root): p for p in paths})
    named.update({relative(p, root): p for p in files_under(layout(root).figures)})
    named.update({"README.md": root / "README.md", "(commit)": commit_id(root), "(date)": report_date(root),
                  "(pdf)": str(pdf)})
    return digest(named)


def build_report(execute: bool = True, pdf: bool = True, timeout: int = 600, root: Path | None = None,
                 echo=print, jobs: int | None = None, force: bool = False) -> dict[str, object]:
    """Run notebooks (unless ``execute`` is False; ``jobs`` at a time, default one per core) and
    render the report; return what was made.

    Without ``force``, a notebook runs only if its inputs changed (``run_notebooks``), and the
    report is rendered again only if its input changed (``_render_key``: stamp
    ``build/output-keys/report.sha256``) or one of its files differs from what that rendering
    wrote. ``force`` executes every notebook and renders everything (the PDF still only if the
    HTML given to WeasyPrint changed: ``_write_pdf_if_changed``).
    """
    import nbformat

    root = root or project_root()
    paths = notebook_paths(root)
    if not paths:
        raise DataError([Problem("notebooks", None, None, "no numbered notebooks (NN_name.ipynb) found")])
    os.environ.setdefault("PYTHONHASHSEED", "0")
    for folder in (layout(root).notebooks, layout(root).figures, layout(root).derived, layout(root).report):
        remove_stale_temporaries(folder)
    if execute:
        echo(f"kzanalysis report: {len(paths)} notebooks{' (--force: all executed)' if force else ''}")
        run_notebooks(paths, timeout=timeout, echo=echo, jobs=jobs, force=force, root=root)
    out = layout(root).report
    made: dict[str, object] = {"html": relative(out / "index.html", root), "rendered": True}
    pdf_path = out / "kzanalysis-report.pdf"
    outputs = [out / "index.html", out / "claimreview.jsonld", *(out / "notebooks" / f"{p.stem}.html" for p in paths)]
    outputs += [pdf_path, pdf_path.with_name(f".{pdf_path.name}.key")] if pdf else []
    stamp, key = stamp_path(root, "output-keys", "report"), _render_key(paths, root, pdf)
    if not force and is_up_to_date(stamp, key, root):
        made["rendered"] = False
        echo(f"kzanalysis report: {relative(out, root)}/ is up to date (notebooks, figures and inputs unchanged:"
             " not re-rendered; --force to re-render)")
        return made
    forget(stamp)
    started = time.perf_counter()
    notebooks = [nbformat.read(p, as_version=4) for p in paths]
    html_text = render_html(notebooks, root)
    write_text_atomic(out / "index.html", html_text)
    _write_claimreview_if_changed(root)
    echo(f"kzanalysis report: wrote {made['html']} ({len(html_text.encode()) / 1e6:.1f} MB)")
    written = write_notebook_pages(paths, out / "notebooks", root, force=force)
    echo(f"kzanalysis report: wrote {relative(out / 'notebooks', root)}/ (notebooks with code;"
         f" {len(written)} of {len(paths)} rendered, the others unchanged)")
    if pdf:
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
    record(stamp, key, outputs, root)
    return made
