# The README's two commands: `make serve` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# ProperDocs' own venv (see the properdocs target); defined here, since make
# expands a rule's prerequisites where the rule is read.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build offline scorm test install system-deps node-deps clean lock local-new properdocs

# Another address when 8000 is taken: make serve SERVE_ADDR=127.0.0.1:8001
SERVE_ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(SERVE_ADDR)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

# A zip that opens from disk (file://), with search working offline.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
OFFLINE_NAME := systemledarskap-i-nara-vard-$(VERSION)
offline: $(STAMP)
	rm -rf dist/$(OFFLINE_NAME) dist/$(OFFLINE_NAME).zip
	OFFLINE=true $(BIN)/mkdocs build --strict --clean --site-dir dist/$(OFFLINE_NAME)
	cd dist && ../$(BIN)/python -m zipfile -c $(OFFLINE_NAME).zip $(OFFLINE_NAME)/
	@ls -l dist/$(OFFLINE_NAME).zip

# Packages for a learning platform (LMS), from one offline build: SCORM 1.2
# and SCORM 2004 4th edition, each with imsmanifest.xml at the root of the zip.
# The environment reaches the build unchanged (SITE_URL, LOCAL_DIR, ...).
SCORM_SITE := dist/$(OFFLINE_NAME)-scorm-site
scorm: $(STAMP) node-deps
	rm -rf $(SCORM_SITE)
	OFFLINE=true $(BIN)/mkdocs build --strict --clean --site-dir $(SCORM_SITE)
	$(BIN)/python tools/scorm_package.py $(SCORM_SITE) --version $(VERSION) --scorm 1.2 --out dist
	$(BIN)/python tools/scorm_package.py $(SCORM_SITE) --version $(VERSION) --scorm 2004 --out dist
	rm -rf $(SCORM_SITE)

# A starting local folder, with comments in Swedish: make local-new DIR=../var-kurs
# (then LOCAL_DIR=../var-kurs make serve). It refuses a folder that exists.
local-new:
	@bash tools/local-new.sh "$(DIR)"

test: $(STAMP) $(PROPERDOCS_STAMP) system-deps node-deps
	$(BIN)/python -m pytest

install: $(STAMP)

# Every Python package comes from the lock file, checked against its hashes.
$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip check
	touch $@

# ProperDocs, the drop-in fork of MkDocs 1.6, as the tested way out (issue 29):
# `make properdocs` builds the work tree with it and with MkDocs, each into a
# temporary folder, and compares the two sites byte for byte
# (tools/compare_builds.py); tests/project/test_properdocs.py does the same in make test.
# It has a venv of its own from a second hashed lock: Material changes its
# build notice when properdocs is importable, so .venv stays without it.
properdocs: $(STAMP) $(PROPERDOCS_STAMP)
	$(BIN)/python tools/compare_builds.py . . --generator-b $(PROPERDOCS_VENV)/bin/properdocs

$(PROPERDOCS_STAMP): requirements-properdocs.lock
	test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-properdocs.lock
	$(PROPERDOCS_VENV)/bin/python -m pip check
	touch $@

# Debian packages the tests need: Chromium for the browser tests (no tool
# may download a browser of its own), hunspell dictionaries, Java for
# the Nu HTML Checker, xmllint for the SCORM manifest's schemas, and the
# web servers the hosting guide's configurations are tested on
# (tests/hosting/test_hosting.py); libatomic1 for the Node.js inside Playwright
# (Debian 13's chromium brings it, Debian 12's does not). Node.js and npm
# come from Debian too, unless the machine has an npm already (NodeSource's
# nodejs, for one, provides npm and conflicts with Debian's npm package).
NODE_PACKAGES := $(if $(shell command -v npm),,nodejs npm)
DEBIAN_PACKAGES := chromium hunspell hunspell-sv hunspell-en-gb default-jre-headless libxml2-utils nginx-light apache2 caddy libatomic1 $(NODE_PACKAGES)
system-deps:
	@bash tools/ensure-debian-packages.sh $(DEBIAN_PACKAGES)

# Node tools for tests and benchmarks, exactly as package-lock.json pins them.
# Install scripts are skipped: vnu-jar's would download a Java runtime,
# and Debian's default-jre-headless provides one. Debian's npm (9.2.0 in
# Debian 12 and 13) installs this lock: tests/project/test_npm_lock.py.
node-deps: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json
	@bash tools/ensure-debian-packages.sh $(NODE_PACKAGES)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse on the course and on a plain Material build of the same
# Markdown, side by side (bench/run.py; TESTING.md says how to read it).
# Options go in BENCH_ARGS, e.g. make bench BENCH_ARGS="--runs 3".
.PHONY: bench
bench: $(STAMP) system-deps node-deps
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# What changed, for readers (data/changes.yml), and translations in step
# (data/translations/): tools/course_texts.py; AUTHORING.md says how.
#   make changes [ADD=modules/x SV="…" EN="…" | ADD=modules/x TYPO=1] [RELEASE=0.2.0] [DATE=2026-12-01]
#   make changes REHASH=modules/x|all
#   make translations [ACCEPT=modules/x,question-id|all] [LAGGING=modules/x]
.PHONY: changes translations
changes: $(STAMP)
	$(BIN)/python tools/course_texts.py changes $(if $(REHASH),--rehash "$(REHASH)") $(if $(ADD),--add "$(ADD)") \
		$(if $(SV),--sv "$(SV)") $(if $(EN),--en "$(EN)") $(if $(TYPO),--typo) $(if $(RELEASE),--version "$(RELEASE)") $(if $(DATE),--date "$(DATE)")
translations: $(STAMP)
	$(BIN)/python tools/course_texts.py translations $(if $(ACCEPT),--accept "$(ACCEPT)") $(if $(LAGGING),--lagging "$(LAGGING)")

# Regenerate the lock files after changing pyproject.toml: requirements.lock,
# then ProperDocs' lock, held to the first one's versions (requirements-properdocs.in).
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--extra test -o requirements.lock pyproject.toml
	.venv-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
		-o requirements-properdocs.lock pyproject.toml requirements-properdocs.in
	rm -rf .venv-lock

clean:
	rm -rf site dist .pytest_cache .venv-lock .local-build
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -exec rm -rf {} +
