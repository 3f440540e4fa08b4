"""The demo region: each app registers how to load its part of the demo, so that
`manage.py load_demo_region` loads them all (in the order the apps are installed) without
core or the directory knowing the apps that build on them."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.module_loading import import_string


@dataclass
class DemoResult:
    loaded: bool
    summary: str = ""
    accounts: list[str] = field(default_factory=list)
    password: str = ""


_loaders: list[str] = []


def register_demo_loader(dotted_path: str) -> None:
    """`dotted_path` names a function without arguments returning a DemoResult; it is
    looked up when the demo is loaded."""
    if dotted_path not in _loaders:
        _loaders.append(dotted_path)


def demo_loaders() -> list[Callable[[], DemoResult]]:
    return [import_string(path) for path in _loaders]
