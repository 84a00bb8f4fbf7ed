"""The report's list of sources: the seed documents and the reference statistics, deduplicated,
each with publisher, title, publication date, access date and URL; links from in-text references
(``facts.csv f27``, ``t012``, ``d05``) to their entry; the how-to-cite line."""
from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pandas as pd

from kzanalysis.corpus.sources import load_sources
from kzanalysis.io.errors import DataError
from kzanalysis.io.paths import layout, project_root

#: Columns of ``reference_entries``.
ENTRY_COLUMNS = ["entry_id", "publisher", "title", "agency", "published", "accessed", "url", "tier", "row_ids"]

#: An in-text reference to a row of a reference table: ``facts.csv f27``, ``trade.csv t012``, or a bare
#: ``f27``/``t012``/``d05`` (letter, then two or three digits, not inside a word).
_ROW_REFERENCE = re.compile(r"(?<![\w/.-])(?:(?:facts|trade|dates)\.csv )?([ftd]\d{2,3})(?![\w-])")


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else str(value).strip()


def _reference_rows(root: Path) -> pd.DataFrame:
    """Every row of ``trade.csv``, ``facts.csv`` and ``dates.csv`` with its id and citation columns.

    Reads ``published`` and ``accessed`` where the table has them; an older table with one
    ``date`` column gives it as the access date (the column held access dates) and no publication date.
    """
    from kzanalysis.evidence.reference import load_facts, load_trade
    frames = []
    for loader, id_column in ((load_trade, "ref_id"), (load_facts, "fact_id")):
        try:
            frame = loader(root)
        except DataError:
            continue
        frames.append(frame.rename(columns={id_column: "row_id"}))
    dates = layout(root).data / "reference" / "dates.csv"
    if dates.is_file():
        table = pd.read_csv(dates, dtype=str, keep_default_na=False)
        id_column = next((c for c in table.columns if c.endswith("_id")), table.columns[0])
        if {"publisher", "title", "url"} <= set(table.columns):
            frames.append(table.rename(columns={id_column: "row_id"}))
    if not frames:
        return pd.DataFrame(columns=["row_id", "publisher", "title", "agency", "published", "accessed", "url", "tier"])
    rows = pd.concat(frames, ignore_index=True)
    for column in ("publisher", "title", "agency", "url", "published", "accessed", "tier", "date"):
        rows[column] = [_text(v) for v in rows[column]] if column in rows else ""
    if not rows["accessed"].any():
        rows["accessed"] = rows["date"]
    return rows


def agency_note(agency: str, publisher: str) -> str:
    """Whose figures a reference gives, for its entry: ``figures of AGENCY``, the person quoted
    when the source names no agency (``figure given by …``), or nothing when the agency is the publisher."""
    agency = agency.strip()
    if not agency or agency == publisher:
        return ""
    if agency.lower().startswith("not named"):
        inner = re.search(r"\((.+)\)\s*$", agency)
        return inner.group(1) if inner else "agency not named by the source"
    return f"figures of {agency}"


def reference_entries(root: Path | None = None) -> pd.DataFrame:
    """The reference statistics cited, one entry per distinct source (publisher, title, URL).

    Columns ``ENTRY_COLUMNS``: entry_id (``R1``, ``R2``, … in publisher, title order), publisher,
    title, agency (``agency_note`` of the entry's rows, distinct ones joined by "; "), published
    (ISO date, or "" when the page gives none), accessed (the latest access date), url, tier (the
    lowest tier number of its rows), row_ids (the table rows it supports, e.g. ``t001 t002 f27``).
    """
    rows = _reference_rows(root or project_root())
    out = []
    for (publisher, title, url), group in rows.groupby(["publisher", "title", "url"], sort=True):
        notes = list(dict.fromkeys(n for n in (agency_note(a, publisher) for a in group["agency"]) if n))
        published = sorted(p for p in group["published"] if p)
        accessed = sorted(a for a in group["accessed"] if a)
        tiers = sorted(t for t in group["tier"] if t)
        out.append({"publisher": publisher, "title": title, "agency": "; ".join(notes),
                    "published": published[0] if published else "", "accessed": accessed[-1] if accessed else "",
                    "url": url, "tier": tiers[0] if tiers else "", "row_ids": " ".join(sorted(group["row_id"]))})
    entries = pd.DataFrame(out, columns=ENTRY_COLUMNS[1:])
    entries.insert(0, "entry_id", [f"R{i}" for i in range(1, len(entries) + 1)])
    return entries


