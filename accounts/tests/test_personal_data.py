import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.messages import SUCCESS
from django.test import Client
from django.urls import reverse

from accounts.selectors import organisations_losing_last_admin
from directory.models import Organisation, OrganisationRole, OrganisationRoleKind
from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory

from .conftest import PASSWORD, activate_totp, make_verified_user

pytestmark = pytest.mark.django_db

User = get_user_model()
EXPORT_URL = reverse("accounts:data_export")
DELETE_URL = reverse("accounts:delete")


@pytest.fixture
def member(db):
    return make_verified_user(display_name="Kim Beispiel")


# Data download


def test_download_contains_the_account_roles_and_method_types(client, member):
    OrganisationRoleFactory(user=member, organisation__name="Nachbarschaftshilfe Annaberg")
    secret = activate_totp(member)
    client.force_login(member)

    response = client.post(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["account"]["name"] == "Kim Beispiel"
    assert data["account"]["email_addresses"] == [
        {"email": member.email, "verified": True, "primary": True}
    ]
    assert data["account"]["two_factor_methods"] == ["totp"]
    assert [role["organisation"] for role in data["directory"]["organisation_roles"]] == [
        "Nachbarschaftshilfe Annaberg"
    ]
    text = response.content.decode()
    assert secret not in text
    stored_secret = Authenticator.objects.get(user=member).data["secret"]
    assert stored_secret not in text


def test_download_never_contains_the_password_hash_or_other_people(client, member):
    stranger = make_verified_user(display_name="Alex Fremd")
    OrganisationRoleFactory(user=stranger, organisation__name="Fremder Verein")
    client.force_login(member)

    text = client.post(EXPORT_URL).content.decode()

    member.refresh_from_db()
    assert member.password not in text
    assert "argon2" not in text
    assert stranger.email not in text
    assert "Alex Fremd" not in text
    assert "Fremder Verein" not in text


def test_download_needs_a_post(client, member):
    client.force_login(member)

    assert client.get(EXPORT_URL).status_code == 405


def test_download_needs_sign_in(client):
    response = client.post(EXPORT_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_download_is_csrf_protected(member):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)

    assert browser.post(EXPORT_URL).status_code == 403


# Deleting the account


def test_delete_page_shows_the_form(client, member):
    client.force_login(member)

    response = client.get(DELETE_URL)

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"password", "confirm"}
    assert 'autocomplete="current-password"' in response.content.decode()


def test_wrong_password_deletes_nothing(client, member):
    client.force_login(member)

    response = client.post(DELETE_URL, {"password": "falsch", "confirm": "on"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["password"]
    assert User.objects.filter(pk=member.pk).exists()
    assert client.session["_auth_user_id"] == str(member.pk)


def test_missing_confirmation_deletes_nothing(client, member):
    client.force_login(member)

    response = client.post(DELETE_URL, {"password": PASSWORD})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["confirm"]
    assert User.objects.filter(pk=member.pk).exists()


def test_deleting_removes_account_addresses_authenticators_and_roles(client, member):
    role = OrganisationRoleFactory(user=member)
    activate_totp(member)
    client.force_login(member)

    response = client.post(DELETE_URL, {"password": PASSWORD, "confirm": "on"}, follow=True)

    assert response.redirect_chain == [(reverse("core:home"), 302)]
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not Authenticator.objects.filter(user_id=member.pk).exists()
    assert not OrganisationRole.objects.filter(pk=role.pk).exists()
    assert Organisation.objects.filter(pk=role.organisation_id).exists()
    assert [message.level for message in response.context["messages"]] == [SUCCESS]
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_deleting_leaves_other_people_alone(client, member):
    other = make_verified_user()
    OrganisationRoleFactory(user=other)
    client.force_login(member)

    client.post(DELETE_URL, {"password": PASSWORD, "confirm": "on"})

    assert User.objects.filter(pk=other.pk).exists()
    assert EmailAddress.objects.filter(user=other).exists()
    assert OrganisationRole.objects.filter(user=other).exists()


def test_delete_is_csrf_protected(member):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)

    response = browser.post(DELETE_URL, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 403
    assert User.objects.filter(pk=member.pk).exists()


def test_anonymous_visitors_cannot_delete_anything(client, member):
    response = client.post(DELETE_URL, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert User.objects.filter(pk=member.pk).exists()


def test_delete_page_names_organisations_that_lose_their_last_admin(client, member):
    alone = OrganisationRoleFactory(user=member, organisation__slug="nur-ich").organisation
    shared = OrganisationRoleFactory(user=member, organisation__slug="mit-anderen").organisation
    OrganisationRoleFactory(organisation=shared)
    OrganisationRoleFactory(
        user=member, organisation__slug="nur-redaktion", role=OrganisationRoleKind.EDITOR
    )
    client.force_login(member)

    content = client.get(DELETE_URL).content.decode()

    assert 'id="last-admin-warning"' in content
    assert f'data-organisation="{alone.slug}"' in content
    assert 'data-organisation="mit-anderen"' not in content
    assert 'data-organisation="nur-redaktion"' not in content


def test_delete_page_without_sole_administration_shows_no_warning(client, member):
    organisation = OrganisationFactory()
    OrganisationRoleFactory(user=member, organisation=organisation)
    OrganisationRoleFactory(organisation=organisation)
    client.force_login(member)

    assert 'id="last-admin-warning"' not in client.get(DELETE_URL).content.decode()


def test_last_admin_selector_ignores_editors_who_would_remain(member):
    organisation = OrganisationRoleFactory(user=member).organisation
    OrganisationRoleFactory(organisation=organisation, role=OrganisationRoleKind.EDITOR)

    assert list(organisations_losing_last_admin(member)) == [organisation]
