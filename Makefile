# Every target sets up what it needs by itself and is safe to run again.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
LAYER_STAMP := layers/build/.built-$(shell cat pyproject.toml layers/build_layer.py | sha1sum | cut -c1-12)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | sha1sum | cut -c1-12)

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION := 1
export CDK_DISABLE_VERSION_CHECK := true
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help dev dev-clean test e2e lint format synth layer bench bench-full deploy openapi client clean

help:
	@echo "make dev    - run the whole platform locally on http://127.0.0.1:3000 (state kept across restarts)"
	@echo "make dev-clean - the same, starting from nothing (the demo keys stay the same)"
	@echo "make test   - lint, type-check and run every test tier"
	@echo "make e2e    - the e2e suite: a local platform, or the stack NUMERIQC_E2E_API_URL names (README)"
	@echo "make lint   - ruff (lint + format check) and mypy"
	@echo "make synth  - synthesize the CDK app into cdk.out (offline, no credentials)"
	@echo "make layer  - build the Lambda dependency layer for arm64 / Python 3.12"
	@echo "make bench  - print benchmark figures, ~4 min of CPU (bench-full: the full sizes, e.g. 100,000 SMS through make dev)"
	@echo "make openapi- regenerate docs/openapi.json"
	@echo "make client - regenerate the Python client clients/python from docs/openapi.json"
	@echo "make deploy - deploy to the AWS account of your current credentials"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

$(LAYER_STAMP): $(STAMP)
	$(BIN)/python layers/build_layer.py
	@touch $@

layer: $(LAYER_STAMP)

# axe-core for the accessibility tests (and the CDK CLI for `make deploy`).
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@rm -f node_modules/.installed-* && touch $@

dev: $(LAYER_STAMP)
	$(BIN)/numeriqc dev

dev-clean: $(LAYER_STAMP)
	$(BIN)/numeriqc dev --clean

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

synth: $(LAYER_STAMP)
	$(BIN)/python infra/app.py

openapi: $(LAYER_STAMP)
	$(BIN)/python -m numeriqc_local.dev.openapi > docs/openapi.json

client: $(STAMP)
	$(BIN)/python clients/generate_python.py

# Lint runs beside the tests (mypy keeps one core busy for a minute) and fails `make test` as it
# would before them; its report is printed once pytest is done. `--dist loadgroup`: the work units
# of tests/support/scheduling.py (each integration test may run on either worker).
test: $(LAYER_STAMP) $(NODE_STAMP)
	@lint_log=$$(mktemp); \
	$(MAKE) --no-print-directory lint >"$$lint_log" 2>&1 & lint_pid=$$!; \
	$(BIN)/pytest -n 2 --dist loadgroup; tests=$$?; \
	wait $$lint_pid; linted=$$?; \
	echo "--- make lint ---"; cat "$$lint_log"; rm -f "$$lint_log"; \
	if [ $$linted -ne 0 ]; then echo "make test: lint failed" >&2; fi; \
	[ $$tests -eq 0 ] && [ $$linted -eq 0 ]

# Against the local platform by default; against a deployed stack with NUMERIQC_E2E_API_URL,
# NUMERIQC_E2E_KEY (and NUMERIQC_E2E_STACK, NUMERIQC_E2E_WAIT): see README and tests/e2e/target.py.
e2e: $(LAYER_STAMP) $(NODE_STAMP)
	$(BIN)/pytest tests/e2e -m e2e -n 0 -p no:cacheprovider

bench: $(LAYER_STAMP)
	$(BIN)/python -m bench

bench-full: $(LAYER_STAMP)
	$(BIN)/python -m bench --full

deploy: $(LAYER_STAMP)
	npm ci --no-audit --no-fund
	PATH="$(abspath $(BIN)):$$PATH" npx cdk deploy --all --no-notices --require-approval broadening

clean:
	rm -rf cdk.out layers/build .numeriqc .pytest_cache .mypy_cache .ruff_cache
