# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make demo   installs exposure-scan in .venv and scans a fictional clinician offline
#   make test   installs it with the test tools in .venv and runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/exposure-scan demo --out demo-report

test: $(VENV)/.installed
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet ruff mypy
	$(BIN)/ruff check exposure_scan providers reports tests bench examples
	# providers/ and reports/ are checked under their folder names: static tools cannot follow
	# the package-dir mapping that installs them as exposure_scan.providers and .reports ...
	$(BIN)/mypy exposure_scan providers reports
	# ... and once more as installed (a link tree), so the calls between them are checked too
	$(BIN)/python .ci/typecheck.py

bench: $(VENV)/.installed
	$(BIN)/python bench/matching.py ../shared/bench/matching-dev.jsonl

clean:
	rm -rf $(VENV) build *.egg-info demo-report
