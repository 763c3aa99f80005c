# Testimony app: `make run` starts the app, `make test` runs the whole suite headless.
# Both set everything up from a fresh clone: the system packages Qt needs (checked, and
# installed with apt-get when run as root with CI=true), a .venv, and the Python packages.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

# What Qt needs to draw offscreen (tests), the fonts the screens use (Latin and Arabic), and
# the reference age and tar tools the bundle tests read exports with.
TEST_DEBS := libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 \
	fonts-dejavu-core fonts-hosny-amiri age tar
# What Qt's X11 platform plugin needs on top, to open a real window.
RUN_DEBS := $(TEST_DEBS) libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 \
	libx11-xcb1
SRC := $(shell find testimony_app -name '*.py') pyproject.toml

.PHONY: run test test-slow lint build bench screenshots translations update-translations system-packages-test system-packages-run clean

define ensure_debs
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "Not a Debian/Ubuntu system: make sure the equivalents of these are installed: $(1)"; \
	else \
		missing=""; \
		for p in $(1); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			if [ "$$CI" = "true" ] && [ "$$(id -u)" = "0" ]; then \
				echo "Installing system packages:$$missing"; \
				apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
			else \
				echo "Missing system packages:$$missing"; \
				echo "Install them with:  sudo apt-get install$$missing"; \
				exit 1; \
			fi; \
		fi; \
	fi
endef

# python3 without ensurepip (Debian's, before python3-venv is installed) cannot make a .venv.
VENV_DEBS := $(shell $(PYTHON) -c "import ensurepip, venv" 2>/dev/null || echo python3-venv)

system-packages-test:
	$(call ensure_debs,$(VENV_DEBS) $(TEST_DEBS))

system-packages-run:
	$(call ensure_debs,$(VENV_DEBS) $(RUN_DEBS))

$(VENV)/.run-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.run-installed

$(VENV)/.dev-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -e '.[test,dev]'
	touch $@ $(VENV)/.test-installed $(VENV)/.run-installed

# Qt translation catalogues: the .ts sources are committed, the .qm files are built here.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

resources/translations/%.qm: resources/translations/%.ts $(VENV)/.run-installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM_FILES)

# After changing GUI strings: refresh the .ts sources (then translate the new entries).
update-translations: $(VENV)/.run-installed
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find testimony_app/gui -name '*.py' | sort) -ts $(TS_FILES)

run: system-packages-run $(VENV)/.run-installed translations
	$(VENV)/bin/testimony-app $(ARGS)

test: system-packages-test $(VENV)/.test-installed translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

test-slow: system-packages-test $(VENV)/.test-installed translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow $(PYTEST_ARGS)

screenshots: system-packages-test $(VENV)/.run-installed translations
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py --out docs/screenshots

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check testimony_app tests benchmarks
	$(VENV)/bin/ruff format --check testimony_app tests benchmarks
	$(VENV)/bin/mypy testimony_app

build: system-packages-run $(VENV)/.dev-installed translations
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec
	@echo "Built dist/testimony-app/; try: dist/testimony-app/testimony-app --version"

bench: system-packages-test $(VENV)/.test-installed
	$(PY) benchmarks/run_all.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
