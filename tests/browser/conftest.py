"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against
the live test server, and every visited page is checked with axe-core."""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Flags that keep Chromium from calling home on a machine without internet access.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Browser tests need Debian's Chromium: apt-get install chromium")
    return path


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class ThirdPartyRequestError(AssertionError):
    pass


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context per test; any request to a host other than the test server
    is blocked and fails the test (privacy: nothing is loaded from third parties)."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    foreign_requests = []

    def guard(route):
        if route.request.url.startswith(live_server.url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert not foreign_requests, f"Requests to third-party hosts: {foreign_requests}"


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core (WCAG 2.1 A and AA) on the current page; fail on any violation."""

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, (
            f"Accessibility violations on {page.url}:\n{results.generate_report()}"
        )

    return check


@pytest.fixture
def sign_in(live_server):
    """Give the browser page the session of a user (signing in through the form itself is
    walked in test_journeys.py)."""
    from django.conf import settings
    from django.test import Client

    def sign_in_as(page, user):
        client = Client()
        client.force_login(user)
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return sign_in_as
