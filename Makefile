# reportgen — partnership briefings for key account management.
# Everything a fresh clone needs is set up here: `make reports` and `make test` are all it takes.

PYTHON   ?= python3
VENV     ?= .venv
INPUT    ?= input
OUTPUT   ?= output
LANGS    ?= all
CRITERIA ?= criteria/efkam-partnership.yaml
PYTEST_ARGS ?=

BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup reports test lint messages examples clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  Variables: INPUT=$(INPUT) OUTPUT=$(OUTPUT) LANGS=$(LANGS) CRITERIA=$(CRITERIA)"

setup: $(STAMP) ## Create the virtualenv and install reportgen with its test tools

$(STAMP): pyproject.toml
	@$(PYTHON) scripts/check_system.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

reports: $(STAMP) ## Render a German and an English briefing for every account in INPUT into OUTPUT
	$(BIN)/reportgen briefing $(INPUT) --lang $(LANGS) --out $(OUTPUT) --criteria $(CRITERIA)

test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP) ## Check the code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(STAMP) ## Extract translatable words and update the German catalog
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -l de --no-fuzzy-matching --ignore-obsolete

examples: $(STAMP) ## Rewrite the example workbooks in input/
	$(BIN)/python scripts/make_examples.py

clean: ## Remove the virtualenv, rendered output and caches
	rm -rf $(VENV) $(OUTPUT) .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
