"""The shortcuts taken for speed in extraction decide exactly what the slower code they replace decides.

Each test runs a shortcut and its reference on every sentence of the seeds and of ``data/eval``
(and on the same sentences in upper and lower case), plus a few literal strings that reach the
edge cases. ``tests/test_extraction_snapshot.py`` checks the end result on the seeds.
"""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from kzanalysis.corpus.sources import load_texts
from kzanalysis.extract import dates, numbers, quantities
from kzanalysis.extract.eval_set import read_eval_text
from kzanalysis.extract.vocabulary import DIGITS, ORDINAL_WORD, QUALIFIERS, WORD_NUMBER

sentences_module = importlib.import_module("kzanalysis.corpus.sentences")
mentions_module = importlib.import_module("kzanalysis.gazetteer.mentions")

REPO = Path(__file__).resolve().parents[1]

EDGE_CASES = ["twenty-first", "TWENTY-FIRST", "a dozen", "half a dozen", "A HUNDRED", "ſix", "İki", "two-day",
              "three-fold", "one and a half", "seventy seven", "-one", "x-two", "about 5", "up to  10",
              "ca. 3", "approx. 4", "at least 2", "US dollars 5", "US$ 3", "TL 188", "€ 5", "YESTERDAY",
              "Sept. 5", "mid-March", "1990’s", "2014–2016", "11.05.2022", "2022-05-10", "the first half of 2024"]


@pytest.fixture(scope="module")
def chunks() -> list[str]:
    texts = list(load_texts().values()) + [read_eval_text(p) for p in sorted((REPO / "data" / "eval").rglob("*.txt"))]
    found = {text[s:e] for text in texts for s, e, _ in sentences_module.split_sentences(text)}
    found |= {c.upper() for c in found} | {c.lower() for c in found} | set(EDGE_CASES)
    return sorted(found)


def _numbers_by_finditer(chunk: str) -> list[tuple]:
    """``numbers.numbers_in`` as it was written first: each pattern over the whole sentence."""
    found: list[tuple] = [(m.start(), m.end(), False) for m in DIGITS.finditer(chunk)]
    found += [(m.start(), m.end(), True) for m in ORDINAL_WORD.finditer(chunk)]
    for m in WORD_NUMBER.finditer(chunk):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), False))
    return sorted(found, key=lambda n: n[0])


def test_numbers_in_words_tried_at_word_starts_are_the_numbers_finditer_finds(chunks):
    for chunk in chunks:
        try:
            fast = [(n.start, n.end, n.ordinal and n.words) for n in numbers.numbers_in(chunk)]
        except ValueError:  # a number word that number_from_words cannot read ("ſix"): no shortcut involved
            continue
        assert fast == _numbers_by_finditer(chunk), chunk


def test_the_fast_date_hint_decides_as_the_hint_pattern(chunks):
    for chunk in chunks:
        assert dates._may_hold_date(chunk) == bool(dates._DATE_HINT.search(chunk)), chunk


def test_a_qualifier_is_only_skipped_where_no_qualifier_pattern_matches(chunks):
    for chunk in chunks:
        for end in [m.start() for m in re.finditer(r"\d", chunk)] + [len(chunk)]:
            before = chunk[max(0, end - 60):end]
            if any(quantities._qualifier_pattern(p).search(before) for _, p in QUALIFIERS):
                assert quantities._may_end_with_qualifier(before), before


def test_no_currency_written_before_a_number_is_longer_than_the_searched_tail():
    parser = importlib.import_module("re._parser")
    for pattern, _ in quantities._CURRENCY_BEFORE:
        # +1: "$" also matches before a final newline
        assert parser.parse(pattern.pattern).getwidth()[1] + 1 <= quantities._CURRENCY_BEFORE_WIDTH


def test_the_fold_table_leaves_printable_ascii_unchanged():
    ascii_text = "".join(map(chr, range(0x20, 0x7F)))
    assert ascii_text.translate(mentions_module._FOLD) == ascii_text
    for text in ["Kazakhstan’s  trade\tgrew", "İstanbul", "ſ and \u212a", "plain ASCII, text."]:
        assert mentions_module._fold(text) == text.translate(mentions_module._BEFORE_LOWER).lower().translate(
            mentions_module._FOLD)


def _abbreviation_by_full_search(content: str, dot: int, end: int) -> bool:
    """``sentences._is_abbreviation`` with the word searched in the whole line before the full stop."""
    if content[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", content[:dot])
    if not word:
        return False
    token = word.group(1)
    if token.lower() in sentences_module._ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token):
        following = re.match(r"\s+([\w’']+)", content[end:])
        return not (following and following.group(1) in sentences_module._SENTENCE_STARTERS)
    return False


@pytest.mark.parametrize("token", ["x" * 63, "x" * 64, "x" * 65, "x" * 200 + ".e.g", "A." * 40 + "S", "Mr", "U.S"])
def test_a_long_word_before_a_full_stop_is_read_whole(token):
    content = f"Word {token}. The next one. {token}. According to"
    for match in sentences_module._BOUNDARY.finditer(content):
        assert sentences_module._is_abbreviation(content, match.start(), match.end()) == \
            _abbreviation_by_full_search(content, match.start(), match.end())


def test_the_characters_read_backwards_are_those_the_word_pattern_takes():
    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert all(bool(re.match(r"[\w.]", c)) == (c.isalnum() or c in "_.") for c in chars)


def test_sentence_boundaries_are_those_of_the_full_search(chunks):
    for chunk in chunks:
        for match in sentences_module._BOUNDARY.finditer(chunk):
            assert sentences_module._is_abbreviation(chunk, match.start(), match.end()) == \
                _abbreviation_by_full_search(chunk, match.start(), match.end()), chunk


#: ``vocabulary.DIGITS`` as first written: the look-behind before the first digit.
_DIGITS_AS_WRITTEN = re.compile(r"(?<![\w.,/:+\-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(st|nd|rd|th)\b)?(?![\d,]\d)"
                                r"(?![.:/]\d)")


def test_digits_with_the_first_digit_ahead_of_the_look_behind_match_as_written(chunks):
    edge = ["1,000,000.5", "12,34", "a1", ".5", "-3", "3rd", "1st.", "2,000th", "10:30", "1/2", "٣٤", "+7",
            "1,0000", "5.", "x 1,234,567 y", "2.5.2020", "99th%"]
    for chunk in [*chunks, *edge]:
        assert [(m.span(), m.groups()) for m in DIGITS.finditer(chunk)] == \
            [(m.span(), m.groups()) for m in _DIGITS_AS_WRITTEN.finditer(chunk)], chunk
