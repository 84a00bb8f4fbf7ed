"""The report as one HTML document, in two editions from the same notebooks.

``edition="html"`` (``report/index.html``): a side table of contents with every subsection,
search, sortable tables, figures as inline SVG with alt text. ``edition="print"`` (the PDF):
key findings, method, chapters, sources, appendices; cells tagged ``html-only`` are left out,
the outputs of cells tagged ``appendix`` move to the appendix (a line in place says where),
figures are their PNG twins, and the contents list page numbers.
"""
from __future__ import annotations

import html
import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kzanalysis import __version__
from kzanalysis.corpus.sources import load_sources
from kzanalysis.evidence.claims import load_claims
from kzanalysis.io.paths import layout, project_root
from kzanalysis.report.assets import CSS, SCRIPT
from kzanalysis.report.citations import (
    commit_id,
    document_list,
    how_to_cite,
    link_references,
    reference_entries,
    reference_list,
    row_anchors,
)
from kzanalysis.report.front import key_findings_section, key_points, provenance_text, readme_sections
from kzanalysis.report.passages import claims_appendix
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



#: Cell tags the report understands (see ARCHITECTURE.md).
CELL_TAGS = ("findings", "remove-output", "appendix", "html-only")

#: The two editions ``render_html`` writes.
EDITIONS = ("html", "print")


class _Chapter:
    def __init__(self, title: str, anchor: str, body: str, key_points: list[str], sections: list[tuple[str, str]],
                 moved: list[str]):
        self.title, self.anchor, self.body, self.key_points = title, anchor, body, key_points
        self.sections, self.moved = sections, moved


def _anchor_headings(fragment: str, prefix: str, sections: list[tuple[str, str]]) -> str:
    """Give every ``h2``/``h3`` of a fragment an id (``PREFIX-slug``; a "Findings" heading ``PREFIX-findings``)
    and a link to itself; the h2 are appended to ``sections`` as (id, text) for the contents."""
    def repl(match: re.Match) -> str:
        level, inner = match.group(1), match.group(2)
        plain = html.unescape(re.sub(r"<[^>]+>", "", inner))
        anchor = f"{prefix}-{_slug(plain)}"
        taken = {a for a, _ in sections}
        while anchor in taken:
            anchor += "-2"
        if level == "2":
            sections.append((anchor, plain))
        return f'<h{level} id="{anchor}">{inner}<a class="anchor" href="#{anchor}" aria-label="link to this section">#</a></h{level}>'
    return re.sub(r"<h([23])>(.*?)</h\1>", repl, fragment, flags=re.S)


def render_notebook(nb: nbformat.NotebookNode, number: int, figure_counter: list[int],
                    claim_ids: set[str], root: Path, edition: str = "html",
                    moved_counter: list[int] | None = None) -> _Chapter:
    """One notebook as a report chapter: markdown and outputs, code hidden (see the module docstring for editions)."""
    parts: list[str] = []
    points: list[str] = []
    sections: list[tuple[str, str]] = []
    moved: list[str] = []
    moved_counter = moved_counter if moved_counter is not None else [0]
    title = f"Chapter {number}"
    prefix = f"ch{number}"
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if edition == "print" and "html-only" in tags:
            continue
        if cell.cell_type == "markdown":
            source = cell.source
            heading = re.match(r"^#\s+(.+)$", source.strip().splitlines()[0]) if source.strip() else None
            if heading and title.startswith("Chapter"):
                title = heading.group(1).strip()
                source = "\n".join(source.strip().splitlines()[1:])
            parts.append(_anchor_headings(_markdown(source), prefix, sections))
            continue
        if cell.cell_type != "code" or "remove-output" in tags:
            continue
        alt = cell.get("metadata", {}).get("alt", "")
        rendered = [_link_claims(piece, claim_ids) for out in cell.get("outputs", [])
                    if (piece := _render_output(out, figure_counter, root, edition, alt))]
        if "findings" in tags:
            chosen = cell.get("metadata", {}).get("kzanalysis", {}).get("key")
            for out in cell.get("outputs", []):
                markdown = out.get("data", {}).get("text/markdown")
                if markdown:
                    points.extend(key_points(markdown, chosen))
        if edition == "print" and "appendix" in tags and rendered:
            moved_counter[0] += 1
            target = f"appendix-{moved_counter[0]}"
            style = cell.get("metadata", {}).get("kzanalysis", {}).get("print_class", "")  # e.g. "compact"
            moved.append(f'<div class="moved-item{" " + style if style else ""}" id="{target}">{"".join(rendered)}</div>')
            parts.append(f'<p class="moved">Details in the appendix (<a href="#{target}">A{moved_counter[0]}</a>).</p>')
            continue
        parts.extend(rendered)
    anchor = f"{prefix}-{_slug(title)}"
    body = "\n".join(parts).replace(f'id="{prefix}-findings"', f'id="{anchor}-findings"')
    body = body.replace(f'href="#{prefix}-findings"', f'href="#{anchor}-findings"')
    sections = [(a.replace(f"{prefix}-findings", f"{anchor}-findings"), t) for a, t in sections]
    chapter = _Chapter(title, anchor, body, points, sections, moved)
    chapter.findings_anchor = f"{anchor}-findings" if f'id="{anchor}-findings"' in body else anchor
    return chapter


