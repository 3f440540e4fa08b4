import re
import zlib
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory
from engagement.certificates import certificate_pdf, latin1
from engagement.models import Certificate, HoursEntry, PlacementStatus
from engagement.services.record import CODE_ALPHABET, CODE_LENGTH, certificate_issue
from engagement.tests.factories import GuestPlacementFactory, PlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _today():
    return timezone.localdate()


def _placed(**kwargs):
    kwargs.setdefault("status", PlacementStatus.PLACED)
    kwargs.setdefault("started_on", _today() - timedelta(days=60))
    return PlacementFactory(**kwargs)


def _entry(placement, hours, days_ago, activity, confirmed=True):
    return HoursEntry.objects.create(
        placement=placement,
        date=_today() - timedelta(days=days_ago),
        hours=Decimal(hours),
        activity=activity,
        confirmed_at=timezone.now() if confirmed else None,
    )


def _guide(organisation):
    return OrganisationRoleFactory(
        organisation=organisation, role=OrganisationRoleKind.COORDINATOR
    ).user


@pytest.fixture
def placement():
    placement = _placed(volunteer__name="Jana Müller")
    _entry(placement, "2", 40, "Vorlesen – Grundschule")
    _entry(placement, "1.5", 20, "Hausaufgabenhilfe")
    _entry(placement, "2.5", 10, "Vorlesen – Grundschule")
    _entry(placement, "7", 5, "Nicht bestätigt", confirmed=False)
    return placement


