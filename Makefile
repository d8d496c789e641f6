# wirewatch developer entry points. Each target installs what it needs into .venv first.
#   make demo   — local broker + worker + webhook receiver; ingests seeds/ and shows the alerts
#   make test   — lint, unit tests, and integration tests on a real Kafka broker (started and stopped)
#   make venv   — only the setup: install into .venv and compile the tagger and the detector (make compile: again)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NATIVE := $(VENV)/.tagging-compiled-stamp $(VENV)/.milestones-compiled-stamp
# What the compiled modules are built from (each package's _compiled.py: MODULES.sources), and the build script
BUILD_SOURCES := streams/compiled.py streams/build_compiled.py
tagging_SOURCES := $(addprefix streams/tagging/,words.py text.py features.py resolve.py places.py gazetteer.py \
                     keywords.py model.py _compiled.py)
milestones_SOURCES := $(addprefix streams/milestones/,text.py named.py filters.py compile.py places.py detector.py \
                        lexicon.py rules.py model.py demonyms.py source.py _compiled.py) streams/tagging/model.py

.PHONY: venv compile demo test unit integration lint bench broker-start broker-stop clean system-deps

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The hot modules of the tagger and of the detector compiled with mypyc, after installing and again whenever
# a package's sources change (each package on its own). Never fails the setup: without a C compiler, or when
# mypyc fails, it says so and the package runs as pure Python (same results, slower); stale or missing builds
# are never used (python -m streams.tagging, python -m streams.milestones say which one runs).
# WIREWATCH_NO_COMPILE=1 skips it.
.SECONDEXPANSION:
$(VENV)/.%-compiled-stamp: $(STAMP) $(BUILD_SOURCES) $$($$*_SOURCES)
	$(BIN)/python streams/build_compiled.py $*
	touch $@

venv: $(NATIVE)

compile: $(STAMP)
	$(BIN)/python streams/build_compiled.py
	touch $(NATIVE)

demo: $(NATIVE)
	$(BIN)/wirewatch demo

# Debian's prometheus and prometheus-alertmanager (promtool, amtool, and the servers the integration
# tests start on loopback); does nothing when they are already installed.
system-deps:
	deploy/prometheus/install-tools

test: $(NATIVE) lint system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

unit: $(NATIVE)
	$(BIN)/python -m pytest -q -m "not integration"

integration: $(NATIVE) system-deps
	$(BIN)/python -m pytest -q -m integration

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy --strict --ignore-missing-imports streams alerts

broker-start:
	deploy/kafka/local-kafka start

broker-stop:
	deploy/kafka/local-kafka stop

clean:
	rm -rf $(VENV) .wirewatch .pytest_cache build/mypyc
	rm -f streams/tagging/*.so streams/tagging/_compiled.json streams/milestones/*.so streams/milestones/_compiled.json
