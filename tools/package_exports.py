"""Write each subpackage's ``__init__.py``: its docstring and its modules' public names.

Run after adding or renaming a public function: ``.venv/bin/python tools/package_exports.py``.
tests/test_architecture.py fails if an ``__init__`` is out of date. Two modules of one subpackage
exporting the same public name is an error (the second would be silently shadowed).
"""
import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "kzanalysis"
DOCS = {
 "io": "Paths, the project's error type, strict file reading, atomic writes, and tables read against ``datapackage.json``.",
 "corpus": "The seed texts and their metadata: loading, validation, exclusions, sentence segments, the word list.",
 "gazetteer": "Actors and their aliases, mention matching in the texts, and the framing lexicon.",
 "evidence": "Curated claims and events, reference statistics with citations, periods, and the precision of stated figures.",
 "derived": "Tables rebuilt from seeds and curated tables (``data/derived/``): sentences, mentions, per-document counts.",
 "extract": "Finding candidate evidence in a text: numbers, quantities, dates, context, unknown names, events; and scoring it.",
 "analysis": "Pure functions over DataFrames: balance of attention, trade, consistency of sources. No plotting.",
 "figures": "Figure functions (analysis outputs in, a matplotlib Figure out), one module per notebook theme, and the house style.",
 "report": "Executing notebooks and rendering the report (HTML, PDF); tables for reading.",
 "pipeline": "The steps ``make`` runs: validate every input (``check``) and verify reproducibility (``verify``).",
 "intake": "Growing the corpus: add a document, review its candidates, accept them into the curated tables.",
}


def public_names(module: Path) -> list[str]:
    """Top-level functions, classes and constants of a module whose names start neither with ``_`` nor
    with ``pytest_``."""
    names = []
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    # pytest hooks (a plugin's ``pytest_*`` functions) are called by pytest, not by the package
    return sorted({n for n in names if not n.startswith(("_", "pytest_"))})


def init_text(pkg: str) -> str:
    """The ``__init__.py`` text of subpackage ``pkg``."""
    lines = [f'"""{DOCS[pkg]}"""\n']
    exported = []
    for module in sorted((SRC / pkg).glob("*.py")):
        if module.name == "__init__.py":
            continue
        names = public_names(module)
        clash = sorted(set(names) & set(exported))
        if clash:
            raise SystemExit(f"src/kzanalysis/{pkg}/{module.name}: public name(s) {', '.join(clash)} already "
                             f"exported by another module of {pkg}; rename one (a subpackage's names must be unique)")
        if names:
            lines.append(f"from kzanalysis.{pkg}.{module.stem} import {', '.join(names)}\n")
            exported += names
    lines.append("\n__all__ = [" + ", ".join(repr(n) for n in sorted(exported)) + "]\n")
    return "".join(lines)


if __name__ == "__main__":
    for pkg in DOCS:
        (SRC / pkg / "__init__.py").write_text(init_text(pkg), encoding="utf-8")
        print(f"wrote src/kzanalysis/{pkg}/__init__.py")
