"""extract.quantities (from extract.py)."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

import pandas as pd

from kzanalysis.corpus.sentences import split_sentences
from kzanalysis.extract.changes import word_changes
from kzanalysis.extract.dates import CASEFOLD_EXTRAS, DATE_COLUMNS, _plain_lower, dates_in
from kzanalysis.extract.numbers import Number, numbers_in
from kzanalysis.extract.vocabulary import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    DECREASE,
    DETERMINERS,
    INCREASE,
    MEASURES,
    OCCASION_NOUNS,
    PARTY_NOUNS,
    PERCENT,
    QUALIFIERS,
    RAISE_TO,
    RANK_WORDS,
    ROLE_NOUNS,
    SCALES,
    STOP_NOUN,
    TARGET_CUE,
    TIME_UNITS,
)

QUANTITY_COLUMNS = ["doc_id", "sentence_id", "start", "end", "quote", "value", "unit", "kind", "noun",
                    "qualifier", "value_confidence"]


#: Kinds of ``find_quantities`` rows that are context, not numeric claims
#: (``data/eval/GUIDELINES.md`` section 2): ``ordinal`` numbers an occasion ("the 20th meeting",
#: "the 30th anniversary"); ``order`` is an ordering without a number ("his first visit", "the
#: largest producer"); ``framing`` is a duration that frames a period ("during the last 15
#: years", "in 30 years"). They stay in the table for readers and the fact-check of ordering
#: claims; ``numeric_claims`` leaves them out.
NOT_CLAIM_KINDS = frozenset({"ordinal", "order", "framing"})

#: Words before a number of years that make it the frame of a period, not a property of a thing.
_FRAMING_BEFORE = re.compile(r"(?i)\b(?:in|for|during|over|within|since|past|last|next)\s+"
                             r"(?:the\s+)?(?:(?:last|past|next|first)\s+)?$")


def numeric_claims(quantities: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``find_quantities`` output that are numeric claims: kind not in ``NOT_CLAIM_KINDS``."""
    return quantities[~quantities["kind"].isin(NOT_CLAIM_KINDS)].reset_index(drop=True)


_NEXT_WORD = re.compile(r"(\s+|-)([A-Za-z][A-Za-z’'-]*)")


def _following_words(chunk: str, pos: int, limit: int = 4) -> tuple[list[str], int]:
    """Up to ``limit`` words after ``pos`` forming a noun phrase (stops at function words or
    punctuation); return them and the end offset of the last."""
    words, ends = _following_word_ends(chunk, pos, limit)
    return words, (ends[-1] if ends else pos)


def _following_word_ends(chunk: str, pos: int, limit: int = 4) -> tuple[list[str], list[int]]:
    """The words of ``_following_words`` and the end offset of each."""
    words: list[str] = []
    ends: list[int] = []
    end = pos
    while len(words) < limit:
        match = _NEXT_WORD.match(chunk, end)
        if not match or match.group(2).lower() in STOP_NOUN:
            break
        words.append(match.group(2))
        end = match.end()
        ends.append(end)
    return words, ends


def _head_noun(words: list[str]) -> tuple[str, int]:
    """The head of a short noun phrase: the last plural-looking word, else the first; and its index."""
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if w.endswith("s") and not w.endswith("ss") and w not in STOP_NOUN:
            return w, i
    return (words[0].lower(), 0) if words else ("", -1)


@cache
def _qualifier_pattern(pattern: str) -> re.Pattern:
    """A ``QUALIFIERS`` pattern compiled once (as a whole word, any case)."""
    return re.compile(r"(?i)\b" + pattern)


#: The words a ``QUALIFIERS`` phrase ends with (lower case): the phrase ends its text, but for
#: white space, so a text whose last word is none of them has no qualifier and is not searched.
_QUALIFIER_ENDINGS = ("over", "than", "above", "exceed", "exceeded", "exceeding", "exceeds", "passed", "surpass",
                      "surpassed", "surpassing", "of", "least", "nearly", "almost", "approximately", "approx",
                      "approx.", "about", "around", "roughly", "some", "to", "estimated", "at", "circa", "ca.")


def _may_end_with_qualifier(before: str) -> bool:
    """False only if no ``QUALIFIERS`` pattern can match ``before`` (see ``CASEFOLD_EXTRAS``)."""
    return bool(CASEFOLD_EXTRAS.search(before)) or before.rstrip().lower().endswith(_QUALIFIER_ENDINGS)