def _figure_alt(meta: dict, alt: str) -> str:
    """A figure's alt text: the cell's ``alt`` metadata, the figure's own ``alt``, or its caption."""
    return alt or meta.get("alt") or meta.get("caption") or "figure"


def _render_output(out: dict, figure_counter: list[int], root: Path, edition: str = "html", alt: str = "") -> str:
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
        text = html.escape(_figure_alt(meta, alt), quote=True)
        svg_path = root / meta["svg"]
        png_path = svg_path.with_suffix(".png")
        if svg_path.is_file() and edition == "print" and png_path.is_file():
            size = _SVG_SIZE.search(svg_path.read_text(encoding="utf-8")[:2000])
            width = f' style="width: {size["w"]}; height: auto"' if size else ""
            body = f'<img alt="{text}" src="{png_path.resolve().as_uri()}"{width}/>'
        elif svg_path.is_file():
            body = re.sub(r"<svg\b", f'<svg role="img" aria-label="{text}"', _svg_inline(svg_path), count=1)
        else:
            body = f'<img alt="{text}" src="data:image/png;base64,{data.get("image/png", "")}"/>'
        caption = html.escape(meta.get("caption", ""))
        return (f'<figure id="fig-{html.escape(meta["figure"])}">{body}'
                f'<figcaption><b>Figure {n}.</b> {caption}</figcaption></figure>')
    if "text/html" in data:
        table = safe_html(data["text/html"])
        first_row = re.search(r"<tr>(.*?)</tr>", table, re.S)
        wide = 'class="kz-table wide"' in table or (
            'class="kz-table' not in table and first_row is not None and first_row.group(1).count("<th") > 9)
        return f'<div class="output html{" wide-table" if wide else ""}">{table}</div>'
    if "text/markdown" in data:
        return f'<div class="output md">{_markdown(data["text/markdown"])}</div>'
    if "image/svg+xml" in data:
        return f'<div class="output">{data["image/svg+xml"]}</div>'
    if "image/png" in data:
        return f'<img alt="{html.escape(alt or "figure", quote=True)}" src="data:image/png;base64,{data["image/png"]}"/>'
    if "text/plain" in data:
        return f'<pre class="output">{html.escape(data["text/plain"])}</pre>'
    return ""


_SVG_SIZE = re.compile(r'\bwidth="(?P<w>[0-9.]+pt)"\s+height="(?P<h>[0-9.]+pt)"')



