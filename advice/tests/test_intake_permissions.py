"""Who gets which intake page: only the organisation's advice team sees its concerns.
Directory roles, network admins, platform staff and superusers get nothing; another
organisation's advisers do not even learn that a concern exists."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from advice.models import AdviceRoleKind, AuditEntry, ConcernOutcome, OutcomeKind
from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    NetworkMembershipFactory,
    NetworkRoleFactory,
    OrganisationRoleFactory,
    UserFactory,
)

from .factories import AdviceRoleFactory, ConcernFactory

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/beratung/", "/beratung/anliegen/", "/beratung/anliegen/danke/"]
TEAM_URLS = ["/beratung/anliegen/eingang/", "/beratung/anliegen/erfassen/"]


@pytest.fixture
def concern():
    return ConcernFactory()


def concern_urls(concern):
    return [
        reverse("advice:concern_detail", kwargs={"pk": concern.pk}),
        reverse("advice:concern_outcome_add", kwargs={"pk": concern.pk}),
    ]


def outsiders(organisation):
    membership = NetworkMembershipFactory(organisation=organisation)
    people = {
        role: OrganisationRoleFactory(organisation=organisation, role=role).user
        for role in OrganisationRoleKind.values
    }
    people["network_admin"] = NetworkRoleFactory(network=membership.network).user
    people["staff"] = staff_with_totp()
    people["superuser"] = staff_with_totp(is_superuser=True)
    return people


def staff_with_totp(**flags):
    """Staff must set up TOTP before anything else; with it they reach the pages."""
    user = UserFactory(is_staff=True, **flags)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def test_public_pages_are_open_to_everyone(client, concern):
    AdviceRoleFactory(organisation=concern.organisation)
    for url in PUBLIC_URLS:
        assert client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_sign_in(client, concern):
    for url in TEAM_URLS + concern_urls(concern):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("account_login")), url


def test_roles_outside_the_advice_team_get_403_or_404(client, concern):
    for name, person in outsiders(concern.organisation).items():
        client.force_login(person)
        for url in TEAM_URLS:
            assert client.get(url).status_code == 403, (name, url)
        for url in concern_urls(concern):
            assert client.get(url).status_code == 404, (name, url)
            assert client.post(url, {"kind": OutcomeKind.CASE}).status_code == 404, (name, url)
    assert not AuditEntry.objects.exists()
    assert not ConcernOutcome.objects.exists()


def test_advisers_of_another_organisation_do_not_see_the_concern(client, concern):
    stranger = AdviceRoleFactory(role=AdviceRoleKind.LEAD).user
    client.force_login(stranger)
    for url in TEAM_URLS:
        assert client.get(url).status_code == 200, url
    triage = client.get(TEAM_URLS[0])
    assert concern not in list(triage.context["page"])
    for url in concern_urls(concern):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"kind": OutcomeKind.IDEA}).status_code == 404, url
    assert not AuditEntry.objects.exists()
    assert not ConcernOutcome.objects.exists()


@pytest.mark.parametrize("role", AdviceRoleKind.values)
def test_the_organisations_advice_team_gets_every_page(client, concern, role):
    member = AdviceRoleFactory(organisation=concern.organisation, role=role).user
    client.force_login(member)
    for url in PUBLIC_URLS + TEAM_URLS + concern_urls(concern):
        assert client.get(url).status_code == 200, url
    triage = client.get(TEAM_URLS[0])
    assert list(triage.context["page"]) == [concern]


def test_a_deactivated_team_member_gets_nothing(client, concern):
    member = AdviceRoleFactory(organisation=concern.organisation).user
    client.force_login(member)
    member.is_active = False
    member.save()
    for url in TEAM_URLS + concern_urls(concern):
        assert client.get(url).status_code in (302, 403, 404), url
