"""extract.vocabulary (from extract.py)."""
from __future__ import annotations

import re

#: Compiled gazetteer subsets kept per extractor (a document's aliases rarely repeat exactly,
#: so a small cache keeps a worker's memory flat on a long stream of documents).
COMPILED_CACHE_SIZE = 128


#: The project's frame: Kazakhstan's aggregates and its bilateral figures have it as subject
#: (data/README.md, claims.subject).
FOCUS_ACTOR = "kazakhstan"


CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
    # a frequent misspelling of "fourth"; counted only before an occasion or a rank word
    # ("the forth meeting", "forth largest"), never in "back and forth" or "put forth"
    "forth": 4,
}


SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "bn": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3, "b": 1e9, "bln": 1e9, "trln": 1e12}


_TENS = [w for w, v in CARDINALS.items() if v >= 20]


#: Currency words and symbols → unit. Common misspellings of "dollar" (one l) are general
#: typos of non-native writers, matched by the pattern ``doll?ars?``.
CURRENCY_BEFORE = [  # written before the number
    (r"US\s?\$|\$|USD|US dollars?", "usd"), (r"TL|TRY|₺", "try"), (r"€|EUR", "eur"), (r"£|GBP", "gbp"),
    (r"₸|KZT", "kzt"), (r"₽|RUB", "rub"), (r"¥|CNY|RMB", "cny"),
]


CURRENCY_AFTER = [  # written after the number (and its scale word)
    (r"(?:US\s+|U\.S\.\s+|American\s+)?doll?ars?|USD|US\$", "usd"), (r"(?:Turkish\s+)?liras?|TL|TRY", "try"),
    (r"euros?|EUR", "eur"), (r"pounds?\s+sterling|GBP", "gbp"), (r"tenge|KZT", "kzt"),
    (r"ro?ubles?|RUB", "rub"), (r"yuan|renminbi|CNY|RMB", "cny"),
]


#: Units of measure written after the number → (unit, factor to the unit).
MEASURES = [
    (r"kilomet(?:er|re)s?|km", "km", 1.0), (r"miles?", "km", 1.609344),
    (r"barrels?|bbl", "barrels", 1.0), (r"cubic\s+met(?:er|re)s?|m3|m³", "cubic_metres", 1.0),
    (r"bcm", "cubic_metres", 1e9), (r"(?:-\s*)?fold", "multiple", 1.0),
    (r"tonnes?|tons?", "tonnes", 1.0), (r"hectares?", "hectares", 1.0),
]


PERCENT = r"%|\s?per\s?cent\b|\s?pct\b"


TIME_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
               "century", "centuries", "hour", "hours"}


#: Nouns after an ordinal that make it a rank ("the fifth largest", "the third country which ...").
RANK_WORDS = r"largest|biggest|leading|highest|lowest|smallest|most|major|richest|top"


_RANK_NOUNS = {"country", "state", "nation", "partner", "investor", "economy", "exporter", "importer",
               "producer", "supplier", "buyer", "lender", "donor", "place", "position"}


#: Nouns after an ordinal that number an occasion ("the sixth summit", "the 30th anniversary").
OCCASION_NOUNS = {"meeting", "summit", "session", "anniversary", "congress", "forum", "conference",
                   "round", "edition", "council", "assembly"}


#: Nouns after an ordinal that make it a title, not a figure ("the first president").
ROLE_NOUNS = {"president", "presidents", "minister", "ministers", "chairman", "secretary", "leader", "lady",
               "king", "queen", "head", "deputy", "vice", "world", "war", "half", "quarter", "time", "times",
               "step", "steps", "place"}


#: Plural nouns that refer to the parties themselves ("the two countries", "both states"):
#: a small count of them restates who is involved rather than claiming a figure.
PARTY_NOUNS = {"countries", "states", "nations", "powers", "sides", "parties", "leaders", "presidents",
                "governments", "neighbours", "neighbors", "capitals", "peoples", "republics"}


DETERMINERS = {"the", "these", "those", "its", "their", "our", "his", "her", "both", "all", "each",
                "every", "of", "last", "past", "next", "first", "recent", "previous", "coming"}


STOP_NOUN = {"in", "of", "that", "which", "who", "were", "was", "is", "are", "have", "has", "had", "be",
              "been", "between", "to", "for", "with", "and", "or", "from", "by", "on", "at", "as", "the",
              "a", "an", "than", "per", "into", "over", "under", "since", "after", "before", "will",
              "would", "could", "can", "may", "it", "they", "this", "these", "those", "its", "their",
              "worth", "each", "while", "about", "among", "across", "during", "until", "within", "such",
              "not", "also", "so", "but", "if", "when", "where", "there", "here", "operating"}


QUALIFIERS = [
    ("over", r"(?:over|more\s+than|above|exceed(?:ed|ing|s)?|passed|surpass(?:ed|ing)?|in\s+excess\s+of|"
             r"at\s+least|upwards\s+of)\s*$"),
    ("approximate", r"(?:nearly|almost|approximately|approx\.?|about|around|roughly|some|close\s+to|"
                    r"an\s+estimated|estimated\s+at|circa|ca\.|up\s+to)\s*$"),
]


TARGET_CUE = re.compile(r"\b(?:target(?:s|ed)?|aim(?:s|ed|ing)?|goal|plan(?:s|ned)?\s+to|projected|"
                         r"expected\s+to|seek(?:s|ing)?\s+to|determined\s+as)\b", re.I)


