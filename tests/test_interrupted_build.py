"""A build killed mid-way leaves every previous output intact, and the next run completes."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from kzanalysis.io.files import copy_inputs
from kzanalysis.io.paths import project_root

ROOT = project_root()


def snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.skipif(len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))) < 2,
                    reason="needs at least two notebooks")
def test_killed_report_build_loses_nothing_and_next_run_completes(tmp_path):
    copy_inputs(ROOT, tmp_path, notebooks=True)
    shutil.copytree(ROOT / "figures", tmp_path / "figures")
    before = {name: snapshot(tmp_path / name) for name in ("notebooks", "figures")}
    env = dict(os.environ, KZANALYSIS_ROOT=str(tmp_path), PYTHONHASHSEED="0", MPLBACKEND="Agg")
    command = [sys.executable, "-m", "kzanalysis", "report", "--no-pdf"]
    proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    seen = ""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        seen += line
        if line.startswith("[2/"):  # notebook 1 finished, notebook 2 started
            break
        assert line or proc.poll() is None, f"build ended before the second notebook:\n{seen}"
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # every notebook is still a complete, valid notebook, and every figure is byte-identical
    for name in before["notebooks"]:
        json.loads((tmp_path / "notebooks" / name).read_text(encoding="utf-8"))
    after = snapshot(tmp_path / "figures")
    real = {k: v for k, v in after.items() if not k.split("/")[-1].startswith(".")}
    assert real == before["figures"]
    # the next run cleans up temporaries left by the killed one and completes
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "report" / "index.html").is_file()
    assert not list((tmp_path / "figures").glob(".*.tmp"))
    assert snapshot(tmp_path / "figures") == before["figures"]
