"""The extractor's output on the seeds is exactly the stored snapshot.

Note for whoever changes extraction *rules* (extract/quantities.py, dates.py, context.py, the
gazetteer tables): when the output changes on purpose, regenerate the snapshot with
``.venv/bin/python tools/snapshot_extraction.py`` and say so in the commit. Speed work must
never need that: it passes this test with the file unchanged, and the patterns that speed work
skips on a sentence are proved unable to match there.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kzanalysis.corpus.sentences import split_sentences
from kzanalysis.corpus.sources import load_texts
from kzanalysis.extract import changes, dates, numbers, quantities
from kzanalysis.extract.dates import CASEFOLD_EXTRAS
from kzanalysis.extract.eval_set import read_eval_text
from kzanalysis.extract.snapshot import SNAPSHOT_FILE, extraction_snapshot, read_snapshot, snapshot_text
from kzanalysis.extract.vocabulary import ORDINAL_WORD, WORD_NUMBER

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def current() -> dict[str, list[list]]:
    return extraction_snapshot()


def test_mentions_quantities_and_dates_on_the_seeds_equal_the_snapshot(current):
    stored = read_snapshot(REPO / SNAPSHOT_FILE)
    assert sorted(current) == sorted(stored) == ["dates", "mentions", "quantities"]
    for name in stored:
        missing = [row for row in stored[name] if row not in current[name]][:5]
        extra = [row for row in current[name] if row not in stored[name]][:5]
        assert current[name] == stored[name], f"{name}: lost {missing}, new {extra} (see this file's docstring)"


def test_the_snapshot_file_round_trips_and_holds_every_table(current, tmp_path):
    path = tmp_path / "snapshot.json"
    path.write_bytes(snapshot_text(current).encode("utf-8"))
    assert read_snapshot(path) == current  # what the tool writes is what the test reads back
    assert all(len(rows) > 0 for rows in current.values())


def test_casefold_extras_are_every_non_ascii_character_a_case_insensitive_ascii_letter_matches():
    text = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    assert set(re.findall("(?i)[a-z]", text)) == set(CASEFOLD_EXTRAS.pattern[1:-1])


def test_patterns_skipped_on_a_sentence_could_not_have_matched_there(current):
    texts = list(load_texts().values()) + [read_eval_text(p) for p in sorted((REPO / "data" / "eval").rglob("*.txt"))]
    chunks = {text[s:e] for text in texts for s, e, _ in split_sentences(text)}
    chunks |= {"the Largest", "tRIPLED", "ſix", "two YEARS ago", "SEPT. 5", "mid-MARCH", "half a dozen", "Forth"}
    for chunk in chunks:
        for kind, pattern in dates._DATE_PATTERNS:
            if pattern.search(chunk):
                assert all(dates._NEED_TESTS[n](chunk) for n in dates._NEEDS.get(kind, ())), (kind, chunk)
        if ORDINAL_WORD.search(chunk) or WORD_NUMBER.search(chunk):
            assert numbers.may_hold_number_words(chunk), chunk
        if quantities._SUPERLATIVE.search(chunk) or changes._WORD_CHANGES.search(chunk):
            lower = chunk.lower()
            assert CASEFOLD_EXTRAS.search(chunk) or any(
                w in lower for w in ("largest", "biggest", *changes._WORD_CHANGE_PARTS)), chunk
