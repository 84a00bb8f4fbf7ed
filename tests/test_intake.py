"""Growing the corpus: ``add`` and ``accept`` on a temporary copy of the project.

Every bad input must raise a clear ``DataError`` and leave seeds/ and data/ byte for byte
as they were.
"""
from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import pytest

import kzanalysis.intake.staging as intake_staging
from kzanalysis.cli import main
from kzanalysis.cli.intake import register
from kzanalysis.extract.candidates import CANDIDATE_COLUMNS
from kzanalysis.intake.accept import accept_candidates
from kzanalysis.intake.add import add_document
from kzanalysis.io.errors import DataError
from kzanalysis.io.files import write_bytes_atomic
from kzanalysis.pipeline.check import check_all

TEXT = ("Kazakhstan and Uzbekistan sign trade roadmap\n\n"
        "Kazakhstan and Uzbekistan agreed on March 1, 2024 to raise bilateral trade to $10 billion by 2030, "
        "officials said after talks in Tashkent.\n"
        "Trade between the two countries reached $4.4 billion in 2023, an increase of 12.5% over the previous "
        "year.\n"
        "Last December, President Tokayev visited Samarkand for the summit of the Organization of Turkic States.\n")
META = dict(title="Kazakhstan and Uzbekistan sign trade roadmap", outlet="Example News", date_text="2024-03-03")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under seeds/ and data/ with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("seeds", "data") for p in sorted((root / folder).rglob("*")) if p.is_file()}


def incoming(root: Path, data: bytes | str, name: str = "new.txt") -> Path:
    path = root / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def review_rows(root: Path, doc_id: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((root / "data" / "candidates" / f"{doc_id}.csv").read_text(encoding="utf-8"))))