def _toc(entries: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    items = []
    for anchor, title, subsections in entries:
        sub = "".join(f'<li><a href="#{a}">{html.escape(t)}</a></li>' for a, t in subsections)
        items.append(f'<li><a href="#{anchor}">{html.escape(title)}</a>{f"<ol>{sub}</ol>" if sub else ""}</li>')
    return "<ol>" + "".join(items) + "</ol>"


def render_html(notebooks: list[nbformat.NotebookNode], root: Path | None = None, edition: str = "html") -> str:
    """The whole report as one self-contained HTML document (``edition``: "html" or "print")."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}")
    root = root or project_root()
    claim_ids = set(load_claims(root)["claim_id"])
    counter, moved_counter = [0], [0]
    chapters = [render_notebook(nb, i, counter, claim_ids, root, edition, moved_counter)
                for i, nb in enumerate(notebooks, 1)]
    date = report_date(root)
    commit = commit_id(root)
    entries = reference_entries(root)
    anchors = row_anchors(entries)
    readme = readme_sections(layout(root).root / "README.md")
    method = "".join(f"<h2>{html.escape(name)}</h2>{_markdown(text)}" for name, text in readme.items())
    provenance = _markdown(provenance_text(entries, len(load_sources(root))))
    cite = html.escape(how_to_cite(REPORT_TITLE, __version__, date, commit))
    toc_entries = [("key-findings", "Key findings", []), ("method", "Method, provenance and limitations", [])]
    toc_entries += [(c.anchor, c.title, c.sections) for c in chapters]
    toc_entries += [("sources", "Sources and how to cite", [])]
    moved = [(c, c.moved) for c in chapters if c.moved]
    if moved:
        toc_entries.append(("appendix-details", "Appendix A: details", []))
    toc_entries.append(("appendix-claims", "Appendix B: claims in their passages" if moved
                        else "Appendix: claims in their passages", []))
    search = ('<div class="search"><input id="search-input" type="search" placeholder="Search the report" '
              'aria-label="search the report"/><ol id="search-results" aria-live="polite"></ol></div>'
              if edition == "html" else "")
    body = "".join(f'<section class="chapter analysis" id="{c.anchor}"><h1>{html.escape(c.title)}</h1>{c.body}</section>'
                   for c in chapters)
    details = "".join(f'<h2>{html.escape(c.title)}</h2>{"".join(items)}' for c, items in moved)
    appendix_a = (f'<section class="chapter flow" id="appendix-details"><h1>Appendix A: details</h1>'
                  f'<p>Tables and figures the chapters refer to, in chapter order.</p>{details}</section>' if moved else "")
    claims_title = "Appendix B: claims in their passages" if moved else "Appendix: claims in their passages"
    main = f"""<section class="chapter key" id="key-findings"><h1>Key findings</h1>
<p>What the five texts say, in the words of each chapter’s findings (details and intervals in the chapter;
each heading links to it). They describe these texts, not Kazakhstan’s foreign policy as a whole.</p>
{key_findings_section(chapters, _markdown)}</section>
<section class="chapter" id="method"><h1>Method, provenance and limitations</h1>{method}
<h2>Provenance</h2>{provenance}</section>
{body}
<section class="chapter flow" id="sources"><h1>Sources and how to cite</h1>
<h2>How to cite</h2><p class="cite">{cite}</p>
<h2>The documents</h2><p>The seed texts remain the property of their publishers; they are included verbatim for
research and verification.</p>{document_list(root)}
<h2>Reference statistics</h2>{{references}}</section>
{appendix_a}
<section class="chapter flow" id="appendix-claims"><h1>{claims_title}</h1>
<p>Each curated claim with its quote highlighted in its passage (offsets are character positions in the seed text);
claims close together share one passage.</p>{claims_appendix(root)}</section>"""
    main = link_references(main, anchors)
    cited = set(re.findall(r'href="#ref-(R\d+)"', main))
    listed = entries if edition == "html" else entries[entries["entry_id"].isin(cited)]
    rest = len(entries) - len(listed)
    note = (f" The {rest} further sources of the reference tables (`data/reference/`), not cited in this edition, "
            "are listed in the HTML edition." if rest else "")
    main = main.replace("{references}", _markdown(
        f"One entry per source (publisher, title, URL), with the rows of the reference tables it supports; "
        f"{len(cited)} of the {len(entries)} are cited in the text.{note}") + reference_list(listed))
    script = f"<script>{SCRIPT}</script>" if edition == "html" else ""
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
<p class="meta">kzanalysis {html.escape(__version__)} · commit {html.escape(commit)} · {html.escape(date)}</p>
<p class="meta">Five articles (2021–2024) on Kazakhstan’s foreign policy, read as evidence: every number traced to
a quote in a source or to a cited official statistic.</p></section>
<nav class="toc" aria-label="contents"><h2>Contents</h2>{search}{_toc(toc_entries)}</nav>
<main>
{main}
</main>
{script}
</body></html>
"""
