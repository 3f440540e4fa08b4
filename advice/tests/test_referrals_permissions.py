"""Every referral URL against every role: only the advisers assigned to the case and the
organisation's advice lead get in; everybody else gets a 403 or 404, never the data."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from advice.models import AdviceRoleKind, Referral
from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    ServiceFactory,
    UserFactory,
)

from .factories import AdviceCaseFactory, AdviceRoleFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def _staff(superuser):
    user = UserFactory(is_staff=True, is_superuser=superuser)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


@pytest.fixture
def world():
    organisation = OrganisationFactory()
    adviser = AdviceRoleFactory(organisation=organisation).user
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    case = AdviceCaseFactory(organisation=organisation, advisers=[adviser])
    service = ServiceFactory()
    target = OrganisationFactory()
    target.services.add(service)
    referral = ReferralFactory(case=case, service_organisation=target, referred_by=adviser)

    def role(kind):
        return OrganisationRoleFactory(organisation=organisation, role=kind).user

    # Built on demand: each test needs one of them, and every account costs a password hash.
    outsiders = {
        "directory_admin": lambda: role(OrganisationRoleKind.ADMIN),
        "editor": lambda: role(OrganisationRoleKind.EDITOR),
        "coordinator": lambda: role(OrganisationRoleKind.COORDINATOR),
        "network_admin": lambda: NetworkRoleFactory().user,
        "staff": lambda: _staff(superuser=False),
        "superuser": lambda: _staff(superuser=True),
        "other_organisation_lead": lambda: AdviceRoleFactory(role=AdviceRoleKind.LEAD).user,
        "colleague_not_assigned": lambda: AdviceRoleFactory(organisation=organisation).user,
    }
    return {
        "adviser": adviser,
        "lead": lead,
        "case": case,
        "service": service,
        "target": target,
        "referral": referral,
        "outsiders": outsiders,
    }


def _record_urls(world):
    """The URLs that show or change one case's referrals, with method and data."""
    case, referral = world["case"], world["referral"]
    new = reverse("advice:referral_new", kwargs={"case": case.pk})
    slip = reverse("advice:referral_slip", kwargs={"pk": referral.pk})
    feedback = reverse("advice:referral_feedback", kwargs={"pk": referral.pk})
    post_new = {
        "service": world["service"].pk,
        "service_organisation": world["target"].pk,
        "follow_up_weeks": 6,
        "consent": "on",
    }
    return [
        ("get", new, {"service": world["service"].pk}),
        ("post", new, post_new),
        ("get", slip, {}),
        ("get", feedback, {}),
        ("post", feedback, {"outcome": "solved"}),
    ]


def test_anonymous_people_are_sent_to_sign_in(client, world):
    for method, url, data in _record_urls(world) + [("get", reverse("advice:referrals_due"), {})]:
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert reverse("account_login") in response.url
    assert Referral.objects.count() == 1


@pytest.mark.parametrize(
    "who",
    [
        "directory_admin",
        "editor",
        "coordinator",
        "network_admin",
        "staff",
        "superuser",
        "other_organisation_lead",
        "colleague_not_assigned",
    ],
)
def test_nobody_else_gets_in(client, world, who):
    client.force_login(world["outsiders"][who]())
    for method, url, data in _record_urls(world):
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 404), (who, method, url)
    due = client.get(reverse("advice:referrals_due"))
    if who in ("colleague_not_assigned", "other_organisation_lead"):
        assert due.status_code == 200 and list(due.context["referrals"]) == []
    else:
        assert due.status_code == 403
    assert Referral.objects.count() == 1
    world["referral"].refresh_from_db()
    assert world["referral"].outcome == "pending"


@pytest.mark.parametrize("who", ["adviser", "lead"])
def test_the_assigned_adviser_and_the_lead_get_in(client, world, who):
    client.force_login(world[who])
    for method, url, data in _record_urls(world):
        response = getattr(client, method)(url, data)
        assert response.status_code in ((200,) if method == "get" else (302,)), (method, url)
    assert client.get(reverse("advice:referrals_due")).status_code == 200


def test_unknown_ids_are_404(client, world):
    client.force_login(world["lead"])
    for url in (
        reverse("advice:referral_new", kwargs={"case": 2**62}),
        reverse("advice:referral_slip", kwargs={"pk": 2**62}),
        reverse("advice:referral_feedback", kwargs={"pk": 99999999999999999999}),
    ):
        assert client.get(url).status_code == 404
