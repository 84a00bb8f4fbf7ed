"""Tables and sentences for the reader of notebook 03 (trade), built from analysis outputs.

Every function takes DataFrames of ``trade_series``, ``trade_checks``, ``trade_gaps`` and
``implied`` and returns a readable table or a short Markdown string, so that a number stated
in the narrative is always the number computed.
"""
from __future__ import annotations

import math

import pandas as pd

from kzanalysis.analysis.factcheck import FACTCHECK_VERDICTS
from kzanalysis.analysis.formatting import (
    billions,
    difference_text,
    format_amount,
    format_number,
    formula_for_reading,
    is_place_held_by_another,
)
from kzanalysis.analysis.implied import literal
from kzanalysis.analysis.trade_checks import latest_official
from kzanalysis.analysis.trade_series import HOME_REPORTER, REST_OF_WORLD, SHARE_BASES, WORLD, partner_label
from kzanalysis.evidence.precision import in_interval, stated_interval
from kzanalysis.gazetteer.vectors import vector_label


def _pct(x: float, digits: int = 0) -> str:
    """A share (fraction) in percent, rounded to ``digits`` decimals, through the one number formatter."""
    return "–" if x is None or math.isnan(x) else format_number(round(x, digits + 2), "share")


def turnover_for_reading(preferred: pd.DataFrame) -> pd.DataFrame:
    """Full-year turnover per partner (rows) and year (columns), bn USD as text.

    Kazakhstan's statistics as ``24.52``; a year with only the partner's own (mirror) figure is
    labelled ``25.0 (partner's)`` so that a change of reporter is never read as a change of trade;
    ``–`` where the table has no figure.
    """
    rows = preferred[(preferred["flow"] == "turnover") & (preferred["partner"] != WORLD)]
    text = [f"{billions(v):.2f}" if r == HOME_REPORTER else f"{billions(v):.2f} (partner's)"
            for v, r in zip(rows["value"], rows["reporter"])]
    wide = rows.assign(text=text).pivot(index="partner", columns="year", values="text").fillna("–")
    wide.index = [partner_label(p) for p in wide.index]
    return wide.rename_axis("Partner (bn USD)").reset_index()


def trade_checks_for_reading(checks: pd.DataFrame) -> pd.DataFrame:
    """``trade_factcheck`` for reading: Claim, Stated, Reference (period), Difference, Verdict."""
    return pd.DataFrame({
        "Claim": checks["claim_id"],
        "Stated": [format_amount(v, u) for v, u in zip(checks["value"], checks["unit"])],
        "Reference (period)": [f"{format_amount(v, u)} ({p or 'no period'})" if not math.isnan(v) else "–"
                               for v, u, p in zip(checks["reference_value"], checks["unit"], checks["reference_period"])],
        "Difference": [difference_text(v - r, d, u) if not math.isnan(r) else "–" for v, r, d, u in
                       zip(checks["value"], checks["reference_value"], checks["relative_difference"], checks["unit"])],
        "Verdict": checks["verdict"],
    })


def verdict_sentence(checks: pd.DataFrame) -> str:
    """How the checkable trade claims fare (Markdown), verdicts in ``FACTCHECK_VERDICTS`` order."""
    counts = checks["verdict"].value_counts()
    parts = [f"{v} {counts[v]}" for v in FACTCHECK_VERDICTS if counts.get(v, 0)]
    return f"Verdicts on the **{len(checks)} checkable trade claims**: " + ", ".join(parts) + "."


def largest_difference_lines(biggest: pd.DataFrame) -> list[str]:
    """Markdown list items: each of the largest differences with its reference."""
    def line(r) -> str:
        stated = (f"- {r.claim_id}: {format_amount(r.value, r.unit)} for "
                  f"{partner_label(r.partner) if r.partner else 'all partners'} {r.period or '(no period)'}")
        if is_place_held_by_another(r.value, r.reference_value, r.unit):
            return f"{stated}, a place the reference gives to another partner ({r.reference_id})"
        return (f"{stated} against {format_amount(r.reference_value, r.unit)} "
                f"({difference_text(r.value - r.reference_value, r.relative_difference, r.unit)}; {r.reference_id})")
    return [line(r) for r in biggest.itertuples()]


