"""The actors gazetteer and the mentions it finds in the texts.

``load_actors()``: actor_id, name, kind, vector, country, notes (``data/actors.csv``).

``load_aliases()``: alias, actor_id, form, case_sensitive, expected_new, notes
(``data/aliases.csv``).

``find_mentions(text, aliases)`` and ``mentions(...)`` return one row per mention:
doc_id, sentence_id, actor_id, alias, start, end (character offsets into the seed text,
``text[start:end]`` is the matched surface form), matched (that surface form), vector,
kind.

Matching rules: whole words only (the characters before and after a match are not
letters, digits or underscore, so "Turkish" never matches inside "Turkic", and a
possessive ’s after a name is fine); case-insensitive unless the alias is marked
``case_sensitive`` (so "US" does not match "us"); where aliases overlap, the longest
wins ("Turkish world" beats "Turkish"; "Organization of Turkic States" beats "Turkic").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import Problem
from .paths import data_dir, project_root, relative
from .tables import load_resource

MENTION_COLUMNS = ["doc_id", "sentence_id", "actor_id", "alias", "start", "end", "matched", "vector", "kind"]


def load_actors(root: Path | None = None) -> pd.DataFrame:
    """``data/actors.csv`` validated against its schema."""
    return load_resource("actors", root)


def load_aliases(root: Path | None = None) -> pd.DataFrame:
    """``data/aliases.csv`` validated against its schema."""
    return load_resource("aliases", root)


@dataclass(frozen=True)
class Gazetteer:
    """A compiled matcher: one regular expression over all aliases, longest first."""

    pattern: re.Pattern
    groups: tuple[tuple[str, str], ...]  # (alias, actor_id) per capture group, in order

    @classmethod
    def from_aliases(cls, aliases: pd.DataFrame) -> "Gazetteer":
        """Compile ``aliases`` (columns alias, actor_id, case_sensitive)."""
        ordered = sorted(
            zip(aliases["alias"], aliases["actor_id"], aliases["case_sensitive"].astype(bool)),
            key=lambda row: (-len(row[0]), row[0], row[1]),
        )
        parts = []
        for alias, _actor, case_sensitive in ordered:
            body = _alias_regex(alias)
            parts.append(f"({body})" if case_sensitive else f"((?i:{body}))")
        joined = "|".join(parts) if parts else r"(?!x)x"
        pattern = re.compile(rf"(?<![\w])(?:{joined})(?![\w])")
        return cls(pattern, tuple((a, actor) for a, actor, _ in ordered))

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """All mentions in ``text`` as (start, end, alias, actor_id), in text order."""
        found = []
        for match in self.pattern.finditer(text):
            index = match.lastindex - 1  # exactly one group matches
            alias, actor = self.groups[index]
            found.append((match.start(), match.end(), alias, actor))
        return found


def _alias_regex(alias: str) -> str:
    """Regex for one alias: literal, but any run of spaces matches any white space, and
    straight and curly apostrophes match each other."""
    out = []
    for part in re.split(r"(\s+)", alias):
        if not part:
            continue
        if part.isspace():
            out.append(r"\s+")
        else:
            out.append(re.sub("['’]", "['’]", re.escape(part)))  # one pass: either apostrophe matches both
    return "".join(out)


def find_mentions(text: str, aliases: pd.DataFrame) -> pd.DataFrame:
    """Mentions of ``aliases`` in one text: start, end, alias, actor_id, matched."""
    gaz = Gazetteer.from_aliases(aliases)
    rows = [(s, e, a, actor, text[s:e]) for s, e, a, actor in gaz.find(text)]
    return pd.DataFrame(rows, columns=["start", "end", "alias", "actor_id", "matched"])


def mentions(sentences: pd.DataFrame, texts: dict[str, str], aliases: pd.DataFrame,
             actors: pd.DataFrame) -> pd.DataFrame:
    """Every mention inside the given sentences (columns ``MENTION_COLUMNS``).

    Matching runs sentence by sentence, so a mention never spans two sentences, and
    excluded spans (which are not in ``sentences``) yield no mentions.
    """
    gaz = Gazetteer.from_aliases(aliases)
    rows = []
    for sent in sentences.itertuples():
        text = texts[sent.doc_id]
        chunk = text[sent.start:sent.end]
        for s, e, alias, actor in gaz.find(chunk):
            rows.append((sent.doc_id, sent.sentence_id, actor, alias,
                         sent.start + s, sent.start + e, chunk[s:e]))
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS[:7])
    info = actors.set_index("actor_id")[["vector", "kind"]]
    frame = frame.join(info, on="actor_id")
    return frame.astype({"sentence_id": int, "start": int, "end": int})[MENTION_COLUMNS]


def gazetteer_problems(actors: pd.DataFrame, aliases: pd.DataFrame, texts: dict[str, str],
                       alias_lines: pd.Series | None = None, root: Path | None = None) -> list[Problem]:
    """Cross-table problems of the gazetteer.

    An alias that names an unknown actor, an alias listed twice or for two actors
    (compared case-insensitively unless both are case-sensitive), a blank alias, a
    person's or company's ``country`` that is not an actor, and an alias that occurs in
    no text although not marked ``expected_new``.
    """
    root = root or project_root()
    file = relative(data_dir(root) / "aliases.csv", root)
    actors_file = relative(data_dir(root) / "actors.csv", root)
    lines = alias_lines if alias_lines is not None else pd.Series(range(2, len(aliases) + 2), index=aliases.index)
    known = set(actors["actor_id"])
    problems: list[Problem] = []
    for row in actors.itertuples():
        if row.country and row.country not in known:
            problems.append(Problem(actors_file, int(getattr(row, "line", 0)) or None, "country",
                                    f"unknown actor id {row.country!r}"))
    seen: dict[str, tuple[int, str, bool]] = {}
    joined = "\n".join(texts[d] for d in sorted(texts))
    for idx, row in aliases.iterrows():
        line = int(lines[idx])
        alias = row["alias"]
        if not isinstance(alias, str) or not alias:
            continue  # a missing value is reported once, by the table schema (required)
        if not alias.strip():
            problems.append(Problem(file, line, "alias", "alias is only white space"))
            continue
        if alias != alias.strip():
            problems.append(Problem(file, line, "alias", f"alias {alias!r} has leading or trailing white space"))
        if row["actor_id"] and row["actor_id"] not in known:
            problems.append(Problem(file, line, "actor_id", f"unknown actor id {row['actor_id']!r} (not in data/actors.csv)"))
        case_sensitive = bool(row["case_sensitive"]) if pd.notna(row["case_sensitive"]) else False
        key = alias if case_sensitive else alias.casefold()
        for other_key in {alias, alias.casefold()}:
            if other_key in seen:
                first_line, first_actor, first_cs = seen[other_key]
                if other_key == key or not (first_cs and case_sensitive):
                    what = "for another actor " + repr(first_actor) if first_actor != row["actor_id"] else "again"
                    problems.append(Problem(file, line, "alias", f"alias {alias!r} is listed {what} (first on line {first_line})"))
                    break
        seen.setdefault(key, (line, row["actor_id"], case_sensitive))
        expected_new = bool(row["expected_new"]) if pd.notna(row["expected_new"]) else False
        if not expected_new:
            flags = 0 if case_sensitive else re.IGNORECASE
            if not re.search(rf"(?<![\w]){_alias_regex(alias)}(?![\w])", joined, flags):
                problems.append(Problem(file, line, "expected_new",
                                        f"alias {alias!r} occurs in no seed text; mark it expected_new=true or remove it"))
    return problems
