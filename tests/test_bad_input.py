"""Malformed input: each case gives a clear message naming file, line and field.

Every test breaks one thing in a temporary copy of the project and asserts the problem
that ``check_all`` reports (the same list ``kzanalysis check`` prints).
"""
from __future__ import annotations

import csv
import hashlib
import io

import pytest
from conftest import ROOT, rewrite

from kzanalysis.io.errors import DataError
from kzanalysis.pipeline.check import check_all

SEED = "000_33f5674148b516a3.txt"
ROOT_DERIVED = ROOT / "data" / "derived"  # copies hold no derived tables: the committed verdicts


def messages(root) -> list[str]:
    return [str(p) for p in check_all(root)]


def only(root, *needles: str) -> str:
    """The single problem message containing every needle (fails if none or several)."""
    found = [m for m in messages(root) if all(n in m for n in needles)]
    assert len(found) == 1, f"expected one problem with {needles}, got {found or messages(root)}"
    return found[0]


def set_hash(root, name: str) -> None:
    digest = hashlib.sha256((root / "seeds" / name).read_bytes()).hexdigest()
    path = root / "seeds" / "sources.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows[1:]:
        if row[1] == name:
            row[2] = digest
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def edit_csv(path, row_index: int, column: str, value: str) -> int:
    """Set one cell of a CSV (row_index 0 = first data row); return its line number."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    rows[row_index + 1][rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return row_index + 2


def test_clean_project_has_no_problems(project):
    assert messages(project) == []


def test_missing_seed_file(project):
    (project / "seeds" / SEED).unlink()
    msg = only(project, "seeds/sources.csv", "line 2", "field 'file'")
    assert "does not exist" in msg


def test_empty_seed(project):
    (project / "seeds" / SEED).write_bytes(b"")
    assert "file is empty" in only(project, f"seeds/{SEED}", "empty")


def test_binary_seed(project):
    (project / "seeds" / SEED).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in only(project, f"seeds/{SEED}", "NUL")


def test_latin1_seed_names_the_line(project):
    path = project / "seeds" / SEED
    path.write_bytes(b"First line\nSecond line with caf\xe9\n")
    msg = only(project, f"seeds/{SEED}, line 2", "not valid UTF-8")
    assert "Latin-1" in msg


def test_seed_with_byte_order_mark(project):
    path = project / "seeds" / SEED
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "byte-order mark" in only(project, f"seeds/{SEED}, line 1")


def test_changed_seed_is_detected_by_hash(project):
    rewrite(project / "seeds" / SEED, "17 fold", "18 fold")
    msg = only(project, "seeds/sources.csv", "field 'sha256'")
    assert "has changed" in msg


def test_seed_without_metadata_row(project):
    (project / "seeds" / "005_new.txt").write_text("A new text about Kazakhstan.\n", encoding="utf-8")
    assert "no metadata row" in only(project, "seeds/005_new.txt")


def test_duplicate_doc_id(project):
    line = edit_csv(project / "seeds" / "sources.csv", 1, "doc_id", "unattributed-2022")
    msg = only(project, f"seeds/sources.csv, line {line}", "field 'doc_id'", "duplicate")
    assert "first on line 2" in msg


def test_quote_off_by_one_says_where_it_is(project):
    path = project / "data" / "claims.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    start = int(rows[0]["start"])
    edit_csv(path, 0, "start", str(start + 1))
    edit_csv(path, 0, "end", str(int(rows[0]["end"]) + 1))
    msg = only(project, "data/claims.csv, line 2", "field 'quote'")
    assert f"the quote occurs at {start}:" in msg


def test_quote_not_in_text(project):
    edit_csv(project / "data" / "claims.csv", 0, "quote", "words that are in no seed")
    assert "does not occur in the text at all" in only(project, "data/claims.csv, line 2", "field 'quote'")


@pytest.mark.parametrize("bad", ["6,3", "six", "6.3 bn"])
def test_value_that_is_not_a_plain_number(project, bad):
    edit_csv(project / "data" / "claims.csv", 0, "value", bad)
    msg = only(project, "data/claims.csv, line 2", "field 'value'")
    assert "expected a plain number" in msg


def test_unknown_unit(project):
    edit_csv(project / "data" / "claims.csv", 0, "unit", "bananas")
    assert "expected one of usd" in only(project, "data/claims.csv, line 2", "field 'unit'")


def test_unknown_actor_id_in_claims(project):
    edit_csv(project / "data" / "claims.csv", 0, "subject", "atlantis")
    assert "unknown actor id 'atlantis'" in only(project, "data/claims.csv, line 2", "field 'subject'")


def test_unknown_actor_id_in_events(project):
    edit_csv(project / "data" / "events.csv", 0, "actors", "atlantis;kazakhstan")
    assert "unknown actor id 'atlantis'" in only(project, "data/events.csv, line 2", "field 'actors'")


def test_event_date_with_month_13(project):
    edit_csv(project / "data" / "events.csv", 0, "date", "2022-13-01")
    edit_csv(project / "data" / "events.csv", 0, "date_precision", "day")
    assert "month 13" in only(project, "data/events.csv, line 2", "field 'date'")


def test_empty_alias(project):
    edit_csv(project / "data" / "aliases.csv", 0, "alias", "")
    assert "a value is required" in only(project, "data/aliases.csv, line 2", "field 'alias'")


def test_alias_listed_for_two_actors(project):
    path = project / "data" / "aliases.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    first = rows[0]["alias"]
    other = next(i for i, r in enumerate(rows) if r["actor_id"] != rows[0]["actor_id"])
    edit_csv(path, other, "alias", first)
    msg = only(project, f"data/aliases.csv, line {other + 2}", "field 'alias'")
    assert "for another actor" in msg


def test_csv_with_missing_column(project):
    path = project / "data" / "events.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = rows[0].index("place")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([r[:i] + r[i + 1:] for r in rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert "missing from the header" in only(project, "data/events.csv, line 1", "field 'place'")


def test_csv_with_extra_column(project):
    path = project / "data" / "actors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",colour"] + [line + ",red" for line in lines[1:]]) + "\n", encoding="utf-8")
    assert "unexpected column" in only(project, "data/actors.csv, line 1", "field 'colour'")


def test_csv_with_quoted_newline(project):
    edit_csv(project / "data" / "claims.csv", 2, "notes", "first line\nsecond line")
    assert "spans several lines" in only(project, "data/claims.csv, line 4")


def test_all_problems_reported_together(project):
    (project / "seeds" / SEED).write_bytes(b"")
    edit_csv(project / "data" / "claims.csv", 0, "unit", "bananas")
    edit_csv(project / "data" / "events.csv", 0, "date", "2022-13-01")
    files = {m.split(",")[0].split(":")[0] for m in messages(project)}
    assert {f"seeds/{SEED}", "data/claims.csv", "data/events.csv"} <= files


def test_loader_raises_one_data_error_listing_problems(project):
    from kzanalysis.evidence import load_claims
    edit_csv(project / "data" / "claims.csv", 0, "value", "six")
    edit_csv(project / "data" / "claims.csv", 1, "unit", "bananas")
    with pytest.raises(DataError) as info:
        load_claims(project)
    assert len(info.value.problems) == 2
    assert "2 problems in the inputs" in str(info.value)


def test_crlf_seed_keeps_offsets_exact(project):
    from kzanalysis.corpus import load_sentences, load_texts
    path = project / "seeds" / SEED
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    set_hash(project, SEED)
    texts = load_texts(project)
    assert "\r\n" in texts["unattributed-2022"]
    sents = load_sentences(project)
    for row in sents[sents.doc_id == "unattributed-2022"].itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.sentence
        assert "\r" not in row.sentence


def test_oversized_seed_is_refused_without_reading_it(project):
    path = project / "seeds" / SEED
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)  # sparse 50 MB file
    msg = only(project, f"seeds/{SEED}", "bytes")
    assert "at most" in msg


WORDS = "data/reference/english_words.txt"


def test_word_list_in_latin1(project):
    path = project / WORDS
    path.write_bytes(b"# comment\nhouse\ncaf\xe9\n")
    assert "not UTF-8" in only(project, f"{WORDS}, line 3")


def test_word_list_with_two_words_on_a_line(project):
    (project / WORDS).write_text("# comment\nhouse\nice cream\n", encoding="utf-8")
    assert "one word per line" in only(project, f"{WORDS}, line 3")


def test_word_list_without_words(project):
    (project / WORDS).write_text("# only a comment\n\n", encoding="utf-8")
    assert "no words" in only(project, WORDS)


def test_malformed_word_list_is_refused_by_the_loader_too(project):
    from kzanalysis.corpus import load_word_list
    (project / WORDS).write_text("ice cream\n", encoding="utf-8")
    with pytest.raises(DataError, match="one word per line"):
        load_word_list(project)


def test_unverified_claim_without_a_recorded_search(project):
    """A checkable claim that no reference decides needs a row in searches.csv saying where we looked."""
    verdicts = list(csv.DictReader(io.StringIO((ROOT_DERIVED / "factcheck.csv").read_text(encoding="utf-8"))))
    claim = next(r["claim_id"] for r in verdicts if r["checkable"] == "True" and r["verdict"] == "unverified")
    path = project / "data" / "reference" / "searches.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(x for x in lines if not x.startswith(claim + ",")), encoding="utf-8")
    checks = (project / "data" / "reference" / "claim_checks.csv").read_text(encoding="utf-8").splitlines()
    line = next(n for n, x in enumerate(checks, 1) if x.startswith(claim + ","))
    msg = only(project, "data/reference/claim_checks.csv", f"line {line}", "field 'reference_ids'", claim)
    assert "no row in data/reference/searches.csv records the search" in msg


def test_an_offset_of_the_evaluation_set_that_is_not_a_number_names_its_line_and_field(project):
    line = edit_csv(project / "data" / "eval" / "mentions.csv", 2, "start", "x12")
    msg = only(project, f"data/eval/mentions.csv, line {line}", "field 'start'")
    assert "expected a whole number, got 'x12'" in msg


def test_an_evaluation_mention_of_an_actor_listed_nowhere_is_reported(project):
    path = project / "data" / "eval" / "mentions.csv"
    line = edit_csv(path, 0, "actor_id", "atlantis")
    assert "'atlantis' is neither in data/actors.csv" in only(project, f"data/eval/mentions.csv, line {line}",
                                                              "field 'actor_id'")


def test_overlapping_mentions_of_the_evaluation_set_are_reported(project):
    path = project / "data" / "eval" / "mentions.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    first = rows[0]
    second = next(i for i, r in enumerate(rows) if i > 0 and r["doc_id"] == first["doc_id"])
    text = (project / "data" / "eval" / "texts" / f"{first['doc_id']}.txt").read_text(encoding="utf-8")
    start, end = int(first["start"]), int(first["end"]) + 1  # one character longer than the first mention
    for column, value in (("start", str(start)), ("end", str(end)), ("text", text[start:end])):
        edit_csv(path, second, column, value)
    assert "overlaps line 2" in only(project, f"data/eval/mentions.csv, line {second + 2}", "field 'start'")
