"""extract.extractor (from extract.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from kzanalysis.corpus.sentences import split_sentences
from kzanalysis.extract.context import quantity_context
from kzanalysis.extract.dates import dates_in
from kzanalysis.extract.names import names_in, unknown_names
from kzanalysis.extract.quantities import find_dates, find_quantities, quantities_in
from kzanalysis.extract.vocabulary import COMPILED_CACHE_SIZE, MONTH_NAME
from kzanalysis.gazetteer.mentions import MENTION_COLUMNS, Gazetteer


def _folded(text: str) -> str:
    """Lower case, white space runs as one space, curly apostrophes straight (for substring tests)."""
    return _SPACES.sub(" ", text.lower()).replace("’", "'")


_SPACES = re.compile(r"\s+")


_MONTH_ABBREVIATION_END = re.compile(rf"\b(?:{MONTH_NAME})$")


def _join_month_abbreviations(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sentence spans with a cut after a month abbreviation followed by a day undone
    ("at a Jan. 5 meeting" is one sentence)."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if out and out[-1][2] == kind and _MONTH_ABBREVIATION_END.search(text, 0, out[-1][1]) \
                and re.match(r"\d", text[start:end]) and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end, kind)
        else:
            out.append((start, end, kind))
    return out


_DOLLAR_AFTER = re.compile(r" ?\$")


def _is_currency_prefix(chunk: str, start: int, end: int) -> bool:
    """Whether the mention ``chunk[start:end]`` is the country code of a currency ("US$17.2 billion",
    "US $ 563 million"): a short upper-case name right before a dollar sign."""
    return end - start <= 3 and chunk[start:end].isupper() and bool(_DOLLAR_AFTER.match(chunk, end))


#: A standing body whose name ends in "of" before a state ("State Statistical Committee of", "Cabinet
#: of Ministers of the"): the state is part of the body's name, not a mention of its own
#: (data/eval/GUIDELINES.md, "Standing bodies"), even when the gazetteer does not know the body.
_BODY_OF = re.compile(r"\b(?:Ministry|Committee|Cabinet\s+of\s+Ministers|Council|Agency|Bank|Embassy|Parliament|"
                      r"Assembly|Chamber|Commission|Service|Fund|Department|Administration|Senate|Court|Office)"
                      r"(?:\s+(?:of|for|on|and|the|[A-Z][\w-]*))*?\s+of\s+(?:the\s+)?$")
#: After an acronym: the rest of a body's name ("CIS Heads of Government Council").
_BODY_AFTER = re.compile(r"\s+(?:(?:[A-Z][\w-]*|of)\s+){1,4}(?:Council|Committee|Commission)\b")


def _inside_body(chunk: str, start: int, end: int) -> bool:
    """Whether the mention ``chunk[start:end]`` is part of the name of a standing body (``_BODY_OF``,
    ``_BODY_AFTER``)."""
    if chunk.endswith("of ", 0, start) or chunk.endswith("of the ", 0, start):
        if _BODY_OF.search(chunk, max(0, start - 80), start):
            return True
    return chunk[start:end].isupper() and bool(_BODY_AFTER.match(chunk, end))


@dataclass(frozen=True)
class Extractor:
    """A compiled gazetteer with the actors' kinds and countries: build once, apply to many texts.

    The gazetteer is one ``pyahocorasick`` automaton over all aliases, built once per extractor
    (and once per process for the same table): matching costs one pass over the text whatever
    the number of aliases, so no text compiles anything. Only when the automaton cannot take
    the aliases (one with white space at either end) does the gazetteer fall back to one
    regular expression; then ``gazetteer_for(text)`` compiles, and keeps, the expression of only
    the aliases that occur in the text as a substring (compared in lower case, with white
    space runs and apostrophes folded as the patterns fold them): an alias that is not a
    substring cannot match, so the mentions are the same, and a smaller expression is faster.
    """

    gazetteer: Gazetteer
    actors: pd.DataFrame
    aliases: pd.DataFrame
    alias_keys: tuple[str, ...]
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_tables(cls, aliases: pd.DataFrame, actors: pd.DataFrame) -> Extractor:
        aliases = aliases.reset_index(drop=True)
        keys = tuple(_folded(a.strip()) for a in aliases["alias"])
        return cls(Gazetteer.from_aliases(aliases), actors, aliases, keys)

    def gazetteer_for(self, text: str) -> Gazetteer:
        """The gazetteer for ``text``: the whole automaton, or (regular-expression fallback) the
        expression restricted to the aliases that can occur in ``text``."""
        if self.gazetteer.automaton is not None or self.gazetteer.regex is None:
            return self.gazetteer
        folded = _folded(text)
        keep = tuple(i for i, key in enumerate(self.alias_keys) if key in folded)
        if keep not in self._compiled:
            if len(self._compiled) >= COMPILED_CACHE_SIZE:
                self._compiled.clear()
            self._compiled[keep] = Gazetteer.from_aliases(self.aliases.iloc[list(keep)])
        return self._compiled[keep]

    def sentences(self, doc_id: str, text: str) -> pd.DataFrame:
        """Sentences of one text (columns of ``corpus.sentences``)."""
        spans = _join_month_abbreviations(text, split_sentences(text))
        rows = [(doc_id, i, s, e, k, text[s:e]) for i, (s, e, k) in enumerate(spans)]
        frame = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "start", "end", "kind", "sentence"])
        return frame.astype({"sentence_id": int, "start": int, "end": int})

    def mentions(self, doc_id: str, text: str, sentences: pd.DataFrame) -> pd.DataFrame:
        """Gazetteer mentions sentence by sentence (``actors.MENTION_COLUMNS``)."""
        rows = []
        gazetteer = self.gazetteer_for(text)
        for sent in sentences[sentences["doc_id"] == doc_id].itertuples():
            chunk = text[sent.start:sent.end]
            for s, e, alias, actor in gazetteer.find(chunk):
                if not _is_currency_prefix(chunk, s, e) and not _inside_body(chunk, s, e):
                    rows.append((doc_id, sent.sentence_id, actor, alias, sent.start + s, sent.start + e, chunk[s:e]))
        frame = pd.DataFrame(rows, columns=MENTION_COLUMNS[:7])
        frame = frame.join(self.actors.set_index("actor_id")[["vector", "kind"]], on="actor_id")
        return frame.astype({"sentence_id": int, "start": int, "end": int})[MENTION_COLUMNS]

    def extract(self, doc_id: str, text: str, doc_date: date | None,
                sentences: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
        """Everything for one text, as DataFrames: ``sentences``, ``mentions``, ``dates``,
        ``quantities`` (with ``CONTEXT_COLUMNS``), ``names`` (``unknown_names``) and
        ``name_spans`` (start, end, name of each unknown name)."""
        sents = sentences if sentences is not None else self.sentences(doc_id, text)
        sents = sents[sents["doc_id"] == doc_id]
        ments = self.mentions(doc_id, text, sents)
        dates = find_dates(text, doc_id, doc_date, sents)
        quants = find_quantities(text, doc_id, sents, dates)
        context = quantity_context(quants, ments, dates, sents, {doc_id: text}, self.actors)
        spans = list(zip(sents["start"], sents["end"], sents["kind"]))
        name_spans = pd.DataFrame(names_in(text, self.gazetteer, spans), columns=["start", "end", "name"])
        names = unknown_names({doc_id: text}, self.gazetteer, sents)
        return {"sentences": sents, "mentions": ments, "dates": dates, "quantities": context, "names": names,
                "name_spans": name_spans}

    def counts(self, text: str, doc_date: date | None = None) -> tuple[int, int, int, int]:
        """(sentences, mentions, quantities, dates) of one text, without building DataFrames
        (the fast path used by the scale benchmark)."""
        spans = split_sentences(text)
        gazetteer = self.gazetteer_for(text)
        n_mentions = n_quantities = n_dates = 0
        for s, e, _kind in spans:
            chunk = text[s:e]
            found_mentions = gazetteer.find(chunk)
            if "$" in chunk:
                found_mentions = [m for m in found_mentions if not _is_currency_prefix(chunk, m[0], m[1])]
            found_mentions = [m for m in found_mentions if not _inside_body(chunk, m[0], m[1])]
            n_mentions += len(found_mentions)
            found = dates_in(chunk, s, doc_date)
            n_dates += len(found)
            skip = [(a, b) for a, b, *_ in found if not text[a:b].endswith("years")]
            n_quantities += len(quantities_in(chunk, s, skip))  # headlines too ("… sign 11 documents")
        return len(spans), n_mentions, n_quantities, n_dates


def number_text(value: float) -> str:
    """A plain number as the tables write it: 6300000000, 18.4, -18.4."""
    return f"{value:.15g}" if abs(value) < 1e16 else repr(value)
