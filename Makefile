# Two commands for a fresh machine (python3, git, make, npm):
#   make demo   set up, load the demo plans and serve http://127.0.0.1:8000/
#   make test   set up, install what the tests need and run the whole suite
# Everything is installed from the package registries: PyPI (uv, locked), npm (DKFDS), Debian.

UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
RUN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export DJANGO_SETTINGS_MODULE := helhedsplan.settings
SERVE_ADDRESS ?= 127.0.0.1:8000

.PHONY: demo test install system-packages lint serve clean

demo: install
	scripts/install-system-packages
	$(RUN)/helhedsplan migrate --no-input
	$(RUN)/helhedsplan load-demo
	$(MAKE) --no-print-directory serve

# The web server and, beside it, the worker that runs imports and report files (stopped with it).
serve:
	$(RUN)/helhedsplan worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN)/helhedsplan runserver $(SERVE_ADDRESS)

test: install system-packages
	$(RUN)/ruff check .
	$(RUN)/ruff format --check .
	$(RUN)/lint-imports --no-logo
	$(RUN)/pytest $(PYTEST_ARGS)

install: $(UV) node_modules/dkfds/package.json
	$(UV) sync --frozen --compile-bytecode --quiet
	cd helhedsplan && ../$(RUN)/django-admin compilemessages --ignore=.venv -v0

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

node_modules/dkfds/package.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages: Pango for PDFs, gettext; for the tests also chromium and poppler-utils.
system-packages:
	scripts/install-system-packages --tests

lint:
	$(RUN)/ruff check .
	$(RUN)/ruff format --check .
	$(RUN)/lint-imports --no-logo

clean:
	rm -rf $(VENV) $(TOOLS) node_modules var
