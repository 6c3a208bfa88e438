# The two contract commands: `make run` and `make test`. Each bootstraps .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint format clean screenshots translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

run: $(STAMP)
	$(BIN)/python tools/ensure_qt_libs.py
	$(BIN)/charter-workshop run

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check workshop ui tests
	$(BIN)/ruff format --check workshop ui tests

format: $(TEST_STAMP)
	$(BIN)/ruff format workshop ui tests
	$(BIN)/ruff check --fix workshop ui tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

screenshots: $(TEST_STAMP)
	$(BIN)/python tools/screenshots.py

translations: $(TEST_STAMP)
	$(BIN)/python tools/translations.py
