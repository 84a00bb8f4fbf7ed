"""analysis.arithmetic (from consistency.py)."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from kzanalysis.analysis.agreement import CLAIM_KEY, growth_interval, intervals_overlap, previous_comparable
from kzanalysis.analysis.comparable import GROWTH_SUFFIX
from kzanalysis.analysis.formatting import format_amount
from kzanalysis.analysis.trade_claims import MULTIPLE_SUFFIX
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.evidence.precision import claim_intervals


def _check_row(doc: str, check: str, claim_ids: Iterable[str], stated: str, computed: str, verdict: str, note: str) -> dict:
    return {"doc_id": doc, "check": check, "claims": ";".join(claim_ids), "stated": stated,
            "computed": computed, "verdict": verdict, "note": note}


def arithmetic_checks(claims: pd.DataFrame) -> pd.DataFrame:
    """Arithmetic within each document, from its own claims.

    - growth multiple: a ``*_growth_multiple`` claim against the ratio of the latest to
      the earliest value of the level metric in the same document;
    - percent change: a ``*_growth`` claim against the level values of its period and the
      previous comparable period in the same document; where the document gives only the
      later value, the implied earlier value is reported (``not checkable``);
    - totals: ``exports`` + ``imports`` against ``trade_turnover`` for the same period;
    - repeats: the same key stated twice in one document with values that do not agree.

    Columns: doc_id, check (``growth multiple``, ``percent change``, ``total``,
    ``repeat``), claims (``;``-separated ids), stated, computed (readable strings),
    verdict (``consistent``, ``inconsistent``, ``not checkable``), note.
    """
    frame = claim_intervals(claims)
    rows = []
    for doc, mine in frame.groupby("doc_id", sort=True):
        for _, m in mine[mine["metric"].str.endswith(MULTIPLE_SUFFIX)].iterrows():
            base = m["metric"][:-len(MULTIPLE_SUFFIX)]
            levels = mine[(mine["metric"] == base) & (mine["subject"] == m["subject"]) & (mine["partner"] == m["partner"])]
            levels = levels[levels["period"] != ""].copy()
            if len(levels) < 2:
                rows.append(_check_row(doc, "growth multiple", [m["claim_id"]], format_amount(m["value"], m["unit"]), "", "not checkable",
                                       f"fewer than two {base} values in the document"))
                continue
            levels["start"] = [period_bounds(p)[0] for p in levels["period"]]
            first, last = levels.sort_values("start").iloc[0], levels.sort_values("start").iloc[-1]
            ratio = (last["low"] / first["high"], last["high"] / first["low"])
            ok = intervals_overlap(ratio, (m["low"], m["high"]))
            rows.append(_check_row(doc, "growth multiple", [m["claim_id"], first["claim_id"], last["claim_id"]],
                                   format_amount(m["value"], m["unit"]),
                                   f"×{last['value'] / first['value']:.1f} ({format_amount(last['value'], last['unit'])} / "
                                   f"{format_amount(first['value'], first['unit'])})",
                                   "consistent" if ok else "inconsistent",
                                   f"{base} {first['period']} → {last['period']}"))
        growth = mine[mine["metric"].str.endswith(GROWTH_SUFFIX) & (mine["unit"] == "percent")]
        for _, g in growth.iterrows():
            base = g["metric"][:-len(GROWTH_SUFFIX)]
            same = mine[(mine["metric"] == base) & (mine["subject"] == g["subject"]) & (mine["partner"] == g["partner"])]
            later = same[same["period"] == g["period"]]
            earlier = same[same["period"] == previous_comparable(g["period"])] if g["period"] else same.iloc[0:0]
            if len(later) and len(earlier):
                lv, ev = later.iloc[0], earlier.iloc[0]
                implied = growth_interval((ev["low"], ev["high"]), (lv["low"], lv["high"]))
                ok = intervals_overlap(implied, (g["low"], g["high"]))
                rows.append(_check_row(doc, "percent change", [g["claim_id"], ev["claim_id"], lv["claim_id"]],
                                       f"{g['value']:+g}%", f"{100 * (lv['value'] / ev['value'] - 1):+.1f}%",
                                       "consistent" if ok else "inconsistent", f"{base} {ev['period']} → {lv['period']}"))
            elif len(later):
                lv = later.iloc[0]
                previous = lv["value"] / (1 + g["value"] / 100)
                rows.append(_check_row(doc, "percent change", [g["claim_id"], lv["claim_id"]], f"{g['value']:+g}%",
                                       f"implies {base} {previous_comparable(g['period'])} = {format_amount(previous, lv['unit'])}",
                                       "not checkable", "the document gives no value for the earlier period"))
        for period in sorted(set(mine["period"]) - {""}):
            parts = {m: mine[(mine["metric"] == m) & (mine["period"] == period) & (mine["unit"] == "usd")]
                     for m in ("exports", "imports", "trade_turnover")}
            if all(len(p) for p in parts.values()):
                for partner in sorted(set(parts["trade_turnover"]["partner"])):
                    x = parts["exports"][parts["exports"]["partner"] == partner]
                    i = parts["imports"][parts["imports"]["partner"] == partner]
                    t = parts["trade_turnover"][parts["trade_turnover"]["partner"] == partner]
                    if len(x) and len(i):
                        x, i, t = x.iloc[0], i.iloc[0], t.iloc[0]
                        total = (x["low"] + i["low"], x["high"] + i["high"])
                        ok = intervals_overlap(total, (t["low"], t["high"]))
                        rows.append(_check_row(doc, "total", [t["claim_id"], x["claim_id"], i["claim_id"]],
                                               format_amount(t["value"], "usd"),
                                               f"{format_amount(x['value'] + i['value'], 'usd')} (exports + imports)",
                                               "consistent" if ok else "inconsistent", f"{partner or 'world'} {period}"))
        for key, same in mine.groupby(CLAIM_KEY + ["unit"], sort=True):
            if len(same) < 2:
                continue
            records = same.sort_values("claim_id").to_dict("records")
            first = records[0]
            for other in records[1:]:
                ok = intervals_overlap((first["low"], first["high"]), (other["low"], other["high"]))
                rows.append(_check_row(doc, "repeat", [first["claim_id"], other["claim_id"]],
                                       format_amount(first["value"], first["unit"]),
                                       format_amount(other["value"], other["unit"]), "consistent" if ok else "inconsistent",
                                       f"{key[1]} {key[2] or ''} {key[3] or '(no period)'}".replace("  ", " ")))
    return pd.DataFrame(rows, columns=["doc_id", "check", "claims", "stated", "computed", "verdict", "note"])
