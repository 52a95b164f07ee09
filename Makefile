# Two commands on a fresh machine: `make serve` and `make test`. Both create the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

NODE_STAMP := node_modules/.installed

.PHONY: serve site test check schema bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

# axe-core for the accessibility tests and vnu-jar (the Nu HTML Checker) for the HTML validity test (npm registry;
# pinned in package-lock.json). No install scripts: vnu-jar's would download a Java runtime when none is on PATH;
# the tests use the distribution's Java (.ci/run installs it).
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

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
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

## bench: measure build time, page weight and Lighthouse scores (see site_tests/bench/README.md)
bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m site_tests.bench

clean:
	rm -rf $(VENV) site .pytest_cache node_modules
