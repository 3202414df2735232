# The README's two commands: `make serve` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build test install system-deps clean lock

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

test: $(STAMP) system-deps
	$(BIN)/python -m pytest

install: $(STAMP)

# Every Python package comes from the lock file, checked against its hashes.
$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip check
	touch $@

# Debian packages the tests need: Chromium for the browser tests (no tool
# may download a browser of its own) and hunspell dictionaries.
DEBIAN_PACKAGES := chromium hunspell hunspell-sv hunspell-en-gb
system-deps:
	@bash tools/ensure-debian-packages.sh $(DEBIAN_PACKAGES)

# Regenerate the lock file after changing pyproject.toml.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--extra test -o requirements.lock pyproject.toml
	rm -rf .venv-lock

clean:
	rm -rf site dist .pytest_cache .venv-lock
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
