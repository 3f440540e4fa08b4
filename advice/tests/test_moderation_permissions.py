"""Every moderation URL against every role: only its mediators and the organisation's
advice lead get in; everybody else gets a 403 or 404 and changes nothing."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from advice.models import (
    AdviceRoleKind,
    CaseStatus,
    ModerationCase,
    ModerationParty,
    ModerationSession,
)
from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)

from .factories import AdviceRoleFactory, ModerationCaseFactory

pytestmark = pytest.mark.django_db


def _staff(superuser):
    user = UserFactory(is_staff=True, is_superuser=superuser)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


@pytest.fixture
def world():
    organisation = OrganisationFactory()
    mediator = AdviceRoleFactory(organisation=organisation).user
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    moderation = ModerationCaseFactory(
        organisation=organisation,
        mediators=[mediator],
        opened_at=timezone.now() - timedelta(days=3),
    )
    first = ModerationParty.objects.create(moderation=moderation, label="Familie A")
    ModerationParty.objects.create(moderation=moderation, label="Familie B")

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
        "other_organisation_adviser": lambda: AdviceRoleFactory().user,
        "colleague_not_mediating": lambda: AdviceRoleFactory(organisation=organisation).user,
    }
    return {
        "organisation": organisation,
        "mediator": mediator,
        "lead": lead,
        "moderation": moderation,
        "party": first,
        "outsiders": outsiders,
    }


def _record_urls(world):
    """Every URL of one moderation, with method and data that would change it."""
    moderation, party = world["moderation"], world["party"]
    today = timezone.localdate().isoformat()

    def url(name, **kwargs):
        return reverse(f"advice:{name}", kwargs={"pk": moderation.pk, **kwargs})

    return [
        ("get", url("moderation_detail"), {}),
        (
            "post",
            url("moderation_mediators"),
            {"mediators-mediators": [world["mediator"].pk, world["lead"].pk]},
        ),
        ("post", url("moderation_party_add"), {"party-label": "Familie C"}),
        ("get", url("moderation_party_edit", party=party.pk), {}),
        ("post", url("moderation_party_edit", party=party.pk), {"label": "Geändert"}),
        ("post", url("moderation_session_add"), {"session-held_on": today}),
        (
            "post",
            url("moderation_agreement_add"),
            {"agreement-text": "Ruhe", "agreement-reached_on": today},
        ),
        ("post", url("moderation_follow_up"), {"follow_up-follow_up_on": today}),
        ("post", url("moderation_party_remove", party=party.pk), {}),
        ("post", url("moderation_close"), {}),
        ("post", url("moderation_reopen"), {}),
    ]


def _unchanged(world):
    moderation = ModerationCase.objects.get(pk=world["moderation"].pk)
    assert moderation.status == CaseStatus.OPEN
    assert moderation.follow_up_on is None
    assert list(moderation.mediators.all()) == [world["mediator"]]  # the lead was not added
    assert sorted(moderation.parties.values_list("label", flat=True)) == [
        "Familie A",
        "Familie B",
    ]
    assert not ModerationSession.objects.exists()
    assert not moderation.agreements.exists()


def test_anonymous_people_are_sent_to_sign_in(client, world):
    lists = [
        ("get", reverse("advice:moderation_list"), {}),
        ("get", reverse("advice:moderation_new"), {}),
        ("post", reverse("advice:moderation_new"), {"subject": "X"}),
    ]
    for method, url, data in _record_urls(world) + lists:
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert reverse("account_login") in response.url
    _unchanged(world)


@pytest.mark.parametrize(
    "who",
    [
        "directory_admin",
        "editor",
        "coordinator",
        "network_admin",
        "staff",
        "superuser",
        "other_organisation_adviser",
        "colleague_not_mediating",
    ],
)
def test_nobody_else_gets_in(client, world, who):
    client.force_login(world["outsiders"][who]())
    for method, url, data in _record_urls(world):
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 404), (who, method, url)
    _unchanged(world)

    in_a_team = who in ("other_organisation_adviser", "colleague_not_mediating")
    listing = client.get(reverse("advice:moderation_list"))
    new = client.get(reverse("advice:moderation_new"))
    if in_a_team:
        assert listing.status_code == 200 and list(listing.context["moderations"]) == []
        assert new.status_code == 200
        response = client.post(
            reverse("advice:moderation_new"),
            {"organisation": world["organisation"].pk, "subject": "X"},
        )
        if who == "other_organisation_adviser":
            assert response.status_code == 200 and response.context["form"].errors
    else:
        assert listing.status_code == 403 and new.status_code == 403
        response = client.post(
            reverse("advice:moderation_new"),
            {"organisation": world["organisation"].pk, "subject": "X"},
        )
        assert response.status_code == 403
    if who != "colleague_not_mediating":
        assert ModerationCase.objects.count() == 1


@pytest.mark.parametrize("who", ["mediator", "lead"])
def test_the_mediator_and_the_lead_get_in(client, world, who):
    client.force_login(world[who])
    for method, url, data in _record_urls(world):
        response = getattr(client, method)(url, data)
        expected = 200 if method == "get" else 302
        assert response.status_code == expected, (method, url, response.status_code)
    assert client.get(reverse("advice:moderation_list")).status_code == 200
    assert client.get(reverse("advice:moderation_new")).status_code == 200


def test_unknown_ids_are_404(client, world):
    client.force_login(world["lead"])
    moderation = world["moderation"]
    for url in (
        reverse("advice:moderation_detail", kwargs={"pk": 2**62}),
        reverse("advice:moderation_detail", kwargs={"pk": 99999999999999999999}),
        reverse(
            "advice:moderation_party_edit", kwargs={"pk": moderation.pk, "party": 99999999999999}
        ),
    ):
        assert client.get(url).status_code == 404