def _qualifier(before: str) -> tuple[str, int]:
    """Qualifier implied by the words just before a number, and how many characters they take."""
    if not _may_end_with_qualifier(before):
        return "exact", 0
    for name, pattern in QUALIFIERS:
        match = _qualifier_pattern(pattern).search(before)
        if match:
            return name, len(before) - match.start()
    return "exact", 0


def _direction(chunk: str, start: int, end: int) -> int:
    """+1 / -1 if a percentage is a change ("decreased by 18.4%", "an increase of 58%", "a 40% rise"),
    0 if it is a level ("from 40% to 68.5%")."""
    before = chunk[max(0, start - 40):start]
    after = chunk[end:end + 40]
    verb_by = re.search(rf"(?i)\b({INCREASE}|{DECREASE})\s+by\s+(?:(?:an?|some|about|around|nearly|almost|over|more\s+than|approximately)\s+)*$", before)
    noun_of = re.search(r"(?i)\b(?:an?\s+)?(?:\w+\s+)?(increase|rise|growth|gain|jump|surge|decrease|decline|"
                        r"drop|fall|reduction|contraction)\s+of\s+(?:(?:some|about|around|nearly|almost|over|more\s+than|approximately)\s+)*$", before)
    noun_after = re.match(r"(?i)\s+(?:\w+\s+)?(increase|rise|growth|gain|jump|surge|decrease|decline|drop|fall|"
                          r"reduction|contraction|higher|lower|up|down|less|more)\b(?!\s+or\b)", after)
    up_down = re.search(r"(?i)\b(up|down)\s+$", before)
    verb_before = re.search(rf"(?i)\b({INCREASE}|{DECREASE})\s+(?:(?:by|some|about|around|nearly|almost|over|"
                            rf"more\s+than|approximately)\s+)*$", before)  # "rose 33%", "falling 17%"
    for match in (verb_by, noun_of, noun_after, up_down, verb_before):
        if match:
            return -1 if re.fullmatch(DECREASE, match.group(1).lower()) or match.group(1).lower() == "less" else 1
    return 0


#: The currency, scale, percent and unit patterns of ``_quantity``, compiled once: a currency
#: written before the number (ending where it begins), a scale word, a currency, ``PERCENT``
#: or a unit of measure after it.
_CURRENCY_BEFORE = [(re.compile(rf"(?:(?<![A-Za-z])(?:{pattern}))\s?$"), code) for pattern, code in CURRENCY_BEFORE]
#: No match of a ``_CURRENCY_BEFORE`` pattern is longer (a test checks it): each is searched in
#: the last characters of the text only, where the same match is found (its look-behind still
#: sees the character before).
_CURRENCY_BEFORE_WIDTH = 16
_SCALE_AFTER = re.compile(r"(?i)(?:\s+|\s?-\s?|(?<=\d))(hundred|thousand|million|billion|trillion|bn|bln|trln|mn|mln|tn|m|k|b)"
                          r"(?![\w])")
_CURRENCY_AFTER = [(re.compile(rf"\s+(?:of\s+)?(?:{pattern})(?![\w])"), code) for pattern, code in CURRENCY_AFTER]
_PERCENT = re.compile(PERCENT, re.I)
_MEASURES = [(re.compile(rf"(?i)(?:\s*|\s+of\s+)(?:{pattern})(?![\w])"), unit_name, factor)
             for pattern, unit_name, factor in MEASURES]


_TOP = re.compile(r"(?i)\btop\s+$")
_AMONG = re.compile(r"(?i)\b(?:among|one\s+of)\s+(?:the\s+)?$")  # "among the 10 largest", "one of the 10 largest"
#: "such" between a number and its noun ("76 such agreements"), not "such as".
_SUCH = re.compile(r"\s+such(?=\s+(?!as\b)[A-Za-z])")
#: After an ordinal: the other end of a move between ranks ("from ninth to eighth place", "from 9th to 7th position").
_RANK_MOVE = re.compile(r"(?i)\s+(?:to|and)\s+(?:the\s+)?[a-z0-9-]*(?:st|nd|rd|th)\s+(?:place|position)\b")
_SUPERLATIVE_AFTER = re.compile(r"(?i)\s+(?:largest|biggest|leading)\b")


