# reportgen — partnership briefings for key account management.
# Everything a fresh clone needs is set up here: `make reports` and `make test` are all it takes.

PYTHON   ?= python3
VENV     ?= .venv
INPUT    ?= input
OUTPUT   ?= output
LANGS    ?= all
PERIOD   ?=
CRITERIA ?= criteria
ARCHIVE  ?=
FORMATS  ?= pdf
PPTX_TEMPLATE ?=
PYTEST_ARGS ?=

BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: FORCE help setup lock upgrade reports briefings portfolio test golden fuzz mutate bench lint messages examples docs clean
N ?= 200
MEMORY ?= 500

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  Variables: INPUT=$(INPUT) OUTPUT=$(OUTPUT) LANGS=$(LANGS) PERIOD=$(PERIOD) CRITERIA=$(CRITERIA) ARCHIVE=$(ARCHIVE)"
	@echo "             FORMATS=\"$(FORMATS)\" (pdf, pptx: the briefings as PDFs and/or decks) PPTX_TEMPLATE=$(PPTX_TEMPLATE)"

# --- setup: the versions in uv.lock ---------------------------------------------------------------
# Every machine installs exactly the versions uv.lock pins (the whole tree, each file checked against its
# hash), so that the same input renders the same bytes everywhere and the golden HTML holds. uv installs
# them, and in seconds: a wheel from the package index, itself pinned with its hashes in
# uv-requirements.txt and installed into TOOLS with the pip of PYTHON. reportgen is installed editable, so
# a change to its code needs no setup again; a change to uv.lock or pyproject.toml sets up again. The
# packages are compiled to bytecode once, as pip did: where no process may write it (PYTHONDONTWRITEBYTECODE,
# set in the environment) every process and worker compiled them anew, and `make reports` took half as
# long again.
# The virtualenv's Python is PYTHON (uv never downloads one). The team's machines and CI have Python 3.11,
# the lowest version pyproject.toml supports, so `make test` tests the lowest; `make PYTHON=python3.13
# test` tests another (after `make clean`).
TOOLS ?= .tools
UV    := $(TOOLS)/bin/uv
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

setup: $(STAMP) ## Create the virtualenv and install reportgen with its test tools, as uv.lock pins them

$(UV): uv-requirements.txt
	$(PYTHON) -m venv --clear $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --require-hashes -r uv-requirements.txt
	@touch $@

$(STAMP): pyproject.toml uv.lock $(UV)
	@$(PYTHON) scripts/check_system.py
	$(UV) sync --quiet --locked --compile-bytecode --extra dev --python $(PYTHON) \
		|| { echo "If uv.lock needs updating after a change to pyproject.toml: make lock, and commit uv.lock." >&2; exit 1; }
	@touch $@

lock: $(UV) ## Update uv.lock after a change to the dependencies in pyproject.toml (other versions stay)
	$(UV) lock

# --- batch runs: incremental -------------------------------------------------------------------
# A report is made again exactly when a clean run would make it differently: when a file it draws on
# is added, removed, renamed or changed in content, whatever the file's date says (a copy with `cp -p`,
# a zip from an e-mail or a git checkout keeps an old one). make's file times cannot see that, so:
#
# - The fingerprint (FINGERPRINT) holds every input and catalog file's name, content digest and date
#   (a date decides which of one rater's two copies counts). Its rule runs every time, but rewrites the
#   file only when it changed, and make, which looks at the file's date after the rule, goes on to the
#   steps only then. Nothing changed: nothing else runs.
# - Each step then reads every file (an account's files decide its briefing) and keeps a record of
#   the files it made and what each was made from (OUTPUT/.build/made/): a report whose files are
#   the same is left as it is, one whose files changed is made again, and one that can no longer be
#   made (its files removed, renamed or broken past reading) is removed, and the run says so. Only
#   files a record lists, unchanged since, are ever removed. A report that failed to render leaves
#   its step not done, so the next run tries it again. A changed template, translation or code file
#   makes everything again (--rebuild), and so does a changed catalog (by its contents).
# - There is a portfolio per quarter found. Which quarters there are, and which files each one's
#   portfolio draws on, only reading the files tells (a CSV can hold many quarters): reportgen writes it
#   as a make fragment, the portfolio plan, with each quarter's list of files and their digests in a
#   file of its own, rewritten only when it changes; a quarter's portfolio is made again only then.
#
# A broken workbook never stops the others. Each step records the problems of its run beside its
# stamp (reportgen --record) and succeeds, so every briefing and portfolio that can be made is made;
# then `reports`, `briefings` and `portfolio` list the recorded problems, once, and fail. They keep
# failing, without rendering anything again, until the file is fixed or removed. The files' warnings
# are said by the briefing step; the portfolio steps, reading the same files, keep quiet about them.

