# Two commands on a fresh machine: `make serve` and `make test`. Both create the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve site test check schema clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

## serve: build both languages and serve them with live reload on http://127.0.0.1:8000/
serve: $(STAMP)
	$(BIN)/python -m generator serve

## site: build the static site into site/ (strict; fails on any warning or data error)
site: $(STAMP)
	$(BIN)/python -m generator build

## check: validate guideline_data/ and list every error
check: $(STAMP)
	$(BIN)/python -m generator check

## schema: regenerate guideline_data/schema/ from the models
schema: $(STAMP)
	$(BIN)/python -m generator schema

## test: run the whole test suite (unit, build and browser tests)
test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site .pytest_cache
