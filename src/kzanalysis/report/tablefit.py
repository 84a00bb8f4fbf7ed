"""Does every table of a rendered PDF fit its page? (WeasyPrint's layout, before the PDF is written.)"""
from __future__ import annotations

import pandas as pd

#: Columns of ``overflowing_tables``.
OVERFLOW_COLUMNS = ["page", "table_right", "content_right", "overflow", "text"]

#: Overflow smaller than this (CSS px, 1/96 inch) is rounding, not a clipped column.
TOLERANCE_PX = 0.5


def overflowing_tables(document) -> pd.DataFrame:
    """The tables of a rendered WeasyPrint ``document`` (``HTML(...).render()``) whose margin box
    reaches beyond the content box of their page: columns ``OVERFLOW_COLUMNS`` (page numbered from 1;
    positions and overflow in CSS px; text: the table's first 60 characters). Empty when all fit."""
    from weasyprint.formatting_structure import boxes

    rows = []
    for number, page in enumerate(document.pages, 1):
        page_box = page._page_box  # WeasyPrint keeps the laid-out boxes of each page here
        right_limit = page_box.content_box_x() + page_box.width
        left_limit = page_box.content_box_x()
        for box in page_box.descendants():
            if not isinstance(box, boxes.TableBox):
                continue
            left, right = box.position_x, box.position_x + box.margin_width()
            overflow = max(right - right_limit, left_limit - left)
            if overflow > TOLERANCE_PX:
                text = " ".join(t.text for t in box.descendants() if isinstance(t, boxes.TextBox))[:60]
                rows.append({"page": number, "table_right": right, "content_right": right_limit,
                             "overflow": overflow, "text": text})
    return pd.DataFrame(rows, columns=OVERFLOW_COLUMNS)
