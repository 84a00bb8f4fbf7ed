"""analysis.naming (from consistency.py)."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd

from kzanalysis.corpus.wordlist import known_word

#: Alias forms (data/aliases.csv) that say something about a text's origin.
ORIGIN_FORMS = ("transliteration", "misspelling")


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def surface_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    """How often each document writes each surface form of each actor.

    Columns: actor_id, doc_id, form (the text as matched, e.g. ``Türkiye``), n (count).
    """
    counts = mentions.groupby(["actor_id", "doc_id", "matched"]).size().rename("n").reset_index()
    counts = counts.rename(columns={"matched": "form"})
    return counts.sort_values(["actor_id", "doc_id", "n", "form"], ascending=[True, True, False, True]).reset_index(drop=True)


def naming_table(forms: pd.DataFrame, actors: pd.DataFrame, doc_ids: Iterable[str],
                 only_varied: bool = True) -> pd.DataFrame:
    """Actor × source table of surface forms: one row per actor, one column per document
    holding ``form (n); form (n)`` (most frequent first, '' where not mentioned).

    Columns: actor_id, name, n_forms (distinct forms across the corpus, compared
    case-insensitively), then one column per doc_id. With ``only_varied`` only actors
    written in more than one way are kept.
    """
    docs = sorted(doc_ids)
    rows = []
    names = actors.set_index("actor_id")["name"]
    for actor, group in forms.groupby("actor_id", sort=True):
        n_forms = group["form"].str.casefold().nunique()
        if only_varied and n_forms < 2:
            continue
        row = {"actor_id": actor, "name": names.get(actor, actor), "n_forms": n_forms}
        for doc in docs:
            mine = group[group["doc_id"] == doc]
            row[doc] = "; ".join(f"{f} ({n})" for f, n in zip(mine["form"], mine["n"]))
        rows.append(row)
    return pd.DataFrame(rows, columns=["actor_id", "name", "n_forms", *docs])


def origin_evidence(mentions: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """Mentions whose alias is a transliteration or a misspelling (``aliases.csv`` form):
    evidence of where a text comes from (a German transliteration in an English text).

    Columns: doc_id, actor_id, form (as matched), alias_form (``transliteration`` /
    ``misspelling``), n (mentions), notes (from aliases.csv).
    """
    info = aliases.drop_duplicates("alias").set_index("alias")[["form", "notes"]].rename(columns={"form": "alias_form"})
    joined = mentions.join(info, on="alias")
    sel = joined[joined["alias_form"].isin(ORIGIN_FORMS)]
    out = sel.groupby(["doc_id", "actor_id", "matched", "alias_form", "notes"]).size().rename("n").reset_index()
    out = out.rename(columns={"matched": "form"})
    return out[["doc_id", "actor_id", "form", "alias_form", "n", "notes"]].sort_values(["doc_id", "actor_id", "form"]).reset_index(drop=True)


_CAPITALISED = re.compile(
    r"(?<![\w’'])[A-Z][\w’'\-]*(?:[ \t]+(?:(?:of|the|for|on|de|al|bin)[ \t]+)?[A-Z][\w’'\-]*)*")


#: Capitalised words that are never names of actors (months, days, titles).
NOT_NAMES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mr", "Mrs", "Ms", "Dr", "Prof",
})


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def unlisted_names(sentences: pd.DataFrame, mentions: pd.DataFrame, words: set[str] | None = None) -> pd.DataFrame:
    """Capitalised names that the gazetteer does not list, ranked by frequency.

    Runs of capitalised words (joined by ``of``, ``the``, ``for`` ...) in sentences and
    bullets (not headings); a gazetteer mention breaks a run and is not part of it. A single
    word is dropped if it only ever opens a sentence (``Moreover``), or if its lower-case
    form occurs in lower case elsewhere in the corpus or in ``words`` (an English word
    list, optional): it is then an ordinary word, not a name. Months, days and titles
    (``NOT_NAMES``) are dropped.

    Columns: name, n (occurrences), n_docs, docs (``;``-separated doc ids).
    """
    body = sentences[sentences["kind"] != "heading"]
    lower_vocab = {w for s in body["sentence"] for w in _WORD.findall(s) if w[0].islower()}
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions.itertuples():
        spans.setdefault(m.doc_id, []).append((m.start, m.end))
    found = []
    for s in body.itertuples():
        chars = list(s.sentence)
        for a, b in spans.get(s.doc_id, []):  # a gazetteer mention breaks a run of capitals
            for i in range(max(a - s.start, 0), min(b - s.start, len(chars))):
                chars[i] = "|"
        for m in _CAPITALISED.finditer("".join(chars)):
            name = _strip_possessive(m.group(0).strip("-’'"))
            found.append((name, s.doc_id, m.start() == 0))
    frame = pd.DataFrame(found, columns=["name", "doc_id", "initial"])
    if frame.empty:
        return pd.DataFrame(columns=["name", "n", "n_docs", "docs"])
    frame = frame[~frame["name"].isin(NOT_NAMES)]
    single = ~frame["name"].str.contains(r"\s")
    ordinary = frame["name"].str.lower().isin(lower_vocab) | (frame["name"].str.lower().isin(words) if words else False)
    only_initial = frame.groupby("name")["initial"].transform("all")
    frame = frame[~(single & (ordinary | only_initial))]
    out = frame.groupby("name").agg(n=("doc_id", "size"), n_docs=("doc_id", "nunique"),
                                    docs=("doc_id", lambda d: ";".join(sorted(set(d))))).reset_index()
    return out.sort_values(["n", "n_docs", "name"], ascending=[False, False, True]).reset_index(drop=True)


def word_tokens(sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Alphabetic word tokens of the analysed text (page furniture excluded), with a flag
    for tokens inside a gazetteer mention.

    Columns: doc_id, token (possessive ’s removed), capitalised (bool), in_name (bool:
    inside a gazetteer mention), start (offset in the seed text).
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions.itertuples():
        spans.setdefault(m.doc_id, []).append((m.start, m.end))
    rows = []
    for s in sentences.sort_values(["doc_id", "sentence_id"]).itertuples():
        for m in _WORD.finditer(s.sentence):
            start = s.start + m.start()
            inside = any(a <= start < b for a, b in spans.get(s.doc_id, []))
            token = _strip_possessive(m.group(0))
            rows.append((s.doc_id, token, token[0].isupper(), inside, start))
    return pd.DataFrame(rows, columns=["doc_id", "token", "capitalised", "in_name", "start"])


def misspellings(tokens: pd.DataFrame, words: set[str]) -> pd.DataFrame:
    """Tokens that the English word list ``words`` does not know (``corpus.known_word``:
    the list's words, compared in lower case, and their regular inflections and compounds).

    Only tokens outside gazetteer names and not capitalised are judged (a capitalised
    word mid-text is most often a name the word list cannot know). Columns: doc_id,
    token, n (occurrences).
    """
    lexicon = {w.casefold() for w in words}
    judged = tokens[~tokens["in_name"] & ~tokens["capitalised"]]
    known = {t: known_word(t, lexicon) for t in set(judged["token"])}
    unknown = judged[~judged["token"].map(known).astype(bool)]
    out = unknown.groupby(["doc_id", "token"]).size().rename("n").reset_index()
    return out.sort_values(["doc_id", "token"]).reset_index(drop=True)


def misspelling_rates(tokens: pd.DataFrame, words: set[str] | None) -> pd.DataFrame:
    """Per document: n_words (all word tokens), n_judged (lower-case tokens outside names),
    n_unknown (judged tokens not in ``words``), per_1000_words (n_unknown per 1,000 judged
    tokens). Without a word list (``words`` is None) the last two are missing."""
    rows = []
    bad = misspellings(tokens, words) if words is not None else None
    for doc, mine in tokens.groupby("doc_id", sort=True):
        judged = int((~mine["in_name"] & ~mine["capitalised"]).sum())
        n_unknown = int(bad.loc[bad["doc_id"] == doc, "n"].sum()) if bad is not None else pd.NA
        rows.append({"doc_id": doc, "n_words": len(mine), "n_judged": judged, "n_unknown": n_unknown,
                     "per_1000_words": (1000 * n_unknown / judged if judged else math.nan) if bad is not None else math.nan})
    frame = pd.DataFrame(rows)
    frame["n_unknown"] = frame["n_unknown"].astype("Int64")
    return frame


#: Text artefacts counted by ``text_artefacts``: name → (regular expression, what it shows).
ARTEFACT_PATTERNS = {
    "space before punctuation": (r"\w[ \t]+[,;:](?=\s)", "typesetting slip or scraped widget (“Wednesday , July”)"),
    "no space after punctuation": (r"[a-z][,;][A-Za-z]", "words run together (“conflicts,received”)"),
    "opening quote as apostrophe": (r"\w‘s\b", "a left quotation mark used as an apostrophe (“Erdoğan‘s”)"),
    "doubled word": (r"\b(\w+)\s+\1\b", "a word written twice"),
}


def text_artefacts(sentences: pd.DataFrame, tokens: pd.DataFrame, exclusions: pd.DataFrame,
                   origin: pd.DataFrame, doc_ids: Iterable[str]) -> pd.DataFrame:
    """Signs of scraping and translation per document (counts).

    Columns: doc_id, excluded_spans (page furniture cut out by ``seeds/exclusions.csv``),
    excluded_chars, one column per ``ARTEFACT_PATTERNS`` entry (matches in the analysed
    sentences), foreign_letter_in_word (a dotless ı, ş or ğ inside a word that is written
    elsewhere in the corpus with plain letters: “Confıdence”, a Turkish keyboard),
    transliterations, misspelled_names (gazetteer mentions whose alias form says so).
    """
    rows = []
    plain = {t.casefold() for t in tokens["token"]}
    swap = str.maketrans({"ı": "i", "ş": "s", "ğ": "g"})
    for doc in sorted(doc_ids):
        sents = sentences[sentences["doc_id"] == doc]["sentence"]
        excl = exclusions[exclusions["doc_id"] == doc]
        row = {"doc_id": doc, "excluded_spans": len(excl), "excluded_chars": int(excl["quote"].str.len().sum())}
        for name, (pattern, _) in ARTEFACT_PATTERNS.items():
            row[name] = int(sum(len(re.findall(pattern, s)) for s in sents))
        mine = tokens[tokens["doc_id"] == doc]["token"]
        row["foreign_letter_in_word"] = int(sum(1 for t in mine if re.search("[ışğ]", t)
                                                and t.translate(swap).casefold() in plain))
        o = origin[origin["doc_id"] == doc]
        row["transliterations"] = int(o.loc[o["alias_form"] == "transliteration", "n"].sum())
        row["misspelled_names"] = int(o.loc[o["alias_form"] == "misspelling", "n"].sum())
        rows.append(row)
    return pd.DataFrame(rows)
