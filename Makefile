# Take the Interview: the project's commands. `make help` lists them.
# Every target bootstraps .venv/ from the pinned requirements on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CONFIG ?= mkdocs.yml
ADDR   ?= 127.0.0.1:8000

# The contributor checks that `make check` runs after the strict build. tests/test_checks.py
# runs these same commands (through `make -s print-SPELL_CMD` and `print-LINT_CMD`).
# Spelling: codespell reads .codespellrc (and its word list .codespell-ignore) by itself.
SPELL_PATHS := docs snippets hooks README.md CONTRIBUTING.md
SPELL_CMD    = $(BIN)/codespell $(SPELL_PATHS)
# Markdown style: pymarkdownlnt with the project's rules in .pymarkdown.yml.
LINT_PATHS  := docs README.md CONTRIBUTING.md
LINT_CMD     = $(BIN)/pymarkdown --strict-config --config .pymarkdown.yml scan --recurse $(LINT_PATHS)

# Silence Material's end-of-life banner in the project's own commands.
export NO_MKDOCS_2_WARNING := 1

# Reproducible builds: every date the build writes (the sitemap's, the footer's) is the time of
# the last commit, so two builds of one commit are byte-identical. Set it to override.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: help serve build check test bench bench-search bench-lighthouse screenshot clean

help:
	@echo "make serve   build and serve the site on http://$(ADDR) (CONFIG=my-office.yml for an overlay)"
	@echo "make build   strict build into site/"
	@echo "make check   the contributor checks (strict build and content checks)"
	@echo "make test    every check and the whole test suite, browser tests included"
	@echo "make bench   time builds with and without the hooks and print the figures"
	@echo "make bench-search  how often search finds a fitting page, and the index's size"
	@echo "make bench-lighthouse  Lighthouse (mobile) speed of five pages against bare Material"
	@echo "make screenshot  photograph the example office's home page for the docs"
	@echo "make clean   remove site/ and .venv/"

$(BIN)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.test-installed: requirements.txt requirements-test.txt $(BIN)/.site-installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# An overlay without INHERIT would be read as a whole config, without the project's hooks:
# say so before MkDocs starts.
CHECK_CONFIG = PYTHONPATH=hooks $(BIN)/python -m kb check-config $(CONFIG)

serve: $(BIN)/.site-installed
	@$(CHECK_CONFIG)
	$(BIN)/mkdocs serve --strict -f $(CONFIG) -a $(ADDR)

build: $(BIN)/.site-installed
	@$(CHECK_CONFIG)
	$(BIN)/mkdocs build --strict -f $(CONFIG) -d $(CURDIR)/site

check: $(BIN)/.test-installed
	@$(CHECK_CONFIG)
	$(BIN)/mkdocs build --strict -q -f $(CONFIG) -d $(CURDIR)/site
	$(SPELL_CMD)
	$(LINT_CMD)
	@PYTHONPATH=hooks $(BIN)/python -m kb due-for-review docs

# Tests run in parallel, one process per core, and the slowest are listed at the end.
test: check
	KB_CHECKED=1 SITE_CONFIG=$(CONFIG) $(BIN)/python -m pytest -n auto --dist worksteal --durations=15

bench: $(BIN)/.site-installed
	$(BIN)/python tests/bench.py $(ARGS)
bench-search: $(BIN)/.test-installed
	$(BIN)/python tests/bench_search.py
# Needs Node.js and npm: the pinned Lighthouse (tests/lighthouse/) is installed into .cache/.
# Playwright (a test requirement) measures the blocking time directly.
bench-lighthouse: $(BIN)/.test-installed
	$(BIN)/python tests/bench_lighthouse.py $(ARGS)

screenshot: $(BIN)/.test-installed
	$(BIN)/python tests/screenshot.py

clean:
	rm -rf site $(VENV)

# Print a variable, for the tests: `make -s print-LINT_CMD`.
print-%:
	@printf '%s\n' '$($*)'
