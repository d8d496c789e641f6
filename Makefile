# wirewatch developer entry points. Each target installs what it needs into .venv first.
#   make demo   — local broker + worker + webhook receiver; ingests seeds/ and shows the alerts
#   make test   — lint, unit tests, and integration tests on a real Kafka broker (started and stopped)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test unit integration lint bench broker-start broker-stop clean system-deps

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wirewatch demo

# Debian's prometheus and prometheus-alertmanager (promtool, amtool, and the servers the integration
# tests start on loopback); does nothing when they are already installed.
system-deps:
	deploy/prometheus/install-tools

test: $(STAMP) lint system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not integration"

integration: $(STAMP) system-deps
	$(BIN)/python -m pytest -q -m integration

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy --strict --ignore-missing-imports streams alerts

broker-start:
	deploy/kafka/local-kafka start

broker-stop:
	deploy/kafka/local-kafka stop

clean:
	rm -rf $(VENV) .wirewatch .pytest_cache
