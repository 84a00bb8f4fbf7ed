"""The project's one exception type and the problem records it carries.

A ``Problem`` names the file, the line (CSV line number counting the header as line 1,
or the line of a text file), the field and what was expected. Validation collects every
problem first and raises one ``DataError`` listing them all, so that a user fixes them
in one pass.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input. ``line`` and ``field`` are None when not applicable."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        what = f"field '{self.field}': " if self.field else ""
        return f"{where}: {what}{self.message}"


class DataError(Exception):
    """Raised when inputs are invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        n = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in the inputs:\n{lines}")

    def table(self) -> pd.DataFrame:
        """The problems as a DataFrame with columns file, line, field, message."""
        return problems_table(self.problems)


def problems_table(problems: Iterable[Problem]) -> pd.DataFrame:
    """DataFrame of problems: file, line (nullable int), field, message."""
    rows = [(p.file, p.line, p.field, p.message) for p in problems]
    df = pd.DataFrame(rows, columns=["file", "line", "field", "message"])
    df["line"] = df["line"].astype("Int64")
    return df


def raise_if_any(problems: Iterable[Problem]) -> None:
    """Raise ``DataError`` if ``problems`` is not empty."""
    problems = list(problems)
    if problems:
        raise DataError(problems)
