"""One number formatter for every table and sentence of the report."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from kzanalysis.analysis.formatting import difference_text, format_amount, format_number, ordinal, significant
from kzanalysis.report.display import Table, column_kind, formatted


def test_amounts_get_thousands_separators_and_years_never_do():
    assert format_number(24_500_000_000, "amount") == "24,500,000,000"
    assert format_number(2022, "year") == "2022"
    assert format_number(2022.0, "year") == "2022"
    assert format_amount(2009, "year") == "2009"


def test_ranks_are_places():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]
    assert format_number(16, "rank") == "16th"
    assert format_amount(5, "rank") == "5th"
    assert difference_text(1, 1 / 15, "rank") == "1 place lower"
    assert difference_text(-2, -0.1, "rank") == "2 places higher"
    assert difference_text(0, 0, "rank") == "same place"


def test_differences_of_percentages_are_percentage_points():
    assert difference_text(25.74, 0.798, "percent") == "+25.7 pp"
    assert format_number(25.74, "pp") == "+25.7 pp"
    assert format_number(-0.02, "pp") == "0 pp"
    assert difference_text(1.2e9, 0.293, "usd") == "+29%"


def test_no_scientific_notation_and_no_negative_zero():
    assert format_number(0.00001234) == "0.00001234"
    assert format_number(1.5e-7) == "0.00000015"
    assert format_number(-0.0) == "0"
    assert significant(-0.00004, 1) == "-0.00004"
    assert format_number(-0.0000000000001) == "0"
    for value in (1e-9, 3.3e-5, 123456789.123, 1e15 + 0.5):
        assert "e" not in format_number(value).lower()


def test_four_significant_digits_and_missing_values():
    assert format_number(0.89312) == "0.8931"
    assert format_number(12.3456) == "12.35"
    assert format_number(1234.56) == "1,235"
    assert format_number(float("nan")) == "–"
    assert format_number(None) == "–"
    assert format_number(pd.NA) == "–"
    assert format_number(math.inf) == "∞"
    assert format_number("x") == "x"
    assert format_number(0.58, "share") == "58%"
    with pytest.raises(ValueError):
        format_number(1, "furlongs")


def test_tables_detect_year_and_rank_columns_by_name_and_values():
    frame = pd.DataFrame({"year": [2021, 2022], "first_year": [2020.0, None], "date_from": [2019, 2020],
                          "rank": [4, 1], "n_words": [2023, 12000], "value": [-0.0, 1e-6]})
    assert [column_kind(c, frame[c]) for c in frame] == ["year", "year", "year", "rank", "number", "number"]
    cells = formatted(frame, index=False)
    assert list(cells.iloc[0]) == ["2021", "2020", "2019", "4th", "2,023", "0"]
    assert list(cells.iloc[1]) == ["2022", "–", "2020", "1st", "12,000", "0.000001"]
    assert "n words" in repr(Table(frame, index=False)).splitlines()[0]


def test_amounts_of_every_unit_are_never_in_scientific_notation():
    from kzanalysis.analysis.formatting import formula_for_reading
    assert format_amount(11.4e9, "count") == "11,400,000,000"
    assert format_amount(12345.0, "percent") == "12,345%"
    assert format_amount(16.666, "multiple") == "×16.67"
    assert format_amount(188.62e9, "try") == "188.62 bn TRY"
    assert formula_for_reading("190e9 / 11.4e9") == "190 bn / 11.4 bn"
    assert formula_for_reading("(10e9 / 6.3e9 - 1) * 100") == "(10 bn / 6.3 bn - 1) * 100"
    assert formula_for_reading("2e-3 + x1e9") == "0.002 + x1e9"


def test_an_empty_table_says_none_instead_of_a_header_over_no_rows():
    table = Table(pd.DataFrame(columns=["metric", "value_a"]), index=False, caption="0 pairs of claims in conflict")
    assert table._repr_html_() == '<p class="empty-table">0 pairs of claims in conflict: none.</p>'
    assert repr(table) == "0 pairs of claims in conflict: none."
    assert repr(Table(pd.DataFrame(columns=["x"]), index=False)) == "No rows."
