import pytest
from django.forms.forms import NON_FIELD_ERRORS
from django.urls import reverse

from directory.tests.factories import UserFactory

from .conftest import PASSWORD, activate_totp, current_totp_code, make_verified_user, sign_in

pytestmark = pytest.mark.django_db


def _is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_verified_user_signs_in_and_lands_in_their_area(client, verified_user):
    response = sign_in(client, verified_user)

    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")
    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_wrong_password_gives_a_form_error_and_no_session(client, verified_user):
    response = sign_in(client, verified_user, password="not-the-password")

    assert response.status_code == 200
    assert response.context["form"].errors[NON_FIELD_ERRORS]
    assert not _is_signed_in(client)


def test_sixth_attempt_after_five_failures_is_refused_even_with_the_right_password(
    client, verified_user
):
    for _ in range(5):
        response = sign_in(client, verified_user, password="guess")
        assert not response.context["form"].has_error(NON_FIELD_ERRORS, "too_many_login_attempts")

    response = sign_in(client, verified_user)

    assert response.status_code == 200
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "too_many_login_attempts")
    assert not _is_signed_in(client)


def test_five_failures_from_one_address_block_that_address_for_every_account(client, verified_user):
    other = make_verified_user()
    for _ in range(5):
        sign_in(client, verified_user, password="guess")

    response = sign_in(client, other)

    assert response.context["form"].has_error(NON_FIELD_ERRORS, "too_many_login_attempts")
    assert not _is_signed_in(client)


def test_four_failures_do_not_lock_the_owner_out(client, verified_user):
    for _ in range(4):
        sign_in(client, verified_user, password="guess")

    sign_in(client, verified_user)

    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_new_passwords_are_hashed_with_argon2(db):
    user = UserFactory()
    user.set_password("a-fresh-password-2026")
    user.save()

    user.refresh_from_db()
    assert user.password.startswith("argon2")
    assert user.check_password("a-fresh-password-2026")


def test_user_with_authenticator_app_needs_password_and_code(client):
    user = make_verified_user()
    secret = activate_totp(user)

    response = sign_in(client, user)

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert not _is_signed_in(client)

    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()

    response = client.post(reverse("mfa_authenticate"), {"code": current_totp_code(secret)})

    assert response.status_code == 302
    assert response.url == reverse("accounts:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_totp_code_keeps_the_person_signed_out(client):
    user = make_verified_user()
    secret = activate_totp(user)
    sign_in(client, user)
    wrong_code = f"{(int(current_totp_code(secret)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("mfa_authenticate"), {"code": wrong_code})

    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert not _is_signed_in(client)


def test_a_totp_code_cannot_be_used_twice(client):
    user = make_verified_user()
    secret = activate_totp(user)
    code = current_totp_code(secret)
    sign_in(client, user)
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.post(reverse("account_logout"))

    sign_in(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 200
    assert not _is_signed_in(client)


def test_logout_ends_the_session(client, verified_user):
    sign_in(client, verified_user)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert not _is_signed_in(client)


def test_password_reset_sends_a_link_that_sets_a_new_password(client, verified_user, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": verified_user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    link = next(word for word in mailoutbox[0].body.split() if "/password/reset/key/" in word)
    path = link.split("testserver", 1)[1]

    # allauth moves the key from the URL into the session before showing the form.
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_password_path = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_path,
        {"password1": "Neues-Passwort-für-2026", "password2": "Neues-Passwort-für-2026"},
    )

    assert response.status_code == 302
    verified_user.refresh_from_db()
    assert verified_user.check_password("Neues-Passwort-für-2026")
    assert not verified_user.check_password(PASSWORD)


def test_password_reset_for_an_unknown_address_sends_no_reset_link(client, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert not any("/password/reset/key/" in message.body for message in mailoutbox)
