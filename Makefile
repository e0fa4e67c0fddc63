# The portal's two everyday commands are `make run` and `make test`.
# Both bootstrap everything into .venv/ and .local/ (embedded PostgreSQL),
# or use the PostgreSQL server named by DATABASE_URL when it is set.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := DEBUG=1 $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run stop test serve lint format messages makemessages bootstrap db clean-db bench bench-smoke node_modules css

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $(STAMP)

messages: $(STAMP)
	@$(MANAGE) compilemessages --ignore=.venv --ignore=.local -v0

makemessages: $(STAMP)
	$(MANAGE) makemessages -l th -l en --ignore=.venv --ignore=.local --ignore=static --ignore=tests --ignore=bench --no-obsolete

db: $(STAMP)
	@$(PY) -m cbmc_portal.embedded_db

bootstrap: $(STAMP) messages db
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_geography
	$(MANAGE) seed_demo

# axe-core for the browser journeys' accessibility checks (tests/browser/package.json),
# installed again only when the lock file changes. Without npm the journeys skip loudly
# (and fail under REQUIRE_BROWSER_TESTS=1, as in CI).
BROWSER_TESTS := tests/browser
AXE_STAMP := $(BROWSER_TESTS)/node_modules/.package-lock.json

node_modules: $(AXE_STAMP)

$(AXE_STAMP): $(BROWSER_TESTS)/package.json $(BROWSER_TESTS)/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix $(BROWSER_TESTS) --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility checks in tests/browser/journeys/ will not run"; fi

run: bootstrap
	@echo "Portal: http://$(HOST):$(PORT)/  (stop with Ctrl-C; the database keeps running: make stop)"
	$(MANAGE) runserver $(HOST):$(PORT)

# The embedded PostgreSQL keeps running between commands (so the next one starts at
# once); this stops it. Its data stay in .local/pg; the next command starts it again.
EMBEDDED_DB_DIR ?= .local/pg
stop:
	@if [ -n "$$DATABASE_URL" ]; then \
	  echo "DATABASE_URL is set: that PostgreSQL server is not ours to stop."; \
	elif [ -f "$(EMBEDDED_DB_DIR)/postmaster.pid" ]; then \
	  $(PY) -c 'import os, sys; from pgserver._commands import pg_ctl; pg_ctl(["-w", "-m", "fast", "stop"], pgdata=sys.argv[1], user="pgserver" if os.geteuid() == 0 else None)' "$(EMBEDDED_DB_DIR)" \
	  && echo "Embedded PostgreSQL stopped ($(EMBEDDED_DB_DIR))."; \
	else \
	  echo "Embedded PostgreSQL is not running ($(EMBEDDED_DB_DIR))."; \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The portal's Bootstrap (only the rules our templates use) and the Latin subsets of Sarabun,
# both committed: run after adding a Bootstrap class to a template (tests/project/test_front_assets.py
# fails until then).
css: $(STAMP)
	$(PY) -m cbmc_portal.purge_css
	$(PY) -m cbmc_portal.subset_fonts

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The suite is spread over one worker per core (pytest-xdist), each file on one worker
# so a file's module fixtures are built once; TEST_WORKERS=0 runs it in this process.
TEST_WORKERS ?= auto

test: $(STAMP) messages db lint node_modules
	$(MANAGE) makemigrations --check --dry-run
	@# Production settings must pass Django's deploy check, with a key generated for the run.
	DEBUG=0 ALLOWED_HOSTS=cbmc.example.org \
	  SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50)[:50])')" \
	  $(PY) manage.py check --deploy --fail-level WARNING
	DEBUG=1 $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# The load benchmark at national scale (see bench/README.md); not part of `make test`,
# which runs its 1% smoke version (tests/bench/).
bench: $(STAMP) messages db
	DEBUG=1 $(PY) -m bench.run $(BENCH_ARGS)

bench-smoke: $(STAMP) messages db
	DEBUG=1 $(PY) -m bench.run --smoke

# Production: gunicorn + WhiteNoise; needs SECRET_KEY and ALLOWED_HOSTS.
serve: $(STAMP) messages db
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py migrate --no-input -v0
	$(VENV)/bin/gunicorn cbmc_portal.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -
