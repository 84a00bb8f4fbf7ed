"""Sentences for the reader of notebook 02 (balance of attention), built from analysis outputs.

Each function takes the DataFrames of ``attention``, ``bootstrap``, ``tone``, ``network``
and ``events`` and returns a short string (Markdown unless said otherwise), so that a
number stated in the narrative is always the number computed.
"""
from __future__ import annotations

import textwrap

import pandas as pd

from kzanalysis.analysis.attention import PARTNER_VECTORS, POOLED
from kzanalysis.analysis.bootstrap import BOOTSTRAP_SEED, N_RESAMPLES
from kzanalysis.analysis.labels import readable_columns
from kzanalysis.analysis.network import MIN_CHORD, MIN_SPOKE, RING_NODES
from kzanalysis.analysis.stats import CONFIDENCE
from kzanalysis.gazetteer.vectors import vector_label

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

#: Framing is compared only between vectors named in at least this many sentences.
MIN_FRAMING_SENTENCES = 20


def number_word(n: int) -> str:
    """``n`` in words up to ten (``5`` → ``five``), in digits above."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else f"{n:,}"


def ci_text(value: float, low: float, high: float, digits: int = 2) -> str:
    """A value with its interval: ``0.86 [0.80, 0.89]``."""
    return f"{value:.{digits}f} [{low:.{digits}f}, {high:.{digits}f}]"


def document_labels(documents: pd.DataFrame) -> dict[str, str]:
    """Axis labels: ``doc_id (date)`` per document (``documents``: doc_id, date as text), and the pooled corpus."""
    labels = {row.doc_id: f"{row.doc_id} ({row.date})" for row in documents.itertuples()}
    labels[POOLED] = f"all {number_word(len(documents))}, pooled"
    return labels


def data_summary(documents: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame) -> str:
    """One line (plain text): what is read, the partner vectors, and the resampling."""
    return (f"{len(documents)} documents, {len(sentences)} segments, {len(mentions)} actor mentions; "
            f"partner vectors: {', '.join(PARTNER_VECTORS)}; "
            f"{N_RESAMPLES:,} bootstrap resamples (seed {BOOTSTRAP_SEED})")


def _ahead_text(top: pd.Series) -> str:
    """Table cell: is the leading vector clearly ahead (a row of ``top_vector_margins``)?"""
    interval = f"[{100 * top['low']:.0f}, {100 * top['high']:.0f}]"
    if top["excludes_zero"]:
        return f"yes, by {100 * top['margin']:.0f} points {interval}"
    return f"no: {vector_label(top['runner_up'])} {100 * top['runner_up_share']:.0f}%, margin interval {interval}"


def balance_table(indices: pd.DataFrame, margins: pd.DataFrame, documents: pd.DataFrame,
                  labels: dict[str, str]) -> str:
    """The findings' table: evenness, HHI, leading vector and its margin, per document and pooled.

    ``indices``: ``bootstrap_indices``; ``margins``: ``top_vector_margins``; ``documents``:
    doc_id, outlet_country, in the order of the rows; ``labels``: ``document_labels``.
    """
    k = len(PARTNER_VECTORS)
    idx = indices.set_index(["doc_id", "index"])[["value", "low", "high"]]
    lead = margins.set_index("doc_id")
    country = documents.set_index("doc_id")["outlet_country"].to_dict()
    lines = [f"**Balance per document** ({100 * CONFIDENCE:.0f}% bootstrap intervals, {N_RESAMPLES:,} resamples of "
             f"sentences; evenness 1 and HHI {1 / k:.3g} would be equal attention to all {number_word(k)} partner "
             "vectors):", "",
             "| document | outlet's country | evenness [95% CI] | HHI [95% CI] | largest share | clearly ahead of runner-up? |",
             "|---|---|---|---|---|---|"]
    for doc in list(documents["doc_id"]) + [POOLED]:
        top = lead.loc[doc]
        lines.append(f"| {labels[doc]} | {country.get(doc, '–')} | {ci_text(*idx.loc[(doc, 'evenness')])} | "
                     f"{ci_text(*idx.loc[(doc, 'hhi')])} | {vector_label(top['top_vector'])} "
                     f"({100 * top['top_share']:.0f}%) | {_ahead_text(top)} |")
    return "\n".join(lines)


def evenness_finding(indices: pd.DataFrame) -> str:
    """Bullet: pooled evenness and HHI, and the most and least even single document."""
    idx = indices.set_index(["doc_id", "index"])[["value", "low", "high"]]
    ev = indices[(indices["index"] == "evenness") & (indices["doc_id"] != POOLED)].set_index("doc_id")["value"]
    most, least = ev.idxmax(), ev.idxmin()
    return (f"- **Evenness.** Pooled, the {number_word(len(ev))} texts have evenness "
            f"{ci_text(*idx.loc[(POOLED, 'evenness')])} and HHI {ci_text(*idx.loc[(POOLED, 'hhi')])}; of the single "
            f"documents, the most even is `{most}` ({ev[most]:.2f}), the least `{least}` ({ev[least]:.2f}).")


def differences_finding(differences: pd.DataFrame, margins: pd.DataFrame) -> str:
    """Bullet: which pairwise differences in evenness exclude zero, and in how many documents the lead is clear.

    ``differences``: ``bootstrap_differences`` of evenness over document pairs;
    ``margins``: ``top_vector_margins``.
    """
    clear = differences[differences["excludes_zero"]]
    listed = "; ".join(f"{r.doc_a} vs {r.doc_b} ({r.difference:+.2f} [{r.low:+.2f}, {r.high:+.2f}])"
                       for r in clear.itertuples())
    docs = margins[margins["doc_id"] != POOLED]
    return (f"- **Which differences survive the intervals.** {len(clear)} of {len(differences)} pairwise differences "
            f"in evenness exclude zero" + (f": {listed}." if len(clear) else ".")
            + f" The leading partner is clearly ahead of the runner-up in {int(docs['excludes_zero'].sum())} of "
            f"{len(docs)} documents. Each comparison is between two single texts: it says how these texts differ, "
            "not how their outlets or years do.")


def headings_finding(sensitivity: pd.DataFrame) -> str:
    """Bullet: the largest change in evenness when headings are counted (``heading_sensitivity``)."""
    change = sensitivity.set_index("doc_id")["evenness_change"].abs()
    return (f"- **Headings.** Counting mentions in headings too changes evenness by at most {change.max():.3f} "
            f"(in `{change.idxmax()}`).")


def shift_finding(first_last: pd.DataFrame, documents: pd.DataFrame) -> str:
    """Bullet: the change in share of each vector from the earliest to the latest document.

    ``first_last``: ``first_last_differences``; ``documents``: doc_id, outlet_country and
    optionally outlet (one row per document).
    """
    country = documents.set_index("doc_id")["outlet_country"]
    first, last = first_last["doc_b"].iloc[0], first_last["doc_a"].iloc[0]
    shifts = "; ".join(
        f"{vector_label(r.statistic)} {100 * r.difference:+.0f} points [{100 * r.low:+.0f}, {100 * r.high:+.0f}] "
        f"({'outside' if r.excludes_zero else 'within'} the noise)" for r in first_last.itertuples())
    n_outlets = documents["outlet"].nunique() if "outlet" in documents else len(documents)
    return (f"- **Over time or over outlets.** From `{first}` (outlet's country: {country[first]}) to `{last}` "
            f"(outlet's country: {country[last]}): {shifts}. These are differences between two texts of different "
            f"outlets, standpoints and topics: {number_word(len(documents))} documents from "
            f"{number_word(n_outlets)} outlets cannot tell a trend from an outlet's perspective, so no trend is "
            "claimed.")


def _percent_ci(row: pd.Series, tone: str) -> str:
    return ci_text(100 * row[f"{tone}_share"], 100 * row[f"{tone}_low"], 100 * row[f"{tone}_high"], 0) + "%"


def framing_finding(framing: pd.DataFrame, min_sentences: int = MIN_FRAMING_SENTENCES) -> str:
    """Bullet: which vector's sentences carry conflict and cooperation language most often, and
    whether the highest and lowest conflict shares are told apart by their Wilson intervals.

    ``framing``: ``vector_tone`` (pooled); only vectors named in ≥ ``min_sentences`` sentences compete.
    """
    conf = framing[framing["n_sentences"] >= min_sentences].set_index("vector")
    hi_conf, hi_coop = conf["conflict_share"].idxmax(), conf["cooperation_share"].idxmax()
    lo_conf = conf["conflict_share"].idxmin()
    separated = conf.loc[hi_conf, "conflict_low"] > conf.loc[lo_conf, "conflict_high"]
    verdict = ("have Wilson intervals that do not overlap: this difference survives." if separated
               else "have overlapping Wilson intervals: the difference is not clear.")
    return (f"- **Framing.** Sentences naming {vector_label(hi_conf)} carry conflict or risk language most often "
            f"({100 * conf.loc[hi_conf, 'conflict_share']:.0f}% of {int(conf.loc[hi_conf, 'n_sentences'])}); those "
            f"naming {vector_label(hi_coop)} carry cooperation language most often "
            f"({100 * conf.loc[hi_coop, 'cooperation_share']:.0f}% of {int(conf.loc[hi_coop, 'n_sentences'])}), among "
            f"the vectors named in at least {min_sentences} sentences. The conflict share of {vector_label(hi_conf)} "
            f"({_percent_ci(conf.loc[hi_conf], 'conflict')}) and of {vector_label(lo_conf)} "
            f"({_percent_ci(conf.loc[lo_conf], 'conflict')}) {verdict}")


def co_mention_finding(pairs: pd.DataFrame, names: dict[str, str] | pd.Series, centre: str = "kazakhstan") -> str:
    """Bullet: the centre's most frequent partner, and the most frequent pair without the centre.

    ``pairs``: ``co_mentions`` (sorted by sentences); ``names``: node id → name.
    """
    with_centre = pairs[(pairs["source"] == centre) | (pairs["target"] == centre)].iloc[0]
    partner = with_centre["target"] if with_centre["source"] == centre else with_centre["source"]
    other = pairs[(pairs["source"] != centre) & (pairs["target"] != centre)].iloc[0]
    return (f"- **Co-mentions.** {names[centre]} is named most often together with {names[partner]} "
            f"({with_centre['sentences']} sentences); the most frequent pair without {names[centre]} is "
            f"{names[other['source']]} and {names[other['target']]} ({other['sentences']} sentences).")


def events_finding(partner: pd.DataFrame, per_vector: pd.DataFrame) -> str:
    """Bullet: how many distinct partner events the texts report, and the vector with most.

    ``partner``: ``partner_events``; ``per_vector``: ``events_per_vector`` (first row wins a tie).
    """
    top = per_vector.sort_values(["total"], ascending=False).iloc[0]
    return (f"- **Events.** The texts report {partner['event_key'].nunique()} distinct visits, agreements and summits "
            f"with partners; most involve {vector_label(top['vector'])} ({top['total']}).")


def co_mention_legend(centre: str = "Kazakhstan", n_nodes: int = RING_NODES, min_spoke: int = MIN_SPOKE,
                      min_chord: int = MIN_CHORD) -> str:
    """How the co-mention network is drawn (the defaults of ``figures.co_mention_figure``)."""
    return (f"{centre} sits at the centre; the {n_nodes} most-named other nodes sit on the ring, grouped by vector "
            f"(colour); a spoke joins {centre} to a node named with it in at least {number_word(min_spoke)} "
            f"sentences, a chord joins two ring nodes named together in at least {number_word(min_chord)}, its width "
            "and label giving the number of sentences. Numbers in brackets: sentences naming the node.")


def tone_examples_text(examples: pd.DataFrame, width: int = 110) -> str:
    """Plain text: each example sentence (``tone_examples``) under a line naming its cell, document and terms."""
    blocks = []
    for row in examples.itertuples():
        head = f"[{row.vector} / {row.tone}] {row.doc_id}, sentence {row.sentence_id}; terms: {row.terms}"
        blocks.append(head + "\n" + textwrap.fill(row.sentence, width=width, initial_indent="    ",
                                                  subsequent_indent="    "))
    return "\n".join(blocks)


def events_per_vector_for_reading(per_vector: pd.DataFrame) -> pd.DataFrame:
    """``events_per_vector`` for reading: vectors by their names, columns labelled, "–" for a vector
    without events (no first or last year)."""
    out = per_vector.assign(vector=[vector_label(v) for v in per_vector["vector"]])
    for column in ("first_year", "last_year"):
        out[column] = [str(int(y)) if pd.notna(y) else "–" for y in out[column]]
    return readable_columns(out)
