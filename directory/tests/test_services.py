from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from directory import services
from directory.models import (
    Invitation,
    MembershipStatus,
    NetworkMembership,
    OfficeHourRule,
    Organisation,
    OrganisationRequest,
    OrganisationRole,
    OrganisationRoleKind,
    OrganisationStatus,
    RequestKind,
    RequestStatus,
    Weekday,
)

from .factories import (
    ClosureFactory,
    ContactPersonFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OfficeHourRuleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    TopicFactory,
    UserFactory,
)

BASE_URL = "https://gemeinwerk.example/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _propose(user, name="Nachbarschaftshilfe Sonnenberg", **extra):
    return services.organisation_propose(requested_by=user, name=name, kind="initiative", **extra)


# Proposals and claims


def test_proposal_creates_a_pending_organisation_with_a_request(user):
    topic = TopicFactory()
    network = NetworkFactory()
    request = _propose(user, topics=[topic], network=network, message="Wir sind neu.")
    organisation = request.organisation
    assert organisation.status == OrganisationStatus.PENDING
    assert organisation.slug == "nachbarschaftshilfe-sonnenberg"
    assert list(organisation.topics.all()) == [topic]
    assert request.kind == RequestKind.PROPOSAL
    assert request.status == RequestStatus.PENDING
    assert request.network == network
    assert not Organisation.objects.published().filter(pk=organisation.pk).exists()


def test_proposal_slug_gets_a_suffix_on_collision(user):
    OrganisationFactory(slug="tafel-chemnitz")
    first = _propose(user, name="Tafel Chemnitz").organisation
    second = _propose(UserFactory(), name="Tafel  Chemnitz!").organisation
    assert first.slug == "tafel-chemnitz-2"
    assert second.slug == "tafel-chemnitz-3"


def test_proposal_slug_avoids_the_paths_of_the_management_area(user):
    organisation = _propose(user, name="Anfragen").organisation
    assert organisation.slug == "anfragen-2"


def test_claim_is_refused_twice_while_pending(user):
    organisation = OrganisationFactory()
    services.organisation_claim(organisation=organisation, requested_by=user)
    with pytest.raises(ValidationError) as error:
        services.organisation_claim(organisation=organisation, requested_by=user)
    assert error.value.code == "duplicate"
    assert OrganisationRequest.objects.filter(organisation=organisation).count() == 1


def test_claim_of_pending_organisation_is_refused(user):
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
    with pytest.raises(ValidationError):
        services.organisation_claim(organisation=organisation, requested_by=user)


# Decisions


