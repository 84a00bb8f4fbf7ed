"""gazetteer.mentions (from actors.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

MENTION_COLUMNS = ["doc_id", "sentence_id", "actor_id", "alias", "start", "end", "matched", "vector", "kind"]


@dataclass(frozen=True)
class Gazetteer:
    """A compiled matcher: one regular expression over all aliases, longest first."""

    pattern: re.Pattern
    groups: tuple[tuple[str, str], ...]  # (alias, actor_id) per capture group, in order

    @classmethod
    def from_aliases(cls, aliases: pd.DataFrame) -> Gazetteer:
        """Compile ``aliases`` (columns alias, actor_id, case_sensitive)."""
        ordered = sorted(
            zip(aliases["alias"], aliases["actor_id"], aliases["case_sensitive"].astype(bool)),
            key=lambda row: (-len(row[0]), row[0], row[1]),
        )
        parts = []
        for alias, _actor, case_sensitive in ordered:
            body = alias_regex(alias)
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


def alias_regex(alias: str) -> str:
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
