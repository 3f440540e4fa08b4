import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_is_accessible_and_links_the_legal_pages(page, live_server, assert_accessible):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page)
    page.get_by_role("link", name="Impressum").click()
    page.wait_for_url("**/impressum/")
    assert_accessible(page)
