"""The English word list behind the misspelling rate of notebook 04, and which words it knows.

``data/reference/english_words.txt``: one word per line, UTF-8, lines starting with ``#``
are comments (the list's source and licence: SCOWL size 70, American and British, from
Debian's wamerican-large and wbritish-large). The project reads only this file, never a
word list of the operating system, so that every machine computes the same rates.

``known_word`` accepts a word of the list and the regular forms the list lacks, by rules
(``INFLECTIONS``, ``PREFIXES``): a plural or third person (-s, but not after a consonant and
y; -es after s, x, z, ch, sh or o; -ies), a past or a participle (-ed, -ied, -ing, with a
dropped e or a doubled consonant), an adverb or a noun made with -ly, -ily, -ness, -iness,
an adjective made with -ative or -ive; or one prefix (multi-, under-, out-, ethno-, ...)
before a word of the list itself of at least four letters (not before a derived form:
"pre" + "cided" would hide "precided"). Irregular forms need the list.

Measured on the seeds, every flagged word checked by hand: with the former list (SCOWL
size 50, American only, no rules) 12 of the 28 flagged words were misspellings (16 false
positives: "capita", "transformative", "attaches", "multipolar", "recognise", ...); with
this list and these rules 12 of 14 are ("cn" of a web address and "conjuncturally" are not),
and no misspelling of the 12 became known. The rate measures typing errors, not
translation: a machine-translated text is spelt correctly and scores low.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kzanalysis.io.errors import DataError, Problem
from kzanalysis.io.paths import layout, project_root, relative

#: The word list, relative to ``data/``.
WORD_LIST_FILE = "reference/english_words.txt"


def word_list_path(root: Path | None = None) -> Path:
    """Where the word list lives (it may be absent)."""
    return layout(root).data / WORD_LIST_FILE


def word_list_problems(root: Path | None = None) -> list[Problem]:
    """Problems of the word list, if there is one: not UTF-8, no words, a line with white space inside."""
    root = root or project_root()
    path = word_list_path(root)
    if not path.is_file():
        return []
    file = relative(path, root)
    return [Problem(file, line, None, message) for line, message in _scan(path.read_bytes())[1]]


#: White space between two non-space characters: a line holding more than one word.
_INNER_SPACE = re.compile(r"\S\s+\S")


@lru_cache(maxsize=4)
def _scan(raw: bytes) -> tuple[frozenset[str], tuple[tuple[int | None, str], ...]]:
    """The words of a word list's bytes (lower-cased) and its problems as (line, message).

    A pure function of the content, kept for the few contents a process sees: the checks
    read the list on every ``kzanalysis check`` and the tests call them many times.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return frozenset(), ((line, f"not UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})"),)
    entries = [(number, word) for number, line in enumerate(text.splitlines(), 1)
               if (word := line.strip()) and not word.startswith("#")]
    problems: list[tuple[int | None, str]] = [
        (number, f"one word per line expected, got {word!r}") for number, word in entries
        if _INNER_SPACE.search(word)]
    if not entries:
        problems.append((None, "the word list holds no words"))
    return frozenset(word.casefold() for _, word in entries), tuple(problems)


def load_word_list(root: Path | None = None) -> set[str] | None:
    """The words of the list, lower-cased; None if the project has no word list.

    Raises ``DataError`` (file and line named) if the list is malformed.
    """
    path = word_list_path(root)
    if not path.is_file():
        return None
    words, problems = _scan(path.read_bytes())
    if problems:
        file = relative(path, root or project_root())
        raise DataError([Problem(file, line, None, message) for line, message in problems])
    return set(words)


#: Endings that make a regular form of a word, each with the endings its stem may take
#: instead ("-ies" → "-y": "economies" → "economy"; "" keeps the stem as it is).
INFLECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ies", ("y",)), ("ied", ("y",)), ("es", ("",)), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")),
    ("ily", ("y",)), ("ly", ("", "le")), ("iness", ("y",)), ("ness", ("",)), ("ative", ("", "e")),
    ("ive", ("", "e")),
)

#: Prefixes that make a compound of a known word ("multipolar", "underappreciated").
PREFIXES = ("anti", "co", "counter", "cross", "ethno", "geo", "inter", "intra", "macro", "micro", "mid", "multi",
            "neo", "non", "out", "over", "post", "pre", "pro", "re", "semi", "sub", "super", "trans", "un", "under")

_MIN_STEM = 3  # letters a stem keeps after an ending is cut
_MIN_PREFIXED = 4  # letters of the known word after a prefix


def known_word(word: str, words: set[str] | frozenset[str]) -> bool:
    """Whether ``word`` (any case, either apostrophe) is in ``words`` (lower case) or a
    regular form of one by the rules of the module docstring."""
    token = word.casefold().replace("\u2019", "'")
    if _inflected_known(token, words):
        return True
    return any(token.startswith(prefix) and len(token) - len(prefix) >= _MIN_PREFIXED
               and token[len(prefix):] in words for prefix in PREFIXES)


def _inflected_known(token: str, words: set[str] | frozenset[str]) -> bool:
    if token in words:
        return True
    for ending, replacements in INFLECTIONS:
        if not token.endswith(ending) or len(token) - len(ending) < _MIN_STEM:
            continue
        stem = token[:-len(ending)]
        if ending == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue  # "attaches", "taxes"; not "makees"
        if ending == "s" and len(stem) > 1 and stem[-1] == "y" and stem[-2] not in "aeiou":
            continue  # a consonant and y take -ies: not "economys"
        if any(stem + r in words for r in replacements):
            return True
        if ending in ("ed", "ing") and len(stem) > _MIN_STEM and stem[-1] == stem[-2] and stem[:-1] in words:
            return True  # a doubled consonant: "stopped", "planning"
    return False
