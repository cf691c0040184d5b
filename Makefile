# The two commands: `make demo` and `make test`. Both build .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= .hallmark/demo

.PHONY: demo test install lint pytest bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,vision]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	HALLMARK_DATA_DIR=$(DEMO_DIR) $(BIN)/hallmark --workspace demo brand add samples/brands/*.yaml
	HALLMARK_DATA_DIR=$(DEMO_DIR) $(BIN)/hallmark --workspace demo import samples/listings.jsonl
	HALLMARK_DATA_DIR=$(DEMO_DIR) $(BIN)/hallmark --workspace demo scan
	HALLMARK_DATA_DIR=$(DEMO_DIR) COLUMNS=160 $(BIN)/hallmark --workspace demo review --all --limit 15
	HALLMARK_DATA_DIR=$(DEMO_DIR) COLUMNS=160 $(BIN)/hallmark --workspace demo actors list
	@echo "--- the same demo in each platform's own format, through its channel (workspace demo-native)"
	HALLMARK_DATA_DIR=$(DEMO_DIR) $(BIN)/hallmark --workspace demo-native brand add samples/brands/*.yaml
	@for dir in samples/native/*/; do \
	  platform=$$(basename $$dir); \
	  printf '%-10s ' $$platform; \
	  HALLMARK_DATA_DIR=$(DEMO_DIR) $(BIN)/hallmark --workspace demo-native import --platform $$platform $$dir* || exit 1; \
	done
	HALLMARK_DATA_DIR=$(DEMO_DIR) $(BIN)/hallmark --workspace demo-native scan

lint: $(STAMP)
	$(BIN)/ruff check src tests bench samples scripts
	$(BIN)/ruff format --check src tests bench samples scripts
	$(BIN)/mypy src

pytest: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider -q

test: lint pytest

eval: $(STAMP)
	$(BIN)/hallmark eval tests/corpus --split holdout
	$(BIN)/hallmark eval tests/corpus/images --split holdout

bench: $(STAMP)
	$(BIN)/python bench/text_scan.py
	$(BIN)/python bench/import.py
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/images.py
	$(BIN)/python -m pip install --quiet -e ".[dev,vision,bench]"
	$(BIN)/python bench/link.py

clean:
	rm -rf $(VENV) .hallmark .pytest_cache .mypy_cache .ruff_cache