BUILD    := $(OUTPUT)/.build
PROBLEMS := $(BUILD)/problems
MADE     := $(BUILD)/made
FINGERPRINT := $(BUILD)/inputs.fingerprint
# Every template, stylesheet, font and code file, at any depth (a template of the shared edition lies
# three folders down), and the translations; by their kind, so that an editor's backup or swap file
# beside them makes nothing again.
RENDER_DEPS := $(STAMP) $(shell find templates reportgen -type f \( -name '*.html' -o -name '*.css' \
                   -o -name '*.ttf' -o -name '*.otf' -o -name '*.py' \)) \
               $(wildcard locales/*/LC_MESSAGES/*.po)
# ARCHIVE=1: the briefings and portfolios as archival PDFs (--archive, *_archive.pdf), kept apart from
# the others in stamps of their own; the key account's edition is not archived.
# PERIOD as reportgen reads it (Q3/26, "3. Quartal 2026", a date: 2026-Q3), so that it names the stamps
# and the quarter's files as --period does; as given (made fit for a file name) when it names none, for
# reportgen to say so. Since reportgen reads it, a fresh clone is set up first (by a make without
# PERIOD, which reads this file too).
ifneq ($(PERIOD),)
ifeq ($(wildcard $(STAMP)),)
$(shell $(MAKE) --no-print-directory setup PERIOD= >&2)
endif
endif
QUARTER := $(if $(PERIOD),$(or $(shell $(BIN)/reportgen quarter "$(PERIOD)" 2>/dev/null),$(subst /,-,$(subst $(eval) ,_,$(PERIOD)))))
PERIOD_OPTION = $(if $(PERIOD),--period "$(PERIOD)")
SCOPE  := $(LANGS).$(or $(QUARTER),all)$(if $(ARCHIVE),.archive)
READ   := $(INPUT) --lang $(LANGS) --criteria $(CRITERIA)
ARCHIVING := $(if $(ARCHIVE),--archive)
# FORMATS="pdf pptx": the briefings as PDFs and as editable decks, in the slide template PPTX_TEMPLATE
# (a .pptx or .potx; reportgen's own without). What the briefing steps are asked to make (the formats,
# and the decks' template by content, reportgen's own too) is kept in FORMATS_ASKED, rewritten only when it changes, so that a run
# asking for other formats or a changed template goes on to the steps: each step's record then keeps the
# files it made from the same files as before (the PDFs, where only a deck is new) and removes those no
# longer asked for, as a clean run would have none.
FORMATS_ASKED := $(BUILD)/formats.recipe
DECK_TEMPLATE = $(or $(PPTX_TEMPLATE),templates/deck/reportgen.pptx)
FORMAT_OPTIONS = $(foreach format,$(FORMATS),--format $(format)) $(if $(PPTX_TEMPLATE),--pptx-template "$(PPTX_TEMPLATE)")
# Everything again when anything but the input files or the formats asked for changed: the templates,
# code or installation.
REBUILD = $(if $(filter-out $(FINGERPRINT) $(FORMATS_ASKED) %.inputs,$?),--rebuild)
# reportgen touches a step's stamp when it is done, and removes it while a report failed to render, so
# that the next run tries that report again.
DONE = --stamp $@

BRIEFINGS      := $(BUILD)/briefings.$(SCOPE)
PORTFOLIO      := $(BUILD)/portfolio.$(SCOPE).
PORTFOLIO_PLAN := $(BUILD)/portfolio-plan.$(SCOPE).mk
ifneq ($(filter reports portfolio,$(MAKECMDGOALS)),)
-include $(PORTFOLIO_PLAN)
endif
PORTFOLIOS = $(addprefix $(PORTFOLIO),$(PORTFOLIO_QUARTERS))
BRIEFING_RECORDS  = $(PROBLEMS)/briefings.$(SCOPE)
PORTFOLIO_RECORDS = $(PROBLEMS)/portfolio-plan.$(SCOPE) $(addprefix $(PROBLEMS)/portfolio.$(SCOPE).,$(PORTFOLIO_QUARTERS))
# The problems recorded by the latest run of each step: listed, and make fails.
CHECK = $(if $(wildcard $(1)),@$(BIN)/reportgen recorded --lang $(LANGS) $(wildcard $(1)))

# The edition handed to the key account, shown with two examples of 2026-Q3: one with the key account's
# own view (Meridian), one with a mutual action plan carried over from 2026-Q2 (Brandtner). Made from the
# examples in input/ only (another INPUT need not hold these accounts), unless PERIOD asks for another
# quarter. Its problems are recorded and listed at the end like those of the other steps.
SHARED_QUARTER := 2026-Q3
# The files, as patterns the shell expands in the recipe, so that a name with spaces stays one name.
SHARED_EXAMPLE := $(INPUT)/meridian-aerotech_$(SHARED_QUARTER)*.xlsx $(INPUT)/brandtner-praezisionstechnik_2026-Q[23].xlsx
SHARED_EDITION := $(if $(ARCHIVE),,$(if $(filter input,$(INPUT)),$(if $(filter-out $(SHARED_QUARTER),$(QUARTER)),,\
	$(if $(wildcard $(SHARED_EXAMPLE)),$(BUILD)/shared-example.$(LANGS)))))
SHARED_RECORDS  = $(if $(SHARED_EDITION),$(PROBLEMS)/shared-example.$(LANGS))

reports: $(BRIEFINGS) $(PORTFOLIOS) $(SHARED_EDITION) ## Render every briefing and a portfolio per quarter (de + en) from INPUT into OUTPUT
	$(call CHECK,$(BRIEFING_RECORDS) $(PORTFOLIO_RECORDS) $(SHARED_RECORDS))

briefings: $(BRIEFINGS) ## Render the briefings that are out of date
	$(call CHECK,$(BRIEFING_RECORDS))

portfolio: $(PORTFOLIOS) ## Render the portfolios that are out of date (one per quarter, or PERIOD)
	$(call CHECK,$(PORTFOLIO_RECORDS))

# Rewritten only when an input or catalog file was added, removed, renamed or changed in content.
$(FINGERPRINT): $(STAMP) FORCE
	@$(BIN)/python -m reportgen.common.input_files $@ $(INPUT) --criteria $(CRITERIA)

$(FORMATS_ASKED): FORCE
	@mkdir -p $(@D) && printf '%s\n' "$(FORMATS)" "$(PPTX_TEMPLATE)" \
		"$(if $(filter pptx,$(FORMATS)),$$(sha256sum < "$(DECK_TEMPLATE)" 2>/dev/null))" > $@.new \
		&& { cmp -s $@.new $@ && rm $@.new || mv $@.new $@; }

$(BRIEFINGS): $(FINGERPRINT) $(FORMATS_ASKED) $(RENDER_DEPS)
	@$(BIN)/reportgen briefing $(READ) $(ARCHIVING) $(FORMAT_OPTIONS) --out $(OUTPUT) $(PERIOD_OPTION) \
		--outputs-record $(MADE)/briefings.$(SCOPE) $(REBUILD) --record $(PROBLEMS)/briefings.$(SCOPE) $(DONE)

$(SHARED_EDITION): $(FINGERPRINT) $(FORMATS_ASKED) $(RENDER_DEPS)
	@$(BIN)/reportgen briefing $(SHARED_EXAMPLE) --lang $(LANGS) --criteria $(CRITERIA) --edition shared $(FORMAT_OPTIONS) \
		--period $(SHARED_QUARTER) --out $(OUTPUT) --outputs-record $(MADE)/shared-example.$(LANGS) $(REBUILD) \
		--record $(SHARED_RECORDS) $(DONE)

$(PORTFOLIO_PLAN): $(FINGERPRINT) $(RENDER_DEPS)
	@$(BIN)/reportgen portfolio $(READ) $(PERIOD_OPTION) --make-deps $@ --out $(OUTPUT) \
		--outputs-record $(MADE)/portfolio.$(SCOPE) --record $(PROBLEMS)/portfolio-plan.$(SCOPE)

# Its prerequisite for each quarter (the list of files it draws on) comes from the plan; its record of
# what it made is named as reportgen.outputs.make_records.quarter_record_path names it.
$(PORTFOLIO)%: $(RENDER_DEPS)
	@$(BIN)/reportgen portfolio $(READ) $(ARCHIVING) --out $(OUTPUT) --period $* --outputs-record $(MADE)/portfolio.$(SCOPE).$* \
		$(REBUILD) --record $(PROBLEMS)/portfolio.$(SCOPE).$* $(DONE)

FORCE:

# --- development ---------------------------------------------------------------------------------

# One test process per core: the suite renders hundreds of PDFs and runs make, so it is CPU-bound.
test: $(STAMP) ## Run the whole test suite (and the import layers: lint-imports)
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

golden: $(STAMP) ## Rewrite the golden HTML in tests/output after an intended change to a report
	$(BIN)/python -m tests.rendering.golden

# What newer releases change, shown before they are committed: the examples' reports are rendered before
# and after (under the tests' SOURCE_DATE_EPOCH) and compared byte for byte, then the golden HTML and the
# same-bytes tests run. A change is not wrong in itself: look at the two PDFs, `make golden` if the HTML
# changed as intended, and commit uv.lock with the golden files; or `git checkout uv.lock && make setup`.
UPGRADE    := $(OUTPUT)/.upgrade
SAME_BYTES := golden or byte_identical or same_byte_for_byte or reproducible
RENDER_EXAMPLES = SOURCE_DATE_EPOCH=1795737600 $(MAKE) --no-print-directory reports OUTPUT=$(UPGRADE)/$(1) \
	> $(UPGRADE)/$(1).log || { cat $(UPGRADE)/$(1).log; exit 1; }

upgrade: $(STAMP) ## Move every dependency to its newest release for Python 3.11 on (uv.lock), and show what that changes in the reports
	rm -rf $(UPGRADE) && mkdir -p $(UPGRADE)
	$(call RENDER_EXAMPLES,before)
	$(UV) lock --upgrade
	$(MAKE) --no-print-directory setup
	$(call RENDER_EXAMPLES,after)
	@if diff -rq -x .build $(UPGRADE)/before $(UPGRADE)/after; then echo "The reports are the same byte for byte."; \
	else echo "These reports changed: compare them in $(UPGRADE)/before and $(UPGRADE)/after."; fi
	$(BIN)/python -m pytest tests -q -p no:cacheprovider -n auto -k "$(SAME_BYTES)"

fuzz: $(STAMP) ## The robustness properties with many more generated cases (a few minutes)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/robustness -q -p no:cacheprovider

# Not part of `make test`: it runs the modules' tests once per mutant. MODULES="reportgen.analysis.rebalancing"
# tests only those; scripts/mutate.py explains the figures and tests/equivalent_mutants.txt.
MODULES ?=
mutate: $(STAMP) ## Mutation testing: do the tests notice small bugs in the figures and rules? (mutmut; ~8 min on 2 cores)
	$(BIN)/python scripts/mutate.py $(MODULES)

# SCALE: the portfolio sizes measured against the naive stand-in, SCALE_RUNS the runs of each (paired).
SCALE ?= 200,1000
SCALE_RUNS ?= 5
bench: $(STAMP) ## Measure where the time goes, at scale and with and without libharfbuzz-subset0, and write the README's speed table (N=200, MEMORY=500, SCALE=200,1000; ~1 h on 2 cores)
	$(BIN)/python benchmarks/bench.py --accounts $(N) --memory-accounts $(MEMORY) --scale $(SCALE) \
		--scale-runs $(SCALE_RUNS) --out $(OUTPUT)/bench/bench.json

lint: $(STAMP) ## Check the code with ruff, and the stages' imports with lint-imports (pyproject.toml)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: $(STAMP) ## Extract translatable words and update the German catalog
	$(BIN)/pybabel extract -F babel.cfg -k Nn_:1,2 --width 110 --no-location --sort-output -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -l de --width 110 --no-fuzzy-matching --ignore-obsolete

examples: $(STAMP) ## Rewrite the example workbooks in input/
	$(BIN)/python scripts/make_examples.py

# The screenshots are made again only when the page they show changed (scripts/screenshots.py); the
# reference pages are made from the code at build time, and --strict fails on a broken link.
docs: $(STAMP) ## Build the user guide into site/ (open site/index.html), its screenshots made from the examples
	$(BIN)/python scripts/screenshots.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

clean: ## Remove the virtualenv, uv (TOOLS), rendered output, the built guide and caches
	rm -rf $(VENV) $(TOOLS) $(OUTPUT) site .pytest_cache .ruff_cache .hypothesis mutants
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
