"""The report escapes every piece of text that arrives from a document."""
from __future__ import annotations

import csv
import hashlib
import io
import re
from html.parser import HTMLParser

import nbformat
import pandas as pd

from kzanalysis.report.html import render_html

HOSTILE = (
    "Kazakhstan and <script>alert('x')</script> the EU. "
    "A picture <img src=x onerror=alert(1)> of Astana. "
    "A [link](javascript:alert(1)) and <a href=\"javascript:alert(2)\">click</a>. "
    "A table | breaker | with `backticks` and **stars**. "
    + "Long " * 2000 + "line.\n"
)


class Elements(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def add_hostile_document(root) -> None:
    seed = root / "seeds" / "005_hostile.txt"
    seed.write_text(HOSTILE, encoding="utf-8")
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    sources = root / "seeds" / "sources.csv"
    rows = list(csv.DictReader(io.StringIO(sources.read_text(encoding="utf-8"))))
    new = dict(rows[0], doc_id="hostile-2024", file=seed.name, sha256=digest,
               title="<b>Bold</b> <script>alert('t')</script>", outlet="<i>Outlet</i>", author="",
               date="2024-01-01", date_precision="day", date_basis="stated", url="")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows + [new])
    sources.write_text(buffer.getvalue(), encoding="utf-8")
    claims = root / "data" / "claims.csv"
    quote = "<script>alert('x')</script>"
    start = HOSTILE.index(quote)
    crow = list(csv.DictReader(io.StringIO(claims.read_text(encoding="utf-8"))))
    extra = dict(crow[0], claim_id="hostile-2024-c01", doc_id="hostile-2024", quote=quote, start=str(start),
                 end=str(start + len(quote)))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(crow[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(crow + [extra])
    claims.write_text(buffer.getvalue(), encoding="utf-8")


def notebook_showing(text: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# A chapter\n\nNarrative."))
    cell = nbformat.v4.new_code_cell("x")
    table = pd.DataFrame({"claim_id": ["hostile-2024-c01"], "sentence": [text]}).to_html()
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text),
                    nbformat.v4.new_output("display_data", data={"text/html": table, "text/plain": "t"}),
                    nbformat.v4.new_output("display_data", data={"text/markdown": "- " + text, "text/plain": "m"})]
    cell.metadata["tags"] = ["findings"]
    nb.cells.append(cell)
    return nb


def _elements(html_text: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(html_text)
    return parser.tags


def test_no_text_from_a_document_becomes_markup(project):
    add_hostile_document(project)
    html_text = render_html([notebook_showing(HOSTILE)], project)
    parser = Elements()
    parser.feed(html_text)
    tags = [t for t, _ in parser.tags]
    # the one script is the report's own (search, sortable tables), nothing from a document
    from kzanalysis.report.assets import SCRIPT
    assert tags.count("script") == 1 and html_text.count("<script") == 1
    assert html_text.count(f"<script>{SCRIPT}</script>") == 1
    assert "script" not in [t for t, _ in _elements(render_html([notebook_showing(HOSTILE)], project, "print"))]
    assert "img" not in tags
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not str(attrs.get("href", "")).lower().startswith("javascript:"), (tag, attrs)
    assert "&lt;script&gt;" in html_text
    # escaped in the appendix, the stream, the markdown output and the key findings (quotes escaped or not)
    assert len(re.findall(r"&lt;script&gt;alert\((?:&#x27;|')x(?:&#x27;|')\)&lt;/script&gt;", html_text)) >= 4


def test_claim_ids_in_tables_link_to_their_passage(project):
    add_hostile_document(project)
    html_text = render_html([notebook_showing("plain")], project)
    assert '<a href="#claim-hostile-2024-c01">hostile-2024-c01</a>' in html_text
    assert 'id="claim-hostile-2024-c01"' in html_text
    assert "<mark>&lt;script&gt;" in html_text


def test_consecutive_stream_outputs_are_merged_so_saved_notebooks_do_not_depend_on_timing():
    import nbformat

    from kzanalysis.report import coalesce_streams
    cell = nbformat.v4.new_code_cell("print(1); print(2)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\n"),
                    nbformat.v4.new_output("stream", name="stdout", text="b\n"),
                    nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
                    nbformat.v4.new_output("execute_result", data={"text/plain": "3"}, execution_count=1),
                    nbformat.v4.new_output("stream", name="stdout", text="c\n")]
    nb = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_markdown_cell("text")])
    merged = coalesce_streams(nb).cells[0].outputs
    assert [(o.output_type, o.get("name"), o.get("text")) for o in merged] == [
        ("stream", "stdout", "a\nb\n"), ("stream", "stderr", "warn\n"),
        ("execute_result", None, None), ("stream", "stdout", "c\n")]


def test_html_outputs_of_notebooks_are_reduced_to_safe_table_markup():
    from kzanalysis.report import safe_html
    hostile = ('<table class="t" onclick="x()"><tr><td style="color:red">a &amp; b</td>'
               '<td><img src=x onerror="alert(1)"><a href="javascript:alert(2)">link</a></td></tr></table>'
               '<script>alert(3)</script><style>body{}</style><p>ok</p>')
    clean = safe_html(hostile)
    assert clean == ('<table class="t"><tr><td>a &amp; b</td><td>link</td></tr></table><p>ok</p>')
    for bad in ("onclick", "onerror", "<img", "<a ", "javascript:", "<script", "alert", "style"):
        assert bad not in clean


def test_show_escapes_cells_and_formats_numbers_for_reading():
    import pandas as pd

    from kzanalysis.report import Table, format_value
    assert [format_value(v) for v in (24.5e9, 0.89312, 12.3456, 3, float("nan"), "x")] == \
        ["24,500,000,000", "0.8931", "12.35", "3", "–", "x"]
    assert format_value(2023, year=True) == "2023"
    assert repr(Table(pd.DataFrame({"nearest_year": [2023], "n": [2023]}), index=False)).splitlines()[1] == \
        "        2023  2,023"
    table = Table(pd.DataFrame({"quote": ["<script>alert(1)</script>"], "value": [1e10]}), index=False)
    assert "<script>" not in table._repr_html_() and "&lt;script&gt;" in table._repr_html_()
    assert '<td class="num">10,000,000,000</td>' in table._repr_html_()
    assert repr(table).splitlines() == ["quote                               value",
                                        "<script>alert(1)</script>  10,000,000,000"]


def test_only_http_links_become_anchors_in_the_sources_chapter():
    from kzanalysis.report import source_link
    assert source_link("https://example.org/a?b=1&c=2") == \
        '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>'
    for hostile in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JaVaScRiPt:x"):
        assert "<a" not in source_link(hostile) and "<script" not in source_link(hostile)

