"""The report's front matter: the one page of key findings (taken from the chapters' findings
cells, never typed) and the method, provenance and limitations (from the README's sections)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

#: How many findings of a chapter reach the key-findings page when its findings cell does not
#: choose them (``metadata.kzanalysis.key``: the positions of the bullets to take, from 0).
KEY_PER_CHAPTER = 3

#: The README sections the report prints as its method and limitations.
README_SECTIONS = ("Method", "Limitations")

_SENTENCE_END = re.compile(r"(?<=[.])\s+(?=[A-Z(*`])")
_BOLD_LEAD = re.compile(r"^\*\*[^*]+\*\*\s*")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|cf|vs|no|bn|tn|approx|etc)\.|\b[A-Z]\.)$")


def top_level_bullets(markdown: str) -> list[str]:
    """The top-level bullet items of a Markdown text (``- `` at the start of a line), each with its
    continuation lines joined and its nested items left out."""
    items: list[str] = []
    for line in markdown.splitlines():
        if re.match(r"^[-*] ", line):
            items.append(line[2:].strip())
        elif items and line.strip() and not re.match(r"^\s+[-*] ", line) and line.startswith("  ") \
                and not re.match(r"^\s{4,}", line):
            items[-1] += " " + line.strip()
    return items


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (up to the first ``.`` followed by a capital or an opening mark,
    not after an abbreviation such as "e.g." or "bn."); a trailing ``:`` or ``;`` becomes ``.``."""
    for match in _SENTENCE_END.finditer(text):
        head = text[:match.start()]
        # not after an abbreviation, and not inside a bold lead such as "**Evenness.**"
        if _ABBREVIATION.search(head) or head.count("**") % 2 == 1 or re.fullmatch(r"\*\*[^*]+\*\*", head.strip()):
            continue
        text = head
        break
    text = text.strip()
    return text[:-1] + "." if text.endswith((":", ";")) else text


def key_points(markdown: str, chosen: list[int] | None = None, limit: int = KEY_PER_CHAPTER) -> list[str]:
    """The key findings of one chapter: the first sentence of each chosen top-level bullet
    (``chosen`` positions, or the first ``limit`` bullets), as Markdown."""
    bullets = top_level_bullets(markdown)
    if chosen:
        return [first_sentence(bullets[i]) for i in chosen if 0 <= i < len(bullets)]
    # a bullet that is only a bold lead (its content in a nested list) says nothing on its own
    sentences = [first_sentence(b) for b in bullets]
    return [s for s in sentences if _BOLD_LEAD.sub("", s).strip(" .:")][:limit]


def readme_sections(readme: Path, names: tuple[str, ...] = README_SECTIONS) -> dict[str, str]:
    """The Markdown of the README's ``## NAME`` sections, by name (missing ones left out)."""
    if not readme.is_file():
        return {}
    text = readme.read_text(encoding="utf-8")
    sections: dict[str, str] = {}
    for name in names:
        match = re.search(rf"^## {re.escape(name)}\s*\n(.*?)(?=^## |\Z)", text, re.S | re.M)
        if match:
            sections[name] = match.group(1).strip()
    return sections


def provenance_text(entries: pd.DataFrame, documents: int) -> str:
    """One paragraph (Markdown) on where the numbers come from: the documents and the reference
    entries by tier, counted from ``reference_entries``."""
    tiers = entries["tier"].replace("", "unrated").value_counts().sort_index()
    by_tier = ", ".join(f"{n} of tier {t}" for t, n in tiers.items())
    undated = int((entries["published"] == "").sum())
    return (f"Every number in this report is counted in the {documents} seed texts or taken from one of "
            f"{len(entries)} cited sources of reference statistics ({by_tier}; tier 1 is the official "
            f"producer itself, tier 2 a named outlet quoting it, tier 3 anything else). {undated} of these sources give no publication date; each carries its "
            f"access date. The reference list at the end gives publisher, title, dates and URL of each, and "
            f"every row identifier in the text (such as `t012` or `f27`) links to its entry.")


def key_findings_section(chapters: list, markdown_to_html) -> str:
    """The key-findings page: per chapter its key points, each chapter linked to its findings."""
    parts = []
    for c in chapters:
        if not c.key_points:
            continue
        items = "".join(f"<li>{markdown_to_html(p).strip().removeprefix('<p>').removesuffix('</p>')}</li>"
                        for p in c.key_points)
        parts.append(f'<h3><a href="#{c.findings_anchor}">{html.escape(c.title)}</a></h3><ul>{items}</ul>')
    return "".join(parts)
