"""extract.numbers: the numbers of a sentence, written in digits or in words, with their offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kzanalysis.extract.dates import _plain_lower
from kzanalysis.extract.vocabulary import DIGITS, ORDINAL_WORD, WORD_NUMBER, number_from_words


@dataclass
class Number:
    """A number in a sentence: its span (character offsets), its value, and whether it is an
    ordinal ("5th", "fifth") or written in words."""

    start: int
    end: int
    value: float
    ordinal: bool
    words: bool


#: Letter runs of a text (lower case), and the runs a number written in words must contain
#: (``ORDINAL_WORD``, ``WORD_NUMBER``: the words of their patterns, less those that only follow
#: or qualify a number word). A sentence with none of them has no number in words, so the two
#: patterns, slow alternations of many words, are not run on it (unless it holds one of the
#: ``CASEFOLD_EXTRAS``, which case-insensitive matching equates with ASCII letters).
_LETTER_RUN = re.compile(r"[a-z]+")
_NUMBER_WORD_RUNS = frozenset(_LETTER_RUN.findall(ORDINAL_WORD.pattern + WORD_NUMBER.pattern)) - {
    "a", "and", "half", "s", "w", "day", "week", "month", "year", "fold", "way", "sided", "thirds", "quarters", "fifths",
    "halves", "times", "odd", "plus", "z"}
_NUMBER_WORD_BYTES = frozenset(word.encode("ascii") for word in _NUMBER_WORD_RUNS)
#: The runs a number in words can begin with: a number word, or "a" / "half" ("a dozen",
#: "a hundred", "half a dozen"). A match begins where such a run begins, and ends it.
_FIRST_WORD_RUNS = _NUMBER_WORD_RUNS | {"a", "half"}
#: ``bytes.translate`` table: ASCII lower-case letters kept, every other byte a space.
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


_FIRST_WORD_BYTES = frozenset(word.encode("ascii") for word in _FIRST_WORD_RUNS)
#: The words after which "a" or "half" begins a number ("a dozen", "a hundred", "half a dozen").
_AFTER_A = frozenset({b"dozen", b"hundred", b"thousand", b"million", b"billion", b"trillion"})
#: A dot before three digits ending in "00" with no scale word or percent after ("144.600 tons"):
#: a thousands separator, as in much of Europe (a decimal rarely keeps two trailing zeros).
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d00")
_SCALE_OR_PERCENT = re.compile(r"(?i)\s?(?:%|per\s?cent|percent|hundred|thousand|million|billion|trillion|bn\b|bln\b|mln\b|mn\b)")


def _letters(lower: str) -> bytes:
    """A lower-case text as ASCII bytes, one byte per character, with every character that is
    not a letter a-z (a character outside ASCII included) a space."""
    return lower.encode("ascii", "replace").translate(_LETTERS_ONLY)


def _letter_runs(lower: str) -> list[bytes]:
    """The ``_LETTER_RUN`` runs of a lower-case text, as ASCII bytes."""
    return _letters(lower).split()


def _word_starts(letters: bytes, words: set[bytes]) -> list[int]:
    """Offsets, ascending, where a run of ``letters`` (``_letters``) that is one of ``words`` begins."""
    padded = b" " + letters + b" "
    starts = []
    for word in words:
        key = b" " + word + b" "
        at = padded.find(key)
        while at >= 0:
            starts.append(at)  # the run begins at at + 1 in ``padded``, at ``at`` in the text
            at = padded.find(key, at + 1)
    return sorted(starts)


def may_hold_number_words(chunk: str) -> bool:
    """False only if ``chunk`` certainly holds no number in words."""
    lower = _plain_lower(chunk)
    return lower is None or not _NUMBER_WORD_BYTES.isdisjoint(_letter_runs(lower))


def _matches_at(pattern: re.Pattern, chunk: str, starts: list[int]):
    """The matches of ``pattern.finditer(chunk)``, given every offset where one can begin
    (``starts``, ascending): each is tried with ``pattern.match``, which sees the text before
    it as ``finditer`` does, and a match is resumed after as ``finditer`` resumes."""
    position = 0
    for start in starts:
        if start >= position:
            match = pattern.match(chunk, start)
            if match:
                position = match.end()
                yield match


def numbers_in(chunk: str) -> list[Number]:
    """Numbers in ``chunk``: digits (with thousands separators, ordinal suffixes) and words."""
    found: list[Number] = []
    for match in DIGITS.finditer(chunk):
        raw = match.group()
        suffix = match.group(1)
        digits = raw[:-len(suffix)] if suffix else raw
        value = float(digits.replace(",", ""))
        if not suffix and _DOT_THOUSANDS.fullmatch(digits) and not _SCALE_OR_PERCENT.match(chunk, match.end()):
            value = float(digits.replace(".", ""))
        found.append(Number(match.start(), match.end(), value, bool(suffix), False))
    lower = _plain_lower(chunk)
    if lower is None:
        ordinals, cardinals = ORDINAL_WORD.finditer(chunk), WORD_NUMBER.finditer(chunk)
    else:
        letters = _letters(lower)
        runs = set(letters.split())
        if _NUMBER_WORD_BYTES.isdisjoint(runs):
            return found  # no number in words (``may_hold_number_words``); in text order, as DIGITS found them
        # a number in words begins a letter run of the lower-case text (same offsets without the
        # extras), "a" and "half" only before one of ``_AFTER_A``
        firsts = runs & _FIRST_WORD_BYTES
        if _AFTER_A.isdisjoint(runs):
            firsts -= {b"a", b"half"}
        starts = _word_starts(letters, firsts)
        ordinals, cardinals = _matches_at(ORDINAL_WORD, chunk, starts), _matches_at(WORD_NUMBER, chunk, starts)
    for match in ordinals:
        found.append(Number(match.start(), match.end(), number_from_words(match.group()), True, True))
    for match in cardinals:
        if any(n.start <= match.start() < n.end for n in found):
            continue
        found.append(Number(match.start(), match.end(), number_from_words(match.group()), False, True))
    return sorted(found, key=lambda n: n.start)
