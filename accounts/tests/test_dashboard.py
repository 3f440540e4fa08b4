import pytest
from django.test import Client
from django.urls import reverse

from directory.tests.factories import OrganisationRoleFactory

from .conftest import activate_totp
from .pages import parse

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("accounts:dashboard")


@pytest.mark.parametrize(
    "url",
    [
        DASHBOARD_URL,
        reverse("accounts:delete"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("mfa_index"),
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={url}" in response.url.replace("%2F", "/")


def test_dashboard_links_to_every_account_setting(client, verified_user):
    client.force_login(verified_user)

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200
    content = response.content.decode()
    for url in (
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("mfa_index"),
        reverse("accounts:delete"),
    ):
        assert f'href="{url}"' in content
    assert f'action="{reverse("accounts:data_export")}"' in content
    assert parse(response).h1_count == 1
    assert 'id="two-factor-status" data-enabled="false"' in content


def test_dashboard_shows_active_two_factor(client, verified_user):
    activate_totp(verified_user)
    client.force_login(verified_user)

    content = client.get(DASHBOARD_URL).content.decode()

    assert 'id="two-factor-status" data-enabled="true"' in content


def test_profile_name_is_saved(client, verified_user):
    client.force_login(verified_user)

    response = client.post(DASHBOARD_URL, {"display_name": "Kim aus Annaberg"})

    assert response.status_code == 302
    assert response.url == DASHBOARD_URL
    verified_user.refresh_from_db()
    assert verified_user.display_name == "Kim aus Annaberg"


def test_too_long_name_gives_a_field_error_and_changes_nothing(client, verified_user):
    client.force_login(verified_user)
    previous_name = verified_user.display_name

    response = client.post(DASHBOARD_URL, {"display_name": "x" * 151})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["display_name"]
    verified_user.refresh_from_db()
    assert verified_user.display_name == previous_name


def test_profile_form_is_csrf_protected(verified_user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(verified_user)
    previous_name = verified_user.display_name

    response = browser.post(DASHBOARD_URL, {"display_name": "Eingeschleust"})

    assert response.status_code == 403
    verified_user.refresh_from_db()
    assert verified_user.display_name == previous_name


def test_language_switch_turns_the_next_page_english(client):
    assert parse(client.get(reverse("account_login"))).html_lang == "de"

    response = client.post(reverse("set_language"), {"language": "en", "next": "/konto/login/"})

    assert response.status_code == 302
    assert response.url == "/konto/login/"
    assert parse(client.get(response.url)).html_lang == "en"


def test_language_switch_ignores_unknown_languages(client):
    client.post(reverse("set_language"), {"language": "xx", "next": "/konto/login/"})

    assert parse(client.get(reverse("account_login"))).html_lang == "de"


def test_language_switch_does_not_redirect_to_other_sites(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )

    assert "evil.example" not in response.get("Location", "")


def test_dashboard_lists_own_organisations_only(client, verified_user):
    own = OrganisationRoleFactory(user=verified_user, organisation__name="Tafel Annaberg")
    OrganisationRoleFactory(organisation__name="Fremder Verein")
    client.force_login(verified_user)

    content = client.get(DASHBOARD_URL).content.decode()

    assert reverse("manage:organisation", kwargs={"slug": own.organisation.slug}) in content
    assert "Tafel Annaberg" in content
    assert "Fremder Verein" not in content
