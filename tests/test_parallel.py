"""Fast feedback without losing anything: the automaton gazetteer finds exactly what the regex
one finds, notebooks run concurrently but are written and reported in order, the PDF takes the
PNG twins of the figures and is not re-rendered from an unchanged input, and verify's nbval
stays strict when it runs notebooks in parallel."""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from kzanalysis.corpus.sentences import sentences
from kzanalysis.corpus.sources import load_exclusions, load_texts
from kzanalysis.gazetteer.actors import load_aliases
from kzanalysis.gazetteer.mentions import Gazetteer, _fold, _RegexGazetteer
from kzanalysis.io.paths import project_root
from kzanalysis.pipeline.verify import _nbval_command
from kzanalysis.pipeline.verify_session import _notebook_project, _notebook_scope, _NotebookScheduling
from kzanalysis.report.build import _pdf_html, _pdf_key, _write_pdf_if_changed
from kzanalysis.report.notebooks import run_notebooks

ROOT = project_root()


def aliases(*rows: tuple[str, str, bool]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["alias", "actor_id", "case_sensitive"])


def test_automaton_mentions_on_the_seeds_are_those_of_the_regex_matcher():
    table = load_aliases(ROOT)
    automaton, regex = Gazetteer.from_aliases(table), _RegexGazetteer.from_aliases(table)
    assert automaton.regex is None and automaton.automaton is not None  # the automaton path is the one tested
    texts = load_texts(ROOT)
    sents = sentences(texts, load_exclusions(ROOT))
    total = 0
    for sent in sents.itertuples():  # sentence by sentence, as data/derived/mentions.csv is built
        chunk = texts[sent.doc_id][sent.start:sent.end]
        found = automaton.find(chunk)
        assert found == regex.find(chunk), (sent.doc_id, sent.sentence_id, chunk)
        total += len(found)
    for doc_id, text in texts.items():  # and over whole texts (runs of white space, line breaks)
        assert automaton.find(text) == regex.find(text), doc_id
    assert total == len(pd.read_csv(ROOT / "data" / "derived" / "mentions.csv"))
    assert total > 500


@pytest.mark.parametrize("text", [
    "the Turkish world and the Organization of Turkic  States\nmet; Turkish firms, Turkic states",
    "Let us meet the US envoy, the U.S. team and the USA; US-Kazakhstan ties; aUS US_ _US",
    "People's Republic of China, People’s Republic of China, PEOPLE’S REPUBLIC OF CHINA",
    "KAZAKHSTAN’s kazakhstan Kazakhstani Kazakhstan2 İstanbul ıstanbul Istanbul",
    "Erdoğan met Erdogan; ERDOĞAN; Central\u00a0Asia and Central \t Asia",
    "",
])
def test_automaton_agrees_with_the_regex_on_edge_cases(text):
    table = aliases(("Turkish", "turkiye", False), ("Turkic", "turkic_world", False),
                    ("Turkish world", "turkic_world", False), ("Organization of Turkic States", "ots", False),
                    ("US", "usa", True), ("U.S.", "usa", True), ("USA", "usa", True),
                    ("People’s Republic of China", "china", False), ("Kazakhstan", "kazakhstan", False),
                    ("Istanbul", "istanbul", False), ("Erdoğan", "erdogan", False), ("Erdogan", "erdogan", False),
                    ("Central Asia", "central_asia", False), ("Turkish", "turkic_world", False))
    assert Gazetteer.from_aliases(table).find(text) == _RegexGazetteer.from_aliases(table).find(text)


def test_automaton_values_on_a_literal_text():
    table = aliases(("Central Asia", "central_asia", False), ("US", "usa", True), ("Asia", "asia", False))
    text = "us and the US in Central \n Asia; asia"
    assert Gazetteer.from_aliases(table).find(text) == [
        (11, 13, "US", "usa"), (17, 31, "Central Asia", "central_asia"), (33, 37, "Asia", "asia")]
    assert _fold("İ ı ’\u00a0") == "i i ' "


def test_the_automaton_is_built_once_per_table():
    table = aliases(("Kazakhstan", "kazakhstan", False))
    assert Gazetteer.from_aliases(table) is Gazetteer.from_aliases(table.copy())


def test_an_alias_with_outer_white_space_falls_back_to_the_regex():
    table = aliases((" Astana", "astana", False), ("Kazakhstan", "kazakhstan", False))
    gaz = Gazetteer.from_aliases(table)
    assert gaz.regex is not None
    assert gaz.find("in  Astana, Kazakhstan") == _RegexGazetteer.from_aliases(table).find("in  Astana, Kazakhstan")


