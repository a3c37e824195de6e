# Cán bộ Desktop — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: venv run test lint typecheck unit screenshots bench soak clean syscheck

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

unit: venv syscheck
	$(BIN)/python -m pytest -q

test: venv syscheck lint unit

screenshots: venv syscheck
	$(BIN)/python tools/screenshots.py docs/screenshots

bench: venv
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info