#: "to raise trade to $10 billion", "on increasing trade to $10 billion": a base-form or -ing verb of
#: increase followed by "to" + amount is a goal.
RAISE_TO = re.compile(r"(?i)\b(?:rais(?:e|ing)|increas(?:e|ing)|bring(?:ing)?|boost(?:ing)?|lift(?:ing)?|"
                      r"doubl(?:e|ing)|tripl(?:e|ing)|expand(?:ing)?)\s+(?:[\w’'-]+\s+){0,6}to\s*$")


INCREASE = r"increas\w*|grow\w*|grew|rose|ris(?:e|es|ing)|surg\w*|jump\w*|climb\w*|soar\w*|gain\w*|up|expan\w*|higher"


DECREASE = r"decreas\w*|declin\w*|fell|fall\w*|drop\w*|shr[ai]nk\w*|contract\w*|down|lower|plung\w*|slump\w*|reduc\w*"


MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}


MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}


MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")


DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


YEAR = r"(?:1[89]\d\d|20\d\d)"


DASH = r"\s?[-–—]\s?"


# Metric vocabulary cues (data/README.md): first match in the quantity's clause wins.
METRIC_CUES = [
    (r"gross\s+domestic\s+product|\bGDP\b", {"money": "gdp", "multiple": "gdp_growth_multiple"}),
    (r"trade\s+(?:volume|turnover)|turnover|bilateral\s+trade|trade\s+between|volume\s+of\s+trade|external\s+trade",
     {"money": "trade_turnover", "change": "trade_turnover_growth"}),
    (r"trad(?:e|ing)\s+part?n?er", {"rank": "trade_partner_rank"}),
    (r"\bexports?\b", {"money": "exports", "change": "exports_growth"}),
    (r"\bimports?\b", {"money": "imports", "change": "imports_growth"}),
    (r"reserves?", {"money": "fx_reserves", "measure": "reserves", "rank": "reserves_rank"}),
    (r"invest\w*", {"money": "investment_stock", "rank": "investor_rank", "count": "investment_projects"}),
    (r"agreements?", {"count": "agreements_signed"}),
    (r"memorand\w*", {"count": "memoranda_signed"}),
    (r"compan(?:y|ies)", {"count": "companies"}),
    (r"financ\w*|loan|credit", {"money": "financing_approved"}),
    (r"summit", {"ordinal": "summit_number"}),
    (r"anniversary", {"ordinal": "anniversary_years"}),
    (r"meeting|council", {"ordinal": "council_meeting_number"}),
    (r"visits?", {"count": "visits_count"}),
]


WORD_NUMBER = re.compile(
    r"(?<![\w-])(?:half\s+a\s+dozen|a\s+dozen|a(?=\s+(?:hundred|thousand|million|billion|trillion)\b)|(?:"
    + "|".join(sorted(list(CARDINALS) + ["hundred", "thousand", "million", "billion", "trillion"],
                      key=len, reverse=True))
    + r"))(?:(?:\s+|-)(?:and\s+)?(?:"
    + "|".join(sorted(list(CARDINALS) + ["hundred", "thousand", "million", "billion", "trillion"],
                      key=len, reverse=True))
    + r"))*(?:[\s-]and[\s-]a[\s-]half)?(?!\w|-(?![A-Za-z])|-(?:way|sided|thirds?|quarters?|fifths?|halves|times?|odd|plus)\b)",
    re.I)  # "three-nation", "three-tier", "two-day", "five-fold" (GUIDELINES: counts), not "two-way", "two-thirds"


ORDINAL_WORD = re.compile(
    r"(?<![\w-])(?:(?:" + "|".join(_TENS) + r")-)?(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r")(?![\w])", re.I)


#: A number in digits: ``(?<![\w.,/:+\-])(?:\d{1,3}(?:,\d{3})+|\d+)`` and the rest, written with its
#: first digit ahead of the look-behind (the same matches, a test checks it) so that the regex
#: engine skips to the digits of a text instead of trying the look-behind at every character.
DIGITS = re.compile(r"\d(?<![\w.,/:+\-]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?(?:(st|nd|rd|th)\b)?(?![\d,]\d)"
                    r"(?![.:/]\d)")


def number_from_words(words: str) -> float:
    """Value of an English number written in words: "three thousand" → 3000, "a thousand" →
    1000, "twenty-one" → 21, "fifth" → 5. Raises ValueError if a word is not a number word."""
    total, current = 0.0, 0.0
    folded = re.sub(r"\s+", " ", words.strip().lower())
    if folded in ("a dozen", "half a dozen"):
        return 12.0 if folded == "a dozen" else 6.0
    half = 0.5 if re.search(r"[\s-]and[\s-]a[\s-]half$", folded) else 0.0
    folded = re.sub(r"[\s-]and[\s-]a[\s-]half$", "", folded) if half else folded
    tokens = [t for t in re.split(r"[\s-]+", folded) if t and t != "and"]
    if not tokens:
        raise ValueError("no number words")
    for i, token in enumerate(tokens):
        if token == "a" and i == 0:
            current = 1
        elif token in CARDINALS:
            current += CARDINALS[token]
        elif token in _ORDINALS:
            current += _ORDINALS[token] if _ORDINALS[token] < 100 else 0
            if _ORDINALS[token] >= 100:
                current = (current or 1) * _ORDINALS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            raise ValueError(f"{token!r} is not a number word")
    return total + current + half
