"""Write a notebook from a list of (kind, source) cells: used to author notebooks as code.

Usage inside an authoring script:
    from nbgen import write_notebook
    write_notebook("notebooks/01_corpus.ipynb", [("md", "# Title"), ("code", "x = 1"), ...])
Tags: ("code", source, ["findings"]) adds cell tags. Cell ids are derived from the cell
position so that rewriting a notebook gives the same file.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def write_notebook(path: str | Path, cells: list[tuple]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(cells):
        kind, source = cell[0], cell[1].strip("\n")
        tags = cell[2] if len(cell) > 2 else []
        new = nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source)
        new.id = f"cell-{i:02d}"
        if tags:
            new.metadata["tags"] = list(tags)
        nb.cells.append(new)
    Path(path).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit("import write_notebook from this module")
