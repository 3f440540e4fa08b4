"""Every account page renders inside the platform frame: one h1, every input labelled,
nothing loaded from another host."""

import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse

from .conftest import (
    activate_totp,
    confirm_password,
    current_totp_code,
    make_verified_user,
    sign_in,
)
from .pages import parse

pytestmark = pytest.mark.django_db


def assert_well_formed(response):
    assert response.status_code == 200
    page = parse(response)
    assert page.h1_count == 1
    assert page.unlabelled_inputs() == []
    assert page.external_resources == []
    assert page.html_lang == "de"
    content = response.content.decode()
    assert 'class="site-header"' in content
    assert 'class="site-footer"' in content
    return content


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_entrance_pages(client, url_name):
    content = assert_well_formed(client.get(reverse(url_name)))

    assert 'class="narrow card entrance"' in content


def test_login_page_has_autocomplete_hints_and_a_reset_link(client):
    content = assert_well_formed(client.get(reverse("account_login")))

    assert 'autocomplete="email"' in content
    assert 'autocomplete="current-password"' in content
    assert f'href="{reverse("account_reset_password")}"' in content
    assert f'href="{reverse("account_signup")}"' in content


def test_signup_page_asks_for_new_passwords(client):
    content = assert_well_formed(client.get(reverse("account_signup")))

    assert content.count('autocomplete="new-password"') == 2


def test_failed_login_shows_the_error_summary(client, verified_user):
    content = assert_well_formed(sign_in(client, verified_user, password="falsch"))

    assert 'class="error-summary"' in content


def test_confirm_email_page(client, mailoutbox):
    client.post(
        reverse("account_signup"),
        {
            "email": "neu@example.org",
            "password1": "Ehrenamt-im-Erzgebirge-2026",
            "password2": "Ehrenamt-im-Erzgebirge-2026",
        },
    )
    path = re.search(r"/konto/confirm-email/[^/\s]+/", mailoutbox[0].body).group(0)

    assert_well_formed(client.get(path))


def test_password_reset_pages(client, verified_user, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": verified_user.email})
    path = re.search(r"/konto/password/reset/key/\S+/", mailoutbox[0].body).group(0)

    assert_well_formed(client.get(path, follow=True))
    assert_well_formed(client.get("/konto/password/reset/key/1-forged/"))


def test_two_factor_code_step(client):
    user = make_verified_user()
    activate_totp(user)
    sign_in(client, user)

    content = assert_well_formed(client.get(reverse("mfa_authenticate")))

    assert 'autocomplete="one-time-code"' in content


@pytest.mark.parametrize(
    "url_name",
    ["account_email", "account_change_password", "mfa_index", "account_reauthenticate"],
)
def test_manage_pages(client, verified_user, url_name):
    client.force_login(verified_user)

    content = assert_well_formed(client.get(reverse(url_name)))

    assert f'href="{reverse("accounts:dashboard")}"' in content


def test_email_page_groups_addresses_in_a_fieldset(client, verified_user):
    client.force_login(verified_user)

    content = assert_well_formed(client.get(reverse("account_email")))

    assert "<legend>" in content
    assert 'type="radio"' in content


def test_totp_activation_page_shows_an_inline_qr_code(client, verified_user):
    sign_in(client, verified_user)
    confirm_password(client)

    content = assert_well_formed(client.get(reverse("mfa_activate_totp")))

    assert 'src="data:image/svg+xml;base64,' in content
    assert 'autocomplete="one-time-code"' in content


def test_pages_of_an_active_authenticator_app(client, verified_user):
    secret = activate_totp(verified_user)
    RecoveryCodes.activate(verified_user)
    sign_in(client, verified_user)
    client.post(reverse("mfa_authenticate"), {"code": current_totp_code(secret)})
    confirm_password(client)

    assert_well_formed(client.get(reverse("mfa_index")))
    assert_well_formed(client.get(reverse("mfa_deactivate_totp")))
    codes_page = assert_well_formed(client.get(reverse("mfa_view_recovery_codes")))
    assert_well_formed(client.get(reverse("mfa_generate_recovery_codes")))
    assert 'id="recovery_codes"' in codes_page
