"""The package's layout follows the data flow: small modules, no import cycle, dependencies pointing down.

The layers, from the bottom: io → corpus → gazetteer → evidence → derived → extract →
analysis → figures → report → pipeline → intake → cli. A module may import from its own
layer and the layers below it, never from a layer above.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import kzanalysis

PACKAGE = Path(kzanalysis.__file__).resolve().parent
TOOLS = PACKAGE.parents[1] / "tools"
LAYERS = ["io", "corpus", "gazetteer", "evidence", "derived", "extract", "analysis", "figures", "report",
          "pipeline", "intake", "cli"]
MAX_LINES = 500


def module_name(path: Path) -> str:
    return ("kzanalysis." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


MODULES = sorted(PACKAGE.rglob("*.py"))


def imports_of(path: Path) -> set[str]:
    """Modules of kzanalysis that ``path`` imports at module level (``from pkg import sub`` counts as ``pkg.sub``)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kzanalysis"):
            base = PACKAGE.parent / node.module.replace(".", "/")
            for alias in node.names:
                sub = base / alias.name
                found.add(f"{node.module}.{alias.name}" if sub.with_suffix(".py").is_file() or sub.is_dir()
                          else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kzanalysis")}
    return found - {module_name(path)}


def layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else -1


def test_every_module_belongs_to_a_layer_and_none_is_long():
    for path in MODULES:
        name = module_name(path)
        if name in ("kzanalysis", "kzanalysis.__main__"):
            continue
        assert layer(name) >= 0, f"{name} is outside the layers {LAYERS}"
        n = len(path.read_text(encoding="utf-8").splitlines())
        assert n <= MAX_LINES, f"{name} has {n} lines (at most {MAX_LINES})"


def test_dependencies_point_down_the_flow():
    upward = [(module_name(p), target) for p in MODULES for target in imports_of(p)
              if layer(module_name(p)) >= 0 and layer(target) > layer(module_name(p))]
    assert upward == []


def test_no_import_cycle():
    graph = {module_name(p): imports_of(p) for p in MODULES}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(trail[trail.index(nxt):] + [nxt]))
            if nxt in graph and not state.get(nxt):
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [node])


def test_analysis_never_draws_and_nothing_imports_the_command_line():
    for path in MODULES:
        name = module_name(path)
        source = path.read_text(encoding="utf-8")
        if name.startswith("kzanalysis.analysis"):
            assert "matplotlib" not in source, f"{name} imports matplotlib"
        if not name.startswith("kzanalysis.cli") and name != "kzanalysis.__main__":
            assert not any(t.startswith("kzanalysis.cli") for t in imports_of(path)), f"{name} imports the CLI"


def test_every_module_imports_on_its_own():
    """Each module imported first, in a clean state (catches cycles through a package's ``__init__``).

    One interpreter (third-party packages stay loaded; every ``kzanalysis`` module is dropped from
    ``sys.modules`` before each import), packages before their modules. Python imports a module's
    parent package, in full, before the module's own code: so importing ``pkg.mod`` first runs
    exactly what importing ``pkg`` first runs whenever ``pkg``'s clean import loads ``pkg.mod``
    itself (every subpackage's ``__init__`` imports its modules). Such a module is not imported
    again on its own; every other one is (``__main__`` aside: it runs the command line)."""
    names = sorted((module_name(p) for p in MODULES if module_name(p) != "kzanalysis.__main__"),
                   key=lambda n: (n.count("."), n))
    packages = [module_name(p) for p in MODULES if p.name == "__init__.py"]
    code = ("import importlib, sys\n"
            "packages, covered, tried = set(sys.argv[1].split(',')), set(), 0\n"
            "for name in sys.argv[2:]:\n"
            "    if name in covered:\n"
            "        continue\n"
            "    for loaded in [m for m in sys.modules if m == 'kzanalysis' or m.startswith('kzanalysis.')]:\n"
            "        del sys.modules[loaded]\n"
            "    tried += 1\n"
            "    try:\n"
            "        importlib.import_module(name)\n"
            "    except Exception as exc:\n"
            "        print(f'{name}: {exc!r}')\n"
            "        continue\n"
            "    if name in packages:  # its children loaded by its clean import ran just as they would first\n"
            "        covered |= {m for m in sys.modules if m.rpartition('.')[0] == name}\n"
            "print(f'imported {tried} of {len(sys.argv) - 2} first', file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code, ",".join(packages), *names], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr[-2000:]


def test_each_subpackage_exports_the_public_names_of_its_modules():
    sys.path.insert(0, str(TOOLS))
    try:
        from package_exports import DOCS, init_text
    finally:
        sys.path.remove(str(TOOLS))
    assert sorted(DOCS) == sorted(set(LAYERS) - {"cli"})
    for pkg in DOCS:
        current = (PACKAGE / pkg / "__init__.py").read_text(encoding="utf-8")
        assert current == init_text(pkg), f"src/kzanalysis/{pkg}/__init__.py is out of date: run tools/package_exports.py"
