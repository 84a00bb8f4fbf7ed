"""The English word list behind the misspelling rate of notebook 04.

``data/reference/english_words.txt``: one word per line, UTF-8, lines starting with ``#``
are comments (the list's source and licence). The project reads only this file, never a
word list of the operating system, so that every machine computes the same rates.
"""
from __future__ import annotations

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
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return [Problem(file, line, None, f"not UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})")]
    problems = []
    words = 0
    for number, line in enumerate(text.splitlines(), 1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if any(c.isspace() for c in word):
            problems.append(Problem(file, number, None, f"one word per line expected, got {word!r}"))
        words += 1
    if not words:
        problems.append(Problem(file, None, None, "the word list holds no words"))
    return problems


def load_word_list(root: Path | None = None) -> set[str] | None:
    """The words of the list, lower-cased; None if the project has no word list.

    Raises ``DataError`` (file and line named) if the list is malformed.
    """
    path = word_list_path(root)
    if not path.is_file():
        return None
    problems = word_list_problems(root)
    if problems:
        raise DataError(problems)
    lines = path.read_bytes().decode("utf-8").splitlines()
    return {w.strip().casefold() for w in lines if w.strip() and not w.startswith("#")}