def _pdf_text(data: bytes) -> str:
    """The text drawn on the pages, from fpdf2's compressed content streams."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL)
    text = b""
    for stream in streams:
        try:
            text += zlib.decompress(stream)
        except zlib.error:
            continue
    return text.decode("latin-1")


def test_certificate_counts_only_confirmed_hours(placement):
    certificate = certificate_issue(placement=placement)
    assert certificate.total_hours == Decimal("6")
    assert certificate.activities.splitlines() == ["Vorlesen – Grundschule", "Hausaufgabenhilfe"]
    assert certificate.volunteer_name == "Jana Müller"
    assert certificate.volunteer == placement.volunteer
    assert certificate.period_start == placement.started_on
    assert certificate.period_end == _today() - timedelta(days=10)
    assert len(certificate.code) == CODE_LENGTH
    assert set(certificate.code) <= set(CODE_ALPHABET)


def test_issuing_twice_without_changes_returns_same_certificate(placement):
    first = certificate_issue(placement=placement)
    assert certificate_issue(placement=placement) == first
    _entry(placement, "1", 1, "Sommerfest")
    second = certificate_issue(placement=placement)
    assert second != first
    assert second.total_hours == Decimal("7")
    assert first.code != second.code


def test_no_confirmed_hours_is_a_clear_error():
    placement = _placed()
    _entry(placement, "3", 2, "Lesen", confirmed=False)
    with pytest.raises(ValidationError):
        certificate_issue(placement=placement)
    assert not Certificate.objects.exists()


def test_no_certificate_for_placement_in_progress():
    placement = _placed(status=PlacementStatus.CONTACTED)
    _entry(placement, "3", 2, "Lesen")
    with pytest.raises(ValidationError):
        certificate_issue(placement=placement)


def test_guide_issues_certificate_through_the_page(client, placement):
    client.force_login(_guide(placement.organisation))
    response = client.post(
        reverse("engagement:certificate_create", kwargs={"placement_pk": placement.pk})
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    page = client.get(response.url)
    assert f'data-code="{certificate.code}"'.encode() in page.content


def test_page_error_without_confirmed_hours(client):
    placement = _placed()
    client.force_login(_guide(placement.organisation))
    response = client.post(
        reverse("engagement:certificate_create", kwargs={"placement_pk": placement.pk}),
        follow=True,
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not Certificate.objects.exists()


def test_volunteer_and_other_organisation_cannot_issue(client, placement):
    url = reverse("engagement:certificate_create", kwargs={"placement_pk": placement.pk})
    client.force_login(placement.volunteer.user)
    assert client.post(url).status_code == 403
    client.force_login(_guide(_placed().organisation))
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    assert not Certificate.objects.exists()


def test_pdf_bytes(placement):
    certificate = certificate_issue(placement=placement)
    data = certificate_pdf(certificate, f"https://gemeinwerk.example/nachweis/{certificate.code}/")
    assert data.startswith(b"%PDF")
    assert certificate.code.encode() in data
    text = _pdf_text(data)
    assert certificate.code in text
    assert "Jana M\xfcller" in text
    assert "Vorlesen - Grundschule" in text
    assert "/Image" in data.decode("latin-1")


def test_latin1_replaces_what_helvetica_lacks():
    assert latin1("Grüße – „Łódź“ … 5 €") == 'Grüße - "Lódz" ... 5 EUR'
    assert latin1("日本").count("?") == 2


def test_volunteer_downloads_own_pdf(client, placement):
    certificate = certificate_issue(placement=placement)
    client.force_login(placement.volunteer.user)
    response = client.get(reverse("engagement:certificate_pdf", kwargs={"code": certificate.code}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    expected_url = f"http://testserver/nachweis/{certificate.code}/"
    assert expected_url in _pdf_text(response.content)


def test_issuing_guide_downloads_pdf(client, placement):
    certificate = certificate_issue(placement=placement)
    client.force_login(_guide(placement.organisation))
    response = client.get(reverse("engagement:certificate_pdf", kwargs={"code": certificate.code}))
    assert response.status_code == 200


def test_others_cannot_download_pdf(client, placement):
    certificate = certificate_issue(placement=placement)
    url = reverse("engagement:certificate_pdf", kwargs={"code": certificate.code})
    client.force_login(_placed().volunteer.user)
    assert client.get(url).status_code == 404
    client.force_login(_guide(_placed().organisation))
    assert client.get(url).status_code == 404
    editor = OrganisationRoleFactory(
        organisation=placement.organisation, role=OrganisationRoleKind.EDITOR
    ).user
    client.force_login(editor)
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert not response.content.startswith(b"%PDF")


def test_verify_page_shows_the_printed_facts_only(client, placement):
    certificate = certificate_issue(placement=placement)
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-genuine="true"' in content
    assert "Jana Müller" in content
    assert placement.organisation.name in content
    assert "Hausaufgabenhilfe" in content
    assert placement.volunteer.phone not in content
    assert placement.volunteer.user.email not in content
    assert "Nicht bestätigt" not in content


def test_verify_page_survives_later_changes(client, placement):
    certificate = certificate_issue(placement=placement)
    HoursEntry.objects.filter(placement=placement).delete()
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    assert response.context["hours"] == "6"


def test_verify_accepts_code_typed_in_lower_case(client, placement):
    certificate = certificate_issue(placement=placement)
    response = client.get(
        reverse("engagement:certificate_verify", kwargs={"code": certificate.code.lower()})
    )
    assert response.status_code == 302
    assert response.url == certificate.get_absolute_url()


@pytest.mark.parametrize("code", ["ABCDEFGHJK", "nonsense", "x" * 300, "%3Cscript%3E"])
def test_unknown_code_is_a_clear_404(client, code):
    response = client.get(f"/nachweis/{code}/")
    assert response.status_code == 404
    assert b'data-genuine="false"' in response.content
    assert b"<script>" not in response.content


def test_lookup_form_redirects_to_verify_page(client, placement):
    certificate = certificate_issue(placement=placement)
    spaced = f"{certificate.code[:5].lower()} {certificate.code[5:]}"
    response = client.get(reverse("engagement:certificate_lookup"), {"code": spaced})
    assert response.status_code == 302
    assert response.url == certificate.get_absolute_url()


def test_lookup_form_rejects_malformed_code(client):
    response = client.get(reverse("engagement:certificate_lookup"), {"code": "abc"})
    assert response.status_code == 400
    assert "code" in response.context["form"].errors


def test_my_record_lists_only_own_certificates(client, placement):
    own = certificate_issue(placement=placement)
    other_placement = _placed()
    _entry(other_placement, "2", 3, "Gartenarbeit")
    other = certificate_issue(placement=other_placement)
    client.force_login(placement.volunteer.user)
    response = client.get(reverse("engagement:my_record"))
    assert response.status_code == 200
    assert list(response.context["certificates"]) == [own]
    assert other.code.encode() not in response.content
    assert list(response.context["placements"]) == [placement]


def test_guest_certificate_downloadable_by_guides_only(client):
    placement = GuestPlacementFactory(status=PlacementStatus.ENDED, started_on=_today())
    _entry(placement, "4", 0, "Tafel")
    certificate = certificate_issue(placement=placement)
    assert certificate.volunteer is None
    assert certificate.volunteer_name == placement.contact_name
    client.force_login(_guide(placement.organisation))
    url = reverse("engagement:certificate_pdf", kwargs={"code": certificate.code})
    assert client.get(url).status_code == 200
