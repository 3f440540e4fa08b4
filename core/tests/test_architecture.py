"""The dependency rule of docs/architecture.md, checked on the source: domain apps build
on core and directory and never on each other."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUR_APPS = {"core", "directory", "accounts", "engagement", "events"}
ALLOWED = {
    "core": set(),
    "directory": {"core"},
    "accounts": {"core", "directory"},
    "engagement": {"core", "directory"},
    "events": {"core", "directory"},
}


def imported_apps(app: str) -> dict[str, set[str]]:
    """For each module of `app`, the other apps of ours it imports."""
    found = {}
    for path in (ROOT / app).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        others = (names & OUR_APPS) - {app}
        if others:
            found[str(path.relative_to(ROOT))] = others
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_what_it_builds_on(app):
    violations = {
        module: others - ALLOWED[app]
        for module, others in imported_apps(app).items()
        if others - ALLOWED[app]
    }
    assert not violations
