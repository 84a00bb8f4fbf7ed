"""Shared fixtures: a temporary copy of the project's inputs, to break on purpose."""
from __future__ import annotations

from pathlib import Path

import pytest

from kzanalysis.io.files import copy_inputs
from kzanalysis.io.paths import project_root

ROOT = project_root()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of seeds/, data/ (curated tables) and datapackage.json (their schema) in a temporary root."""
    copy_inputs(ROOT, tmp_path)
    (tmp_path / "figures").mkdir()
    monkeypatch.setenv("KZANALYSIS_ROOT", str(tmp_path))
    return tmp_path


def rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a UTF-8 file (asserting that ``old`` is there)."""
    text = path.read_bytes().decode("utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_bytes(text.replace(old, new, count).encode("utf-8"))