def _quantity(chunk: str, num: Number, has_money_cue: Callable[[], bool],
              has_target_cue: Callable[[], bool]) -> dict | None:
    """Classify one number in its sentence; None when it is not a stated quantity.

    ``has_money_cue`` and ``has_target_cue`` say whether the sentence speaks of money and
    whether a goal word lies around the number; they are asked only when a rule needs them
    (searching a sentence for either cue costs more than all the rules that do not)."""
    before = chunk[max(0, num.start - 60):num.start]
    start, end = num.start, num.end
    value = num.value
    qualifier, _ = _qualifier(before)
    if num.ordinal:
        return _ordinal(chunk, num, before)
    # "top 10 investors"
    if "top" in before.lower() and _TOP.search(before):  # (no ``CASEFOLD_EXTRAS`` letter in "top")
        words, _ = _following_words(chunk, end)
        noun, _ = _head_noun(words)
        return dict(start=start - 4, end=end, value=value, unit="rank", kind="rank", noun=noun,
                    qualifier="exact", value_confidence=0.7)
    # "among the 10 largest investors": a rank
    if _AMONG.search(before) and _SUPERLATIVE_AFTER.match(chunk, end):
        words, _ = _following_words(chunk, end)
        noun, _ = _head_noun(words[1:])
        return dict(start=start, end=end, value=value, unit="rank", kind="rank", noun=noun,
                    qualifier="exact", value_confidence=0.7)
    # Currency written before the number: $6.3 billion, TL 188.62 billion
    unit = None
    money_start = start
    tail = max(0, len(before) - _CURRENCY_BEFORE_WIDTH)  # where a currency ending ``before`` can begin
    for pattern, code in _CURRENCY_BEFORE:
        match = pattern.search(before, tail)
        if match:
            unit, money_start = code, num.start - (len(before) - match.start())
            break
    # Scale word after the number: billion, bn, thousand
    scale_match = _SCALE_AFTER.match(chunk, end)  # in place, so that the look-behind sees the digit ("$10bn")
    scale_word = ""
    if scale_match and not (num.words and scale_match.group(1).lower() in ("hundred", "thousand", "million",
                                                                             "billion", "trillion")):
        scale_word = scale_match.group(1).lower()
        if scale_word in ("m", "k", "b") and not chunk[end:end + 1].isalpha():
            scale_word = ""  # "5 m" is metres, not millions; only "5m" / "$5m" / "$10B" count
        if scale_word:
            value *= SCALES[scale_word]
            end = scale_match.end()
    rest = chunk[end:]
    # Currency written after: billion dollars, million euros
    if unit is None:
        for pattern, code in _CURRENCY_AFTER:
            match = pattern.match(rest)
            if match:
                unit = code
                end += match.end()
                break
    if unit is not None:
        qualifier, _ = _qualifier(chunk[max(0, money_start - 60):money_start])
        # "the goal of exceeding $10 billion": a hedged goal is a target too
        if qualifier in ("exact", "over") and (has_target_cue() or RAISE_TO.search(chunk, 0, money_start)):
            qualifier = "target"
        conf = 0.95 if (scale_word or value >= 1000) else 0.85
        return dict(start=min(money_start, start), end=end, value=value, unit=unit, kind="money", noun="",
                    qualifier=qualifier, value_confidence=conf)
    # Percent
    pct = _PERCENT.match(rest)
    if pct:
        end += pct.end()
        direction = _direction(chunk, start, end)
        kind = "change" if direction else "percent"
        return dict(start=start, end=end, value=value * (direction or 1), unit="percent", kind=kind, noun="",
                    qualifier=qualifier, value_confidence=0.9)
    # Units of measure: kilometres, barrels, cubic metres, -fold
    for pattern, unit_name, factor in _MEASURES:
        match = pattern.match(rest)
        if match:
            end += match.end()
            return dict(start=start, end=end, value=value * factor, unit=unit_name,
                        kind="measure", noun=unit_name, qualifier=qualifier, value_confidence=0.9)
    # A scale word with no currency or unit: money when the sentence speaks of money
    such = _SUCH.match(chunk, end)
    words, word_ends = _following_word_ends(chunk, such.end() if such else end)
    noun, head_index = _head_noun(words)
    if scale_word and (not words or noun in ("reserves", "reserve")) and has_money_cue():
        return dict(start=start, end=end, value=value, unit="usd", kind="money", noun="",
                    qualifier=qualifier, value_confidence=0.6)
    if not words:
        return None
    first = words[0].lower()
    # Durations: "in 30 years", "the last five years", "every three years", "28-years president"
    if first.split("-")[0] in ("year", "years"):
        unit_end = _word_end(chunk, end)
        framing = chunk[end:end + 1] != "-" and _FRAMING_BEFORE.search(before)
        return dict(start=start, end=unit_end, value=value, unit="year", kind="framing" if framing else "duration",
                    noun=words[1].lower() if chunk[end:end + 1] == "-" and len(words) > 1 else "years",
                    qualifier=qualifier, value_confidence=0.6)
    if first in ("times", "time") and not num.ordinal:
        return _times(chunk, num, qualifier, end, before)
    if chunk[end:end + 1] == "-" and first in ("day", "week", "month"):  # "a two-day visit"
        return dict(start=start, end=_word_end(chunk, end), value=value, unit=first + "s", kind="duration",
                    noun=words[1].lower() if len(words) > 1 else first, qualifier=qualifier, value_confidence=0.6)
    if first in TIME_UNITS:
        return None  # months, weeks, days: no unit for them in the tables
    if num.value >= 1800 and num.value <= 2100 and not num.words and "," not in chunk[num.start:num.end]:
        return None  # a year (dates are found separately)
    if not re.fullmatch(r"[a-z][a-z’'-]*", noun):
        return None  # "5 Ministers" is fine (lower-cased), initials and codes are not counted
    if noun in PARTY_NOUNS and num.value <= 3:
        return None
    prev = re.search(r"([A-Za-z]+)\s+$", before)
    if num.words and num.value <= 3 and prev and prev.group(1).lower() in DETERMINERS:
        return None  # "the two countries", "these three issues": anaphora, not a figure
    if num.words and num.value == 1:
        return None  # "one" is mostly a pronoun or an article
    count_end = word_ends[head_index]  # the quote runs to the counted noun: "53 water treatment plants"
    conf = 0.75 if noun.endswith("s") else 0.5
    return dict(start=start, end=count_end, value=value, unit="count", kind="count", noun=noun,
                qualifier=qualifier, value_confidence=conf)


