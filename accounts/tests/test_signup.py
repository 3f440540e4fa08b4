import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

User = get_user_model()
EMAIL = "neu@example.org"
PASSWORD = "Ehrenamt-im-Erzgebirge-2026"


def _sign_up(client, email=EMAIL, password1=PASSWORD, password2=PASSWORD):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password1, "password2": password2},
    )


def _confirmation_path(message) -> str:
    match = re.search(r"https?://testserver(/konto/confirm-email/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_sign_up_sends_a_confirmation_link_and_does_not_sign_in(client, mailoutbox):
    response = _sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email=EMAIL)
    assert user.password.startswith("argon2")
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [EMAIL]
    assert _confirmation_path(mailoutbox[0])
    assert "_auth_user_id" not in client.session


def test_signing_in_before_confirming_does_not_sign_in(client, mailoutbox):
    _sign_up(client)
    client.logout()

    response = client.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_following_the_link_verifies_the_address_and_signs_in(client, mailoutbox):
    _sign_up(client)
    path = _confirmation_path(mailoutbox[0])

    confirm_page = client.get(path)
    assert confirm_page.status_code == 200
    response = client.post(path)

    assert response.status_code == 302
    user = User.objects.get(email=EMAIL)
    assert EmailAddress.objects.get(user=user).verified is True
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_confirmation_link_from_another_browser_verifies_without_signing_in(client, mailoutbox):
    _sign_up(client)
    other_browser = Client()

    other_browser.post(_confirmation_path(mailoutbox[0]))

    assert EmailAddress.objects.get(email=EMAIL).verified is True
    assert "_auth_user_id" not in other_browser.session


def test_forged_confirmation_key_verifies_nothing(client, mailoutbox):
    _sign_up(client)

    response = client.post("/konto/confirm-email/forged-key/")

    assert response.status_code == 404
    assert EmailAddress.objects.get(email=EMAIL).verified is False


def test_mismatching_passwords_create_no_account(client, mailoutbox):
    response = _sign_up(client, password2="Something-else-2026")

    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.filter(email=EMAIL).exists()
    assert mailoutbox == []


def test_weak_password_is_refused(client, mailoutbox):
    response = _sign_up(client, password1="12345678", password2="12345678")

    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.filter(email=EMAIL).exists()


def test_signing_up_with_a_taken_address_reveals_nothing_and_creates_no_account(client, mailoutbox):
    _sign_up(client)
    other_password = "Anderes-Passwort-2026"

    response = _sign_up(Client(), password1=other_password, password2=other_password)

    # The same answer as for a new address, so nobody can probe who has an account.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email=EMAIL).count() == 1
    assert User.objects.get(email=EMAIL).check_password(PASSWORD)
