"""gazetteer.mentions (from actors.py): matching the gazetteer in texts."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

MENTION_COLUMNS = ["doc_id", "sentence_id", "actor_id", "alias", "start", "end", "matched", "vector", "kind"]


_Row = tuple[str, str, bool]  # (alias, actor_id, case_sensitive)


def _ordered(aliases: pd.DataFrame) -> tuple[_Row, ...]:
    """The aliases in matching order: longest first, then by alias and actor (ties broken as the regex does)."""
    return tuple(sorted(
        zip(aliases["alias"], aliases["actor_id"], aliases["case_sensitive"].astype(bool)),
        key=lambda row: (-len(row[0]), row[0], row[1]),
    ))


@dataclass(frozen=True)
class _RegexGazetteer:
    """The reference matcher: one regular expression over all aliases, longest first.

    ``Gazetteer`` gives the same mentions (a test checks it on the seeds) with an automaton;
    this one is kept as the specification it is checked against, and for aliases the
    automaton cannot take (empty, or with white space at either end).
    """

    pattern: re.Pattern
    groups: tuple[tuple[str, str], ...]  # (alias, actor_id) per capture group, in order

    @classmethod
    def from_aliases(cls, aliases: pd.DataFrame) -> _RegexGazetteer:
        """Compile ``aliases`` (columns alias, actor_id, case_sensitive)."""
        return cls.from_rows(_ordered(aliases))

    @classmethod
    def from_rows(cls, ordered: tuple[_Row, ...]) -> _RegexGazetteer:
        """One alternation of all aliases in ``ordered`` order, grouped by first letter.

        At a position only aliases whose first character matches there can match, so the
        aliases are grouped by their first character as matching folds it (``_fold``), each
        group behind a look-ahead for that character, in the order of its first alias and
        keeping the order within: the first alias that matches is the same as in one flat
        alternation, which sre would try alias by alias at every word start (≈ 20x slower
        with ~1,000 aliases). With an empty alias the flat alternation is kept.
        """
        def part(alias: str, case_sensitive: bool) -> str:
            body = alias_regex(alias)
            return f"({body})" if case_sensitive else f"((?i:{body}))"

        if not ordered or any(not isinstance(a, str) or not a for a, _, _ in ordered):
            joined = "|".join(part(a, cs) for a, _, cs in ordered) if ordered else r"(?!x)x"
            return cls(re.compile(rf"(?<![\w])(?:{joined})(?![\w])"), tuple((a, actor) for a, actor, _ in ordered))
        by_first: dict[str, list[_Row]] = {}
        for row in ordered:
            by_first.setdefault(_fold(row[0][0]), []).append(row)  # dicts keep first-seen order
        alternatives, groups = [], []
        for rows in by_first.values():
            firsts = "".join(sorted({r"\s" if a[0].isspace() else "'’" if a[0] in "'’" else re.escape(a[0])
                                     for a, _, _ in rows}))
            alternatives.append(f"(?=(?i:[{firsts}]))(?:{'|'.join(part(a, cs) for a, _, cs in rows)})")
            groups.extend((a, actor) for a, actor, _ in rows)
        pattern = re.compile(rf"(?<![\w])(?:{'|'.join(alternatives)})(?![\w])")
        return cls(pattern, tuple(groups))

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """All mentions in ``text`` as (start, end, alias, actor_id), in text order."""
        found = []
        for match in self.pattern.finditer(text):
            index = match.lastindex - 1  # exactly one group matches
            alias, actor = self.groups[index]
            found.append((match.start(), match.end(), alias, actor))
        return found


def _space_chars() -> str:
    # every character ``\s`` matches in a str pattern (str.isspace); none lies above U+3000
    return "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def _fold_table() -> dict[int, str]:
    """``str.translate`` table that, after ``str.lower``, folds a text one character to one
    character as the regex matcher compares: every white space character to a space, the
    curly apostrophe to the straight one, and the characters that ``re.IGNORECASE`` treats as
    equal beyond lower case (dotless i and i, long s and s, micro and mu, ...) to one of them."""
    from re import _casefix  # the table of extra case equivalences that re itself uses

    table = {ord(c): " " for c in _space_chars()}
    table[ord("’")] = "'"
    for code, extras in _casefix._EXTRA_CASES.items():
        table.setdefault(code, chr(min((code, *extras))))
    return table


_FOLD = _fold_table()
_BEFORE_LOWER = {0x130: "i"}  # İ: its full lower case is two characters, its simple one (as in re) is i
_SPACE_RUN = re.compile(r"\s+")


def _fold(text: str, case: bool = True) -> str:
    """``text`` folded one character to one character (see ``_fold_table``); lower-cased if ``case``."""
    if case:
        if "\u0130" in text:
            text = text.translate(_BEFORE_LOWER)
        text = text.lower()
    if text.isascii() and text.isprintable():
        return text  # the table changes no printable ASCII character (a test checks it)
    return text.translate(_FOLD)


def _key(alias: str, case: bool = True) -> str:
    """An alias as the automaton stores it: folded, each white space run one space."""
    return _SPACE_RUN.sub(" ", _fold(alias, case))


def _is_word(char: str) -> bool:
    """Whether ``char`` is matched by ``\\w`` (str patterns: alphanumeric or underscore)."""
    return char.isalnum() or char == "_"


def _automaton_text(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the automaton reads it: folded (``_fold``), each white space run one space;
    and, if runs were shortened, the offset in ``text`` of each character (else None)."""
    folded = _fold(text)
    if "  " not in folded:
        return folded, None
    index = [i for i, c in enumerate(folded) if c != " " or i == 0 or folded[i - 1] != " "]
    return "".join(folded[i] for i in index), index


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """A compiled matcher: a ``pyahocorasick`` automaton over all aliases, built once.

    The mentions are exactly those of ``_RegexGazetteer`` (whole words, case-insensitive except
    for case-sensitive aliases, any white space run for a space, either apostrophe, and at
    each position the first alias in longest-first order that matches, left to right, not
    overlapping): the automaton finds every alias occurrence in the folded text in one pass,
    then the word boundaries and the case of case-sensitive aliases are checked on the
    original text and the regex's choice is replayed. ``from_aliases`` keeps what it built:
    the same table gives the same automaton, built once per process.
    """

    groups: tuple[tuple[str, str], ...]  # (alias, actor_id) in matching order
    automaton: object | None  # ahocorasick.Automaton; None when ``regex`` matches instead
    regex: _RegexGazetteer | None = None

    @classmethod
    def from_aliases(cls, aliases: pd.DataFrame) -> Gazetteer:
        """Compile ``aliases`` (columns alias, actor_id, case_sensitive)."""
        return _compiled(_ordered(aliases))

    @classmethod
    def from_rows(cls, ordered: tuple[_Row, ...]) -> Gazetteer:
        groups = tuple((a, actor) for a, actor, _ in ordered)
        if any(not isinstance(a, str) or not a or a != a.strip() for a, _, _ in ordered):
            return cls(groups, None, _RegexGazetteer.from_rows(ordered))
        import ahocorasick

        automaton = ahocorasick.Automaton()
        entries: dict[str, list] = {}
        for priority, (alias, actor, case_sensitive) in enumerate(ordered):
            exact = _key(alias, case=False) if case_sensitive else None
            entries.setdefault(_key(alias), []).append((priority, alias, actor, exact))
        for key, values in entries.items():
            automaton.add_word(key, (len(key), tuple(values)))
        if entries:
            automaton.make_automaton()
        return cls(groups, automaton if entries else None)

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """All mentions in ``text`` as (start, end, alias, actor_id), in text order."""
        if self.regex is not None:
            return self.regex.find(text)
        if self.automaton is None or not text:
            return []
        best: dict[int, tuple[int, int, str, str]] = {}  # start -> (priority, end, alias, actor)
        folded, index = _automaton_text(text)
        n = len(text)
        for last, (length, values) in self.automaton.iter(folded):  # ``_hits``, inlined: this runs for every hit
            first = last - length + 1
            start, end = (index[first], index[last] + 1) if index is not None else (first, last + 1)
            if start > 0:
                before = text[start - 1]
                if before.isalnum() or before == "_":  # ``_is_word``, inlined
                    continue
            if end < n:
                after = text[end]
                if after.isalnum() or after == "_":
                    continue
            for priority, alias, actor, exact in values:
                if exact is not None and _key(text[start:end], case=False) != exact:
                    continue
                if start not in best or priority < best[start][0]:
                    best[start] = (priority, end, alias, actor)
                break  # values are in priority order: the first that matches is the best here
        found, position = [], 0
        for start in sorted(best):
            if start >= position:
                _, end, alias, actor = best[start]
                found.append((start, end, alias, actor))
                position = end
        return found

    def _hits(self, text: str):
        """Every occurrence of an alias key in ``text`` that is a whole word, overlapping ones
        included, as (start, end, values) with offsets in ``text``."""
        folded, index = _automaton_text(text)
        n = len(text)
        for last, (length, values) in self.automaton.iter(folded):
            first = last - length + 1
            start, end = (index[first], index[last] + 1) if index is not None else (first, last + 1)
            if (start > 0 and _is_word(text[start - 1])) or (end < n and _is_word(text[end])):
                continue
            yield start, end, values

    def occurring(self, text: str) -> set[tuple[str, bool]]:
        """(alias, case_sensitive) of the aliases that occur in ``text`` anywhere as whole words,
        inside a longer mention or not (an automaton gazetteer only; see ``aliases_occurring``)."""
        found: set[tuple[str, bool]] = set()
        if self.automaton is None or not text:
            return found
        for start, end, values in self._hits(text):
            for _priority, alias, _actor, exact in values:
                if exact is None or _key(text[start:end], case=False) == exact:
                    found.add((alias, exact is not None))
        return found


def aliases_occurring(rows: list[tuple[str, str, bool]], text: str) -> set[tuple[str, bool]]:
    """(alias, case_sensitive) of the aliases in ``rows`` (alias, actor_id, case_sensitive) that
    occur in ``text`` as whole words: for each alias what ``re.search`` of its ``alias_regex`` (case-insensitive
    unless case-sensitive) finds, computed in one automaton pass; the few aliases the
    automaton cannot take (white space at either end) are searched one by one."""
    plain = tuple(sorted({r for r in rows if isinstance(r[0], str) and r[0] and r[0] == r[0].strip()},
                         key=lambda r: (-len(r[0]), r[0], r[1])))
    found = _compiled(plain).occurring(text) if plain else set()
    for alias, _actor, case_sensitive in rows:
        if isinstance(alias, str) and alias.strip() and alias != alias.strip() and re.search(
                rf"(?<![\w]){alias_regex(alias)}(?![\w])", text, 0 if case_sensitive else re.IGNORECASE):
            found.add((alias, bool(case_sensitive)))
    return found


@lru_cache(maxsize=256)
def _compiled(ordered: tuple[_Row, ...]) -> Gazetteer:
    return Gazetteer.from_rows(ordered)


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
