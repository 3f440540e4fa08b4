"""Every state change of the placement workflow, through the services: allowed and
forbidden transitions, the count of placed volunteers, minimum age, parental consent,
withdrawal, notes, responsibility, and the e-mails each step sends."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory, UserFactory
from engagement.models import (
    PLACEMENT_TRANSITIONS,
    HelpRequestStatus,
    PlacementKind,
    PlacementStatus,
    PlacementStep,
)
from engagement.services.coordination import (
    placement_advance,
    placement_assign,
    placement_withdraw_by_volunteer,
    volunteer_parental_consent_record,
)
from engagement.services.placements import (
    placement_create,
    placement_note_add,
    placement_transition,
)

from .factories import (
    GuestPlacementFactory,
    HelpRequestFactory,
    OpportunityFactory,
    PlacementFactory,
    VolunteerProfileFactory,
)

BASE_URL = "http://testserver/"
ALL_PAIRS = [(source, target) for source in PlacementStatus for target in PlacementStatus]
ALLOWED = [(s, t) for s, t in ALL_PAIRS if t in PLACEMENT_TRANSITIONS[s]]
FORBIDDEN = [(s, t) for s, t in ALL_PAIRS if t not in PLACEMENT_TRANSITIONS[s]]


def years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=1)


@pytest.fixture
def guide(db):
    return UserFactory()


@pytest.fixture
def placement(guide):
    placement = PlacementFactory(volunteer__birth_date=years_ago(30))
    OrganisationRoleFactory(
        user=guide, organisation=placement.organisation, role=OrganisationRoleKind.COORDINATOR
    )
    return placement


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_allowed_transition_is_recorded_as_a_dated_step(placement, guide, source, target):
    placement.status = source
    placement.save()
    before = timezone.now()

    moved = placement_transition(placement=placement, to_status=target, by=guide, note="Telefonat")

    moved.refresh_from_db()
    assert moved.status == target
    assert moved.last_step_at >= before
    step = PlacementStep.objects.get(placement=placement)
    assert (step.from_status, step.to_status, step.by, step.note) == (
        source,
        target,
        guide,
        "Telefonat",
    )


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
def test_every_forbidden_transition_is_refused_and_changes_nothing(
    placement, guide, source, target
):
    placement.status = source
    placement.save()

    with pytest.raises(ValidationError):
        placement_transition(placement=placement, to_status=target, by=guide)

    placement.refresh_from_db()
    assert placement.status == source
    assert not PlacementStep.objects.filter(placement=placement).exists()


def test_placed_count_rises_on_placing_and_falls_on_ending_or_withdrawing(guide):
    opportunity = OpportunityFactory(volunteers_wanted=3)
    OrganisationRoleFactory(user=guide, organisation=opportunity.organisation)
    first, second = PlacementFactory.create_batch(2, opportunity=opportunity)

    placement_transition(placement=first, to_status=PlacementStatus.PLACED, by=guide)
    placement_transition(placement=second, to_status=PlacementStatus.PLACED, by=guide)
    opportunity.refresh_from_db()
    assert opportunity.placed_count == 2

    placement_transition(placement=first, to_status=PlacementStatus.ENDED, by=guide)
    placement_withdraw_by_volunteer(placement=second, by=second.volunteer.user, base_url=BASE_URL)
    opportunity.refresh_from_db()
    assert opportunity.placed_count == 0


def test_declining_an_open_placement_leaves_the_placed_count_alone(placement, guide):
    placement_transition(placement=placement, to_status=PlacementStatus.DECLINED, by=guide)
    placement.opportunity.refresh_from_db()
    assert placement.opportunity.placed_count == 0


def test_placing_sets_the_start_and_ending_sets_the_end(placement, guide):
    placed = placement_transition(placement=placement, to_status=PlacementStatus.PLACED, by=guide)
    assert placed.started_on == timezone.localdate()
    ended = placement_transition(placement=placed, to_status=PlacementStatus.ENDED, by=guide)
    assert ended.ended_on == timezone.localdate()


@pytest.mark.parametrize(
    ("age", "minimum_age", "allowed"), [(17, 18, False), (18, 18, True), (30, None, True)]
)
def test_minimum_age_is_checked_before_placing(guide, age, minimum_age, allowed):
    placement = PlacementFactory(
        opportunity__minimum_age=minimum_age, volunteer__birth_date=years_ago(age)
    )
    if allowed:
        placement_transition(placement=placement, to_status=PlacementStatus.PLACED, by=guide)
        placement.refresh_from_db()
        assert placement.status == PlacementStatus.PLACED
    else:
        with pytest.raises(ValidationError):
            placement_transition(placement=placement, to_status=PlacementStatus.PLACED, by=guide)
        placement.refresh_from_db()
        assert placement.status == PlacementStatus.NEW
        placement.opportunity.refresh_from_db()
        assert placement.opportunity.placed_count == 0


def test_minimum_age_without_a_birth_date_or_profile_is_refused(guide):
    without_birth_date = PlacementFactory(opportunity__minimum_age=16)
    guest = GuestPlacementFactory(opportunity__minimum_age=16)
    for placement in (without_birth_date, guest):
        with pytest.raises(ValidationError):
            placement_transition(placement=placement, to_status=PlacementStatus.PLACED, by=guide)


def test_a_volunteer_under_16_needs_a_recorded_parental_consent(guide):
    placement = PlacementFactory(volunteer__birth_date=years_ago(14))
    with pytest.raises(ValidationError):
        placement_transition(placement=placement, to_status=PlacementStatus.PLACED, by=guide)

    volunteer_parental_consent_record(volunteer=placement.volunteer, by=guide)
    placement.volunteer.refresh_from_db()
    assert placement.volunteer.parental_consent_recorded_by == guide
    assert placement.volunteer.parental_consent_recorded_at is not None

    placed = placement_transition(placement=placement, to_status=PlacementStatus.PLACED, by=guide)
    assert placed.status == PlacementStatus.PLACED


def test_recording_the_consent_twice_keeps_the_first_record(guide):
    volunteer = VolunteerProfileFactory(birth_date=years_ago(14))
    first = volunteer_parental_consent_record(volunteer=volunteer, by=guide)
    second = volunteer_parental_consent_record(volunteer=volunteer, by=UserFactory())
    assert second.parental_consent_recorded_at == first.parental_consent_recorded_at
    assert second.parental_consent_recorded_by == guide


@pytest.mark.parametrize(
    "status",
    [
        PlacementStatus.NEW,
        PlacementStatus.CONTACTED,
        PlacementStatus.FIRST_MEETING,
        PlacementStatus.PLACED,
    ],
)
def test_the_volunteer_can_withdraw_at_any_time_and_the_organisation_hears_of_it(
    placement, guide, status, django_capture_on_commit_callbacks
):
    placement.status = status
    placement.save()
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = placement_withdraw_by_volunteer(
            placement=placement, by=placement.volunteer.user, base_url=BASE_URL
        )
    assert withdrawn.status == PlacementStatus.WITHDRAWN
    assert withdrawn.ended_on == timezone.localdate()
    assert withdrawn.responsible is None  # the volunteer does not become responsible
    assert [message.to for message in mail.outbox] == [[guide.email]]


@pytest.mark.parametrize(
    "status", [PlacementStatus.ENDED, PlacementStatus.DECLINED, PlacementStatus.WITHDRAWN]
)
def test_an_ended_placement_cannot_be_withdrawn(placement, status):
    placement.status = status
    placement.save()
    with pytest.raises(ValidationError):
        placement_withdraw_by_volunteer(
            placement=placement, by=placement.volunteer.user, base_url=BASE_URL
        )


def test_the_guide_taking_the_first_step_becomes_responsible(placement, guide):
    moved = placement_transition(placement=placement, to_status=PlacementStatus.CONTACTED, by=guide)
    assert moved.responsible == guide


def test_a_note_is_a_dated_step_and_resets_the_overdue_clock(placement, guide):
    placement.last_step_at = timezone.now() - timedelta(days=10)
    placement.save()

    step = placement_note_add(placement=placement, by=guide, note="  Rückruf vereinbart  ")

    placement.refresh_from_db()
    assert step.note == "Rückruf vereinbart"
    assert step.to_status == ""
    assert placement.last_step_at > timezone.now() - timedelta(minutes=1)
    assert placement.status == PlacementStatus.NEW


def test_an_empty_note_is_refused(placement, guide):
    with pytest.raises(ValidationError):
        placement_note_add(placement=placement, by=guide, note="   ")
    assert not PlacementStep.objects.filter(placement=placement).exists()


def test_any_guide_of_the_organisation_can_be_made_responsible(placement, guide):
    colleague = OrganisationRoleFactory(
        organisation=placement.organisation, role=OrganisationRoleKind.ADMIN
    ).user
    assigned = placement_assign(placement=placement, responsible=colleague, by=guide)
    assert assigned.responsible == colleague
    assert PlacementStep.objects.filter(placement=placement, to_status="").count() == 1

    unassigned = placement_assign(placement=placement, responsible=None, by=guide)
    assert unassigned.responsible is None


@pytest.mark.parametrize("kind", ["editor", "other_organisation", "no_role"])
def test_only_a_guide_of_the_organisation_can_be_made_responsible(placement, guide, kind):
    if kind == "editor":
        person = OrganisationRoleFactory(
            organisation=placement.organisation, role=OrganisationRoleKind.EDITOR
        ).user
    elif kind == "other_organisation":
        person = OrganisationRoleFactory(role=OrganisationRoleKind.COORDINATOR).user
    else:
        person = UserFactory()
    with pytest.raises(ValidationError):
        placement_assign(placement=placement, responsible=person, by=guide)
    placement.refresh_from_db()
    assert placement.responsible is None


def test_the_volunteer_is_notified_only_when_ticked(
    placement, guide, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        placement_advance(
            placement=placement, to_status=PlacementStatus.CONTACTED, by=guide, base_url=BASE_URL
        )
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        placement_advance(
            placement=placement,
            to_status=PlacementStatus.FIRST_MEETING,
            by=guide,
            note="Treffen am Dienstag um 10 Uhr",
            notify_volunteer=True,
            base_url=BASE_URL,
        )
    assert [message.to for message in mail.outbox] == [[placement.volunteer.user.email]]
    assert "Treffen am Dienstag um 10 Uhr" in mail.outbox[0].body


def test_the_organisation_is_notified_when_ticked_one_mail_per_guide(
    placement, guide, django_capture_on_commit_callbacks
):
    colleague = OrganisationRoleFactory(
        organisation=placement.organisation, role=OrganisationRoleKind.ADMIN
    ).user
    OrganisationRoleFactory(organisation=placement.organisation, role=OrganisationRoleKind.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        placement_advance(
            placement=placement,
            to_status=PlacementStatus.CONTACTED,
            by=guide,
            notify_organisation=True,
            base_url=BASE_URL,
        )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [guide.email, colleague.email]
    )
    assert all(len(message.to) == 1 for message in mail.outbox)
    # The guides get a link, not the volunteer's contact data.
    assert placement.volunteer.phone not in mail.outbox[0].body
    assert f"/koordination/vermittlungen/{placement.pk}/" in mail.outbox[0].body


def test_a_guest_without_e_mail_is_not_mailed(guide, django_capture_on_commit_callbacks):
    placement = GuestPlacementFactory(contact_email="", contact_phone="0371 123456")
    with django_capture_on_commit_callbacks(execute=True):
        placement_advance(
            placement=placement,
            to_status=PlacementStatus.CONTACTED,
            by=guide,
            notify_volunteer=True,
            base_url=BASE_URL,
        )
    assert mail.outbox == []


def test_a_refused_step_sends_no_mail(placement, guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        placement_advance(
            placement=placement,
            to_status=PlacementStatus.ENDED,
            by=guide,
            notify_volunteer=True,
            notify_organisation=True,
            base_url=BASE_URL,
        )
    assert mail.outbox == []


def test_showing_interest_twice_gives_back_the_open_placement(db):
    opportunity = OpportunityFactory()
    arguments = {
        "kind": PlacementKind.INTEREST,
        "organisation": opportunity.organisation,
        "opportunity": opportunity,
        "contact_name": "Sam",
        "contact_email": "sam@example.org",
    }
    first = placement_create(**arguments)
    second = placement_create(**{**arguments, "contact_email": "SAM@example.org"})
    assert first.pk == second.pk


# Help offers: the help request follows its confirmed helper.


@pytest.fixture
def help_offer(guide):
    help_request = HelpRequestFactory()
    OrganisationRoleFactory(
        user=guide, organisation=help_request.organisation, role=OrganisationRoleKind.COORDINATOR
    )
    return PlacementFactory(
        kind=PlacementKind.HELP_OFFER,
        opportunity=None,
        help_request=help_request,
        organisation=help_request.organisation,
    )


def test_placing_a_help_offer_matches_the_request_and_ending_it_closes_it(help_offer, guide):
    placement_transition(placement=help_offer, to_status=PlacementStatus.PLACED, by=guide)
    help_offer.help_request.refresh_from_db()
    assert help_offer.help_request.status == HelpRequestStatus.MATCHED

    placement_transition(placement=help_offer, to_status=PlacementStatus.ENDED, by=guide)
    help_offer.help_request.refresh_from_db()
    assert help_offer.help_request.status == HelpRequestStatus.CLOSED
    assert help_offer.help_request.closed_at is not None


def test_when_the_helper_withdraws_the_request_looks_for_help_again(help_offer, guide):
    placement_transition(placement=help_offer, to_status=PlacementStatus.PLACED, by=guide)
    placement_withdraw_by_volunteer(
        placement=help_offer, by=help_offer.volunteer.user, base_url=BASE_URL
    )
    help_offer.help_request.refresh_from_db()
    assert help_offer.help_request.status == HelpRequestStatus.OPEN


def test_a_second_helper_cannot_be_placed_on_a_matched_request(help_offer, guide):
    placement_transition(placement=help_offer, to_status=PlacementStatus.PLACED, by=guide)
    second = PlacementFactory(
        kind=PlacementKind.HELP_OFFER,
        opportunity=None,
        help_request=help_offer.help_request,
        organisation=help_offer.organisation,
    )
    with pytest.raises(ValidationError):
        placement_transition(placement=second, to_status=PlacementStatus.PLACED, by=guide)
    second.refresh_from_db()
    assert second.status == PlacementStatus.NEW


def test_declining_one_offer_leaves_the_request_open(help_offer, guide):
    placement_transition(placement=help_offer, to_status=PlacementStatus.DECLINED, by=guide)
    help_offer.help_request.refresh_from_db()
    assert help_offer.help_request.status == HelpRequestStatus.OPEN
