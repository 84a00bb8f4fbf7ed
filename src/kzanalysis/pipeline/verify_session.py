"""The pytest plugin of ``kzanalysis verify``'s session (``-p kzanalysis.pipeline.verify_session``).

``verify`` runs strict nbval over the notebooks of a temporary copy of the project and, with
``--unit-tests``, the unit tests under ``tests/`` in the same pytest session, on the same
pytest-xdist workers (one worker start-up and one collection for both, and no lane left idle
while the other finishes). This plugin makes that sound:

- each notebook's kernel gets ``KZANALYSIS_ROOT`` set to the project its notebook lies in (the
  folder above ``notebooks/``), while the unit tests run with the environment they were given;
- with ``-n N`` the cells of one notebook are one unit of work: one worker, in order, in that
  notebook's own kernel. Every other test is a unit of its own. Units are handed out largest
  first (so the notebooks start at once), then in collection order.

pytest-xdist's own ``--dist loadgroup`` would group the cells, but with pytest 9 its group
suffix is not applied (it sets ``item._nodeid``, which pytest 9 no longer reads), and
``--dist loadfile`` would also tie every test module to one worker.

Nothing in the package imports this module (pytest loads it; it imports pytest and pytest-xdist,
which are test dependencies): its hooks are not exported by ``kzanalysis.pipeline``.
"""
from __future__ import annotations

import os

import pytest
from xdist.scheduler import LoadScopeScheduling

_ENV_ROOT = "KZANALYSIS_ROOT"


def _notebook_scope(nodeid: str) -> str:
    """The unit of work of a test id: the notebook file for a notebook cell
    (``01_corpus.ipynb::Cell 3`` -> ``01_corpus.ipynb``), else the test id itself."""
    path = nodeid.split("::", 1)[0]
    return path if path.endswith(".ipynb") else nodeid


def _notebook_project(notebook: os.PathLike | str) -> str:
    """The project root a notebook belongs to: the folder above its ``notebooks/`` folder."""
    return os.fspath(os.path.dirname(os.path.dirname(os.path.abspath(notebook))))


class _NotebookScheduling(LoadScopeScheduling):
    """Load-scope scheduling whose scope is ``_notebook_scope``: a notebook, or a single test."""

    def _split_scope(self, nodeid: str) -> str:
        return _notebook_scope(nodeid)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    """While a notebook cell is set up (nbval starts the notebook's kernel with its first cell),
    ``KZANALYSIS_ROOT`` names the notebook's project; the previous value is restored after."""
    if not str(item.path).endswith(".ipynb"):
        return (yield)
    saved = os.environ.get(_ENV_ROOT)
    os.environ[_ENV_ROOT] = _notebook_project(item.path)
    try:
        return (yield)
    finally:
        if saved is None:
            os.environ.pop(_ENV_ROOT, None)
        else:
            os.environ[_ENV_ROOT] = saved


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """pytest-xdist's load-scope scheduling with ``_notebook_scope`` as the scope of a test."""
    return _NotebookScheduling(config, log)
