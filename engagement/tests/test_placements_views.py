"""The coordinators' queue, the placement page and the volunteer's own list, tested like a
guide, like a volunteer and like someone from another organisation."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory, UserFactory
from engagement.models import PlacementStatus, PlacementStep

from .factories import (
    GuestPlacementFactory,
    HelpRequestFactory,
    OpportunityFactory,
    PlacementFactory,
    VolunteerProfileFactory,
    days_ago,
)

QUEUE = reverse("engagement:queue")
MY_PLACEMENTS = reverse("engagement:my_placements")


def years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=1)


def guide_of(organisation, role=OrganisationRoleKind.COORDINATOR):
    return OrganisationRoleFactory(organisation=organisation, role=role).user


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def guide(organisation):
    return guide_of(organisation)


@pytest.fixture
def placement(organisation):
    return PlacementFactory(
        opportunity__organisation=organisation,
        volunteer__phone="0371 555 0199",
        volunteer__birth_date=years_ago(30),
    )


def transition_url(placement):
    return reverse("engagement:placement_transition", kwargs={"pk": placement.pk})


def queue_ids(response):
    return [placement.pk for placement in response.context["page"].object_list]


# The queue


def test_queue_needs_a_sign_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", [None, OrganisationRoleKind.EDITOR])
def test_queue_is_for_guides_only(client, organisation, role):
    user = OrganisationRoleFactory(organisation=organisation, role=role).user if role else None
    client.force_login(user or UserFactory())
    assert client.get(QUEUE).status_code == 403


def test_queue_lists_overdue_placements_first_then_the_newest(client, organisation, guide):
    opportunity = OpportunityFactory(organisation=organisation)
    recent_old = PlacementFactory(opportunity=opportunity, last_step_at=days_ago(2))
    recent_new = PlacementFactory(opportunity=opportunity, last_step_at=days_ago(1))
    overdue = PlacementFactory(opportunity=opportunity, last_step_at=days_ago(9))
    PlacementFactory(
        opportunity=opportunity, status=PlacementStatus.ENDED, last_step_at=days_ago(30)
    )
    client.force_login(guide)

    response = client.get(QUEUE)

    assert response.status_code == 200
    assert queue_ids(response) == [overdue.pk, recent_new.pk, recent_old.pk]
    content = response.content.decode()
    assert f'id="placement-{overdue.pk}" data-overdue="true"' in content
    assert f'id="placement-{recent_new.pk}" data-overdue="false"' in content


def test_queue_never_shows_other_organisations(client, guide, placement):
    PlacementFactory(volunteer__name="Fremde Person")
    client.force_login(guide)
    response = client.get(QUEUE)
    assert queue_ids(response) == [placement.pk]
    assert "Fremde Person" not in response.content.decode()


def test_queue_of_a_guide_of_several_organisations_shows_all_and_filters_by_one(client, guide):
    first = PlacementFactory(opportunity__organisation=guide.organisation_roles.get().organisation)
    second_organisation = OrganisationFactory()
    OrganisationRoleFactory(user=guide, organisation=second_organisation)
    second = PlacementFactory(opportunity__organisation=second_organisation)
    client.force_login(guide)

    assert set(queue_ids(client.get(QUEUE))) == {first.pk, second.pk}
    filtered = client.get(QUEUE, {"organisation": second_organisation.pk})
    assert queue_ids(filtered) == [second.pk]


def test_queue_cannot_be_filtered_to_a_foreign_organisation(client, guide, placement):
    foreign = PlacementFactory()
    client.force_login(guide)
    response = client.get(QUEUE, {"organisation": foreign.organisation_id})
    assert response.status_code == 200
    assert queue_ids(response) == [placement.pk]
    assert "organisation" in response.context["form"].errors


def test_queue_filters_by_status_and_responsible(client, organisation, guide):
    opportunity = OpportunityFactory(organisation=organisation)
    mine = PlacementFactory(opportunity=opportunity, responsible=guide)
    nobodys = PlacementFactory(opportunity=opportunity, status=PlacementStatus.CONTACTED)
    colleagues = PlacementFactory(opportunity=opportunity, responsible=guide_of(organisation))
    placed = PlacementFactory(opportunity=opportunity, status=PlacementStatus.PLACED)
    client.force_login(guide)

    assert queue_ids(client.get(QUEUE, {"responsible": "me"})) == [mine.pk]
    assert set(queue_ids(client.get(QUEUE, {"responsible": "unassigned"}))) == {nobodys.pk}
    assert queue_ids(client.get(QUEUE, {"status": "contacted"})) == [nobodys.pk]
    assert queue_ids(client.get(QUEUE, {"status": "placed"})) == [placed.pk]
    assert set(queue_ids(client.get(QUEUE, {"responsible": "all"}))) == {
        mine.pk,
        nobodys.pk,
        colleagues.pk,
    }


def test_queue_ignores_nonsense_filters(client, guide, placement):
    client.force_login(guide)
    response = client.get(QUEUE, {"status": "<script>", "responsible": "x", "page": "abc"})
    assert response.status_code == 200
    assert queue_ids(response) == [placement.pk]


def test_queue_htmx_returns_only_the_results(client, guide, placement):
    client.force_login(guide)
    response = client.get(QUEUE, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert f'id="placement-{placement.pk}"'.encode() in response.content


def test_queue_shows_help_requests_waiting_to_be_checked(client, organisation, guide):
    waiting = HelpRequestFactory(organisation=organisation, status="new")
    HelpRequestFactory(status="new")  # another organisation's
    client.force_login(guide)
    response = client.get(QUEUE)
    assert list(response.context["help_requests_to_check"]) == [waiting]


def test_queue_runs_a_constant_number_of_queries(
    client, organisation, guide, django_assert_num_queries
):
    """1 session, 1 user, 1 guide check, 1 count, 1 page of placements, 1 organisation
    choices, 1 help requests to check – however many placements there are."""
    opportunity = OpportunityFactory(organisation=organisation)
    PlacementFactory(opportunity=opportunity, responsible=guide)
    client.force_login(guide)
    client.get(QUEUE)  # warm up
    with django_assert_num_queries(7):
        client.get(QUEUE)
    PlacementFactory.create_batch(5, opportunity=opportunity, responsible=guide_of(organisation))
    GuestPlacementFactory.create_batch(3, opportunity=OpportunityFactory(organisation=organisation))
    with django_assert_num_queries(7):
        response = client.get(QUEUE)
    assert len(queue_ids(response)) == 9


# The placement page


def test_placement_page_shows_contact_data_and_history_to_the_guide(client, guide, placement):
    PlacementStep.objects.create(placement=placement, to_status="new", note="Hallo")
    client.force_login(guide)
    response = client.get(placement.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert placement.volunteer.user.email in content
    assert "0371 555 0199" in content
    assert 'id="history"' in content
    assert "Hallo" in content
    assert {status.value for status in response.context["next_statuses"]} == {
        "contacted",
        "first_meeting",
        "placed",
        "declined",
        "withdrawn",
    }
    for status in response.context["next_statuses"]:
        assert f'data-to-status="{status.value}"' in content


@pytest.mark.parametrize(
    "who", ["other_coordinator", "other_admin", "editor_of_own", "no_role", "other_volunteer"]
)
def test_placement_page_is_404_for_everyone_else(client, organisation, placement, who):
    if who == "other_coordinator":
        user = guide_of(OrganisationFactory())
    elif who == "other_admin":
        user = guide_of(OrganisationFactory(), OrganisationRoleKind.ADMIN)
    elif who == "editor_of_own":
        user = guide_of(organisation, OrganisationRoleKind.EDITOR)
    elif who == "other_volunteer":
        user = VolunteerProfileFactory().user
    else:
        user = UserFactory()
    client.force_login(user)
    for url, method in [
        (placement.get_absolute_url(), "get"),
        (transition_url(placement), "post"),
        (reverse("engagement:placement_note", kwargs={"pk": placement.pk}), "post"),
        (reverse("engagement:placement_assign", kwargs={"pk": placement.pk}), "post"),
        (reverse("engagement:placement_parental_consent", kwargs={"pk": placement.pk}), "post"),
        (reverse("engagement:placement_withdraw", kwargs={"pk": placement.pk}), "post"),
    ]:
        response = getattr(client, method)(url, {"to_status": "declined", "note-note": "x"})
        assert response.status_code == 404, url
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.NEW
    assert not placement.steps.exists()


def test_placement_page_of_a_missing_id_is_404(client, guide):
    client.force_login(guide)
    assert client.get(reverse("engagement:placement", kwargs={"pk": 999999})).status_code == 404


def test_the_volunteer_is_sent_to_their_own_list_without_internal_notes(client, placement):
    client.force_login(placement.volunteer.user)
    response = client.get(placement.get_absolute_url())
    assert response.status_code == 302
    assert response.url == f"{MY_PLACEMENTS}#placement-{placement.pk}"
    # …and cannot change anything a guide does.
    response = client.post(transition_url(placement), {"to_status": "placed"})
    assert response.status_code == 403
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.NEW


def test_changes_need_post(client, guide, placement):
    client.force_login(guide)
    for name in ["placement_transition", "placement_note", "placement_assign"]:
        response = client.get(reverse(f"engagement:{name}", kwargs={"pk": placement.pk}))
        assert response.status_code == 405


def test_guide_moves_a_placement_and_notifies_the_volunteer(
    client, guide, placement, django_capture_on_commit_callbacks
):
    client.force_login(guide)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            transition_url(placement),
            {
                "to_status": "contacted",
                "transition-note": "Angerufen",
                "transition-notify_volunteer": "on",
            },
        )
    assert response.status_code == 302
    assert response.url == placement.get_absolute_url()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.CONTACTED
    assert placement.responsible == guide
    step = placement.steps.get()
    assert (step.to_status, step.note, step.by) == ("contacted", "Angerufen", guide)
    assert [message.to for message in mail.outbox] == [[placement.volunteer.user.email]]


@pytest.mark.parametrize("to_status", ["ended", "bogus", ""])
def test_an_impossible_step_shows_an_error_and_changes_nothing(client, guide, placement, to_status):
    client.force_login(guide)
    response = client.post(transition_url(placement), {"to_status": to_status})
    assert response.status_code == 400
    assert response.context["transition_form"].non_field_errors()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.NEW


def test_minimum_age_error_is_shown_on_the_page(client, organisation, guide):
    placement = PlacementFactory(
        opportunity__organisation=organisation,
        opportunity__minimum_age=18,
        volunteer__birth_date=years_ago(16),
    )
    client.force_login(guide)
    response = client.post(transition_url(placement), {"to_status": "placed"})
    assert response.status_code == 400
    assert response.context["transition_form"].non_field_errors()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.NEW


def test_guide_records_parental_consent_and_can_then_place(client, organisation, guide):
    placement = PlacementFactory(
        opportunity__organisation=organisation, volunteer__birth_date=years_ago(14)
    )
    client.force_login(guide)
    page = client.get(placement.get_absolute_url())
    assert page.context["needs_parental_consent"] is True
    assert b'id="parental-consent"' in page.content

    refused = client.post(transition_url(placement), {"to_status": "placed"})
    assert refused.status_code == 400

    consent_url = reverse("engagement:placement_parental_consent", kwargs={"pk": placement.pk})
    assert client.post(consent_url, {}).status_code == 400  # the box must be ticked
    assert client.post(consent_url, {"consent-confirmed": "on"}).status_code == 302
    placement.volunteer.refresh_from_db()
    assert placement.volunteer.parental_consent_recorded_by == guide

    placed = client.post(transition_url(placement), {"to_status": "placed"})
    assert placed.status_code == 302
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.PLACED


def test_a_guest_without_e_mail_cannot_be_ticked_for_mail(client, organisation, guide):
    placement = GuestPlacementFactory(
        opportunity__organisation=organisation, contact_email="", contact_phone="0371 42"
    )
    client.force_login(guide)
    response = client.get(placement.get_absolute_url())
    assert b'id="no-volunteer-email"' in response.content
    assert "notify_volunteer" not in response.context["transition_form"].fields
    assert b"0371 42" in response.content


def test_guide_adds_a_note(client, guide, placement):
    client.force_login(guide)
    url = reverse("engagement:placement_note", kwargs={"pk": placement.pk})
    assert client.post(url, {"note-note": ""}).status_code == 400
    assert client.post(url, {"note-note": "x" * 5001}).status_code == 400
    assert client.post(url, {"note-note": "Rückruf am Montag"}).status_code == 302
    assert placement.steps.get().note == "Rückruf am Montag"


def test_guide_assigns_a_colleague_but_not_an_outsider(client, organisation, guide, placement):
    colleague = guide_of(organisation, OrganisationRoleKind.ADMIN)
    outsider = guide_of(OrganisationFactory())
    client.force_login(guide)
    url = reverse("engagement:placement_assign", kwargs={"pk": placement.pk})

    assert client.post(url, {"assign-responsible": outsider.pk}).status_code == 400
    placement.refresh_from_db()
    assert placement.responsible is None

    assert client.post(url, {"assign-responsible": colleague.pk}).status_code == 302
    placement.refresh_from_db()
    assert placement.responsible == colleague


# The volunteer's own placements


def test_my_placements_shows_status_changes_but_not_internal_notes(client, guide, placement):
    from engagement.services.placements import placement_note_add, placement_transition

    placement_transition(
        placement=placement, to_status="contacted", by=guide, note="Wirkt unzuverlässig"
    )
    placement_note_add(placement=placement, by=guide, note="Geheime Notiz")
    other = PlacementFactory()
    client.force_login(placement.volunteer.user)

    response = client.get(MY_PLACEMENTS)

    content = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["placements"]) == [placement]
    assert f'id="placement-{placement.pk}"' in content
    assert f'id="placement-{other.pk}"' not in content
    assert "Wirkt unzuverlässig" not in content
    assert "Geheime Notiz" not in content
    assert 'data-status="contacted"' in content


def test_my_placements_without_a_profile(client, db):
    client.force_login(UserFactory())
    response = client.get(MY_PLACEMENTS)
    assert response.status_code == 200
    assert response.context["profile"] is None


def test_my_placements_needs_a_sign_in(client, db):
    assert client.get(MY_PLACEMENTS).status_code == 302


def test_volunteer_withdraws_and_the_guides_are_told(
    client, guide, placement, django_capture_on_commit_callbacks
):
    client.force_login(placement.volunteer.user)
    url = reverse("engagement:placement_withdraw", kwargs={"pk": placement.pk})
    assert client.get(url).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert response.url == MY_PLACEMENTS
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.WITHDRAWN
    assert [message.to for message in mail.outbox] == [[guide.email]]

    again = client.post(url)  # already ended: a message, no error page, no change
    assert again.status_code == 302
    assert placement.steps.filter(to_status="withdrawn").count() == 1


def test_a_guide_cannot_withdraw_for_the_volunteer(client, guide, placement):
    client.force_login(guide)
    url = reverse("engagement:placement_withdraw", kwargs={"pk": placement.pk})
    assert client.post(url).status_code == 404
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.NEW
