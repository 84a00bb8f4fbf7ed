"""gazetteer.actors (from actors.py)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzanalysis.gazetteer.mentions import aliases_occurring
from kzanalysis.io.errors import Problem
from kzanalysis.io.paths import layout, project_root, relative
from kzanalysis.io.tables import load_resource


def load_actors(root: Path | None = None) -> pd.DataFrame:
    """``data/actors.csv`` validated against its schema."""
    return load_resource("actors", root)


def load_aliases(root: Path | None = None) -> pd.DataFrame:
    """``data/aliases.csv`` validated against its schema."""
    return load_resource("aliases", root)


def gazetteer_problems(actors: pd.DataFrame, aliases: pd.DataFrame, texts: dict[str, str],
                       alias_lines: pd.Series | None = None, root: Path | None = None) -> list[Problem]:
    """Cross-table problems of the gazetteer.

    An alias that names an unknown actor, an alias listed twice or for two actors
    (compared case-insensitively unless both are case-sensitive), a blank alias, a
    person's or company's ``country`` that is not an actor, and an alias that occurs in
    no text although not marked ``expected_new``.
    """
    root = root or project_root()
    file = relative(layout(root).data / "aliases.csv", root)
    actors_file = relative(layout(root).data / "actors.csv", root)
    lines = alias_lines if alias_lines is not None else pd.Series(range(2, len(aliases) + 2), index=aliases.index)
    known = set(actors["actor_id"])
    problems: list[Problem] = []
    for row in actors.itertuples():
        if row.country and row.country not in known:
            problems.append(Problem(actors_file, int(getattr(row, "line", 0)) or None, "country",
                                    f"unknown actor id {row.country!r}"))
    seen: dict[str, tuple[int, str, bool]] = {}
    joined = "\n".join(texts[d] for d in sorted(texts))
    flags = aliases["case_sensitive"].where(aliases["case_sensitive"].notna(), False).astype(bool)
    occurring = aliases_occurring(list(zip(aliases["alias"], aliases["actor_id"], flags)), joined)
    line_of = lines.to_dict()
    columns = ["alias", "actor_id", "case_sensitive", "expected_new"]
    for idx, row in zip(aliases.index, aliases[columns].to_dict("records")):  # plain dicts: fast
        line = int(line_of[idx])
        alias = row["alias"]
        if not isinstance(alias, str) or not alias:
            continue  # a missing value is reported once, by the table schema (required)
        if not alias.strip():
            problems.append(Problem(file, line, "alias", "alias is only white space"))
            continue
        if alias != alias.strip():
            problems.append(Problem(file, line, "alias", f"alias {alias!r} has leading or trailing white space"))
        if row["actor_id"] and row["actor_id"] not in known:
            problems.append(Problem(file, line, "actor_id", f"unknown actor id {row['actor_id']!r} (not in data/actors.csv)"))
        case_sensitive = bool(row["case_sensitive"]) if pd.notna(row["case_sensitive"]) else False
        key = alias if case_sensitive else alias.casefold()
        for other_key in {alias, alias.casefold()}:
            if other_key in seen:
                first_line, first_actor, first_cs = seen[other_key]
                if other_key == key or not (first_cs and case_sensitive):
                    what = "for another actor " + repr(first_actor) if first_actor != row["actor_id"] else "again"
                    problems.append(Problem(file, line, "alias", f"alias {alias!r} is listed {what} (first on line {first_line})"))
                    break
        seen.setdefault(key, (line, row["actor_id"], case_sensitive))
        expected_new = bool(row["expected_new"]) if pd.notna(row["expected_new"]) else False
        if not expected_new:
            if (alias, case_sensitive) not in occurring:
                problems.append(Problem(file, line, "expected_new",
                                        f"alias {alias!r} occurs in no seed text; mark it expected_new=true or remove it"))
    return problems
