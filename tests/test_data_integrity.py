"""The curated tables hold together: quotes at their offsets, ids unique and known."""
from __future__ import annotations

from kzanalysis.corpus.sources import load_texts
from kzanalysis.evidence.claims import event_actors, load_claims, load_events
from kzanalysis.evidence.periods import period_bounds
from kzanalysis.evidence.reference import load_facts
from kzanalysis.gazetteer.actors import load_actors, load_aliases
from kzanalysis.io.paths import project_root
from kzanalysis.pipeline.check import check_all


def test_kzanalysis_check_finds_no_problem():
    assert [str(p) for p in check_all()] == []


def test_every_claim_and_event_quote_is_found_at_its_offsets():
    texts = load_texts()
    for table in (load_claims(), load_events()):
        for row in table.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.quote, row


def test_ids_are_unique():
    assert load_claims()["claim_id"].is_unique
    assert load_events()["event_id"].is_unique
    assert load_actors()["actor_id"].is_unique


def test_every_referenced_actor_exists():
    known = set(load_actors()["actor_id"])
    claims = load_claims()
    assert set(claims["subject"]) <= known
    assert set(claims["partner"].replace("", None).dropna()) <= known
    assert set(event_actors(load_events())["actor_id"]) <= known
    assert set(load_aliases()["actor_id"]) <= known


def test_values_parse_in_their_units():
    claims = load_claims()
    assert claims["value"].notna().all()
    money = claims[claims["unit"] == "usd"]
    assert (money["value"] >= 1e5).all(), "money is in plain dollars, not billions"
    ranks = claims[claims["unit"] == "rank"]
    assert ((ranks["value"] >= 1) & (ranks["value"] % 1 == 0)).all()


def test_periods_and_dates_are_real():
    for period in load_claims()["period"]:
        if period:
            period_bounds(period)
    for value in load_events()["date"]:
        period_bounds(value)


def test_corpus_is_large_enough_for_the_analysis():
    assert len(load_claims()) > 60
    assert len(load_events()) > 40


def test_every_metric_in_use_is_documented_in_the_data_dictionary():
    """The metric vocabulary is the key of consistency analysis: every metric of claims.csv
    and facts.csv must be listed (in backticks) in data/README.md."""
    dictionary = (project_root() / "data" / "README.md").read_text(encoding="utf-8")
    used = set(load_claims()["metric"]) | set(load_facts()["metric"])
    missing = sorted(m for m in used if f"`{m}`" not in dictionary)
    assert not missing, f"metrics missing from data/README.md: {missing}"
