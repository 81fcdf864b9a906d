# Everything bootstraps a local virtualenv at .venv from the locked requirements.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGES := cli flows report alerts expectations warehouse sources transforms config
# Bytecode is compiled once here: where PYTHONDONTWRITEBYTECODE is set (as on our CI machines) Python never caches it,
# and every `radar` process compiled its ~1,500 imported modules from source again: 27 s of CPU for an empty run,
# 14 s with the bytecode (measured). Python still checks each .pyc against its source, so an edit is never missed.

.PHONY: demo test lint bench report report-screenshot install locks clean

# Development and CI: the runtime lock and the development lock (tests and linters; the same runtime pins).
# A runtime-only install is in the README.
$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode --require-hashes \
		-r requirements.lock -r requirements-dev.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m compileall -q -j 0 $(PACKAGES) tests
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/radar demo

# Three processes (pytest-xdist) on two cores: much of the tests' time is spent waiting on radar subprocesses, slow
# loopback servers and kills, so a third worker fills the cores while the others wait. --dist loadgroup: tests are
# handed out one or two at a time in collection order (the long ones first, tests/conftest.py), except that the tests
# sharing a module-scoped fixture go to one worker, which builds it once (tests/conftest.py marks them);
# --no-loadscope-reorder keeps the collection order (else the biggest groups would go first).
PYTEST_ARGS ?= -n 3 --dist loadgroup --no-loadscope-reorder

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Import rules (pyproject [tool.importlinter]: a layer importing upwards or a cycle fails), lint, types.
lint: $(STAMP)
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .
	$(BIN)/mypy

# Regenerate both locks from pyproject.toml after changing a dependency (the dev lock keeps the runtime pins).
locks: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra test --extra lint --python-version 3.11 --generate-hashes \
		-c requirements.lock -o requirements-dev.lock

bench: $(STAMP)
	$(BIN)/python bench/run.py --size $${BENCH_SIZE:-1000}

report: $(STAMP)
	$(BIN)/radar report --out warehouse/report.html

# Needs Debian's chromium (apt-get install chromium); renders the demo report to warehouse/report.png.
report-screenshot: report
	$(BIN)/python tests/test_report_browser.py warehouse/report.html warehouse/report.png

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/*.wal
