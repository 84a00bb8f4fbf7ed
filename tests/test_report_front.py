"""Key findings are taken from the chapters' findings; passages and references are printed once."""
from __future__ import annotations

import pandas as pd

from kzanalysis.report.citations import agency_note, link_references
from kzanalysis.report.front import first_sentence, key_points, top_level_bullets
from kzanalysis.report.passages import claim_passages


def test_key_points_are_the_first_sentence_of_top_level_findings():
    markdown = ("- **Evenness.** Pooled, evenness 0.86 [0.80, 0.89]; the least even 0.55. More detail.\n"
                "- **Verdicts.**\n    - `c06` 10 bn USD. Matches\n"
                "- Of 18 claims, 6 match, e.g. Russia. The rest differ:\n  - nested\n"
                "- continued\n  over two lines. Yes.\n- fifth")
    assert top_level_bullets(markdown)[3] == "continued over two lines. Yes."
    assert key_points(markdown) == ["**Evenness.** Pooled, evenness 0.86 [0.80, 0.89]; the least even 0.55.",
                                    "Of 18 claims, 6 match, e.g. Russia.", "continued over two lines."]
    assert key_points(markdown, chosen=[4, 0]) == ["fifth", key_points(markdown)[0]]
    assert first_sentence("Totals: 5 bn USD. Then") == "Totals: 5 bn USD."
    assert first_sentence("A list follows:") == "A list follows."


def test_claims_close_together_share_one_passage():
    text = "First paragraph with claim one and claim two.\nSecond paragraph, claim three here."
    claims = pd.DataFrame({"claim_id": ["d-c01", "d-c02", "d-c03"], "doc_id": ["d"] * 3,
                           "start": [21, 35, 65], "end": [30, 44, 70]})
    passages = claim_passages(claims, {"d": text})
    assert [list(p) for p in passages["claim_ids"]] == [["d-c01", "d-c02"], ["d-c03"]]
    assert list(passages["start"]) == [0, text.index("Second")]


def test_a_source_without_a_named_agency_is_cited_by_who_gave_the_figure():
    assert agency_note("not named by the source (figure given by Minister X)", "Qazaq TV") == "figure given by Minister X"
    assert agency_note("Bureau of National Statistics", "stat.gov.kz") == "figures of Bureau of National Statistics"
    assert agency_note("Qazaq TV", "Qazaq TV") == ""


def test_row_references_become_links_only_in_text_and_only_when_known():
    anchors = {"f27": "ref-R3", "t012": "ref-R9"}
    fragment = '<p>facts.csv f27 and t012, not f99 nor xf27</p><a href="#f27">f27</a><code class="t012">t012</code>'
    linked = link_references(fragment, anchors)
    assert '<a class="ref" href="#ref-R3">facts.csv f27</a>' in linked
    assert '<a class="ref" href="#ref-R9">t012</a>' in linked
    assert "f99" in linked and "xf27" in linked and linked.count('href="#ref-') == 3
    assert '<a href="#f27">f27</a>' in linked and 'class="t012"' in linked


def test_seed_text_is_never_linked_as_a_reference_row():
    anchors = {"f16": "ref-R1"}
    fragment = ('<p>see f16</p><li><q>the jets … f16 … fly</q></li>'
                '<td>doc-c01: “bought an f1<wbr>6 and f16”</td><td>f16</td>')
    linked = link_references(fragment, anchors)
    assert linked.count('href="#ref-R1"') == 2
    assert "<q>the jets … f16 … fly</q>" in linked and "“bought an f1<wbr>6 and f16”" in linked
