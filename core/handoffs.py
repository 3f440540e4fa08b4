"""Handing a resident's concern on to another module (a help request or a volunteer
placement in engagement, later an idea in participation) without the advice module
importing that module: the receiving app registers a handler for a kind of hand-off in
its AppConfig.ready(), and advice asks for the kind by name."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class HandoffRequest:
    """What the receiving module gets: only what the resident agreed to pass on."""

    organisation: object  # directory.Organisation taking it on
    name: str
    email: str
    phone: str
    postcode: str
    description: str
    by: object  # the user handing it on
    base_url: str


@dataclass(frozen=True)
class HandoffResult:
    label: str  # what it became, for the concern's history ("Hilfegesuch #12")
    url: str  # where the coordinators continue, in the receiving module


_handlers: dict[str, str] = {}


def register_handoff(kind: str, dotted_path: str) -> None:
    """`dotted_path` names a function taking a HandoffRequest and returning a
    HandoffResult (raising ValidationError for bad input)."""
    _handlers[kind] = dotted_path


def handoff_kinds() -> set[str]:
    return set(_handlers)


def handler_for(kind: str) -> Callable[[HandoffRequest], HandoffResult] | None:
    path = _handlers.get(kind)
    return import_string(path) if path else None
