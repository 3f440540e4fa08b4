import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.urls import reverse

from .conftest import (
    activate_totp,
    confirm_password,
    current_totp_code,
    make_verified_user,
    sign_in,
)

pytestmark = pytest.mark.django_db

ACTIVATE_REQUIRED = reverse("mfa_activate_totp") + "?required=1"


@pytest.fixture
def staff_member(db):
    return make_verified_user(is_staff=True, is_superuser=True)


@pytest.mark.parametrize("path", ["/admin/", "/verwalten/vorschlagen/", "/"])
def test_staff_without_totp_are_sent_to_set_it_up(client, staff_member, path):
    client.force_login(staff_member)

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == ACTIVATE_REQUIRED


@pytest.mark.parametrize("path", ["/konto/", "/konto/2fa/", "/konto/email/"])
def test_staff_without_totp_still_reach_their_account_pages(client, staff_member, path):
    client.force_login(staff_member)

    assert client.get(path).status_code == 200


def test_staff_without_totp_can_sign_out(client, staff_member):
    client.force_login(staff_member)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_people_without_staff_status_are_not_pushed_to_totp(client, verified_user):
    client.force_login(verified_user)

    response = client.get("/verwalten/vorschlagen/")

    assert response.status_code == 200


def test_staff_activate_totp_and_then_reach_the_admin(client, staff_member):
    sign_in(client, staff_member)
    assert client.get(ACTIVATE_REQUIRED).url.startswith(reverse("account_reauthenticate"))
    confirm_password(client)

    page = client.get(ACTIVATE_REQUIRED)

    assert page.status_code == 200
    content = page.content.decode()
    assert 'id="two-factor-required"' in content
    assert 'src="data:image/svg+xml;base64,' in content
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in content

    response = client.post(ACTIVATE_REQUIRED, {"code": current_totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff_member, type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


def test_wrong_code_does_not_activate_totp(client, staff_member):
    sign_in(client, staff_member)
    confirm_password(client)
    client.get(ACTIVATE_REQUIRED)

    response = client.post(ACTIVATE_REQUIRED, {"code": "000000"})

    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert 'id="two-factor-required"' in response.content.decode()
    assert not Authenticator.objects.filter(user=staff_member).exists()
    assert client.get("/admin/").url == ACTIVATE_REQUIRED


def test_activation_page_without_the_flag_shows_no_staff_notice(client, verified_user):
    sign_in(client, verified_user)
    confirm_password(client)

    page = client.get(reverse("mfa_activate_totp"))

    assert page.status_code == 200
    assert 'id="two-factor-required"' not in page.content.decode()


def test_staff_with_totp_sign_in_with_code_and_reach_the_admin(client, staff_member):
    secret = activate_totp(staff_member)

    sign_in(client, staff_member)
    assert client.get("/admin/").status_code == 302
    client.post(reverse("mfa_authenticate"), {"code": current_totp_code(secret)})

    assert client.get("/admin/").status_code == 200


def test_admin_login_form_cannot_skip_the_code_step(client, staff_member):
    activate_totp(staff_member)

    response = client.get("/admin/login/?next=/admin/")
    client.post(
        "/admin/login/?next=/admin/",
        {"username": staff_member.email, "password": "correct-horse-battery-staple"},
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
