"""The report's style sheet and its script (both inlined: the HTML stays one self-contained file).

The script adds, without a server: a search over the report's text, sorting by a column and a
row filter on every table. It reads text with ``textContent`` and writes it with
``textContent`` only (never ``innerHTML``), so that no text from a seed can become markup or code.
"""
from __future__ import annotations

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
@page :first { @bottom-center { content: none; } }
@page wide { size: A4 landscape; margin: 14mm 14mm 16mm 14mm; }
html { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; }
body { max-width: 50em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3, h4, nav, figcaption, table, .title-page .meta, .search { font-family: "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 1.7em; margin-top: 1.2em; } h2 { font-size: 1.3em; } h3 { font-size: 1.1em; }
h2, h3 { break-after: avoid; }
a.anchor { color: #999; text-decoration: none; margin-left: 0.3em; font-size: 0.8em; }
section.chapter { break-before: page; }
/* the analysis chapters, the sources and the claims appendix follow on from what precedes them (each
   opens with its heading); the key findings, the method and the first chapter start a page */
section.chapter.analysis + section.chapter.analysis, section.chapter.flow { break-before: auto; margin-top: 2.5em; }
h1 { break-after: avoid; }
.title-page { padding-top: 12%; }
.title-page h1 { font-size: 2.1em; line-height: 1.2; }
.title-page .meta, .cite { color: #444; }
nav.toc ol { line-height: 1.6; padding-left: 1.2em; } nav.toc ol ol { font-size: 0.9em; }
section.key { font-size: 0.95em; } section.key li { margin-bottom: 0.25em; }
figure { margin: 1em 0; break-inside: avoid; text-align: center; }
figure svg, figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.85em; color: #333; text-align: left; margin-top: 0.4em; }
table { border-collapse: collapse; font-size: 7.5pt; margin: 0.8em 0; max-width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; hyphens: manual; }
thead th { border-bottom: 1.5px solid #444; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
table caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.3em; }
pre.output { font-size: 7.5pt; white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: 0.5em; }
mark { background: #fde68a; }
q { quotes: "“" "”"; }
ol.claims li, ol.sources li, ol.refs li { margin-bottom: 0.4em; font-size: 0.88em; overflow-wrap: anywhere; }
small { color: #555; }
a { color: #332288; }
.moved { font-size: 0.85em; color: #555; font-style: italic; }
@media print {
  html { font-size: 10pt; line-height: 1.4; }
  body { max-width: none; margin: 0; padding: 0; }
  table { font-size: 7pt; line-height: 1.25; }
  /* cells break between words, at the <wbr> after "_" and "/", at syllables (hyphenated), and as a last
     resort anywhere, so that no column is ever clipped; the widest tables get landscape pages */
  th, td { padding: 1px 3px; overflow-wrap: anywhere; hyphens: auto; }
  figure { margin: 0.6em 0; }
  nav.toc a::after { content: leader('.') target-counter(attr(href), page); }
  nav.toc ol ol { display: none; }
  a.anchor, .search, .table-filter { display: none; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  table { width: 100%; }
  .output.html { overflow: visible; }
  .wide-table { page: wide; }
  /* a long appendix table (cell metadata kzanalysis.print_class "compact", e.g. the fact-check):
     fixed column widths so that short columns are not hyphenated letter by letter */
  .moved-item.compact table { table-layout: fixed; font-size: 7pt; line-height: 1.2; }
  .moved-item.compact th, .moved-item.compact td { padding: 0.5px 2px; hyphens: manual; }
  /* the widths add up to 96 %: each cell's padding (4 px) comes on top of its width in a fixed layout */
  .moved-item.compact th:nth-child(1) { width: 21%; } .moved-item.compact th:nth-child(2) { width: 9%; }
  .moved-item.compact th:nth-child(3) { width: 8%; } .moved-item.compact th:nth-child(4) { width: 12%; }
  .moved-item.compact th:nth-child(5) { width: 10%; } .moved-item.compact th:nth-child(6) { width: 36%; }
  ol.refs, ol.claims { columns: 2; column-gap: 1.5em; font-size: 0.95em; }
  ol.refs li, ol.claims li { font-size: 7pt; line-height: 1.25; margin-bottom: 0.3em; }
  a { color: #1a1a1a; text-decoration: none; }
}
@media screen {
  .output.html { overflow-x: auto; max-width: 100%; }
  td.num { white-space: nowrap; }
  th[data-sort] { cursor: pointer; } th[data-sort="asc"]::after { content: " ▲"; } th[data-sort="desc"]::after { content: " ▼"; }
  .search { position: sticky; top: 0; background: #fff; padding: 0.4em 0; z-index: 2; }
  .search input, .table-filter { width: 100%; box-sizing: border-box; padding: 0.3em; font-size: 0.9em; }
  .search ol { max-height: 50vh; overflow-y: auto; font-size: 0.85em; background: #fafafa; margin: 0; }
  .table-filter { max-width: 20em; margin-top: 0.6em; }
}
@media screen and (min-width: 1100px) {
  nav.toc { position: fixed; top: 0; left: 0; width: 19em; height: 100vh; overflow-y: auto; padding: 0.5em 1em;
    box-sizing: border-box; border-right: 1px solid #ddd; background: #fcfcfc; font-size: 0.85em; }
  nav.toc h2 { font-size: 1.1em; }
  body { margin-left: 21em; }
}
@media screen and (max-width: 640px) {
  html { font-size: 10pt; } body { padding: 0 0.6em; margin: 0.5em auto; }
  nav.toc ol ol { display: none; }
  figure { overflow-x: auto; } figure svg, figure img { min-width: 560px; }
  figcaption { position: sticky; left: 0; }
  table { font-size: 8pt; }
}
"""

#: The inlined script (see the module docstring). It never evaluates text nor writes markup.
SCRIPT = r"""
(function () {
  "use strict";
  function text(node) { return (node.textContent || "").replace(/\s+/g, " ").trim(); }
  function number(s) {
    var t = s.replace(/[,\s%×]/g, "").replace("−", "-").replace(/(st|nd|rd|th|pp)$/, "");
    return /^[-+]?\d+(\.\d+)?$/.test(t) ? parseFloat(t) : null;
  }
  // sortable and filterable tables
  Array.prototype.forEach.call(document.querySelectorAll("table.kz-table"), function (table) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      th.setAttribute("data-sort", "none");
      th.setAttribute("title", "sort by this column");
      th.addEventListener("click", function () {
        var dir = th.getAttribute("data-sort") === "asc" ? "desc" : "asc";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("data-sort", "none"); });
        th.setAttribute("data-sort", dir);
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = text(a.cells[col] || a), y = text(b.cells[col] || b), nx = number(x), ny = number(y);
          var c = (nx !== null && ny !== null) ? nx - ny : x.localeCompare(y);
          return dir === "asc" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    if (body.rows.length > 8) {
      var input = document.createElement("input");
      input.type = "search"; input.className = "table-filter"; input.placeholder = "filter rows";
      input.setAttribute("aria-label", "filter the rows of this table");
      input.addEventListener("input", function () {
        var q = input.value.toLowerCase();
        Array.prototype.forEach.call(body.rows, function (r) {
          r.style.display = text(r).toLowerCase().indexOf(q) >= 0 ? "" : "none";
        });
      });
      table.parentNode.insertBefore(input, table);
    }
  });
  // search over paragraphs, list items, captions and table rows
  var box = document.getElementById("search-input"), list = document.getElementById("search-results");
  if (!box || !list) { return; }
  var blocks = Array.prototype.slice.call(document.querySelectorAll("main p, main li, main figcaption, main tr, main h2, main h3"));
  blocks.forEach(function (b, i) { if (!b.id) { b.id = "s" + i; } });
  box.addEventListener("input", function () {
    var q = box.value.toLowerCase().trim();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (q.length < 2) { return; }
    var shown = 0;
    for (var i = 0; i < blocks.length && shown < 40; i++) {
      var t = text(blocks[i]), at = t.toLowerCase().indexOf(q);
      if (at < 0) { continue; }
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + blocks[i].id;
      a.textContent = (at > 40 ? "…" : "") + t.slice(Math.max(0, at - 40), at + 80) + (at + 80 < t.length ? "…" : "");
      li.appendChild(a); list.appendChild(li); shown++;
    }
    if (!shown) { var none = document.createElement("li"); none.textContent = "no match"; list.appendChild(none); }
  });
})();
"""