def _times(chunk: str, num: Number, qualifier: str, end: int, before: str) -> dict | None:
    """"1.4 times", "tripled"-like multiples ("grew two-and-a-half times", "three times more") as a
    ``multiple``; "visited five times" (occasions) as a ``count``."""
    unit_end = _word_end(chunk, end)
    after = chunk[unit_end:unit_end + 30]
    change = re.search(rf"(?i)\b(?:{INCREASE}|{DECREASE}|multipl\w*)\s+(?:by\s+)?"
                       r"(?:(?:almost|nearly|about|around|over|some|approximately|more\s+than)\s+)?$", before) \
        or re.match(r"(?i)\s+(?:more|less|higher|lower|larger|bigger|smaller|greater|as\s+(?:much|many|large|high))\b",
                    after) or num.value != int(num.value)
    if change:
        return dict(start=num.start, end=unit_end, value=num.value, unit="multiple", kind="multiple", noun="",
                    qualifier=qualifier, value_confidence=0.8)
    return dict(start=num.start, end=unit_end, value=num.value, unit="count", kind="count", noun="times",
                qualifier=qualifier, value_confidence=0.5)


_ELLIPTIC_RANK = re.compile(r"(?i)\b(?:became|becomes|is|was|remains|remained|ranked|ranks)\s+(?:the\s+)?$")


