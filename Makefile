# pbkg: the two set-up commands of the README are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= graphs/store
CORPUS ?= examples/corpus

VIZ_MODULES := viz/node_modules/.package-lock.json

.PHONY: run test heldout lint system-deps viz-deps clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# build the demo corpus into the embedded store, write the HTML view and the Gephi file, print a summary
run: $(BIN)/kg viz-deps
	$(BIN)/kg build $(CORPUS) --store $(STORE)
	$(BIN)/kg viz --store $(STORE) -o graphs/partnerships.html
	$(BIN)/kg export --store $(STORE) --format gexf -o graphs/graph.gexf

# the whole test suite, with the system packages the tests need (Java for HermiT, …)
test: $(BIN)/kg system-deps viz-deps
	$(BIN)/python -m pytest -q

# how well extraction generalises: build tests/heldout into a temporary store and score it against its gold
heldout: $(BIN)/kg
	$(BIN)/python benchmarks/score_heldout.py

system-deps:
	bash scripts/system-deps.sh

# sigma.js and graphology for the WebGL view of `kg viz`, from viz/package-lock.json (never committed)
viz-deps: $(VIZ_MODULES)

$(VIZ_MODULES): viz/package.json viz/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js/npm (or run make system-deps)"; exit 1; }
	cd viz && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: $(BIN)/kg
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

clean:
	rm -rf $(STORE) graphs/*.html graphs/*.gexf