def test_verify_runs_strict_nbval_with_one_kernel_per_notebook_on_each_worker():
    root, target = Path("/project"), Path("/tmp/copy")
    common = ["-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
              "-p", "kzanalysis.pipeline.verify_session", "-q", "--rootdir", "/project", "-c", "/project/pyproject.toml"]
    parallel = _nbval_command(2, target, root)
    assert parallel[1:] == common + ["-n", "2", "--dist", "loadscope", "/tmp/copy/notebooks"]
    assert "--nbval-lax" not in parallel
    assert _nbval_command(1, target, root)[1:] == common + ["/tmp/copy/notebooks"]
    assert _nbval_command(2, target, root, unit_tests=True)[-2:] == ["/tmp/copy/notebooks", "/project/tests"]
    assert parallel[0] == sys.executable


def test_the_cells_of_a_notebook_are_one_unit_of_work_and_every_other_test_its_own():
    assert _notebook_scope("01_corpus.ipynb::Cell 3") == "01_corpus.ipynb"
    assert _notebook_scope("notebooks/02_multivector_balance.ipynb::Cell 0") == "notebooks/02_multivector_balance.ipynb"
    assert _notebook_scope("tests/test_trade.py::test_a") == "tests/test_trade.py::test_a"
    assert _notebook_scope("tests/test_x.py::test_b[a.ipynb::Cell 1]") == "tests/test_x.py::test_b[a.ipynb::Cell 1]"
    assert _NotebookScheduling._split_scope(None, "03_trade.ipynb::Cell 9") == "03_trade.ipynb"


def test_a_notebook_kernel_is_given_the_project_its_notebook_lies_in():
    assert _notebook_project("/tmp/copy/notebooks/01_corpus.ipynb") == "/tmp/copy"


def test_parallel_notebooks_are_written_and_reported_in_order(in_process_kernel, tmp_path):
    """Two worker processes; notebook 01 finishes last, yet is written and reported first. The cells run
    in-process in the workers (``conftest.in_process_kernel``): the order is the subject, and real
    kernels run two at a time in ``test_report_cache`` (the end-to-end report run)."""
    paths = []
    for i, (seconds, value) in enumerate([(0.8, "first"), (0.0, "second"), (0.3, "third")], 1):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(f"import time\ntime.sleep({seconds})\nprint({value!r})")]
        path = tmp_path / f"0{i}_n.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    lines: list[str] = []
    run_notebooks(paths, echo=lambda *a, **k: lines.append(" ".join(map(str, a))), jobs=2)
    assert [(line.split(" ")[0], line.split(" ... ")[0].split(" ", 1)[1].rsplit("/", 1)[-1]) for line in lines[1:]] == [
        ("[1/3]", "01_n.ipynb"), ("[2/3]", "02_n.ipynb"), ("[3/3]", "03_n.ipynb")]
    assert lines[0] == "running 3 notebooks, 2 at a time"
    for path, value in zip(paths, ["first", "second", "third"]):
        outputs = nbformat.read(path, as_version=4).cells[0].outputs
        assert [(o["name"], o["text"]) for o in outputs] == [("stdout", value + "\n")]


def test_pdf_html_swaps_inline_svg_figures_for_their_png_twins(tmp_path):
    (tmp_path / "a.png").write_bytes(b"png")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="532.8pt" height="244.3pt"><path d="M0 0"/></svg>'
    html_text = (f'<p>x</p><figure id="fig-a">{svg}<figcaption>A</figcaption></figure>'
                 f'<figure id="fig-b">{svg}<figcaption>B</figcaption></figure>')
    out = _pdf_html(html_text, tmp_path)
    uri = (tmp_path / "a.png").resolve().as_uri()
    assert out == (f'<p>x</p><figure id="fig-a"><img alt="" src="{uri}" style="width: 532.8pt; height: auto"/>'
                   f'<figcaption>A</figcaption></figure><figure id="fig-b">{svg}<figcaption>B</figcaption></figure>')


def test_the_pdf_is_rendered_again_only_when_its_input_changes(tmp_path):
    (tmp_path / "a.png").write_bytes(b"one")
    html_text = f'<p>Hello</p><img src="{(tmp_path / "a.png").as_uri()}"/>'
    pdf = tmp_path / "r.pdf"
    pages, rendered = _write_pdf_if_changed("<p>Hello</p>", pdf, tmp_path)
    assert (pages, rendered) == (1, True) and pdf.read_bytes().startswith(b"%PDF")
    assert _write_pdf_if_changed("<p>Hello</p>", pdf, tmp_path) == (None, False)
    assert _write_pdf_if_changed("<p>Hello!</p>", pdf, tmp_path) == (1, True)
    key = _pdf_key(html_text)
    (tmp_path / "a.png").write_bytes(b"two")  # an embedded image changed: another key
    assert _pdf_key(html_text) != key
    (tmp_path / ".r.pdf.key").unlink()  # a build killed after the PDF, before its key
    assert _write_pdf_if_changed("<p>Hello!</p>", pdf, tmp_path) == (1, True)
