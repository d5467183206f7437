# Ieum — the two commands are `make run` and `make test` (README.md).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
IEUM := $(VENV)/bin/ieum
STAMP := $(VENV)/.installed
DEMO_RESIDENTS ?= 3000

.PHONY: run test install assets lint typecheck hygiene lock pytest bench loadtest loadtest-faults screenshots messages clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

assets:
	@if command -v npm >/dev/null 2>&1 && [ -f package.json ]; then \
	  npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; \
	else echo "npm not found: serving without the KRDS assets"; fi

run: install assets
	$(IEUM) migrate --noinput
	$(IEUM) load-region jeonnam
	$(IEUM) demo-data --residents $(DEMO_RESIDENTS) --seed 1 --if-empty
	$(IEUM) load-budget 2024
	$(IEUM) load_partners
	$(IEUM) notify_load_templates
	$(IEUM) learning_load_courses
	$(IEUM) import_population
	$(IEUM) demo-users
	$(IEUM) runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check src tests bench loadtest
	$(VENV)/bin/ruff format --check src tests bench loadtest

typecheck: install
	$(VENV)/bin/mypy src/ieum

pytest: install assets
	$(VENV)/bin/pytest -n 2 --dist loadfile

# Security hygiene: bandit over the application code (tests and migrations aside) and pip-audit over
# requirements.lock; the audit says NOT AUDITED, loudly, where its service cannot be reached.
hygiene: install
	$(VENV)/bin/bandit -q -r src -x '*/tests/*,*/migrations/*'
	$(PY) scripts/audit_lock.py

# Re-resolve requirements.lock after changing a pin in pyproject.toml.
lock: install
	$(PY) scripts/lock.py

test: lint typecheck hygiene pytest

bench: install
	$(PY) bench/run.py

# Not part of `make test`: 200 locust users for 60 s against uvicorn and a PostgreSQL cluster the
# run starts on a free loopback port (initdb in a temporary directory; DATABASE_URL is not used).
# FAULTS=1 (or `make loadtest-faults`) kills a worker and restarts that PostgreSQL mid-load, then
# checks every acknowledged case, message, payment, resident and consent is still there.
loadtest: install assets
	$(PY) loadtest/run.py $(if $(FAULTS),--faults)

loadtest-faults: install assets
	$(PY) loadtest/run.py --faults

# PNGs of the workspace on demo data, phone and desktop width, into docs/screenshots/ (Debian's chromium).
screenshots: install assets
	$(PY) scripts/screenshots.py --out docs/screenshots

LANGS := ko en vi zh_Hans id km ne th si fil uz ru my
messages: install
	cd src/ieum && ../../$(IEUM) makemessages $(addprefix -l ,$(LANGS)) --no-obsolete --no-location -i "tests/*" -i "*/tests/*"
	$(PY) scripts/fill_english_catalogue.py locale/en/LC_MESSAGES/django.po
	$(IEUM) compilemessages --ignore ".venv/*" --ignore "node_modules/*"

clean:
	rm -rf $(VENV) var staticfiles node_modules src/ieum/static/vendor
