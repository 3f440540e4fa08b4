# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test install lint format migrate demo translations check-deploy clean benchmark

$(BIN)/activate:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required (looked for $(PYTHON))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate requirements.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

translations: install
	DEBUG=1 $(MANAGE) compiletranslations

var:
	mkdir -p var

migrate: install var
	DEBUG=1 $(MANAGE) migrate --noinput

demo: migrate
	DEBUG=1 $(MANAGE) load_demo_region

run: translations demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint translations
	$(BIN)/pytest -n auto

check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") \
		GEMEINWERK_ENCRYPTION_KEYS=$$($(BIN)/python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())") \
		ALLOWED_HOSTS=gemeinwerk.example $(MANAGE) check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var/static

benchmark: demo
	$(BIN)/python benchmarks/directory_pages.py
	$(BIN)/python benchmarks/events_pages.py
	$(BIN)/python benchmarks/advice_pages.py
