"""Personal data export: each app registers a function that returns what it holds about a
person, so the account page can offer one complete download without knowing every app."""

from collections.abc import Callable
from typing import Any

_exporters: dict[str, Callable[[Any], Any]] = {}


def register_exporter(name: str, exporter: Callable[[Any], Any]) -> None:
    _exporters[name] = exporter


def export_personal_data(user) -> dict[str, Any]:
    return {name: exporter(user) for name, exporter in sorted(_exporters.items())}
