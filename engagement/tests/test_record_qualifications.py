from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory
from engagement.models import PlacementStatus, Qualification, QualificationKind
from engagement.selectors import volunteers_missing_police_certificate
from engagement.services.record import qualification_record
from engagement.tests.factories import (
    GuestPlacementFactory,
    OpportunityFactory,
    PlacementFactory,
    VolunteerProfileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _guide(organisation):
    return OrganisationRoleFactory(
        organisation=organisation, role=OrganisationRoleKind.COORDINATOR
    ).user


def _police(placement, seen_on):
    return qualification_record(
        placement=placement,
        by=None,
        kind=QualificationKind.POLICE_CERTIFICATE,
        seen_on=seen_on,
    )


def test_police_certificate_valid_for_five_years_whatever_was_typed():
    placement = PlacementFactory()
    qualification = qualification_record(
        placement=placement,
        by=None,
        kind=QualificationKind.POLICE_CERTIFICATE,
        seen_on=date(2024, 3, 15),
        valid_until=date(2040, 1, 1),
    )
    assert qualification.valid_until == date(2029, 3, 15)
    assert qualification.organisation == placement.organisation


def test_police_certificate_seen_on_leap_day():
    assert _police(PlacementFactory(), date(2024, 2, 29)).valid_until == date(2029, 2, 28)


def test_other_documents_keep_their_own_validity():
    qualification = qualification_record(
        placement=PlacementFactory(),
        by=None,
        kind=QualificationKind.FIRST_AID,
        seen_on=date(2024, 3, 15),
        valid_until=date(2026, 3, 15),
    )
    assert qualification.valid_until == date(2026, 3, 15)


def test_guide_records_document_through_the_page(client):
    placement = PlacementFactory()
    guide = _guide(placement.organisation)
    client.force_login(guide)
    seen_on = timezone.localdate() - timedelta(days=2)
    response = client.post(
        reverse("engagement:qualifications", kwargs={"placement_pk": placement.pk}),
        {"kind": QualificationKind.POLICE_CERTIFICATE, "seen_on": seen_on.isoformat()},
    )
    assert response.status_code == 302
    qualification = Qualification.objects.get(volunteer=placement.volunteer)
    assert qualification.recorded_by == guide
    assert qualification.valid_until == seen_on.replace(year=seen_on.year + 5)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "first_aid", "seen_on": "2999-01-01"}, "seen_on"),
        (
            {"kind": "first_aid", "seen_on": "2024-05-01", "valid_until": "2024-01-01"},
            "valid_until",
        ),
        ({"kind": "passport", "seen_on": "2024-05-01"}, "kind"),
        ({"kind": "first_aid"}, "seen_on"),
    ],
)
def test_bad_document_input_is_refused(client, data, field):
    placement = PlacementFactory()
    client.force_login(_guide(placement.organisation))
    response = client.post(
        reverse("engagement:qualifications", kwargs={"placement_pk": placement.pk}), data
    )
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Qualification.objects.exists()


def test_form_has_no_file_upload(client):
    placement = PlacementFactory()
    client.force_login(_guide(placement.organisation))
    response = client.get(
        reverse("engagement:qualifications", kwargs={"placement_pk": placement.pk})
    )
    assert response.status_code == 200
    assert b'type="file"' not in response.content


def test_only_guides_of_the_organisation_record_documents(client):
    placement = PlacementFactory()
    url = reverse("engagement:qualifications", kwargs={"placement_pk": placement.pk})
    data = {"kind": "first_aid", "seen_on": "2024-05-01"}
    client.force_login(placement.volunteer.user)
    assert client.post(url, data).status_code == 403
    client.force_login(_guide(PlacementFactory().organisation))
    assert client.post(url, data).status_code == 404
    client.logout()
    assert client.post(url, data).status_code == 302
    assert not Qualification.objects.exists()


def test_guest_without_profile_cannot_get_documents(client):
    placement = GuestPlacementFactory()
    client.force_login(_guide(placement.organisation))
    response = client.post(
        reverse("engagement:qualifications", kwargs={"placement_pk": placement.pk}),
        {"kind": "first_aid", "seen_on": "2024-05-01"},
    )
    assert response.status_code == 200
    assert b'id="no-profile"' in response.content
    assert not Qualification.objects.exists()


def test_missing_police_certificate_selector():
    today = timezone.localdate()
    opportunity = OpportunityFactory(requires_police_certificate=True)
    valid = PlacementFactory(opportunity=opportunity, status=PlacementStatus.PLACED)
    _police(valid, today - timedelta(days=100))
    expired = PlacementFactory(opportunity=opportunity, status=PlacementStatus.CONTACTED)
    _police(expired, today - timedelta(days=6 * 365))
    none_yet = PlacementFactory(opportunity=opportunity, status=PlacementStatus.NEW)
    guest = GuestPlacementFactory(opportunity=opportunity, status=PlacementStatus.FIRST_MEETING)
    PlacementFactory(opportunity=opportunity, status=PlacementStatus.DECLINED)
    PlacementFactory(opportunity=opportunity, status=PlacementStatus.ENDED)
    seen_elsewhere = PlacementFactory(opportunity=opportunity, status=PlacementStatus.PLACED)
    _police(
        PlacementFactory(volunteer=seen_elsewhere.volunteer, status=PlacementStatus.PLACED),
        today - timedelta(days=10),
    )

    missing = set(volunteers_missing_police_certificate(opportunity))
    assert missing == {expired, none_yet, guest, seen_elsewhere}


def test_selector_is_empty_when_not_required():
    opportunity = OpportunityFactory(requires_police_certificate=False)
    PlacementFactory(opportunity=opportunity, status=PlacementStatus.PLACED)
    assert not volunteers_missing_police_certificate(opportunity).exists()


def test_selector_counts_certificate_expiring_today_as_valid():
    today = timezone.localdate()
    opportunity = OpportunityFactory(requires_police_certificate=True)
    placement = PlacementFactory(opportunity=opportunity, status=PlacementStatus.PLACED)
    Qualification.objects.create(
        volunteer=placement.volunteer,
        organisation=opportunity.organisation,
        kind=QualificationKind.POLICE_CERTIFICATE,
        seen_on=today - timedelta(days=1000),
        valid_until=today,
    )
    assert not volunteers_missing_police_certificate(opportunity).exists()
    assert volunteers_missing_police_certificate(
        opportunity, today=today + timedelta(days=1)
    ).exists()


@pytest.mark.parametrize("state", ["valid", "expired", "missing"])
def test_status_include(state):
    today = timezone.localdate()
    opportunity = OpportunityFactory(requires_police_certificate=True)
    placement = PlacementFactory(opportunity=opportunity, volunteer=VolunteerProfileFactory())
    if state == "valid":
        _police(placement, today - timedelta(days=10))
    elif state == "expired":
        _police(placement, today - timedelta(days=2000))
    html = render_to_string(
        "engagement/record/_police_certificate_status.html", {"placement": placement}
    )
    assert f'data-police-certificate="{state}"' in html


def test_status_include_is_silent_when_not_required():
    placement = PlacementFactory(opportunity=OpportunityFactory())
    html = render_to_string(
        "engagement/record/_police_certificate_status.html", {"placement": placement}
    )
    assert "data-police-certificate" not in html
