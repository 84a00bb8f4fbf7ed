"""report.html (from report.py)."""
from __future__ import annotations

import html
import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from kzanalysis import __version__
from kzanalysis.corpus.sources import load_sources, load_texts
from kzanalysis.corpus.wordlist import word_list_path
from kzanalysis.evidence.claims import load_claims
from kzanalysis.evidence.reference import load_facts, load_trade
from kzanalysis.io.errors import DataError
from kzanalysis.io.paths import project_root, relative
from kzanalysis.report.sanitise import safe_html

if TYPE_CHECKING:  # nbformat imports jsonschema (slow); notebooks import this package
    import nbformat


REPORT_TITLE = "Kazakhstan’s multi-vector foreign policy: what five sources say, and how far they hold"


_CLAIM_ID = re.compile(r"(?<![\w-])([a-z0-9]+(?:-[a-z0-9]+)*-c\d{2,})(?![\w-])")


def report_date(root: Path | None = None) -> str:
    """Date printed on the report: the date of the last commit (stable between rebuilds).

    Falls back to ``SOURCE_DATE_EPOCH``, then to "undated", outside a git checkout.
    """
    root = root or project_root()
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=root, capture_output=True,
                             text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d")
    return "undated"


def _markdown(text: str) -> str:
    """Markdown to HTML with raw HTML escaped (nothing in a cell can inject markup)."""
    import mistune
    return mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])(text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _link_claims(fragment: str, claim_ids: set[str]) -> str:
    """Turn known claim ids in an HTML fragment's text into links to the sources appendix."""
    def repl(match: re.Match) -> str:
        cid = match.group(1)
        return f'<a href="#claim-{cid}">{cid}</a>' if cid in claim_ids else cid
    # only touch text between tags
    return re.sub(r">([^<]+)<", lambda m: ">" + _CLAIM_ID.sub(repl, m.group(1)) + "<", fragment)


def _svg_inline(path: Path) -> str:
    svg = path.read_text(encoding="utf-8")
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    return svg


class _Chapter:
    def __init__(self, title: str, anchor: str, body: str, findings: str):
        self.title, self.anchor, self.body, self.findings = title, anchor, body, findings


def render_notebook(nb: nbformat.NotebookNode, number: int, figure_counter: list[int],
                    claim_ids: set[str], root: Path) -> _Chapter:
    """One notebook as a report chapter: markdown and outputs, code hidden."""
    parts: list[str] = []
    findings: list[str] = []
    title = f"Chapter {number}"
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell.cell_type == "markdown":
            source = cell.source
            heading = re.match(r"^#\s+(.+)$", source.strip().splitlines()[0]) if source.strip() else None
            if heading and title.startswith("Chapter"):
                title = heading.group(1).strip()
                source = "\n".join(source.strip().splitlines()[1:])
            parts.append(_markdown(source))
            continue
        if cell.cell_type != "code" or "remove-output" in tags:
            continue
        rendered = []
        for out in cell.get("outputs", []):
            piece = _render_output(out, figure_counter, root)
            if piece:
                rendered.append(_link_claims(piece, claim_ids))
        parts.extend(rendered)
        if "findings" in tags:
            findings.extend(rendered)
    anchor = f"ch{number}-{_slug(title)}"
    return _Chapter(title, anchor, "\n".join(parts), "\n".join(findings))


def _render_output(out: dict, figure_counter: list[int], root: Path) -> str:
    kind = out.get("output_type")
    if kind == "stream":
        if out.get("name") == "stderr":
            return ""
        return f'<pre class="output">{html.escape(out.get("text", ""))}</pre>'
    if kind not in ("display_data", "execute_result"):
        return ""
    data = out.get("data", {})
    meta = out.get("metadata", {}).get("kzanalysis", {})
    if meta.get("figure"):
        figure_counter[0] += 1
        n = figure_counter[0]
        svg_path = root / meta["svg"]
        body = (_svg_inline(svg_path) if svg_path.is_file()
                else f'<img alt="" src="data:image/png;base64,{data.get("image/png", "")}"/>')
        caption = html.escape(meta.get("caption", ""))
        return (f'<figure id="fig-{html.escape(meta["figure"])}">{body}'
                f'<figcaption><b>Figure {n}.</b> {caption}</figcaption></figure>')
    if "text/html" in data:
        return f'<div class="output html">{safe_html(data["text/html"])}</div>'
    if "text/markdown" in data:
        return f'<div class="output md">{_markdown(data["text/markdown"])}</div>'
    if "image/svg+xml" in data:
        return f'<div class="output">{data["image/svg+xml"]}</div>'
    if "image/png" in data:
        return f'<img alt="" src="data:image/png;base64,{data["image/png"]}"/>'
    if "text/plain" in data:
        return f'<pre class="output">{html.escape(data["text/plain"])}</pre>'
    return ""


def _sources_chapter(root: Path) -> str:
    sources = load_sources(root)
    rows = []
    for s in sources.sort_values(["date", "doc_id"]).itertuples():
        url = f" {source_link(s.url)}" if s.url else ""
        rows.append(
            f'<li id="doc-{html.escape(s.doc_id)}"><b>{html.escape(s.doc_id)}</b>: '
            f'{html.escape(s.author + ", " if s.author else "")}“{html.escape(s.title)}”, '
            f'{html.escape(s.outlet)} ({html.escape(s.outlet_country)}), '
            f'{s.date:%Y-%m-%d} ({html.escape(s.date_basis)}: {html.escape(s.date_evidence)}).{url}'
            f'<br/><small>{html.escape(s.text_quality)} {html.escape(s.rights)}</small></li>')
    refs = []
    try:
        ref = pd.concat([load_trade(root), load_facts(root)], ignore_index=True)
        cited = ref[["publisher", "title", "url", "date", "agency"]].drop_duplicates().sort_values(["publisher", "title", "url"])
        for r in cited.itertuples():
            refs.append(f'<li>{html.escape(r.publisher)}, “{html.escape(r.title)}” (figures of {html.escape(r.agency)}), '
                        f'{html.escape(str(r.date))}. {source_link(r.url)}</li>')
    except DataError:
        refs.append("<li>Reference tables are not available.</li>")
    other = ""
    words = word_list_path(root)
    if words.is_file():
        header = []
        for line in words.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            if not line.startswith("#") or line.strip() == "#":
                break
            header.append(line.lstrip("# "))
        other = (f"<h2>Other reference data</h2><ul class=\"refs\"><li><code>{html.escape(relative(words, root))}</code>: "
                 f"{html.escape(' '.join(header))}</li></ul>")
    return ("<h2>The documents</h2><p>The seed texts remain the property of their publishers; they are "
            "included verbatim for research and verification.</p><ol class=\"sources\">" + "".join(rows) + "</ol>"
            "<h2>Reference statistics cited</h2><ol class=\"refs\">" + "".join(refs) + "</ol>" + other)


def source_link(url: str) -> str:
    """An escaped link for an http(s) URL; any other scheme (``javascript:``, ``data:``) as plain text."""
    if re.match(r"(?i)https?://", url or ""):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    return html.escape(url or "")


def _claims_appendix(root: Path) -> str:
    claims = load_claims(root)
    texts = load_texts(root)
    items = []
    for c in claims.itertuples():
        text = texts[c.doc_id]
        start, end = int(c.start), int(c.end)
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        right = len(text) if right < 0 else right
        # keep the passage short: at most ~220 characters either side
        left = max(left, start - 220)
        right = min(right, end + 220)
        before = ("…" if left > 0 and text[left - 1] != "\n" else "") + text[left:start]
        after = text[end:right] + ("…" if right < len(text) and text[right] != "\n" else "")
        value = f"{c.value:g} {c.unit}"
        items.append(
            f'<li id="claim-{html.escape(c.claim_id)}"><b>{html.escape(c.claim_id)}</b> '
            f'(<a href="#doc-{html.escape(c.doc_id)}">{html.escape(c.doc_id)}</a>, characters {start}–{end}; '
            f'{html.escape(c.metric)} = {html.escape(value)}): '
            f'<q>{html.escape(before)}<mark>{html.escape(text[start:end])}</mark>{html.escape(after)}</q></li>')
    return "<ol class=\"claims\">" + "".join(items) + "</ol>"


CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
@page :first { @bottom-center { content: none; } }
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; }
body { max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3, h4, nav, figcaption, table, .title-page .meta { font-family: "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 1.7em; margin-top: 1.6em; } h2 { font-size: 1.3em; } h3 { font-size: 1.1em; }
section.chapter { page-break-before: always; }
.title-page { page-break-after: always; padding-top: 30%; }
.title-page h1 { font-size: 2.1em; line-height: 1.2; }
.title-page .meta { color: #555; }
nav ol { line-height: 1.8; }
figure { margin: 1.2em 0; page-break-inside: avoid; text-align: center; }
figure svg, figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.85em; color: #333; text-align: left; margin-top: 0.4em; }
table { border-collapse: collapse; font-size: 7.5pt; margin: 0.8em 0; max-width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 5px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; hyphens: manual; }
thead th { border-bottom: 1.5px solid #444; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.3em; }
.output.html { overflow-x: auto; }
pre.output { font-size: 7.5pt; white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: 0.5em; }
mark { background: #fde68a; }
q { quotes: "“" "”"; }
ol.claims li, ol.sources li, ol.refs li { margin-bottom: 0.5em; font-size: 0.9em; overflow-wrap: anywhere; }
small { color: #555; }
a { color: #332288; }
"""


def render_html(notebooks: list[nbformat.NotebookNode], root: Path | None = None) -> str:
    """The whole report as one self-contained HTML document."""
    root = root or project_root()
    claim_ids = set(load_claims(root)["claim_id"])
    counter = [0]
    chapters = [render_notebook(nb, i, counter, claim_ids, root) for i, nb in enumerate(notebooks, 1)]
    date = report_date(root)
    toc = ['<li><a href="#summary">Summary of findings</a></li>']
    toc += [f'<li><a href="#{c.anchor}">{html.escape(c.title)}</a></li>' for c in chapters]
    toc += ['<li><a href="#sources">Sources</a></li>', '<li><a href="#appendix-claims">Appendix: claims in their passages</a></li>']
    summary = "".join(
        f'<h3>{html.escape(c.title)}</h3>{c.findings}' for c in chapters if c.findings)
    body = "".join(f'<section class="chapter" id="{c.anchor}"><h1>{html.escape(c.title)}</h1>{c.body}</section>'
                   for c in chapters)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{html.escape(REPORT_TITLE)}</title>
<meta name="author" content="kzanalysis"/>
<meta name="generator" content="kzanalysis {html.escape(__version__)}"/>
<meta name="dcterms.created" content="{html.escape(date)}"/>
<meta name="dcterms.modified" content="{html.escape(date)}"/>
<style>{CSS}</style></head>
<body>
<section class="title-page"><h1>{html.escape(REPORT_TITLE)}</h1>
<p class="meta">kzanalysis {html.escape(__version__)} · {html.escape(date)}</p>
<p class="meta">Five articles (2021–2024) on Kazakhstan’s foreign policy, read as evidence: every number traced to
a quote in a source or to a cited official statistic.</p></section>
<nav><h2>Contents</h2><ol>{''.join(toc)}</ol></nav>
<section class="chapter" id="summary"><h1>Summary of findings</h1>
<p>The findings of each chapter, as computed in its notebook. Five documents are a small sample: read every
share and index below as a description of these texts, not of Kazakhstan’s foreign policy as a whole.</p>
{summary}</section>
{body}
<section class="chapter" id="sources"><h1>Sources</h1>{_sources_chapter(root)}</section>
<section class="chapter" id="appendix-claims"><h1>Appendix: claims in their passages</h1>
<p>Each curated claim with its quote highlighted in the passage it comes from (offsets are character
positions in the seed text).</p>{_claims_appendix(root)}</section>
</body></html>
"""
