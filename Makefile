# Everything bootstraps a local virtualenv at .venv from the locked requirements.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench report report-screenshot install clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/radar demo

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py --size $${BENCH_SIZE:-1000}

report: $(STAMP)
	$(BIN)/radar report --out warehouse/report.html

# Needs Debian's chromium (apt-get install chromium); renders the demo report to warehouse/report.png.
report-screenshot: report
	$(BIN)/python tests/test_report_browser.py warehouse/report.html warehouse/report.png

clean:
	rm -rf $(VENV) warehouse/*.duckdb warehouse/*.wal
