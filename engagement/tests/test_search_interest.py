""" "I'm interested" without an account: validation, the honeypot, the rate limit, no
duplicates, signed-in volunteers, and the e-mail to the organisation without contact data."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory, UserFactory
from engagement.models import OpportunityStatus, Placement, PlacementKind, PlacementStatus
from engagement.tests.factories import OpportunityFactory, VolunteerProfileFactory
from engagement.views_search import INTEREST_RATE_LIMIT

pytestmark = pytest.mark.django_db

GUEST = {
    "name": "Verena Vertraulich",
    "email": "verena@example.org",
    "phone": "",
    "message": "Ich habe dienstags Zeit.",
    "consent": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def _empty_cache():
    """The rate limit lives in the cache; every test starts afresh."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def opportunity():
    return OpportunityFactory(
        coordinator=UserFactory(email="koordination@example.org", display_name="Kim")
    )


def interest_url(opportunity):
    return f"{opportunity.get_absolute_url()}interesse/"


def post(client, opportunity, data, **kwargs):
    return client.post(interest_url(opportunity), data, **kwargs)


def test_guest_expresses_interest_and_the_coordinator_is_told_without_contact_data(
    client, opportunity, django_capture_on_commit_callbacks
):
    assert client.get(interest_url(opportunity)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, opportunity, GUEST)

    assert response.status_code == 302
    assert response.url == f"{interest_url(opportunity)}danke/"
    assert client.get(response.url).status_code == 200
    placement = Placement.objects.get()
    assert placement.kind == PlacementKind.INTEREST
    assert placement.status == PlacementStatus.NEW
    assert placement.opportunity == opportunity
    assert placement.organisation == opportunity.organisation
    assert placement.volunteer is None
    assert (placement.contact_name, placement.contact_email) == (GUEST["name"], GUEST["email"])
    assert placement.message == GUEST["message"]
    assert placement.consent_recorded_at is not None
    assert placement.responsible == opportunity.coordinator

    [message] = mail.outbox
    assert message.to == ["koordination@example.org"]
    assert opportunity.title in message.subject
    assert f"/koordination/vermittlungen/{placement.pk}/" in message.body
    for secret in ["Verena", "verena@example.org", "dienstags"]:
        assert secret not in message.subject + message.body


def test_phone_alone_is_enough(client, opportunity):
    response = post(client, opportunity, {**GUEST, "email": "", "phone": "0371 123456"})
    assert response.status_code == 302
    assert Placement.objects.get().contact_phone == "0371 123456"


@pytest.mark.parametrize(
    ("changes", "error_field"),
    [
        ({"email": "", "phone": ""}, "email"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "", "phone": "12"}, "phone"),
        ({"name": ""}, "name"),
        ({"consent": ""}, "consent"),
        ({"message": "x" * 2001}, "message"),
    ],
)
def test_bad_input_gives_a_field_error_and_saves_nothing(client, opportunity, changes, error_field):
    response = post(client, opportunity, {**GUEST, **changes})
    assert response.status_code == 200
    assert error_field in response.context["form"].errors
    assert 'class="error-summary"' in response.content.decode()
    assert not Placement.objects.exists()
    assert not mail.outbox


def test_filled_honeypot_pretends_success_and_saves_nothing(
    client, opportunity, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, opportunity, {**GUEST, "website": "https://spam.example"})
    assert response.status_code == 302
    assert response.url.endswith("/danke/")
    assert not Placement.objects.exists()
    assert not mail.outbox


def test_the_honeypot_is_hidden_from_people(client, opportunity):
    content = client.get(interest_url(opportunity)).content.decode()
    start = content.index('<div class="visually-hidden" aria-hidden="true">')
    honeypot = content[start : content.index("</div>", start)]
    assert 'name="website"' in honeypot
    assert 'autocomplete="off"' in honeypot
    assert 'tabindex="-1"' in honeypot


def test_more_than_five_submissions_from_one_address_are_refused(client, opportunity):
    for number in range(INTEREST_RATE_LIMIT):
        response = post(client, opportunity, {**GUEST, "email": f"person{number}@example.org"})
        assert response.status_code == 302
    response = post(client, opportunity, {**GUEST, "email": "one-more@example.org"})
    assert response.status_code == 429
    assert 'id="rate-limited"' in response.content.decode()
    assert Placement.objects.count() == INTEREST_RATE_LIMIT
    assert not Placement.objects.filter(contact_email="one-more@example.org").exists()

    other_address = post(
        client, opportunity, {**GUEST, "email": "elsewhere@example.org"}, REMOTE_ADDR="10.0.0.9"
    )
    assert other_address.status_code == 302


def test_a_second_identical_submission_creates_no_duplicate_and_no_second_mail(
    client, opportunity, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, opportunity, GUEST)
        response = post(client, opportunity, {**GUEST, "email": "VERENA@example.org"})
    assert response.status_code == 302
    assert Placement.objects.count() == 1
    assert len(mail.outbox) == 1


def test_signed_in_volunteer_is_not_asked_for_contact_data(
    client, opportunity, django_capture_on_commit_callbacks
):
    volunteer = VolunteerProfileFactory()
    client.force_login(volunteer.user)

    response = client.get(interest_url(opportunity))
    form = response.context["form"]
    assert "email" not in form.fields and "name" not in form.fields
    assert 'name="email"' not in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, opportunity, {"consent": "on", "message": "Gern!"})
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert placement.volunteer == volunteer
    assert (placement.contact_name, placement.contact_email, placement.contact_phone) == (
        "",
        "",
        "",
    )
    assert volunteer.name not in mail.outbox[0].body


def test_signed_in_person_without_profile_gets_their_account_data_filled_in(client, opportunity):
    user = UserFactory(display_name="Pat Beispiel", email="pat@example.org")
    client.force_login(user)
    form = client.get(interest_url(opportunity)).context["form"]
    assert form["name"].value() == "Pat Beispiel"
    assert form["email"].value() == "pat@example.org"


def test_organisation_address_and_then_its_guides_are_told_without_a_coordinator(
    client, django_capture_on_commit_callbacks
):
    opportunity = OpportunityFactory(coordinator=None, organisation__email="info@verein.example")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, opportunity, GUEST)
    assert mail.outbox[-1].to == ["info@verein.example"]

    silent = OpportunityFactory(coordinator=None, organisation__email="")
    guide = OrganisationRoleFactory(
        organisation=silent.organisation, role=OrganisationRoleKind.COORDINATOR
    ).user
    OrganisationRoleFactory(organisation=silent.organisation, role=OrganisationRoleKind.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, silent, GUEST)
    assert mail.outbox[-1].to == [guide.email]


def test_no_interest_in_opportunities_that_are_not_public(client):
    paused = OpportunityFactory(status=OpportunityStatus.PAUSED)
    assert client.get(interest_url(paused)).status_code == 404
    assert post(client, paused, GUEST).status_code == 404
    assert client.get(f"{interest_url(paused)}danke/").status_code == 404
    assert not Placement.objects.exists()


def test_interest_needs_the_csrf_token(opportunity):
    response = Client(enforce_csrf_checks=True).post(interest_url(opportunity), GUEST)
    assert response.status_code == 403
    assert not Placement.objects.exists()
