"""report.sanitise (from report.py)."""
from __future__ import annotations

import html
from html.parser import HTMLParser

#: Elements an HTML output of a notebook may keep in the report (tables and inline text);
#: anything else is dropped with its attributes, its text kept and escaped.
SAFE_TAGS = frozenset({"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span", "p", "br", "wbr",
                       "b", "i", "em", "strong", "code", "small", "sub", "sup", "ul", "ol", "li"})


#: Attributes kept on those elements (no event handlers, no URLs, no inline style).
SAFE_ATTRIBUTES = frozenset({"class", "colspan", "rowspan"})


#: Elements whose content is dropped entirely.
_DROP_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript"})


class _Sanitiser(HTMLParser):
    """Rebuilds an HTML fragment keeping only ``SAFE_TAGS`` with ``SAFE_ATTRIBUTES``; all text escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_CONTENT:
            self.skipping += 1
        elif not self.skipping and tag in SAFE_TAGS:
            kept = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs if k in SAFE_ATTRIBUTES)
            self.out.append(f"<{tag}{kept}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_CONTENT:
            self.skipping = max(0, self.skipping - 1)
        elif not self.skipping and tag in SAFE_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))


def safe_html(fragment: str) -> str:
    """An HTML output of a notebook, reduced to safe table markup (see ``SAFE_TAGS``).

    Tables displayed with ``kzanalysis.display.show`` or pandas are escaped already; this is
    the second line of defence, so that no notebook output can bring a script, an event
    handler or a link into the report, whatever it displays.
    """
    parser = _Sanitiser()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)
