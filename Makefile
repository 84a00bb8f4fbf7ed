# kzanalysis: the README's commands live here.
#   make report   set up, validate inputs, rebuild derived data, run notebooks, export figures, render report/
#   make test     set up, validate inputs, unit tests, strict nbval over notebooks/, print layout of the report
#   make lab      JupyterLab in the same environment
# Everything runs in .venv, installed from requirements/lock.txt with --require-hashes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Fixed settings that keep outputs byte-identical between runs (see README, "Reproducibility").
export PYTHONHASHSEED := 0

export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1

# Parallel lanes: pytest-xdist workers for the unit tests, notebooks executed at once (each in its own kernel).
JOBS ?= 2

.PHONY: all setup check build report test unit nbval test-lanes test-check test-session lab lock bench bench-feedback clean

all: report

$(STAMP): requirements/lock.txt pyproject.toml
	@echo "==> creating $(VENV) and installing pinned, hash-checked dependencies"
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

setup: $(STAMP)

check: setup
	$(BIN)/kzanalysis check

build: check
	$(BIN)/kzanalysis build

# only notebooks whose inputs changed are executed, and the report re-rendered only if its input changed
# (stamps in build/); make report FORCE=1 executes and renders everything
report: build
	$(BIN)/kzanalysis report --jobs $(JOBS)$(if $(FORCE), --force)

unit: check
	$(BIN)/python -m pytest -n $(JOBS) -p no:cacheprovider tests

# strict nbval in a temporary copy, then figures/ and data/derived/ compared byte for byte; meanwhile the
# print edition laid out: no table wider than its page, no table row split across pages
nbval: check
	$(BIN)/kzanalysis verify --jobs $(JOBS)

# the unit tests and strict nbval run in one pytest session on JOBS xdist workers (kzanalysis verify
# --unit-tests: one start-up and one collection for both, each notebook's cells together on one worker,
# the unit tests filling the cores around them); beside it the input check, so that bad input fails
# `make test` all the same without delaying the session. Each lane's output is printed whole when it ends.
test: setup
	$(MAKE) --no-print-directory -j2 --output-sync=target test-lanes

test-lanes: test-check test-session
test-check:
	$(BIN)/kzanalysis check
test-session:
	$(BIN)/kzanalysis verify --unit-tests --jobs $(JOBS)

# --allow-root only when run as root (containers), where JupyterLab refuses to start otherwise
lab: setup
	$(BIN)/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: setup
	$(BIN)/python benchmarks/bench_extract.py

bench-feedback: setup
	$(BIN)/python benchmarks/bench_feedback.py

# Re-resolve the lock after editing requirements/requirements.in (needs network to PyPI); packages kept out
# although a dependency asks for them are listed, with the reason, in requirements/overrides.txt.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile requirements/requirements.in --override requirements/overrides.txt --generate-hashes \
	  --python-version 3.11 --python-platform x86_64-unknown-linux-gnu --no-header \
	  --output-file requirements/lock.txt

clean:
	rm -rf $(VENV) report build .pytest_cache
