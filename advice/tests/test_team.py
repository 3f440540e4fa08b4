"""The advice team: appointing advisers and leads, the last-lead rule, what removal takes
away, and who may manage the team."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from advice.models import AdviceRole, AdviceRoleKind, AuditAction, AuditEntry, CaseStatus
from advice.services.team import advice_role_change, advice_role_grant, advice_role_revoke
from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)

from .factories import (
    AdviceCaseFactory,
    AdviceRoleFactory,
    AppointmentFactory,
    AppointmentScheduleFactory,
    ModerationCaseFactory,
)

pytestmark = pytest.mark.django_db


def colleague(organisation, role=OrganisationRoleKind.COORDINATOR):
    return OrganisationRoleFactory(organisation=organisation, role=role).user


def team_member(organisation, role=AdviceRoleKind.ADVISER):
    """A colleague in the advice team, as the team page would appoint them."""
    user = colleague(organisation)
    return AdviceRoleFactory(organisation=organisation, user=user, role=role)


def staff_with_second_factor():
    user = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def org_admin(organisation):
    return colleague(organisation, OrganisationRoleKind.ADMIN)


# Services


def test_grant_audits_and_needs_a_colleague(organisation, org_admin):
    person = colleague(organisation)
    advice_role = advice_role_grant(
        organisation=organisation, user=person, role=AdviceRoleKind.LEAD, granted_by=org_admin
    )
    assert advice_role.role == AdviceRoleKind.LEAD
    entry = AuditEntry.objects.get()
    assert (entry.organisation, entry.user, entry.action) == (
        organisation,
        org_admin,
        AuditAction.CREATE,
    )
    assert (entry.record_type, entry.record_id) == ("advicerole", advice_role.pk)

    outsider = UserFactory()
    other_organisations_member = colleague(OrganisationFactory())
    for user in (outsider, other_organisations_member, person):
        with pytest.raises(ValidationError) as error:
            advice_role_grant(
                organisation=organisation,
                user=user,
                role=AdviceRoleKind.ADVISER,
                granted_by=org_admin,
            )
        assert "user" in error.value.error_dict
    with pytest.raises(ValidationError):
        advice_role_grant(
            organisation=organisation,
            user=colleague(organisation),
            role="superuser",
            granted_by=org_admin,
        )
    assert AdviceRole.objects.count() == 1


def test_change_role_audits(organisation, org_admin):
    team_member(organisation, AdviceRoleKind.LEAD)
    adviser = team_member(organisation)
    advice_role_change(advice_role=adviser, new_role=AdviceRoleKind.LEAD, changed_by=org_admin)
    adviser.refresh_from_db()
    assert adviser.role == AdviceRoleKind.LEAD
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.record_id, entry.detail) == (
        AuditAction.CHANGE,
        adviser.pk,
        AdviceRoleKind.LEAD,
    )


def test_the_last_lead_stays_while_advisers_remain(organisation, org_admin):
    lead = team_member(organisation, AdviceRoleKind.LEAD)
    adviser = team_member(organisation)
    with pytest.raises(ValidationError):
        advice_role_change(advice_role=lead, new_role=AdviceRoleKind.ADVISER, changed_by=org_admin)
    with pytest.raises(ValidationError):
        advice_role_revoke(advice_role=lead, revoked_by=org_admin)
    lead.refresh_from_db()
    assert lead.role == AdviceRoleKind.LEAD
    assert not AuditEntry.objects.exists()

    # With a second lead, the first may go; without advisers, the last lead may leave.
    second_lead = team_member(organisation, AdviceRoleKind.LEAD)
    advice_role_change(advice_role=lead, new_role=AdviceRoleKind.ADVISER, changed_by=org_admin)
    advice_role_revoke(advice_role=lead, revoked_by=org_admin)
    advice_role_revoke(advice_role=adviser, revoked_by=org_admin)
    advice_role_revoke(advice_role=second_lead, revoked_by=org_admin)
    assert not AdviceRole.objects.filter(organisation=organisation).exists()


def test_revoke_takes_the_person_off_open_work_only(organisation, org_admin):
    team_member(organisation, AdviceRoleKind.LEAD)
    leaving = team_member(organisation)
    staying = team_member(organisation).user
    person = leaving.user
    open_case = AdviceCaseFactory(organisation=organisation, advisers=[person, staying])
    closed_case = AdviceCaseFactory(
        organisation=organisation, advisers=[person], status=CaseStatus.CLOSED
    )
    moderation = ModerationCaseFactory(organisation=organisation, mediators=[person])
    schedule = AppointmentScheduleFactory(organisation=organisation, advisers=[person, staying])
    upcoming = AppointmentFactory(schedule=schedule, adviser=person)
    AppointmentFactory(
        schedule=schedule, adviser=person, starts_at=timezone.now() - timedelta(days=2)
    )
    elsewhere = OrganisationFactory()
    AdviceRoleFactory(organisation=elsewhere, user=person)
    other_case = AdviceCaseFactory(organisation=elsewhere, advisers=[person])

    result = advice_role_revoke(advice_role=leaving, revoked_by=org_admin)

    assert list(open_case.advisers.all()) == [staying]
    assert list(closed_case.advisers.all()) == [person]
    assert not moderation.mediators.exists()
    assert list(schedule.advisers.all()) == [staying]
    assert list(other_case.advisers.all()) == [person]
    assert (result.cases, result.moderations, result.schedules) == (1, 1, 1)
    assert result.appointments_kept == [upcoming]
    upcoming.refresh_from_db()
    assert upcoming.adviser == person
    entry = AuditEntry.objects.get(action=AuditAction.DELETE)
    assert (entry.organisation, entry.record_id) == (organisation, leaving.pk)
    assert AdviceRole.objects.filter(user=person).count() == 1


# Pages


def team_url(organisation):
    return reverse("advice:team", kwargs={"slug": organisation.slug})


def test_who_may_manage_the_team(client, organisation, org_admin):
    lead = team_member(organisation, AdviceRoleKind.LEAD).user
    for user in (org_admin, lead):
        client.force_login(user)
        assert client.get(team_url(organisation)).status_code == 200

    adviser = team_member(organisation).user
    editor = colleague(organisation, OrganisationRoleKind.EDITOR)
    coordinator = colleague(organisation)
    network_admin = NetworkRoleFactory().user
    staff = staff_with_second_factor()
    other_admin = colleague(OrganisationFactory(), OrganisationRoleKind.ADMIN)
    other_lead = AdviceRoleFactory(role=AdviceRoleKind.LEAD).user
    target = AdviceRole.objects.get(user=adviser)
    change_url = reverse(
        "advice:team_role_change", kwargs={"slug": organisation.slug, "pk": target.pk}
    )
    revoke_url = reverse(
        "advice:team_role_revoke", kwargs={"slug": organisation.slug, "pk": target.pk}
    )
    for user in (adviser, editor, coordinator, network_admin, staff, other_admin, other_lead):
        client.force_login(user)
        assert client.get(team_url(organisation)).status_code == 403
        assert client.post(team_url(organisation), {"user": coordinator.pk}).status_code == 403
        assert client.post(change_url, {f"role-{target.pk}-role": "lead"}).status_code == 403
        assert client.get(revoke_url).status_code == 403
        assert client.post(revoke_url).status_code == 403
    target.refresh_from_db()
    assert target.role == AdviceRoleKind.ADVISER
    assert AdviceRole.objects.filter(organisation=organisation).count() == 2

    client.logout()
    assert client.get(team_url(organisation)).status_code == 302
    assert client.post(revoke_url).status_code == 302
    assert AdviceRole.objects.filter(pk=target.pk).exists()


def test_admin_adds_changes_and_removes(client, organisation, org_admin):
    client.force_login(org_admin)
    person = colleague(organisation)
    response = client.post(team_url(organisation), {"user": person.pk, "role": "lead"})
    assert response.status_code == 302
    lead = AdviceRole.objects.get(user=person, organisation=organisation)
    assert lead.role == AdviceRoleKind.LEAD

    adviser_user = colleague(organisation)
    client.post(team_url(organisation), {"user": adviser_user.pk, "role": "adviser"})
    adviser = AdviceRole.objects.get(user=adviser_user)

    change_url = reverse(
        "advice:team_role_change", kwargs={"slug": organisation.slug, "pk": lead.pk}
    )
    response = client.post(change_url, {f"role-{lead.pk}-role": "adviser"})
    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.role == AdviceRoleKind.LEAD  # the last lead: refused with a message

    revoke_url = reverse(
        "advice:team_role_revoke", kwargs={"slug": organisation.slug, "pk": adviser.pk}
    )
    page = client.get(revoke_url)
    assert page.status_code == 200
    assert b'id="advice-role-revoke"' in page.content
    assert client.post(revoke_url).status_code == 302
    assert not AdviceRole.objects.filter(pk=adviser.pk).exists()
    assert client.post(revoke_url).status_code == 404

    page = client.get(team_url(organisation))
    assert f'id="advice-role-{lead.pk}"'.encode() in page.content
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        AuditAction.CREATE,
        AuditAction.CREATE,
        AuditAction.DELETE,
    ]


def test_the_lead_manages_and_may_step_down_to_the_overview(client, organisation):
    lead = team_member(organisation, AdviceRoleKind.LEAD)
    client.force_login(lead.user)
    newcomer = colleague(organisation)
    client.post(team_url(organisation), {"user": newcomer.pk, "role": "lead"})
    newcomer_role = AdviceRole.objects.get(user=newcomer)
    change_url = reverse(
        "advice:team_role_change", kwargs={"slug": organisation.slug, "pk": lead.pk}
    )
    response = client.post(change_url, {f"role-{lead.pk}-role": "adviser"})
    assert response.url == reverse("advice:my_teams")
    lead.refresh_from_db()
    assert lead.role == AdviceRoleKind.ADVISER
    assert newcomer_role.role == AdviceRoleKind.LEAD


def test_the_removal_warns_about_booked_appointments(client, organisation, org_admin):
    team_member(organisation, AdviceRoleKind.LEAD)
    leaving = team_member(organisation)
    schedule = AppointmentScheduleFactory(organisation=organisation, advisers=[leaving.user])
    AppointmentFactory(schedule=schedule, adviser=leaving.user, name="Vertraulich Beispiel")
    client.force_login(org_admin)
    revoke_url = reverse(
        "advice:team_role_revoke", kwargs={"slug": organisation.slug, "pk": leaving.pk}
    )
    response = client.post(revoke_url, follow=True)
    levels = [message.level_tag for message in response.context["messages"]]
    assert levels == ["success", "warning"]
    # The admin learns when, not who: the resident's name stays on the adviser calendar.
    assert b"Vertraulich" not in response.content


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"user": "", "role": "adviser"},
        {"user": "abc", "role": "adviser"},
        {"user": "99999999999999999999", "role": "adviser"},
        {"user": "-1", "role": "lead"},
        {"role": "owner"},
    ],
)
def test_hostile_grant_input_changes_nothing(client, organisation, org_admin, data):
    client.force_login(org_admin)
    data.setdefault("user", str(colleague(organisation).pk))
    response = client.post(team_url(organisation), data)
    assert response.status_code == 400
    assert not AdviceRole.objects.exists()


def test_someone_outside_the_organisation_cannot_be_added(client, organisation, org_admin):
    client.force_login(org_admin)
    outsider = UserFactory()
    response = client.post(team_url(organisation), {"user": outsider.pk, "role": "lead"})
    assert response.status_code == 400
    assert not AdviceRole.objects.exists()


def test_hostile_ids_and_roles(client, organisation, org_admin):
    adviser = team_member(organisation)
    other = team_member(OrganisationFactory())
    client.force_login(org_admin)
    for pk in (other.pk, 99999999999999999999, 0):
        for name in ("advice:team_role_change", "advice:team_role_revoke"):
            url = reverse(name, kwargs={"slug": organisation.slug, "pk": pk})
            assert client.post(url, {f"role-{pk}-role": "lead"}).status_code == 404
    assert client.get(reverse("advice:team", kwargs={"slug": "gibt-es-nicht"})).status_code == 404
    change_url = reverse(
        "advice:team_role_change", kwargs={"slug": organisation.slug, "pk": adviser.pk}
    )
    for value in ("owner", "", "lead" * 100):
        assert client.post(change_url, {f"role-{adviser.pk}-role": value}).status_code == 302
    assert client.get(change_url).status_code == 405
    adviser.refresh_from_db()
    assert adviser.role == AdviceRoleKind.ADVISER
    assert AdviceRole.objects.filter(pk=other.pk).exists()


def test_my_teams_lists_managed_and_own_teams(client, organisation, org_admin):
    led = OrganisationFactory()
    lead = team_member(led, AdviceRoleKind.LEAD).user
    AdviceRoleFactory(organisation=organisation, user=lead)
    client.force_login(lead)
    response = client.get(reverse("advice:my_teams"))
    assert response.status_code == 200
    assert list(response.context["managed_organisations"]) == [led]
    assert {role.organisation for role in response.context["memberships"]} == {led, organisation}

    client.force_login(org_admin)
    response = client.get(reverse("advice:my_teams"))
    assert list(response.context["managed_organisations"]) == [organisation]
    assert not response.context["memberships"]

    client.force_login(staff_with_second_factor())
    response = client.get(reverse("advice:my_teams"))
    assert not response.context["managed_organisations"]


def test_my_area_links_to_the_advice_pages(client, organisation, org_admin):
    dashboard = reverse("accounts:dashboard")
    teams_link = f'href="{reverse("advice:my_teams")}"'.encode()
    client.force_login(org_admin)
    response = client.get(dashboard)
    assert b'id="advice-card"' in response.content and teams_link in response.content

    adviser = team_member(organisation).user
    client.force_login(adviser)
    response = client.get(dashboard)
    assert b'id="advice-card"' in response.content and teams_link not in response.content

    lead = team_member(organisation, AdviceRoleKind.LEAD).user
    client.force_login(lead)
    assert teams_link in client.get(dashboard).content

    client.force_login(colleague(organisation, OrganisationRoleKind.EDITOR))
    assert b'id="advice-card"' not in client.get(dashboard).content


def test_team_page_queries_do_not_grow_with_the_team(
    client, organisation, org_admin, django_assert_num_queries
):
    """1 session, 2 user, 3 organisation, 4 organisation admin?, 5 team with users,
    6 are there colleagues to add?, 7 the colleagues for the select."""
    for _number in range(5):
        team_member(organisation)
    colleague(organisation)
    client.force_login(org_admin)
    with django_assert_num_queries(7):
        response = client.get(team_url(organisation))
    assert response.status_code == 200
    assert len(response.context["members"]) == 5