def test_approving_a_proposal_publishes_and_makes_the_requester_admin(
    user, django_capture_on_commit_callbacks
):
    network = NetworkFactory()
    request = _propose(user, network=network)
    staff = UserFactory(is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_request_approve(
            organisation_request=request, decided_by=staff, base_url=BASE_URL
        )
    request.refresh_from_db()
    organisation = request.organisation
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.PUBLISHED
    assert OrganisationRole.objects.get(user=user, organisation=organisation).role == "admin"
    membership = NetworkMembership.objects.get(network=network, organisation=organisation)
    assert membership.status == MembershipStatus.ACTIVE
    assert membership.since == timezone.localdate()
    assert request.status == RequestStatus.APPROVED
    assert request.decided_by == staff
    assert request.decided_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert f"{BASE_URL}verwalten/{organisation.slug}/" in mail.outbox[0].body


def test_rejecting_a_proposal_rejects_the_organisation(user, django_capture_on_commit_callbacks):
    request = _propose(user)
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_request_reject(
            organisation_request=request, decided_by=UserFactory(is_staff=True), base_url=BASE_URL
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    assert request.organisation.status == OrganisationStatus.REJECTED
    assert not OrganisationRole.objects.filter(user=user).exists()
    assert mail.outbox[0].to == [user.email]


def test_rejecting_a_claim_keeps_the_organisation_published(user):
    organisation = OrganisationFactory()
    request = services.organisation_claim(organisation=organisation, requested_by=user)
    services.organisation_request_reject(
        organisation_request=request, decided_by=UserFactory(is_staff=True), base_url=BASE_URL
    )
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.PUBLISHED


def test_deciding_twice_is_an_error_and_changes_nothing(user):
    request = _propose(user)
    staff = UserFactory(is_staff=True)
    services.organisation_request_reject(
        organisation_request=request, decided_by=staff, base_url=BASE_URL
    )
    with pytest.raises(ValidationError) as error:
        services.organisation_request_approve(
            organisation_request=request, decided_by=staff, base_url=BASE_URL
        )
    assert error.value.code == "decided"
    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    assert not OrganisationRole.objects.filter(user=user).exists()


def test_no_mail_is_sent_when_the_decision_is_rolled_back(user, django_capture_on_commit_callbacks):
    request = _propose(user)
    request.status = RequestStatus.APPROVED
    request.save()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.organisation_request_reject(
            organisation_request=request, decided_by=user, base_url=BASE_URL
        )
    assert mail.outbox == []


# Places and contacts


def test_place_coordinates_come_from_the_postcode_when_left_empty(db):
    organisation = OrganisationFactory()
    place = services.place_create(
        organisation=organisation,
        name="Stadtteiltreff",
        postcode="09111",
        city="Chemnitz",
        latitude=None,
        longitude=None,
    )
    assert 50.7 < place.latitude < 50.9
    assert 12.8 < place.longitude < 13.0


def test_place_with_unknown_postcode_and_no_coordinates_is_refused(db):
    organisation = OrganisationFactory()
    with pytest.raises(ValidationError) as error:
        services.place_create(
            organisation=organisation,
            name="Nirgendwo",
            postcode="00000",
            city="Nirgendwo",
            latitude=None,
            longitude=None,
        )
    assert "postcode" in error.value.message_dict
    assert not organisation.places.exists()


def test_contact_consent_is_recorded_and_cleared(db):
    organisation = OrganisationFactory()
    contact = services.contact_person_create(
        organisation=organisation, name="Kim Muster", public_consent=True
    )
    recorded = contact.consent_recorded_at
    assert recorded is not None
    services.contact_person_update(contact=contact, role="Leitung")
    assert contact.consent_recorded_at == recorded
    services.contact_person_update(contact=contact, public_consent=False)
    contact.refresh_from_db()
    assert contact.consent_recorded_at is None


def test_contact_without_consent_has_no_consent_time(db):
    contact = ContactPersonFactory.build(public_consent=False)
    created = services.contact_person_create(
        organisation=OrganisationFactory(), name=contact.name, public_consent=False
    )
    assert created.consent_recorded_at is None


# Office hours


def test_office_hours_replace_swaps_everything_at_once(db):
    place = PlaceFactory()
    OfficeHourRuleFactory(place=place, weekday=Weekday.MONDAY)
    ClosureFactory(place=place, starts_on=date(2025, 8, 1), ends_on=date(2025, 8, 14))
    services.office_hours_replace(
        place=place,
        rules=[
            {"weekday": Weekday.TUESDAY, "opens": time(15), "closes": time(18), "note": ""},
            {"weekday": Weekday.TUESDAY, "opens": time(10), "closes": time(12), "note": ""},
            {"weekday": Weekday.WEDNESDAY, "opens": time(10), "closes": time(13), "note": ""},
        ],
        closures=[],
        extra_openings=[{"date": date(2026, 1, 10), "opens": time(10), "closes": time(12)}],
        by_appointment=True,
        office_hours_note="Weitere Termine nach Vereinbarung",
    )
    place.refresh_from_db()
    assert [(r.weekday, r.opens) for r in place.office_hours.all()] == [
        (Weekday.TUESDAY, time(10)),
        (Weekday.TUESDAY, time(15)),
        (Weekday.WEDNESDAY, time(10)),
    ]
    assert not place.closures.exists()
    assert place.extra_openings.count() == 1
    assert place.by_appointment is True


@pytest.mark.parametrize(
    "rules",
    [
        [{"weekday": Weekday.MONDAY, "opens": time(12), "closes": time(10)}],
        [
            {"weekday": Weekday.MONDAY, "opens": time(10), "closes": time(12)},
            {"weekday": Weekday.MONDAY, "opens": time(11), "closes": time(13)},
        ],
    ],
    ids=["ends-before-start", "overlap"],
)
def test_office_hours_replace_refuses_bad_rules_and_keeps_the_old_ones(db, rules):
    existing = OfficeHourRuleFactory()
    with pytest.raises(ValidationError):
        services.office_hours_replace(place=existing.place, rules=rules)
    assert list(OfficeHourRule.objects.all()) == [existing]


def test_office_hours_replace_rolls_back_when_the_last_step_fails(db):
    existing = OfficeHourRuleFactory()
    place = existing.place
    with pytest.raises(ValidationError):
        services.office_hours_replace(
            place=place,
            rules=[{"weekday": Weekday.FRIDAY, "opens": time(9), "closes": time(11)}],
            office_hours_note="x" * 301,
        )
    assert list(OfficeHourRule.objects.filter(place=place)) == [existing]


def test_closure_ending_before_it_starts_is_refused(db):
    place = PlaceFactory()
    with pytest.raises(ValidationError):
        services.office_hours_replace(
            place=place,
            rules=[],
            closures=[{"starts_on": date(2026, 5, 2), "ends_on": date(2026, 5, 1)}],
        )


def test_adjacent_slots_do_not_overlap():
    assert services.overlapping_weekdays([(0, time(10), time(12)), (0, time(12), time(14))]) == []
    assert services.overlapping_weekdays([(0, time(10), time(12)), (1, time(11), time(14))]) == []
    assert services.overlapping_weekdays([(2, time(10), time(12)), (2, time(8), time(18))]) == [2]


# Team


def _invite(organisation, role=OrganisationRoleKind.EDITOR, **extra):
    return services.invitation_create(
        organisation=organisation,
        email="neu@example.org",
        role=role,
        invited_by=UserFactory(),
        base_url=BASE_URL,
        **extra,
    )


def test_invitation_has_a_random_token_expiry_and_sends_a_mail(
    db, settings, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = _invite(organisation)
    second = _invite(organisation)
    assert len(first.token) >= 40
    assert first.token != second.token
    expected_expiry = timezone.now() + timedelta(days=settings.GEMEINWERK_INVITATION_DAYS)
    assert abs((first.expires_at - expected_expiry).total_seconds()) < 60
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    assert f"{BASE_URL}verwalten/einladung/{first.token}/" in mail.outbox[0].body


def test_accepting_an_invitation_grants_the_role_once(user):
    invitation = _invite(OrganisationFactory())
    role = services.invitation_accept(invitation=invitation, user=user)
    assert role.role == OrganisationRoleKind.EDITOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    with pytest.raises(services.InvitationUnusable):
        services.invitation_accept(invitation=invitation, user=UserFactory())
    assert OrganisationRole.objects.filter(organisation=invitation.organisation).count() == 1


def test_accepting_updates_an_existing_role(user):
    organisation = OrganisationFactory()
    OrganisationRoleFactory(user=user, organisation=organisation, role="coordinator")
    services.invitation_accept(invitation=_invite(organisation, role="admin"), user=user)
    assert OrganisationRole.objects.get(user=user, organisation=organisation).role == "admin"


def test_expired_invitation_cannot_be_accepted(user):
    invitation = _invite(OrganisationFactory())
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    with pytest.raises(services.InvitationUnusable):
        services.invitation_accept(invitation=invitation, user=user)
    assert not OrganisationRole.objects.filter(user=user).exists()


def test_last_admin_can_be_neither_removed_nor_demoted(db):
    admin = OrganisationRoleFactory(role=OrganisationRoleKind.ADMIN)
    with pytest.raises(ValidationError) as error:
        services.organisation_role_remove(role=admin)
    assert error.value.code == "last_admin"
    with pytest.raises(ValidationError):
        services.organisation_role_change(role=admin, new_role=OrganisationRoleKind.EDITOR)
    admin.refresh_from_db()
    assert admin.role == OrganisationRoleKind.ADMIN


def test_an_admin_can_go_when_another_admin_remains(db):
    admin = OrganisationRoleFactory(role=OrganisationRoleKind.ADMIN)
    OrganisationRoleFactory(organisation=admin.organisation, role=OrganisationRoleKind.ADMIN)
    services.organisation_role_change(role=admin, new_role=OrganisationRoleKind.EDITOR)
    assert OrganisationRole.objects.get(pk=admin.pk).role == OrganisationRoleKind.EDITOR
    services.organisation_role_remove(role=admin)
    assert not OrganisationRole.objects.filter(pk=admin.pk).exists()


def test_last_admin_cannot_demote_themselves_by_accepting_an_invitation(db):
    admin = OrganisationRoleFactory(role=OrganisationRoleKind.ADMIN)
    invitation = _invite(admin.organisation, role=OrganisationRoleKind.EDITOR)
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=admin.user)
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert OrganisationRole.objects.get(pk=admin.pk).role == OrganisationRoleKind.ADMIN


# Networks


def test_network_membership_lifecycle(db):
    membership = NetworkMembershipFactory(status=MembershipStatus.REQUESTED)
    services.network_membership_approve(membership=membership)
    assert membership.status == MembershipStatus.ACTIVE
    with pytest.raises(ValidationError):
        services.network_membership_approve(membership=membership)
    services.network_membership_end(membership=membership)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ENDED


def test_adding_a_member_reactivates_an_ended_membership(db):
    membership = NetworkMembershipFactory(status=MembershipStatus.ENDED)
    services.network_membership_add(
        network=membership.network, organisation=membership.organisation
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    with pytest.raises(ValidationError):
        services.network_membership_add(
            network=membership.network, organisation=membership.organisation
        )


def test_pending_organisation_cannot_be_added_to_a_network(db):
    network = NetworkFactory()
    with pytest.raises(ValidationError):
        services.network_membership_add(
            network=network, organisation=OrganisationFactory(status=OrganisationStatus.PENDING)
        )
    assert not network.memberships.exists()