def implied_lines(implied: pd.DataFrame, claims: pd.DataFrame, econ: pd.DataFrame, preferred: pd.DataFrame) -> list[str]:
    """Markdown list items: stated multiples against their endpoints, and stated targets against the latest levels."""
    lines = []
    multiple = implied[implied["kind"] == "multiple from stated endpoints"]
    by_id = claims.set_index("claim_id")
    for m in multiple.itertuples():
        s = by_id.loc[m.claim_ids.split(";")[0]]
        inside = in_interval(m.value, stated_interval(s["value"], s["quote"], s["qualifier"]))
        lines.append(f"- The stated {format_amount(s['value'], 'multiple')} against {formula_for_reading(m.formula)} = "
                     f"{format_amount(round(m.value, 2), 'multiple')}: "
                     f"{'inside' if inside else 'outside'} the stated figure's rounding interval.")
    targets = econ[econ["metric"] == "trade_turnover_target"].drop_duplicates(["partner", "value"])
    for t in targets.itertuples():
        needed = implied[(implied["kind"] == "increase needed for target") & (implied["partner"] == t.partner)
                         & implied["formula"].str.startswith(f"({literal(t.value)} /")]
        line = f"- The {t.stated} target for {partner_label(t.partner)}"
        if len(needed):
            line += f" is {needed['value'].iloc[0]:.0f}% above the latest stated level ({needed['period'].iloc[0]})"
        official = latest_official(preferred, t.partner)
        if official:
            line += (f"{' and' if len(needed) else ' is'} {100 * (t.value / official[1] - 1):.0f}% above the latest "
                     f"official figure ({format_amount(official[1], 'usd')} in {official[0]})")
        lines.append(line + ".")
    return lines


def concentration_sentence(hhi: pd.DataFrame, basis: str) -> str:
    """The latest year's largest partner and HHI (Markdown)."""
    last = hhi.iloc[-1]
    text = (f"In {int(last['year'])} the largest partner in the table is {partner_label(last['top_partner'])} "
            f"({_pct(last['top_share'], 1)} of {SHARE_BASES[basis]}); ")
    if basis == "total":
        return text + (f"the {int(last['n_partners'])} partners in the table cover {_pct(last['covered_share'])} of "
                       f"the total, and their HHI is {last['hhi_points']:,.0f} points (a lower bound).")
    return text + (f"the HHI among the {int(last['n_partners'])} partners in the table is {last['hhi_points']:,.0f} "
                   "points; without Kazakhstan's total no bound on the true index can be computed.")


def discourse_sentence(comparison: pd.DataFrame, year: int, basis: str) -> str:
    """Over- and under-discussed vectors with their attention and trade shares (Markdown)."""
    def item(r) -> str:
        return (f"{vector_label(r.vector)} ({_pct(r.attention_share)} of attention, {_pct(r.trade_share, 1)} of trade, "
                f"×{r.ratio:.2f})")
    over = comparison[comparison["reading"] == "over-discussed"].sort_values("ratio", ascending=False)
    under = comparison[comparison["reading"] == "under-discussed"].sort_values("ratio")
    none = comparison.loc[comparison["reading"] == "no trade figure", "vector"]
    rest = comparison.loc[comparison["vector"] == REST_OF_WORLD, "trade_share"].sum()
    text = (f"Against {SHARE_BASES[basis]} in {year}: over-discussed " + (", ".join(map(item, over.itertuples())) or "none")
            + "; under-discussed " + (", ".join(map(item, under.itertuples())) or "none")
            + "; no trade figure in the table: " + (", ".join(vector_label(v) for v in none) or "none") + ".")
    if basis == "total":
        text += f" {_pct(rest)} of Kazakhstan's trade is with partners outside the table."
    return text


def gaps_for_reading(gaps: pd.DataFrame) -> pd.DataFrame:
    """``gap_sensitivity`` with readable labels: ratio and reading per scenario, and whether it flips."""
    def cell(ratio: float, reading: str) -> str:
        return reading if math.isnan(ratio) else f"{reading} (×{ratio:.2f})"
    out = pd.DataFrame({"Vector": [vector_label(v) for v in gaps["vector"]]})
    for scenario, label in [("as_is", "Gap left"), ("low", "Lowest figure"), ("high", "Highest figure")]:
        out[label] = [cell(r, g) for r, g in zip(gaps[f"ratio_{scenario}"], gaps[f"reading_{scenario}"])]
    out["Reading flips"] = gaps["flips"].map({True: "yes", False: "no"})
    return out


