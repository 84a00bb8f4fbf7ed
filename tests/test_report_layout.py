"""The print edition: tables fit their pages, rows are not split, cell tags are obeyed, and the
front matter and the reference list are built from the data (not typed)."""
from __future__ import annotations

import logging

import nbformat
import pandas as pd

from kzanalysis.report.display import Table
from kzanalysis.report.html import render_html
from kzanalysis.report.tablefit import overflowing_tables


def _table_cell(frame: pd.DataFrame, tags: list[str] | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("report.show(frame)")
    table = Table(frame, index=False)
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": table._repr_html_(),
                                                                  "text/plain": repr(table)})]
    cell.metadata["tags"] = tags or []
    return cell


def table_heavy_notebook() -> nbformat.NotebookNode:
    """A chapter of tables as wide as the report's: many numeric columns, long text, identifiers."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Tables\n\n## Wide ones\n\nNarrative citing facts.csv f01."))
    wide = pd.DataFrame({f"share_of_mentions_{v}": [0.1234 * i for i in range(40)]
                         for v in ("russia", "china", "west", "turkic", "central_asia", "middle_east",
                                   "asia_pacific", "multilateral", "other", "domestic", "kazakhstan", "ussr")})
    wide.insert(0, "document_identifier", [f"unattributed-2022-c{i:02d}" for i in range(40)])
    _long = ("The relations between Turkey and Kazakhstan have not only been accepted as a partnership that "
             "serves the common interests of the two countries but also ")
    text = pd.DataFrame({"claim": [f"doc-c{i:02d}" for i in range(60)],
                         "explanation": [_long * (1 + i % 4) for i in range(60)],
                         "url": ["https://example.org/" + "a_very_long_path_segment/" * 6] * 60,
                         "stated_value": [24_500_000_000 + i for i in range(60)], "year": [2021] * 60})
    nb.cells.append(_table_cell(wide))
    nb.cells.append(_table_cell(text))
    pandas_cell = nbformat.v4.new_code_cell("frame")
    pandas_cell.outputs = [nbformat.v4.new_output("execute_result", data={
        "text/html": wide.head(10).to_html(), "text/plain": "frame"}, execution_count=1)]
    nb.cells.append(pandas_cell)
    nb.cells.append(_table_cell(pd.DataFrame({"only_on_screen": ["HTML-ONLY-MARKER"]}), ["html-only"]))
    nb.cells.append(_table_cell(pd.DataFrame({"moved": ["APPENDIX-MARKER"]}), ["appendix"]))
    nb.cells.append(nbformat.v4.new_markdown_cell("## Findings"))
    findings = nbformat.v4.new_code_cell("Markdown(findings)")
    findings.outputs = [nbformat.v4.new_output("execute_result", data={
        "text/markdown": "- **Lead.** First sentence of the first finding. Second sentence.\n"
                         "- Second finding: in detail.\n  - a nested detail\n- Third finding.\n- Fourth finding.",
        "text/plain": "m"}, execution_count=2)]
    findings.metadata["tags"] = ["findings"]
    nb.cells.append(findings)
    return nb


def _render(html_text: str, base):
    from weasyprint import HTML
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return HTML(string=html_text, base_url=str(base)).render()


# The print edition's layout (every table fits its page, no body row split across a page break)
# is checked on the report itself, by ``kzanalysis verify`` (``pipeline.verify_layout``, beside
# nbval; ``make test`` fails when it fails): that is the report's own tables rather than a
# sample made to look like them, laid out once instead of a second time here. The checker is
# tested below on small literal inputs, in both directions.


def test_the_layout_check_finds_a_split_row_and_a_too_wide_table(project):
    from kzanalysis.pipeline.verify_layout import layout_problems, split_rows
    document = _render('<table><tr><td>short</td></tr><tr><td>TALL-ROW' + 'line<br>' * 200 + '</td></tr>'
                       '</table><table><tr><td style="white-space: nowrap">' + "wide " * 400 + "</td></tr></table>",
                       project)
    split = split_rows(document)
    assert len(split) >= 1 and split["text"].str.startswith("line").all()  # only the tall row, not "short"
    assert (split["page"] > split["first_page"]).all()
    problems = layout_problems(document)
    assert sum("wider than the page" in p for p in problems) == 1
    assert sum("split across a page break" in p for p in problems) == len(split)


def test_the_layout_check_passes_short_rows_over_pages_and_repeated_headers(project):
    from kzanalysis.pipeline.verify_layout import layout_problems
    rows = "".join(f"<tr><td>row {i}</td><td>{i * 7}</td></tr>" for i in range(200))
    document = _render(f"<table><thead><tr><th>name</th><th>value</th></tr></thead><tbody>{rows}</tbody></table>",
                       project)
    assert len(document.pages) > 2  # the header row repeats on each page: not a split row
    assert layout_problems(document) == []


def test_the_overflow_check_finds_a_table_that_does_not_fit(project):
    document = _render('<table><tr><td style="white-space: nowrap">' + "wide " * 400 + "</td></tr></table>", project)
    assert len(overflowing_tables(document)) == 1


def test_cell_tags_and_front_matter_in_each_edition(project):
    nb = table_heavy_notebook()
    screen = render_html([nb], project, edition="html")
    printed = render_html([nb], project, edition="print")
    assert "HTML-ONLY-MARKER" in screen and "HTML-ONLY-MARKER" not in printed
    assert screen.count("APPENDIX-MARKER") == 1 and printed.count("APPENDIX-MARKER") == 1
    body, appendix = printed.split('id="appendix-details"')
    assert "APPENDIX-MARKER" in appendix and 'href="#appendix-1"' in body
    key = printed.split('id="key-findings"')[1].split("</section>")[0]
    assert "First sentence of the first finding." in key and "Second sentence" not in key
    assert "Second finding: in detail." in key and "nested detail" not in key and "Fourth finding" not in key
    assert 'id="ch1-wide-ones"' in screen and 'href="#ch1-wide-ones"' in screen  # linkable subsections
    assert "target-counter(attr(href), page)" in printed  # page numbers in the contents
    assert "wide-table" in printed  # the pandas table of 13 columns goes to a landscape page


def test_in_text_references_link_to_one_deduplicated_entry(project):
    from kzanalysis.report.citations import reference_entries
    entries = reference_entries(project)
    assert not entries.duplicated(["publisher", "title", "url"]).any()
    assert entries["row_ids"].str.split().explode().is_unique
    entry = entries[entries["row_ids"].str.split().apply(lambda ids: "f01" in ids)].iloc[0]
    printed = render_html([table_heavy_notebook()], project, edition="print")
    assert f'<a class="ref" href="#ref-{entry.entry_id}">facts.csv f01</a>' in printed
    assert f'<li id="ref-{entry.entry_id}">' in printed
    assert "figures of not named" not in printed
    assert "commit " in printed.split('id="sources"')[1]
    assert printed.count('<li id="doc-') == 5 and "no URL" in printed


def test_a_print_edition_that_passed_is_not_laid_out_again_until_it_changes(project, monkeypatch, tmp_path):
    """The stamp logic, with WeasyPrint's layout replaced by a counter (the checker itself is tested above)."""
    import weasyprint

    from kzanalysis.pipeline import verify_layout
    monkeypatch.setenv("KZANALYSIS_CACHE", str(tmp_path / "cache"))
    laid_out: list[str] = []
    found: list[str] = []

    class CountingHTML:
        def __init__(self, string: str, base_url: str):
            self.string = string

        def render(self):
            laid_out.append(self.string)
            return type("Document", (), {"pages": [object()] * 3})()

    monkeypatch.setattr(weasyprint, "HTML", CountingHTML)
    monkeypatch.setattr(verify_layout, "layout_problems", lambda document: list(found))
    (project / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A short chapter\n\nOne paragraph.")]
    path = project / "notebooks" / "01_short.ipynb"
    nbformat.write(nb, path)
    (project / "figures" / "f.png").write_bytes(b"png")
    said: list[str] = []

    def check() -> list[str]:
        return verify_layout.print_layout_problems(project, project / "figures", echo=said.append)

    assert check() == [] and len(laid_out) == 1 and said[-1] == "laid out 3 pages"
    assert check() == [] and len(laid_out) == 1 and said[-1].endswith("passed before: not laid out again")
    nb.cells[0].source += " Another sentence."  # another print edition: laid out again
    nbformat.write(nb, path)
    assert check() == [] and len(laid_out) == 2
    found.append("page 1: a table is 9.0 px wider than the page ('x')")  # a failure is never stamped
    nb.cells[0].source += " And one more."
    nbformat.write(nb, path)
    assert check() == found and check() == found and len(laid_out) == 4
    assert len(list((tmp_path / "cache" / "layout").glob("*.ok"))) == 2
    assert verify_layout.layout_stamp("<p>x</p>") != verify_layout.layout_stamp("<p>y</p>")
