# reportgen — partnership briefings for key account management.
# Everything a fresh clone needs is set up here: `make reports` and `make test` are all it takes.

PYTHON   ?= python3
VENV     ?= .venv
INPUT    ?= input
OUTPUT   ?= output
LANGS    ?= all
PERIOD   ?=
CRITERIA ?= criteria
PYTEST_ARGS ?=

BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup reports briefings portfolio test fuzz bench lint messages examples clean
N ?= 200
MEMORY ?= 500

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  Variables: INPUT=$(INPUT) OUTPUT=$(OUTPUT) LANGS=$(LANGS) PERIOD=$(PERIOD) CRITERIA=$(CRITERIA)"

setup: $(STAMP) ## Create the virtualenv and install reportgen with its test tools

$(STAMP): pyproject.toml
	@$(PYTHON) scripts/check_system.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# --- batch runs: incremental -------------------------------------------------------------------
# One reportgen process renders what is out of date, on every core. make hands it the workbooks that
# changed since the last run ($?), and reportgen re-renders the accounts whose briefings draw on them
# (an account's earlier periods give its path and trend). A changed template, catalog, translation or
# code file re-renders everything. Exit code 1 (some files had problems) still records the run.

BUILD  := $(OUTPUT)/.build
INPUTS := $(wildcard $(INPUT)/*.xlsx $(INPUT)/*.xlsm $(INPUT)/*.ods $(INPUT)/*.xls $(INPUT)/*.xlsb \
          $(INPUT)/*.csv $(INPUT)/*.tsv)
# A catalog folder: each workbook is read with the catalog it names; a change to any of them counts.
CATALOGS := $(if $(wildcard $(CRITERIA)/.),$(wildcard $(CRITERIA)/*.yaml $(CRITERIA)/*.yml),$(CRITERIA))
RENDER_DEPS := $(STAMP) $(CATALOGS) $(wildcard templates/*.html templates/*/*.html templates/assets/*.css) \
               $(wildcard locales/*/LC_MESSAGES/*.po) $(wildcard reportgen/*.py reportgen/*/*.py)
SCOPE  := $(LANGS).$(or $(PERIOD),all)
# Only the changed workbooks, unless anything else changed: then everything.
ONLY_CHANGED = $(if $(filter-out $(INPUTS),$?),,$(foreach file,$?,--only-from '$(file)'))
RECORD = rc=$$?; if [ $$rc -le 1 ]; then mkdir -p $(BUILD) && touch $@; fi; exit $$rc

reports: briefings portfolio ## Render every briefing and the portfolio (de + en) from INPUT into OUTPUT

briefings: $(BUILD)/briefings.$(SCOPE) ## Render the briefings that are out of date

portfolio: $(BUILD)/portfolio.$(SCOPE) ## Render the portfolio report (PERIOD, default: the latest)

$(BUILD)/briefings.$(SCOPE): $(INPUTS) $(RENDER_DEPS)
	@$(BIN)/reportgen briefing $(INPUT) --lang $(LANGS) --out $(OUTPUT) --criteria $(CRITERIA) \
		$(if $(PERIOD),--period $(PERIOD)) $(ONLY_CHANGED); $(RECORD)

$(BUILD)/portfolio.$(SCOPE): $(INPUTS) $(INPUT) $(RENDER_DEPS)
	@$(BIN)/reportgen portfolio $(INPUT) --lang $(LANGS) --out $(OUTPUT) --criteria $(CRITERIA) \
		$(if $(PERIOD),--period $(PERIOD)); $(RECORD)

# --- development ---------------------------------------------------------------------------------

test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

fuzz: $(STAMP) ## The robustness properties with many more generated cases (a few minutes)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/robustness -q -p no:cacheprovider

bench: $(STAMP) ## Measure where the time goes (N=200 accounts, MEMORY=500 briefings; ~15 min on 2 cores)
	$(BIN)/python benchmarks/bench.py --accounts $(N) --memory-accounts $(MEMORY) --out $(OUTPUT)/bench/bench.json

lint: $(STAMP) ## Check the code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(STAMP) ## Extract translatable words and update the German catalog
	$(BIN)/pybabel extract -F babel.cfg -k Nn_:1,2 --no-location --sort-output -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -l de --no-fuzzy-matching --ignore-obsolete

examples: $(STAMP) ## Rewrite the example workbooks in input/
	$(BIN)/python scripts/make_examples.py

clean: ## Remove the virtualenv, rendered output and caches
	rm -rf $(VENV) $(OUTPUT) .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