def _ordinal(chunk: str, num: Number, before: str) -> dict | None:
    """An ordinal as a rank ("the fifth largest", "ranks 16th", "the first state to recognise")
    or as the number of an occasion ("the 3rd meeting", "the 30th anniversary"); None otherwise."""
    start, end, value = num.start, num.end, num.value
    words, words_end = _following_words(chunk, end, limit=3)
    first = words[0].lower() if words else ""
    misspelt = chunk[start:end].lower() == "forth"
    if first.split("-")[0] in RANK_WORDS.split("|"):
        return dict(start=start, end=_word_end(chunk, end), value=value, unit="rank", kind="rank",
                    noun=first, qualifier="exact", value_confidence=0.9)
    if re.search(r"(?i)\b(?:rank(?:s|ed|ing)?|placed?|position(?:ed)?)\s+$", before) and not misspelt:
        return dict(start=start, end=end, value=value, unit="rank", kind="rank", noun="",
                    qualifier="exact", value_confidence=0.85)
    if not words and value > 1 and _ELLIPTIC_RANK.search(before):  # "Georgia became the sixth with ..."
        return dict(start=start, end=end, value=value, unit="rank", kind="rank", noun="", qualifier="exact",
                    value_confidence=0.6)
    if first == "place" and not re.search(r"(?i)\bin\s+the\s+$", before):  # "from sixth place", not "in the first place"
        return dict(start=start, end=words_end, value=value, unit="rank", kind="order" if value == 1 else "rank",
                    noun="place", qualifier="exact", value_confidence=0.7)
    if _RANK_MOVE.match(chunk, end):  # "from ninth to eighth place": both are ranks
        return dict(start=start, end=end, value=value, unit="rank", kind="rank", noun="place",
                    qualifier="exact", value_confidence=0.7)
    if re.match(r"(?i)\s+of\s+all\b", chunk[end:]) or not words:
        return None  # "First of all"
    occasion = next((w.lower() for w in words if w.lower() in OCCASION_NOUNS), "")
    if occasion:
        if value == 1:
            return None  # "the first meeting" says that it happened, not a number to check
        return dict(start=start, end=end, value=value, unit="year" if occasion == "anniversary" else "count",
                    kind="ordinal", noun=occasion, qualifier="exact", value_confidence=0.7)
    if misspelt or any(w.lower() in ROLE_NOUNS for w in words):
        return None  # "the first president", "the Second World War": titles
    noun, _ = _head_noun(words)
    if noun in TIME_UNITS:
        return None  # "the first year"
    kind = "order" if chunk[start:end].lower() == "first" else "rank"  # "his first visit": no number
    return dict(start=start, end=words_end, value=value, unit="rank", kind=kind, noun=noun,
                qualifier="exact", value_confidence=0.6)


def _superlatives(chunk: str) -> list[dict]:
    """"the largest oil producer", "the biggest in Central Asia": rank 1 without an ordinal."""
    out = []
    lower = _plain_lower(chunk)
    if lower is not None and "largest" not in lower and "biggest" not in lower:
        return out  # cannot match
    for match in _SUPERLATIVE.finditer(chunk):
        if re.search(r"(?i)\bone\s+of\s+$", chunk[max(0, match.start() - 10):match.start()]):
            continue  # "one of the largest": not a rank
        out.append(dict(start=match.start(1), end=match.end(1), value=1.0, unit="rank", kind="order",
                        noun=match.group(1).lower(), qualifier="exact", value_confidence=0.5))
    return out


_SUPERLATIVE = re.compile(r"(?i)\bthe\s+(largest|biggest)\b")


def _word_end(chunk: str, pos: int) -> int:
    """End of the word (or hyphenated compound) that follows ``pos``: "fifth largest" → after "largest"."""
    match = re.match(r"(?:\s+|-)[A-Za-z][\w-]*", chunk[pos:])
    return pos + match.end() if match else pos


_ARITHMETIC = re.compile(r"[+×=/]\s?$")


_ARITHMETIC_AFTER = re.compile(r"\s?[+×=]")


_MONEY_CUE = re.compile(r"(?i)doll?ars?|\$|\bUSD\b|\breserves?\b|\btrade\b|\bexports?\b|\bimports?\b|"
                        r"\binvest\w*|\bGDP\b|gross\s+domestic|\bfinanc\w*|\bbudget\b|\bloans?\b|\bfunds?\b|"
                        r"\bworth\b|\bturnover\b")


#: Between a part and its total: "40 of the 50 regions", "76 out of 89".
_OF_TOTAL = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?")


