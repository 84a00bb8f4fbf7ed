"""Merge the reference research of issue 14 (``data/reference/research/``) into the project's tables.

Ran once (2026-12-03); committed for provenance, **not to be run again**: rows curated after the merge
(e.g. facts f146, f147, corrected keys and links, extended searches) exist only in the tables and would be
lost. It refuses to run when the tables are already merged (``ref_id`` column present) unless ``--force``.

Writes (atomically, through ``kzanalysis.io``):

- ``data/reference/trade.csv``: ``ref_id`` (old line N → ``t{N-1:03d}``; research rows ``t078``…), ``tier``,
  ``published``, ``accessed``, ``definition`` and ``locator`` instead of the ambiguous ``date``; new trade rows
  from the research, deduplicated (same partner, year, months, flow, reporter, value and url);
- ``data/reference/facts.csv``: the same columns; research facts ``f56``…; event dates moved out;
- ``data/reference/dates.csv``: event-date references ``d01``… (the former ``event_date`` facts first);
- ``data/reference/claim_checks.csv``, ``event_checks.csv``, ``searches.csv``: the researchers' curation with
  every reference id translated to the table ids.

Key fixes of issue 14 (one metric key, one definition) are applied here too (``FACT_FIXES``), so that the
merge and the fixes are one reproducible step.
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kzanalysis.io.files import write_text_atomic  # noqa: E402

REF = ROOT / "data" / "reference"
RESEARCH = REF / "research"
LEGACY_TRADE = 77  # rows of the old trade.csv (lines 2..78)
LEGACY_FACTS = 55  # f01..f55

TRADE_COLUMNS = ["ref_id", "partner", "year", "months", "flow", "value", "reporter", "definition", "agency",
                 "publisher", "title", "url", "published", "accessed", "tier", "locator", "note"]
FACT_COLUMNS = ["fact_id", "subject", "metric", "partner", "period", "period_precision", "value", "unit",
                "definition", "agency", "publisher", "title", "url", "published", "accessed", "tier", "locator",
                "note"]
DATE_COLUMNS = ["ref_id", "subject", "partner", "event", "date", "date_precision", "agency", "publisher", "title",
                "url", "published", "accessed", "tier", "locator", "note"]
CLAIM_CHECK_COLUMNS = ["claim_id", "checkable", "checkable_reason", "reference_ids", "reviewer_verdict",
                       "reviewer_note"]
EVENT_CHECK_COLUMNS = ["event_id", "checkable", "checkable_reason", "reference_ids", "reviewer_verdict",
                       "reviewer_note"]
SEARCH_COLUMNS = ["item_id", "looked_for", "where", "why_nothing"]

#: What the former ``event_date`` facts date, in words (their notes say it; the research gives no column).
LEGACY_EVENTS = {
    "f46": "Kazakhstan becomes the 162nd member of the WTO",
    "f47": "EU–Kazakhstan Enhanced Partnership and Cooperation Agreement signed in Astana",
    "f48": "Kazakhstan assumes the OSCE chairmanship",
    "f49": "38th OIC Council of Foreign Ministers in Astana (Kazakhstan's chairmanship begins)",
    "f51": "Tokayev arrives in Ankara on a state visit to Türkiye",
    "f52": "Xi Jinping arrives in Kazakhstan on a state visit",
    "f53": "sixth CICA summit in Astana",
    "f54": "Nazarbayev announces his resignation",
    "f55": "Tokayev elected president in the snap election",
}

#: Facts that also date an event: copied to dates.csv so that event checks can use them.
DATE_COPIES = {"f50": "Kazakhstan's two-year non-permanent UN Security Council term begins (2017–2018)"}

#: Issue 14 key fixes: fact id → new values (with the reason appended to the note).
FACT_FIXES = {
    "f01": {"metric": "fx_reserves_nbk"},
    "f02": {"metric": "fx_reserves_total"},
    "f03": {"metric": "fx_reserves_total"},
    "f04": {"metric": "fx_reserves_total"},
    "f05": {"metric": "national_fund_assets"},
    # partner-reported (mirror) figures keyed apart from Kazakhstan's own statistics
    "f22": {"metric": "trade_turnover_growth_mirror"},
    "f39": {"metric": "imports_mirror"},
    "f40": {"metric": "imports_growth_mirror"},
    "f21": {"metric": "financing_cumulative", "period": "1995/2024-03", "period_precision": "range",
            "_why": "keyed as cumulative since IsDB membership (1995) to the statement, not a single approval"},
    "f30": {"period": "2022", "period_precision": "year",
            "_why": "period = the year the rank describes (2022, the latest full year and the turnover it is "
                    "stated next to), not the date of the statement (2023-09)"},
    "f36": {"period": "2023-01/2023-06", "period_precision": "range",
            "_why": "period = the data the rank describes (January–June 2023, the turnover the same article "
                    "gives), not the date of the statement (2023-09)"},
}
#: Research rows re-keyed on merge (mapping notes of the earlier session, checked against the files).
RESEARCH_FIXES = {
    # "exceeded $5 billion": a lower bound, not a value
    "u-r53": {"kind": "fact", "metric": "trade_turnover_lower_bound"},
    # January–October 2021 with the reporter unstated: a part-year fact, not a trade row
    "u-r12": {"kind": "fact", "period": "2021-01/2021-10", "period_precision": "range"},
    # Ortcom quotes the Kazakh side (Kazakh PM's office)
    "u-r11": {"reporter": "kazakhstan"},
    # "will reach 30 years next February": keyed by the date it describes, not the date of the statement
    "o-r38": {"period": "2023-02", "period_precision": "month"},
    # a cumulative total, not one approval
    "u-r30": {"metric": "financing_cumulative"},
}
VERDICT_WORDS = {"holds_month_only": "holds to the month", "not_checkable": "not checkable",
                 "period_mismatch": "period mismatch", "definition_mismatch": "definition mismatch"}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, rows: list[dict], columns: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    changed = write_text_atomic(path, buffer.getvalue())
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows{' (written)' if changed else ' (unchanged)'}")


def number(text: str) -> str:
    """A value as the tables write it (integers without '.0')."""
    value = float(text)
    return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)


def with_note(row: dict, why: str) -> None:
    if why and why not in row["note"]:
        row["note"] = f"{row['note']}; {why}" if row["note"] else why


# --- the existing rows -------------------------------------------------------------------------------

def legacy_tiers() -> dict[tuple[str, int], dict[str, str]]:
    return {(r["file"], int(r["line"])): r for r in read(RESEARCH / "tiers.csv")}


def base_trade() -> list[dict]:
    rows = read(REF / "trade.csv")
    if "ref_id" in rows[0]:  # already merged: keep the former rows as they are
        return [r for r in rows if int(r["ref_id"][1:]) <= LEGACY_TRADE]
    tiers = legacy_tiers()
    out = []
    for i, row in enumerate(rows):
        line = i + 2
        t = tiers[("trade", line)]
        out.append({**row, "ref_id": f"t{line - 1:03d}", "tier": t["tier"], "published": t["published"],
                    "accessed": t["accessed"], "definition": t["definition"], "locator": ""})
    return out


def base_facts_and_dates() -> tuple[list[dict], list[dict]]:
    rows = read(REF / "facts.csv")
    if "tier" in rows[0]:
        dates = [r for r in read(REF / "dates.csv") if "formerly facts.csv" in r["note"]]
        return [r for r in rows if int(r["fact_id"][1:]) <= LEGACY_FACTS], dates
    tiers = legacy_tiers()
    facts, dates = [], []
    for i, row in enumerate(rows):
        t = tiers[("facts", i + 2)]
        row = {**row, "tier": t["tier"], "published": t["published"], "accessed": t["accessed"],
               "definition": t["definition"], "locator": ""}
        if row["metric"] == "event_date":
            dates.append({"ref_id": "", "subject": row["subject"], "partner": row["partner"],
                          "event": LEGACY_EVENTS[row["fact_id"]], "date": row["period"],
                          "date_precision": row["period_precision"], "agency": row["agency"],
                          "publisher": row["publisher"], "title": row["title"], "url": row["url"],
                          "published": row["published"], "accessed": row["accessed"], "tier": row["tier"],
                          "locator": "", "note": f"formerly facts.csv {row['fact_id']}; {row['note']}"})
        else:
            facts.append(row)
    for row in facts:
        fix = FACT_FIXES.get(row["fact_id"], {})
        row.update({k: v for k, v in fix.items() if not k.startswith("_")})
        with_note(row, fix.get("_why", ""))
    for fact_id, event in DATE_COPIES.items():  # a fact that also dates an event: the date, from the same source
        row = next(r for r in facts if r["fact_id"] == fact_id)
        dates.append({"ref_id": "", "subject": row["subject"], "partner": row["partner"], "event": event,
                      "date": row["period"], "date_precision": row["period_precision"],
                      **{c: row[c] for c in ("agency", "publisher", "title", "url", "published", "accessed", "tier",
                                             "locator")},
                      "note": f"formerly facts.csv {fact_id} (the fact stays there); {row['note']}"})
    for n, row in enumerate(dates, 1):
        row["ref_id"] = f"d{n:02d}"
    return facts, dates


# --- the research rows -------------------------------------------------------------------------------

def research_references() -> list[dict]:
    rows = []
    for folder in ("unattributed", "others", "events", "trade"):
        for row in read(RESEARCH / folder / "references.csv"):
            row.update(RESEARCH_FIXES.get(row["ref_id"], {}))
            rows.append(row)
    return rows


def merge() -> None:
    trade, (facts, dates) = base_trade(), base_facts_and_dates()
    legacy_fact_ids = {r["fact_id"] for r in facts}
    moved = {r["note"].split(";")[0].split()[-1]: r["ref_id"] for r in dates
             if "(the fact stays there)" not in r["note"]}  # fNN → dNN
    ids: dict[str, str] = {}  # research id → table id
    trade_key = {(r["partner"], r["year"], r["months"], r["flow"], r["reporter"], number(r["value"]), r["url"]):
                 r["ref_id"] for r in trade}
    fact_key: dict[tuple, str] = {}
    date_key = {(r["subject"], r["partner"], r["date"], r["url"]): r["ref_id"] for r in dates}
    for ref in research_references():
        rid = ref["ref_id"]
        if ref["kind"] == "trade":
            reporter = ref["reporter"]
            if not reporter:
                raise SystemExit(f"{rid}: trade row without a reporter")
            row = {"partner": ref["partner"] or "world", "year": ref["period"][:4], "months": ref["months"],
                   "flow": ref["flow"], "value": number(ref["value"]), "reporter": reporter,
                   **{c: ref[c] for c in ("definition", "agency", "publisher", "title", "url", "published",
                                          "accessed", "tier", "locator")}, "note": ref["note"]}
            key = (row["partner"], row["year"], row["months"], row["flow"], row["reporter"], row["value"], row["url"])
            if key not in trade_key:
                row["ref_id"] = f"t{len(trade) + 1:03d}"
                trade.append(row)
                trade_key[key] = row["ref_id"]
            ids[rid] = trade_key[key]
        elif ref["metric"] == "event_date":
            row = {"subject": ref["subject"], "partner": ref["partner"], "event": ref["definition"],
                   "date": ref["period"], "date_precision": ref["period_precision"],
                   **{c: ref[c] for c in ("agency", "publisher", "title", "url", "published", "accessed", "tier",
                                          "locator", "note")}}
            key = (row["subject"], row["partner"], row["date"], row["url"])
            if key not in date_key:
                row["ref_id"] = f"d{len(dates) + 1:02d}"
                dates.append(row)
                date_key[key] = row["ref_id"]
            ids[rid] = date_key[key]
        else:
            row = {c: ref[c] for c in FACT_COLUMNS if c in ref}
            row.update(value=number(ref["value"]))
            if ref["flow"]:  # a trade figure kept as a fact (part-year without reporter, or a lower bound)
                with_note(row, f"research row {rid}: {ref['flow']}, reporter {ref['reporter'] or 'not stated'}")
            key = (row["subject"], row["metric"], row["partner"], row["period"], row["value"], row["unit"], row["url"])
            if key not in fact_key:
                row["fact_id"] = f"f{LEGACY_FACTS + len(fact_key) + 1:02d}"
                facts.append(row)
                fact_key[key] = row["fact_id"]
            ids[rid] = fact_key[key]

    def table_id(ref: str) -> str:
        ref = ref.strip()
        if ref.startswith("trade:"):
            return f"t{int(ref.split(':')[1]) - 1:03d}"
        if ref in moved:
            return moved[ref]
        if ref in legacy_fact_ids:
            return ref
        if ref in ids:
            return ids[ref]
        raise SystemExit(f"unknown reference id {ref!r} in the research files")

    copies = {r["note"].split()[2]: r["ref_id"] for r in dates if "(the fact stays there)" in r["note"]}

    def checks(folder: str, key: str) -> list[dict]:
        out = []
        for row in read(RESEARCH / folder / f"{'event' if key == 'event_id' else 'claim'}_checks.csv"):
            refs = [table_id(r) for r in row["reference_ids"].split(";") if r.strip()]
            if key == "event_id":  # an event is checked against dates
                refs = [copies.get(r, r) for r in refs]
            note = row["explanation"] + (f" (note: {row['notes']})" if row["notes"] else "")
            out.append({key: row[key], "checkable": "true" if row["checkable"] == "yes" else "false",
                        "checkable_reason": row["checkable_reason"],
                        "reference_ids": ";".join(dict.fromkeys(refs)),
                        "reviewer_verdict": VERDICT_WORDS.get(row["verdict"], row["verdict"]),
                        "reviewer_note": note})
        return out

    claim_checks = sorted(checks("unattributed", "claim_id") + checks("others", "claim_id"),
                          key=lambda r: r["claim_id"])
    event_checks = sorted(checks("events", "event_id"), key=lambda r: r["event_id"])
    searches = []
    for folder in ("unattributed", "others", "events"):
        for row in read(RESEARCH / folder / "searches.csv"):
            item = row.get("claim_id") or row.get("event_id")
            searches.append({"item_id": item, **{c: row[c] for c in SEARCH_COLUMNS[1:]}})
    for row in read(RESEARCH / "trade" / "searches.csv"):
        detail = row["period"][4:].strip()
        looked = row["looked_for"] + (f" ({detail})" if detail else "")
        searches.append({"item_id": f"trade:{row['partner']}:{row['period'][:4]}", "looked_for": looked,
                         "where": row["where"], "why_nothing": row["why_nothing"]})
    searches.sort(key=lambda r: (r["item_id"], r["looked_for"]))
    apply_check_fixes(claim_checks, event_checks, table_id)

    write(REF / "trade.csv", trade, TRADE_COLUMNS)
    write(REF / "facts.csv", facts, FACT_COLUMNS)
    write(REF / "dates.csv", dates, DATE_COLUMNS)
    write(REF / "claim_checks.csv", claim_checks, CLAIM_CHECK_COLUMNS)
    write(REF / "event_checks.csv", event_checks, EVENT_CHECK_COLUMNS)
    write(REF / "searches.csv", searches, SEARCH_COLUMNS)


#: Curation fixes found while calibrating: claim or event id → ("add" | "only", research ids of references).
CHECK_FIXES: dict[str, tuple[str, list[str]]] = {
    # "the 30th anniversary of its independence": the independence date itself, so that the years can be counted
    "ankasam-2022-c03": ("add", ["e-r01"]),
    # "the 3rd meeting of the High Level Strategic Cooperation Council": identified with the 3rd meeting
    # (Ankara, 13 September 2018), not with the May 2022 visit (e-r05) or the 4th meeting (e-r18), which stay
    # context in the reviewer's note
    "unattributed-2022-e16": ("only", ["e-r06", "e-r07"]),
    # linked dates of *other* events, kept by the researchers as context (their note names them): the event
    # itself was not found, so it has no reference date (searches.csv records the search)
    "unattributed-2022-e07": ("only", []),  # the visit's talks, not the investment forum
    "unattributed-2022-e10": ("only", []),  # a July 2022 meeting, not a March 2022 approval
    "unattributed-2022-e22": ("only", []),  # the 12 Oct signing of six agreements; the named MoU not among them
    "uskenergy-2024-e07": ("only", []),  # a 2023 announcement of assembly in Kazakhstan, not entry into service
}


def apply_check_fixes(claim_checks: list[dict], event_checks: list[dict], table_id) -> None:
    for row in claim_checks + event_checks:
        item = row.get("claim_id") or row.get("event_id")
        if item not in CHECK_FIXES:
            continue
        how, ids = CHECK_FIXES[item]
        refs = [r for r in row["reference_ids"].split(";") if r] if how == "add" else []
        row["reference_ids"] = ";".join(dict.fromkeys(refs + [table_id(r) for r in ids]))


if __name__ == "__main__":
    header = (Path(__file__).resolve().parents[1] / "data/reference/trade.csv").read_text(encoding="utf-8")
    if header.startswith("ref_id,") and "--force" not in sys.argv:
        raise SystemExit("data/reference/ is already merged; rows curated since would be lost (see the docstring)")
    merge()
