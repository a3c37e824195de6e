# Cán bộ Desktop — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: venv run test lint typecheck unit unit-postgres screenshots bench soak clean syscheck bundle

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Cần Python >= 3.11 (need Python 3.11+)"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Không tạo được .venv. Trên Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v 'is ignored' || true
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v 'is ignored' || true
	@$(BIN)/python -c 'import canbo_desktop, PySide6, sqlalchemy' || { echo "Cài đặt thư viện thất bại (pip install failed)"; exit 1; }
	@touch $(STAMP)

syscheck:
	@bash tools/syscheck.sh

# Opens the app on the demo database in the user data directory (created on first run).
run: venv
	@env -u QT_QPA_PLATFORM $(BIN)/canbo-desktop --demo

lint: venv
	$(BIN)/ruff check canbo_desktop tests benchmarks tools
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python tools/i18n.py check

# The tests run on every core (pytest-xdist; PYTEST_WORKERS=1 runs them in one process), a test file per worker.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile

unit: venv syscheck
	$(PYTEST)

# The service and integration tests again on a throw-away PostgreSQL server (tests/pg_server.py starts it).
unit-postgres: venv
	CANBO_TEST_BACKEND=postgres $(PYTEST) tests/integration

test: venv syscheck lint unit unit-postgres

screenshots: venv syscheck
	$(BIN)/python tools/screenshots.py docs/screenshots
	QT_SCALE_FACTOR=1.5 $(BIN)/python tools/screenshots.py docs/screenshots/150
	CANBO_LANG=en $(BIN)/python tools/screenshots.py docs/screenshots/en

# One-folder PyInstaller build (dist/canbo-desktop) + the frozen smoke tests; prints build time and size.
bundle: venv syscheck
	PYTHON=$(BIN)/python bash tools/build_bundle.sh

bench: venv
	$(BIN)/python -m benchmarks

# Longer robustness runs (docs/security.md): 200 SIGKILLs per operation (edit, Excel import, backup, restore),
# then the fuzzers with many more examples. Prints the figures: runs, before, after, partial, corrupt.
soak: venv
	CANBO_FAST_HASH=1 $(BIN)/python tools/killtest.py --runs $${SOAK_RUNS:-200}
	CANBO_FAST_HASH=1 HYPOTHESIS_PROFILE=soak $(BIN)/python -m pytest tests/unit/test_fuzz_*.py -q

clean:
	rm -rf $(VENV) build dist *.egg-info