def quantities_in(chunk: str, base: int, skip: list[tuple[int, int]]) -> list[dict]:
    """Quantities in one sentence ``chunk`` (offsets shifted by ``base``), skipping date spans."""
    out = []
    last_end = -1
    numbers = numbers_in(chunk)
    money: list[bool] = []  # the sentence's money cue, searched once if a rule asks for it

    def has_money() -> bool:
        if not money:
            money.append(bool(_MONEY_CUE.search(chunk)))
        return money[0]

    # a goal word counts for the numbers around it only: between the neighbouring numbers
    # written in digits ("reached $4.4 billion in 2023 ... set a target of $10 billion": only
    # the second is a target; "the two countries" is no boundary)
    windows = _target_windows(numbers, len(chunk))
    targets: dict[tuple[int, int], bool] = {}  # numbers in words share their window

    def has_target(window: tuple[int, int]) -> Callable[[], bool]:
        def cue() -> bool:
            if window not in targets:
                targets[window] = bool(TARGET_CUE.search(chunk[window[0]:window[1]]))
            return targets[window]
        return cue

    for i, num in enumerate(numbers):
        if num.start < last_end or any(s <= base + num.start < e for s, e in skip):
            continue
        if _ARITHMETIC.search(chunk, max(0, num.start - 3), num.start) or _ARITHMETIC_AFTER.match(chunk, num.end):
            continue  # "5 + 1 format", "2 x 3": part of a name or formula
        total = numbers[i + 1] if i + 1 < len(numbers) else None
        found = None
        if total and num.value >= 2 and not (num.ordinal or total.ordinal) and _OF_TOTAL.fullmatch(chunk, num.end,
                                                                                                   total.start):
            # "40 of the 50 regions", "76 out of 89": one claim, the part, counted in the total's noun
            found = _quantity(chunk, total, has_money, has_target(windows[i + 1]))
            found = found if found and found["kind"] == "count" and num.value <= total.value else None
            if found:
                found.update(start=num.start, value=num.value, qualifier=_qualifier(chunk[max(0, num.start - 60):
                                                                                          num.start])[0])
        found = found or _quantity(chunk, num, has_money, has_target(windows[i]))
        if found is None:
            continue
        found["start"] += base
        found["end"] += base
        last_end = found["end"] - base
        out.append(found)
    for found in [*_superlatives(chunk), *word_changes(chunk)]:
        found["start"] += base
        found["end"] += base
        out.append(found)
    return sorted(out, key=lambda q: q["start"])


def _target_windows(numbers: list[Number], length: int) -> list[tuple[int, int]]:
    """For each number, the span of its sentence (of ``length`` characters) between the end of
    the nearest number in digits before it and the start of the nearest one after it."""
    windows = []
    previous_end = 0
    for num in numbers:
        windows.append([previous_end, length])
        if not num.words:
            previous_end = num.end
    following_start = length
    for i in range(len(numbers) - 1, -1, -1):
        windows[i][1] = following_start
        if not numbers[i].words:
            following_start = numbers[i].start
    return [(a, b) for a, b in windows]


def sentence_spans(text: str, sentences: pd.DataFrame | None, doc_id: str) -> list[tuple[int, int, int, str]]:
    """(sentence_id, start, end, kind) of the document's sentences (segmenting if not given)."""
    if sentences is not None:
        sel = sentences[sentences["doc_id"] == doc_id]
        return list(zip(sel["sentence_id"], sel["start"], sel["end"], sel["kind"]))
    return [(i, s, e, k) for i, (s, e, k) in enumerate(split_sentences(text))]


def find_dates(text: str, doc_id: str, doc_date: date | None = None,
               sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Date expressions in ``text`` (columns ``DATE_COLUMNS``, see module docstring).

    Dates without a year are resolved against ``doc_date`` and marked ``inferred``: a month and
    day ("September 14th") take its year (``data/eval/GUIDELINES.md``); a month or day range
    ("last July", "12-13 October") the latest such date on or before it; without ``doc_date``
    they are skipped.
    """
    rows = []
    for sid, s, e, _kind in sentence_spans(text, sentences, doc_id):
        for start, end, iso, precision, basis, conf in dates_in(text[s:e], s, doc_date):
            rows.append((doc_id, sid, start, end, text[start:end], iso, precision, basis, conf))
    frame = pd.DataFrame(rows, columns=DATE_COLUMNS)
    return frame.astype({"sentence_id": int, "start": int, "end": int, "confidence": float})


def find_quantities(text: str, doc_id: str, sentences: pd.DataFrame | None = None,
                    dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quantities stated in ``text`` (columns ``QUANTITY_COLUMNS``, see module docstring).

    ``dates`` (from ``find_dates``) are spans that are not quantities ("in 2021"); found here when
    not given. Headlines count (a figure in the headline and again in the body is one claim twice)."""
    if dates is None:
        dates = find_dates(text, doc_id, None, sentences)
    skip = [(s, e) for s, e, quote in zip(dates["start"], dates["end"], dates["quote"])
            if not quote.endswith("years")]  # "the last five years" is a period and a duration
    rows = []
    for sid, s, e, _kind in sentence_spans(text, sentences, doc_id):
        for q in quantities_in(text[s:e], s, skip):
            rows.append((doc_id, sid, q["start"], q["end"], text[q["start"]:q["end"]], float(q["value"]),
                         q["unit"], q["kind"], q["noun"], q["qualifier"], q["value_confidence"]))
    frame = pd.DataFrame(rows, columns=QUANTITY_COLUMNS)
    return frame.astype({"sentence_id": int, "start": int, "end": int, "value": float,
                         "value_confidence": float})
