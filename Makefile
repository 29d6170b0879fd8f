# Two commands do all the set-up on a fresh clone: `make report` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= reports

.PHONY: report test lint bench compile clean-compiled clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/timeline report examples/xi_putin_call --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check timeline tests scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python scripts/bench_tagger.py
	$(BIN)/python scripts/bench_reconcile.py
	$(BIN)/python scripts/bench_render.py

# Optional: compile the reconcile solver (about 2x faster) and the tagger's hot modules (about 15 %)
# with mypyc; needs a C compiler and the Python headers. The list is in timeline/_compiled.py.
compile: $(STAMP)
	$(BIN)/python scripts/compile.py

clean-compiled:
	$(PYTHON) scripts/compile.py --clean

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info

# Refresh the picture in the README from the example report.
docs/xi_putin_call.png: report
	cp $(OUT)/xi_putin_call.png $@
