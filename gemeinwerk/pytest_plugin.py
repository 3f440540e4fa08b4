"""Loaded by pytest before Django starts (see pyproject.toml): marks the process as a test run
so that settings accept the development secret key and plain static storage."""

import os

os.environ.setdefault("GEMEINWERK_TESTING", "1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