def source_link(url: str) -> str:
    """An escaped link for an http(s) URL; any other scheme (``javascript:``, ``data:``) as plain text."""
    if re.match(r"(?i)https?://", url or ""):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
    return html.escape(url or "")


def row_anchors(entries: pd.DataFrame) -> dict[str, str]:
    """Each reference row id → the anchor of its entry in the list (``ref-R3``)."""
    return {row: f"ref-{e.entry_id}" for e in entries.itertuples() for row in e.row_ids.split()}


def link_references(fragment: str, anchors: dict[str, str]) -> str:
    """Turn in-text references to known reference rows (``facts.csv f27``, ``t012``) in the text of an
    HTML fragment into links to their entry; unknown ids and text inside tags are left alone.

    Text from the seeds is never linked (an "f16" in an article is not a reference row): passages
    inside ``<q>`` elements and quotes between curly quotation marks (“…”, as the tables quote
    claims, also across the ``<wbr>`` tags of table cells) are kept as they are.
    """
    def repl(match: re.Match) -> str:
        anchor = anchors.get(match.group(1))
        return f'<a class="ref" href="#{anchor}">{match.group(0)}</a>' if anchor else match.group(0)
    out, in_q, in_quote = [], 0, False
    for part in re.split(r"(<a\b.*?</a>|<[^>]+>)", fragment, flags=re.S):
        if part.startswith("<"):
            in_q += 1 if re.match(r"<q[\s>]", part) else -1 if part.startswith("</q>") else 0
            out.append(part)
            continue
        for piece in re.split(r"([“”])", part):
            if piece in ("“", "”"):
                in_quote = piece == "“"
                out.append(piece)
            else:
                out.append(piece if in_q > 0 or in_quote else _ROW_REFERENCE.sub(repl, piece))
    return "".join(out)


def reference_list(entries: pd.DataFrame) -> str:
    """The entries as an HTML list (escaped), each with its anchor ``ref-R…``."""
    items = []
    for e in entries.itertuples():
        agency = f" ({html.escape(e.agency)})" if e.agency else ""
        published = html.escape(e.published) if e.published else "no publication date given"
        tier = f" Tier {html.escape(e.tier)}." if e.tier else ""
        items.append(f'<li id="ref-{e.entry_id}"><b>[{e.entry_id}]</b> {html.escape(e.publisher)}, '
                     f'“{html.escape(e.title)}”{agency}. Published: {published}; accessed: '
                     f'{html.escape(e.accessed or "not recorded")}. {source_link(e.url) or "no URL"}.{tier} '
                     f'<small>Rows: {html.escape(e.row_ids)}</small></li>')
    return '<ol class="refs">' + "".join(items) + "</ol>"


def document_list(root: Path | None = None) -> str:
    """The seed documents as an HTML list (anchors ``doc-ID``), each with its URL or "no URL recorded"
    (the quality of each text is described once, in the corpus chapter)."""
    sources = load_sources(root or project_root())
    items = []
    for s in sources.sort_values(["date", "doc_id"]).itertuples():
        url = source_link(s.url) if _text(s.url) else "no URL recorded"
        author = f"{html.escape(s.author)}, " if _text(s.author) else ""
        items.append(
            f'<li id="doc-{html.escape(s.doc_id)}"><b>{html.escape(s.doc_id)}</b>: {author}“{html.escape(s.title)}”, '
            f'{html.escape(s.outlet)} ({html.escape(s.outlet_country)}). Published: {s.date:%Y-%m-%d} '
            f'({"stated in the text" if s.date_basis == "stated" else "inferred lower bound"}). {url}.</li>')
    return '<ol class="sources">' + "".join(items) + "</ol>"


def commit_id(root: Path | None = None) -> str:
    """The short id of the checked-out commit (``git rev-parse --short HEAD``), or "uncommitted"."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root or project_root(),
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "uncommitted"
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "uncommitted"


def how_to_cite(title: str, version: str, date: str, commit: str) -> str:
    """The suggested citation of the report (plain text)."""
    return f"kzanalysis contributors, “{title}”, kzanalysis {version}, commit {commit}, {date}."
