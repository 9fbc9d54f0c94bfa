# Take the Interview: the project's commands. `make help` lists them.
# Every target bootstraps .venv/ from the pinned requirements on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CONFIG ?= mkdocs.yml
ADDR   ?= 127.0.0.1:8000

# Silence Material's end-of-life banner in the project's own commands.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check test test-browser bench clean

help:
	@echo "make serve   build and serve the site at http://$(ADDR) (CONFIG=brand/... for an overlay)"
	@echo "make build   strict build into site/"
	@echo "make check   the contributor checks (strict build and content checks)"
	@echo "make test    every check and the whole test suite, browser tests included"
	@echo "make bench   time builds with and without the hooks and print the figures"
	@echo "make clean   remove site/ and .venv/"

$(BIN)/.site-installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.test-installed: requirements.txt requirements-test.txt $(BIN)/.site-installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

serve: $(BIN)/.site-installed
	$(BIN)/mkdocs serve --strict -f $(CONFIG) -a $(ADDR)

build: $(BIN)/.site-installed
	$(BIN)/mkdocs build --strict -f $(CONFIG) -d $(CURDIR)/site

check: $(BIN)/.test-installed
	$(BIN)/mkdocs build --strict -q -f $(CONFIG) -d $(CURDIR)/site

test: check
	$(BIN)/python -m pytest

bench: $(BIN)/.site-installed
	$(BIN)/python tests/bench.py $(ARGS)

clean:
	rm -rf site $(VENV)
