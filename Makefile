# The two contract commands: `make run` and `make test`. Each bootstraps .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck format clean screenshots translations

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

# Fast failures first: lint and types in seconds, then the suite. The suite runs the
# quick bench once (tests/test_bench_harness.py), so `test` does not run it again.
# The "ci" hypothesis profile (tests/conftest.py) replays the same examples every run.
test: lint typecheck office
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --hypothesis-profile=ci -n auto --dist loadfile

# The LibreOffice round trip of the draft charter (tests/workshop/exports/
# test_charter_libreoffice.py) needs soffice: installed when we are root and have apt-get;
# never a reason for `make test` to fail (the test then says why it is skipped).
.PHONY: office
office:
	@command -v soffice >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && { apt-get install -y -qq libreoffice-writer-nogui >/dev/null 2>&1 \
	       || { apt-get update -qq >/dev/null 2>&1 \
	            && apt-get install -y -qq libreoffice-writer-nogui >/dev/null 2>&1; }; }; } \
	  || echo "soffice unavailable: the LibreOffice round-trip test will be skipped"

LINTED := workshop ui tests bench tools

lint: $(TEST_STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

# mypy on the domain; settings in pyproject.toml ([tool.mypy])
typecheck: $(TEST_STAMP)
	$(BIN)/mypy workshop

format: $(TEST_STAMP)
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache

screenshots: $(TEST_STAMP)
	$(BIN)/python tools/screenshots.py

translations: $(TEST_STAMP)
	$(BIN)/python tools/translations.py

# Performance harness (bench/, BENCHMARKS.md). `bench` runs S, M, L, XL (XL is generated
# once into bench/.cache/, minutes) and writes bench/results.json and the table in
# BENCHMARKS.md; `bench-quick` runs S only, in seconds, into a temporary folder.
.PHONY: bench bench-quick

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

bench-quick: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench --quick

# Long fuzz run (issue 9): thousands of mutated workshop files and bundles, and the
# 1,000-participant export. The normal `make test` runs the same tests with a few dozen
# mutants. CHARTER_FUZZ_SEED=N replays another sequence. Prints the figures per run.
.PHONY: fuzz
FUZZ_N ?= 2000

fuzz: $(TEST_STAMP)
	CHARTER_FUZZ_N=$(FUZZ_N) CHARTER_BIG_N=1000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s \
		tests/workshop/test_fuzz_file.py tests/workshop/bundle/test_fuzz_bundle.py \
		tests/workshop/test_export_bounds.py

# The frozen app (issue 17, packaging/README.md). `package` installs PyInstaller through
# the [package] extra, makes sure the build host has the X11 libraries Qt's xcb plugin
# needs (the bundle carries them; without root it says what is missing and the build goes
# on without them), and builds dist/charter-workshop/ and, on Linux, the
# .tar.gz with its install script. `package-smoke` runs the built program, not the source.
.PHONY: package package-smoke
PACKAGE_STAMP := $(VENV)/.installed-package

$(PACKAGE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $(STAMP) $@

package: $(PACKAGE_STAMP)
	-env -u QT_QPA_PLATFORM -u WAYLAND_DISPLAY $(BIN)/python tools/ensure_qt_libs.py
	$(BIN)/python packaging/build.py

package-smoke: $(STAMP)
	$(BIN)/python packaging/smoke.py

# The phone page's browser test (issue 15) runs Debian's headless Chromium: `make test`
# installs chromium and chromium-driver when they are missing, only as root on a system
# with apt-get; elsewhere the test is skipped and says why.
.PHONY: browser
test: browser

browser:
	@if ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1 \
		&& command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing chromium and chromium-driver for the phone page's browser test"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q chromium chromium-driver >/dev/null \
		|| { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; } \
		|| echo "chromium could not be installed: the browser test will be skipped"; \
	fi