def gaps_sentence(gaps: pd.DataFrame, missing: pd.DataFrame, year: int) -> str:
    """Which readings hang on the missing partner-years (Markdown). ``missing``: ``absent_partners``."""
    if not len(missing):
        return f"No partner of the table is missing for {year}: no reading depends on a gap."
    who = ", ".join(f"{partner_label(p)} (figure for {y})" for p, y in zip(missing["partner"], missing["nearest_year"]))
    flips = [vector_label(v) for v in gaps.loc[gaps["flips"], "vector"]]
    return (f"Missing for {year}: {who}. With each imputed at its lowest and highest figure in the table, "
            + (f"the reading flips for {', '.join(flips)}: that comparison hangs on the gap."
               if flips else "no vector's reading changes."))


def implied_vs_for_reading(implied_vs: pd.DataFrame) -> pd.DataFrame:
    """``implied_against_reference`` for reading: claims, period, derived value, official value, difference, source."""
    return pd.DataFrame({
        "Claims": implied_vs["claim_ids"], "Period": implied_vs["period"],
        "Derived": [format_amount(v, u, digits=4) for v, u in zip(implied_vs["value"], implied_vs["unit"])],
        "Official": [format_amount(v, u, digits=4) for v, u in zip(implied_vs["reference_value"], implied_vs["unit"])],
        "Difference": [difference_text(d, r, u) for d, r, u in
                       zip(implied_vs["difference"], implied_vs["relative_difference"], implied_vs["unit"])],
        "Source": implied_vs["reference_source"]})


def shares_for_reading(shares: pd.DataFrame) -> pd.DataFrame:
    """``partner_shares`` for reading: partner, year, turnover and denominator (bn USD), share (%)."""
    return pd.DataFrame({"Partner": [partner_label(p) for p in shares["partner"]], "Year": shares["year"],
                         "Turnover (bn USD)": billions(shares["value"]).round(2),
                         "Denominator (bn USD)": billions(shares["total"]).round(2),
                         "Share (%)": (100 * shares["share"]).round(1)})


def hhi_for_reading(hhi: pd.DataFrame) -> pd.DataFrame:
    """``concentration_by_year`` for reading (shares in %, HHI in points)."""
    return pd.DataFrame({"Year": hhi["year"], "Partners": hhi["n_partners"],
                         "Partners covered": [", ".join(partner_label(p) for p in s.split(";")) for s in hhi["partners"]],
                         "Covered share (%)": (100 * hhi["covered_share"]).round(1),
                         "HHI (points)": hhi["hhi_points"].round(0),
                         "Largest partner": [partner_label(p) for p in hhi["top_partner"]],
                         "Its share (%)": (100 * hhi["top_share"]).round(1)})


def comparison_for_reading(comparison: pd.DataFrame) -> pd.DataFrame:
    """``discourse_vs_trade`` for reading: attention and trade shares (%), difference (points), ratio, reading."""
    return pd.DataFrame({"Vector": [vector_label(v) if v != REST_OF_WORLD else "rest of the world"
                                    for v in comparison["vector"]],
                         "Mentions": comparison["mentions"],
                         "Attention (%)": (100 * comparison["attention_share"]).round(1),
                         "Trade (%)": (100 * comparison["trade_share"]).round(1),
                         "Difference (points)": (100 * comparison["difference"]).round(1),
                         "Ratio": comparison["ratio"].round(2), "Reading": comparison["reading"]})


def absent_for_reading(absent: pd.DataFrame) -> pd.DataFrame:
    """``absent_partners`` for reading: partner, the year of its nearest figure, that figure (bn USD)."""
    return pd.DataFrame({"Partner": [partner_label(p) for p in absent["partner"]],
                         "Nearest year with a figure": absent["nearest_year"],
                         "Turnover that year (bn USD)": billions(absent["value"]).round(2)})


def vector_shares_for_reading(by_year: pd.DataFrame) -> pd.DataFrame:
    """``vector_shares_by_year`` in percent with readable vector labels (rows) and years (columns)."""
    out = (100 * by_year).round(1)
    out.index = [vector_label(v) if v != REST_OF_WORLD else "rest of the world" for v in out.index]
    return out.rename_axis("Vector (% of trade)")