def write_review(root: Path, doc_id: str, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (root / "data" / "candidates" / f"{doc_id}.csv").write_text(buffer.getvalue(), encoding="utf-8")


def mark(root: Path, doc_id: str, choose, **changes) -> list[str]:
    """Write yes in ``accept`` of the rows for which ``choose(row dict)`` is true; return their ids."""
    rows = review_rows(root, doc_id)
    header, chosen = rows[0], []
    for row in rows[1:]:
        record = dict(zip(header, row))
        if choose(record):
            row[header.index("accept")] = "yes"
            for column, value in changes.items():
                row[header.index(column)] = value
            chosen.append(record["candidate_id"])
    write_review(root, doc_id, rows)
    return chosen


def test_add_writes_the_seed_its_metadata_row_and_a_review_file(project):
    before = snapshot(project)
    problems_before = set(map(str, check_all(project)))
    result = add_document(incoming(project, TEXT), **META)
    assert result.doc_id == "example-news-2024"
    assert result.seed.read_bytes() == TEXT.encode("utf-8")
    assert result.seed.name.startswith("005_")
    sources = (project / "seeds" / "sources.csv").read_bytes()
    assert sources.startswith(before["seeds/sources.csv"])  # existing rows untouched
    row = list(csv.reader(io.StringIO(sources.decode("utf-8"))))[-1]
    assert row[:3] == ["example-news-2024", result.seed.name, __import__("hashlib").sha256(TEXT.encode()).hexdigest()]
    assert row[7:9] == ["2024-03-03", "day"]
    rows = review_rows(project, "example-news-2024")
    assert rows[0] == CANDIDATE_COLUMNS
    tables = {r[1] for r in rows[1:]}
    assert tables == {"claims", "events", "mentions"}
    assert result.counts["claims"] >= 2 and result.counts["events"] >= 2
    # curated evidence untouched, nothing new wrong, a backup of the previous sources.csv
    after = snapshot(project)
    for name in ("data/claims.csv", "data/events.csv", "data/actors.csv", "data/aliases.csv"):
        assert after[name] == before[name]
    assert after["data/backup/sources.1.csv"] == before["seeds/sources.csv"]
    assert set(map(str, check_all(project))) == problems_before


def test_add_takes_a_month_precision_date_and_an_explicit_doc_id(project):
    result = add_document(incoming(project, TEXT), title="T", outlet="Example News", date_text="2024-03",
                                 doc_id="example-2024b")
    row = (project / "seeds" / "sources.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert result.doc_id == "example-2024b"
    assert ",2024-03-01,month," in row


@pytest.mark.parametrize("data, needle", [
    (b"Kazakhstan and caf\xe9 culture\n", "not valid UTF-8"),
    (b"", "file is empty"),
    (b"   \n\n", "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"Text\x1b[31m with\x07 terminal\x1b[0m codes\x08\x08\x08 everywhere\x01\x02\x03", "not a text file"),
    (b"\xef\xbb\xbfKazakhstan with a byte-order mark\n", "byte-order mark"),
])
def test_unusable_files_are_refused_and_nothing_is_written(project, data, needle):
    before = snapshot(project)
    with pytest.raises(DataError) as err:
        add_document(incoming(project, data), **META)
    assert needle in str(err.value)
    assert "new.txt" in str(err.value)
    assert snapshot(project) == before


def test_a_copy_of_a_seed_is_refused(project):
    before = snapshot(project)
    seed = before["seeds/000_33f5674148b516a3.txt"]
    with pytest.raises(DataError) as err:
        add_document(incoming(project, seed), **META)
    assert "same content" in str(err.value) and "unattributed-2022" in str(err.value)
    assert snapshot(project) == before


@pytest.mark.parametrize("date_text, needle", [
    ("2024-13-45", "not a real date"), ("yesterday", "not an ISO date"), ("03/03/2024", "not an ISO date"),
    ("2023-02-29", "not a real date"),
])
def test_a_date_that_does_not_parse_is_refused(project, date_text, needle):
    before = snapshot(project)
    with pytest.raises(DataError) as err:
        add_document(incoming(project, TEXT), title="T", outlet="O", date_text=date_text)
    assert needle in str(err.value) and "--date" in str(err.value)
    assert snapshot(project) == before


@pytest.mark.parametrize("doc_id, needle", [
    ("ankasam-2022", "already in seeds/sources.csv"), ("Bad Id", "is not a doc_id"), ("x--y", "is not a doc_id"),
])
def test_a_taken_or_malformed_doc_id_is_refused(project, doc_id, needle):
    before = snapshot(project)
    with pytest.raises(DataError) as err:
        add_document(incoming(project, TEXT), **META, doc_id=doc_id)
    assert needle in str(err.value)
    assert snapshot(project) == before


def test_all_problems_are_listed_at_once(project):
    with pytest.raises(DataError) as err:
        add_document(incoming(project, b""), title="", outlet="O", date_text="soon")
    fields = {p.field for p in err.value.problems}
    assert {"--date", "--title"} <= fields
    assert any("empty" in p.message for p in err.value.problems)


def test_a_missing_file_and_a_folder_are_refused(project):
    with pytest.raises(DataError, match="file not found"):
        add_document(project / "nowhere.txt", **META)
    with pytest.raises(DataError, match="not a file"):
        add_document(project / "seeds", **META)


def test_a_failed_write_is_rolled_back(project, monkeypatch):
    before = snapshot(project)
    real = write_bytes_atomic

    def failing(path, data):
        if "candidates" in str(path):
            raise OSError("disk full")
        return real(path, data)

    monkeypatch.setattr(intake_staging, "write_bytes_atomic", failing)
    with pytest.raises(OSError, match="disk full"):
        add_document(incoming(project, TEXT), **META)
    assert snapshot(project) == before


def test_accept_moves_reviewed_rows_with_new_ids_and_keeps_backups(project):
    doc = add_document(incoming(project, TEXT), **META).doc_id
    claims_before = (project / "data" / "claims.csv").read_bytes()
    events_before = (project / "data" / "events.csv").read_bytes()
    problems_before = set(map(str, check_all(project)))
    mark(project, doc, lambda r: (r["table"] == "claims" and r["unit"] == "usd" and r["metric"] != "")
         or (r["table"] == "events" and r["date"] == "2024-03-01"))
    result = accept_candidates(doc, project)
    assert result.moved["claims"] == [f"{doc}-c01", f"{doc}-c02"]
    assert result.moved["events"] == [f"{doc}-e01"]
    claims = (project / "data" / "claims.csv").read_bytes()
    assert claims.startswith(claims_before)  # existing rows byte for byte
    new = list(csv.DictReader(io.StringIO(claims.decode("utf-8"))))[-2:]
    assert [r["value"] for r in new] == ["10000000000", "4400000000"]
    assert [r["qualifier"] for r in new] == ["target", "exact"]
    assert all(TEXT[int(r["start"]):int(r["end"])] == r["quote"] for r in new)  # provenance intact
    assert (project / "data" / "backup" / "claims.1.csv").read_bytes() == claims_before
    assert (project / "data" / "backup" / "events.1.csv").read_bytes() == events_before
    done = [r[2] for r in review_rows(project, doc)[1:] if r[2].startswith("done")]
    assert done == [f"done {doc}-e01", f"done {doc}-c01", f"done {doc}-c02"]
    assert set(map(str, check_all(project))) == problems_before
    # running it again moves nothing more
    again = accept_candidates(doc, project)
    assert again.moved == {"claims": [], "events": []}
    assert (project / "data" / "claims.csv").read_bytes() == claims


def test_accept_recomputes_offsets_of_a_shortened_quote(project):
    doc = add_document(incoming(project, TEXT), **META).doc_id
    mark(project, doc, lambda r: r["table"] == "claims" and r["value"] == "4400000000",
         quote="reached $4.4 billion in 2023", start="0")
    accept_candidates(doc, project)
    row = list(csv.DictReader(io.StringIO((project / "data" / "claims.csv").read_text(encoding="utf-8"))))[-1]
    assert row["quote"] == "reached $4.4 billion in 2023"
    assert TEXT[int(row["start"]):int(row["end"])] == row["quote"]


@pytest.mark.parametrize("changes, needle", [
    ({"unit": "furlongs"}, "expected one of"),
    ({"subject": "atlantis"}, "unknown actor id 'atlantis'"),
    ({"quote": "a sentence that is not in the text"}, "does not occur in the text"),
])
def test_accept_refuses_rows_that_would_break_the_curated_tables(project, changes, needle):
    doc = add_document(incoming(project, TEXT), **META).doc_id
    mark(project, doc, lambda r: r["table"] == "claims" and r["value"] == "4400000000", **changes)
    before = snapshot(project)
    with pytest.raises(DataError) as err:
        accept_candidates(doc, project)
    assert needle in str(err.value)
    assert snapshot(project) == before


def test_accept_refuses_an_unknown_review_mark(project):
    doc = add_document(incoming(project, TEXT), **META).doc_id
    rows = review_rows(project, doc)
    rows[1][2] = "maybe"
    write_review(project, doc, rows)
    with pytest.raises(DataError) as err:
        accept_candidates(doc, project)
    problem = err.value.problems[0]
    assert (problem.file, problem.line, problem.field) == (f"data/candidates/{doc}.csv", 2, "accept")


def test_accept_dry_run_writes_nothing(project):
    doc = add_document(incoming(project, TEXT), **META).doc_id
    mark(project, doc, lambda r: r["table"] == "claims" and r["value"] == "4400000000")
    before = snapshot(project)
    result = accept_candidates(doc, project, dry_run=True)
    assert result.moved["claims"] == [f"{doc}-c01"]
    assert snapshot(project) == before


def test_accept_without_a_review_file_names_it(project):
    with pytest.raises(DataError, match="no review file"):
        accept_candidates("nobody-2020", project)


def test_register_adds_the_three_commands_to_a_parser(project, capsys):
    parser = argparse.ArgumentParser(prog="kzanalysis")
    register(parser.add_subparsers(dest="command"))
    path = incoming(project, TEXT)
    args = parser.parse_args(["add", str(path), "--title", "T", "--outlet", "Example News", "--date", "2024-03-03"])
    assert args.func(args) == 0
    assert "added example-news-2024" in capsys.readouterr().out
    args = parser.parse_args(["accept", "example-news-2024", "--dry-run"])
    assert args.func(args) == 0
    assert "would move 0 row(s)" in capsys.readouterr().out
    args = parser.parse_args(["extract", "example-news-2024"])
    assert args.func(args) == 0
    assert "$4.4 billion" in capsys.readouterr().out


def test_command_line_reports_bad_input_with_exit_status_1(project, capsys):
    status = main(["add", str(incoming(project, b"")), "--title", "T", "--outlet", "O", "--date", "2024-03-03"])
    assert status == 1
    assert "file is empty" in capsys.readouterr().err
