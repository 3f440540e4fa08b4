"""Neighbourhood help from asking to the confirmed match: who sees the requester's and the
helper's contact data at each stage (the public, other organisations, the helper before
and after the coordinator confirms them), and the abuse protection of the public forms."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from core.geo import postcode_point
from directory.models import OrganisationKind, OrganisationRoleKind, OrganisationStatus
from directory.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    UserFactory,
)
from engagement.models import HelpRequest, HelpRequestStatus, Placement, PlacementKind
from engagement.selectors import coordinating_organisation_near

from .factories import HelpRequestFactory, PlacementFactory, VolunteerProfileFactory

CREATE = reverse("engagement:help_request_create")
LIST = reverse("engagement:help_requests")
REQUESTER_NAME = "Erika Muster"
REQUESTER_PHONE = "0371 0000 111"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits live in the cache; every test starts afresh."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agency(db):
    """A volunteer agency in Chemnitz with a coordinator."""
    organisation = OrganisationFactory(kind=OrganisationKind.VOLUNTEER_AGENCY)
    PlaceFactory(organisation=organisation, latitude=50.83, longitude=12.92)
    return organisation


@pytest.fixture
def coordinator(agency):
    return OrganisationRoleFactory(organisation=agency, role=OrganisationRoleKind.COORDINATOR).user


def request_data(**overrides):
    data = {
        "category": "shopping",
        "description": "Einkauf einmal pro Woche.",
        "postcode": "09111",
        "when": "dienstags",
        "requester_name": REQUESTER_NAME,
        "requester_phone": REQUESTER_PHONE,
        "requester_email": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def help_offer_of(help_request, **kwargs):
    return PlacementFactory(
        kind=PlacementKind.HELP_OFFER,
        opportunity=None,
        help_request=help_request,
        organisation=help_request.organisation,
        **kwargs,
    )


# The coordinating organisation


def test_the_nearest_volunteer_agency_or_coordinating_organisation_is_chosen(db):
    point = postcode_point("09111")
    far_agency = OrganisationFactory(kind=OrganisationKind.VOLUNTEER_AGENCY)
    PlaceFactory(organisation=far_agency, latitude=point.latitude + 0.2, longitude=point.longitude)
    near_with_coordinator = OrganisationFactory()
    PlaceFactory(
        organisation=near_with_coordinator,
        latitude=point.latitude + 0.01,
        longitude=point.longitude,
    )
    OrganisationRoleFactory(
        organisation=near_with_coordinator, role=OrganisationRoleKind.COORDINATOR
    )
    nearest_plain = OrganisationFactory()  # neither an agency nor with a coordinator
    PlaceFactory(organisation=nearest_plain, latitude=point.latitude, longitude=point.longitude)
    unpublished_agency = OrganisationFactory(
        kind=OrganisationKind.VOLUNTEER_AGENCY, status=OrganisationStatus.PENDING
    )
    PlaceFactory(
        organisation=unpublished_agency, latitude=point.latitude, longitude=point.longitude
    )

    assert coordinating_organisation_near(point) == near_with_coordinator


def test_no_coordinating_organisation_far_away(agency):
    assert coordinating_organisation_near(postcode_point("20095")) is None  # Hamburg


# Asking for help


def test_a_resident_asks_for_help_without_an_account(
    client, agency, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CREATE, request_data())
    assert response.status_code == 302
    help_request = HelpRequest.objects.get()
    assert help_request.organisation == agency
    assert help_request.status == HelpRequestStatus.NEW
    assert help_request.requester_name == REQUESTER_NAME
    assert help_request.consent_recorded_at is not None
    assert help_request.created_by is None
    # The coordinates are those of the area, blurred to about a kilometre.
    assert help_request.latitude == round(help_request.latitude, 2)
    assert help_request.longitude == round(help_request.longitude, 2)
    # The coordinator is told, with a link and without the requester's data.
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert REQUESTER_PHONE not in mail.outbox[0].body
    # New requests are not public until checked.
    assert client.get(help_request.get_absolute_url()).status_code == 404
    assert REQUESTER_NAME not in client.get(LIST).content.decode()


def test_sending_the_same_request_twice_creates_it_once(client, agency):
    client.post(CREATE, request_data())
    client.post(CREATE, request_data())
    assert HelpRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"postcode": "00000"}, "postcode"),
        ({"postcode": "abc"}, "postcode"),
        ({"description": ""}, "description"),
        ({"description": "Ruft mich an: 0371 123 4567"}, "description"),
        ({"description": "Schreibt an erika@example.org"}, "description"),
        ({"requester_phone": "", "requester_email": ""}, "requester_phone"),
        ({"requester_email": "kein-mail"}, "requester_email"),
        ({"consent": ""}, "consent"),
        ({"category": "weapons"}, "category"),
        ({"requester_name": ""}, "requester_name"),
    ],
)
def test_bad_input_gives_a_field_error_and_saves_nothing(client, agency, overrides, field):
    response = client.post(CREATE, request_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not HelpRequest.objects.exists()


def test_no_organisation_near_the_postcode_is_explained(client, agency):
    response = client.post(CREATE, request_data(postcode="20095"))
    assert response.status_code == 400
    assert "postcode" in response.context["form"].errors
    assert not HelpRequest.objects.exists()


def test_the_honeypot_pretends_success_and_saves_nothing(client, agency):
    response = client.post(CREATE, request_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not HelpRequest.objects.exists()


def test_requests_are_rate_limited_per_address(client, agency):
    for number in range(5):
        response = client.post(CREATE, request_data(description=f"Einkauf Nummer {number}."))
        assert response.status_code == 302
    response = client.post(CREATE, request_data(description="Noch ein Einkauf."))
    assert response.status_code == 429
    assert HelpRequest.objects.count() == 5
    other_address = client.post(
        CREATE, request_data(description="Von woanders."), REMOTE_ADDR="192.0.2.7"
    )
    assert other_address.status_code == 302


def test_a_guide_enters_a_request_on_someones_behalf_for_their_organisation(
    client, coordinator, agency
):
    own_far_away = OrganisationFactory()
    OrganisationRoleFactory(user=coordinator, organisation=own_far_away)
    client.force_login(coordinator)
    page = client.get(CREATE)
    assert "organisation" in page.context["form"].fields

    response = client.post(CREATE, request_data(organisation=own_far_away.pk))

    help_request = HelpRequest.objects.get()
    assert response.url == reverse("engagement:help_request_manage", kwargs={"pk": help_request.pk})
    assert help_request.organisation == own_far_away
    assert help_request.created_by == coordinator


def test_a_guide_cannot_file_a_request_with_a_foreign_organisation(client, coordinator):
    foreign = OrganisationFactory()
    client.force_login(coordinator)
    response = client.post(CREATE, request_data(organisation=foreign.pk))
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not HelpRequest.objects.exists()


# Checking and publishing


def manage_url(help_request):
    return reverse("engagement:help_request_manage", kwargs={"pk": help_request.pk})


def test_the_coordinator_sees_the_requester_and_publishes_the_request(client, agency, coordinator):
    help_request = HelpRequestFactory(organisation=agency, status=HelpRequestStatus.NEW)
    client.force_login(coordinator)
    page = client.get(manage_url(help_request))
    assert REQUESTER_NAME in page.content.decode()
    assert REQUESTER_PHONE in page.content.decode()

    assert client.post(manage_url(help_request), {"action": "publish"}).status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == HelpRequestStatus.OPEN

    assert client.post(manage_url(help_request), {"action": "close"}).status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == HelpRequestStatus.CLOSED
    assert help_request.closed_at is not None


def test_a_bad_review_action_changes_nothing(client, agency, coordinator):
    help_request = HelpRequestFactory(organisation=agency, status=HelpRequestStatus.NEW)
    client.force_login(coordinator)
    assert client.post(manage_url(help_request), {"action": "delete"}).status_code == 400
    help_request.refresh_from_db()
    assert help_request.status == HelpRequestStatus.NEW


@pytest.mark.parametrize("who", ["anonymous", "no_role", "other_coordinator", "editor", "helper"])
def test_nobody_else_sees_or_reviews_the_request(client, agency, who):
    help_request = HelpRequestFactory(organisation=agency, status=HelpRequestStatus.NEW)
    if who == "no_role":
        client.force_login(UserFactory())
    elif who == "other_coordinator":
        client.force_login(OrganisationRoleFactory(role=OrganisationRoleKind.COORDINATOR).user)
    elif who == "editor":
        client.force_login(
            OrganisationRoleFactory(organisation=agency, role=OrganisationRoleKind.EDITOR).user
        )
    elif who == "helper":
        client.force_login(help_offer_of(help_request).volunteer.user)
    for response in [
        client.get(manage_url(help_request)),
        client.post(manage_url(help_request), {"action": "publish"}),
    ]:
        expected = {302} if who == "anonymous" else {404}
        assert response.status_code in expected
        assert REQUESTER_NAME not in response.content.decode()
    help_request.refresh_from_db()
    assert help_request.status == HelpRequestStatus.NEW


# The public list


def test_the_public_sees_open_requests_without_who_asked(client, agency, django_assert_num_queries):
    open_request = HelpRequestFactory(
        organisation=agency, requester_email="erika@example.org", when="Montagvormittag"
    )
    new = HelpRequestFactory(organisation=agency, status=HelpRequestStatus.NEW)
    matched = HelpRequestFactory(organisation=agency, status=HelpRequestStatus.MATCHED)
    closed = HelpRequestFactory(organisation=agency, status=HelpRequestStatus.CLOSED)

    response = client.get(LIST)

    content = response.content.decode()
    assert [item.pk for item in response.context["page"]] == [open_request.pk]
    assert "Montagvormittag" in content
    for secret in [REQUESTER_NAME, REQUESTER_PHONE, "erika@example.org"]:
        assert secret not in content
    detail = client.get(open_request.get_absolute_url()).content.decode()
    assert "Montagvormittag" in detail
    for secret in [REQUESTER_NAME, REQUESTER_PHONE, "erika@example.org"]:
        assert secret not in detail
    for hidden in (new, matched, closed):
        assert client.get(hidden.get_absolute_url()).status_code == 404


def test_the_public_list_filters_and_runs_a_constant_number_of_queries(
    client, agency, django_assert_num_queries
):
    """1 count and 1 page of requests with their municipality, however many there are."""
    garden = HelpRequestFactory(organisation=agency, category="garden")
    HelpRequestFactory(organisation=agency, category="shopping", postcode="04109")
    assert [item.pk for item in client.get(LIST, {"category": "garden"}).context["page"]] == [
        garden.pk
    ]
    assert len(client.get(LIST, {"postcode": "041"}).context["page"]) == 1
    with django_assert_num_queries(2):
        client.get(LIST)
    HelpRequestFactory.create_batch(5, organisation=agency)
    with django_assert_num_queries(2):
        response = client.get(LIST, {"category": "<b>", "page": "x"})
    assert response.status_code == 200
    assert len(response.context["page"]) == 7


# Offering help, and the match


def offer_url(help_request):
    return reverse("engagement:help_offer", kwargs={"pk": help_request.pk})


def guest_offer(**overrides):
    data = {
        "contact_name": "Hanna Helferin",
        "contact_email": "hanna@example.org",
        "contact_phone": "",
        "message": "Ich habe dienstags Zeit.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_a_guest_offers_help_and_the_coordinator_is_told(
    client, agency, coordinator, django_capture_on_commit_callbacks
):
    help_request = HelpRequestFactory(organisation=agency)
    assert client.get(offer_url(help_request)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(offer_url(help_request), guest_offer())
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert placement.kind == PlacementKind.HELP_OFFER
    assert placement.help_request == help_request
    assert placement.organisation == agency
    assert placement.contact_email == "hanna@example.org"
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "hanna@example.org" not in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        client.post(offer_url(help_request), guest_offer())  # offered twice
    assert Placement.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"contact_email": "", "contact_phone": ""}, "contact_phone"),
        ({"contact_email": "nope"}, "contact_email"),
        ({"consent": ""}, "consent"),
        ({"contact_name": ""}, "contact_name"),
    ],
)
def test_a_bad_offer_gives_a_field_error(client, agency, overrides, field):
    help_request = HelpRequestFactory(organisation=agency)
    response = client.post(offer_url(help_request), guest_offer(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Placement.objects.exists()


def test_offers_have_a_honeypot_and_a_rate_limit(client, agency):
    help_request = HelpRequestFactory(organisation=agency)
    assert client.post(offer_url(help_request), guest_offer(website="x")).status_code == 302
    assert not Placement.objects.exists()
    for number in range(4):
        client.post(offer_url(help_request), guest_offer(contact_email=f"h{number}@example.org"))
    response = client.post(offer_url(help_request), guest_offer(contact_email="late@example.org"))
    assert response.status_code == 429
    assert Placement.objects.count() == 4


@pytest.mark.parametrize(
    "status", [HelpRequestStatus.NEW, HelpRequestStatus.MATCHED, HelpRequestStatus.CLOSED]
)
def test_no_offers_for_requests_that_are_not_open(client, agency, status):
    help_request = HelpRequestFactory(organisation=agency, status=status)
    assert client.get(offer_url(help_request)).status_code == 404
    assert client.post(offer_url(help_request), guest_offer()).status_code == 404
    assert not Placement.objects.exists()


def test_the_requester_contact_is_shared_only_after_the_coordinator_confirms_the_helper(
    client, agency, coordinator, django_capture_on_commit_callbacks
):
    help_request = HelpRequestFactory(organisation=agency, requester_email="erika@example.org")
    volunteer = VolunteerProfileFactory()
    other_guide = OrganisationRoleFactory(role=OrganisationRoleKind.COORDINATOR).user

    # The volunteer offers help with their profile.
    client.force_login(volunteer.user)
    response = client.post(offer_url(help_request), {"message": "Gern!", "consent": "on"})
    assert response.url == reverse("engagement:my_placements")
    placement = Placement.objects.get(volunteer=volunteer)

    # Before the match: not on their page, not in any mail, not for other organisations.
    my_page = client.get(reverse("engagement:my_placements")).content.decode()
    assert REQUESTER_NAME not in my_page
    assert REQUESTER_PHONE not in my_page
    assert f'id="requester-contact-{placement.pk}"' not in my_page
    assert client.get(manage_url(help_request)).status_code == 404
    client.force_login(other_guide)
    assert client.get(placement.get_absolute_url()).status_code == 404
    assert client.get(manage_url(help_request)).status_code == 404
    assert REQUESTER_NAME not in client.get(reverse("engagement:queue")).content.decode()

    # The coordinator confirms the match.
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("engagement:placement_transition", kwargs={"pk": placement.pk}),
            {"to_status": "placed"},
        )
    assert response.status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == HelpRequestStatus.MATCHED
    match_mails = [message for message in mail.outbox if message.to == [volunteer.user.email]]
    assert len(match_mails) == 1
    assert REQUESTER_NAME in match_mails[0].body
    assert REQUESTER_PHONE in match_mails[0].body

    # Now the helper sees the contact data on their page; the public still does not.
    client.force_login(volunteer.user)
    my_page = client.get(reverse("engagement:my_placements")).content.decode()
    assert f'id="requester-contact-{placement.pk}"' in my_page
    assert REQUESTER_PHONE in my_page
    client.logout()
    assert client.get(help_request.get_absolute_url()).status_code == 404
    assert REQUESTER_NAME not in client.get(LIST).content.decode()


def test_a_declined_or_other_helper_never_sees_the_requester(client, agency, coordinator):
    help_request = HelpRequestFactory(organisation=agency)
    chosen = help_offer_of(help_request)
    declined = help_offer_of(help_request, status="declined")
    from engagement.services.placements import placement_transition

    placement_transition(placement=chosen, to_status="placed", by=coordinator)
    client.force_login(declined.volunteer.user)
    page = client.get(reverse("engagement:my_placements")).content.decode()
    assert REQUESTER_NAME not in page
    assert REQUESTER_PHONE not in page
