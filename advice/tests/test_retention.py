"""Retention: closed records are anonymised after the retention period by the daily job,
or at once when the person asks; the anonymous statistics stay the same."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from advice.models import (
    AdviceRoleKind,
    AuditAction,
    AuditEntry,
    CaseDocument,
    CaseNote,
    CaseStatus,
    ConcernOutcome,
    ConcernStatus,
    ModerationAgreement,
    ModerationParty,
    ModerationSession,
    OutcomeKind,
)
from advice.services.cases import case_document_upload
from advice.services.retention import advice_records_anonymise_due
from advice.statistics import advice_statistics
from core.storage import private_storage
from directory.tests.factories import NeighbourhoodFactory, OrganisationFactory

from .factories import (
    AdviceCaseFactory,
    AdviceRoleFactory,
    AdviceTopicFactory,
    AppointmentFactory,
    CaseNoteFactory,
    ConcernFactory,
    ModerationCaseFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def adviser(organisation):
    return AdviceRoleFactory(organisation=organisation).user


@pytest.fixture
def lead(organisation):
    return AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user


def _months_ago(months):
    return timezone.now() - relativedelta(months=months)


def _full_record(organisation, adviser, *, closed_months_ago=None):
    """A concern with a case, notes, a document, an appointment and a moderation; closed
    `closed_months_ago` months ago, or open."""
    closed = closed_months_ago is not None
    closed_at = _months_ago(closed_months_ago) if closed else None
    neighbourhood = NeighbourhoodFactory()
    topic = AdviceTopicFactory()
    concern = ConcernFactory(
        organisation=organisation,
        topic=topic,
        neighbourhood=neighbourhood,
        contact_name="Erika Beispiel",
        contact_email="erika@example.org",
        status=ConcernStatus.DONE if closed else ConcernStatus.IN_PROGRESS,
        created_at=(closed_at or timezone.now()) - timedelta(days=30),
        closed_at=closed_at,
    )
    case = AdviceCaseFactory(
        organisation=organisation,
        concern=concern,
        advisers=[adviser],
        person_name="Erika Beispiel",
        contact="0371 555",
        next_steps="Antrag stellen",
        neighbourhood=neighbourhood,
    )
    case.topics.add(topic)
    note = CaseNoteFactory(case=case, author=adviser, text="Vertraulicher Vermerk")
    document = case_document_upload(
        case=case, by=adviser, title="Bescheid", file=SimpleUploadedFile("b.pdf", PDF)
    )
    if closed:
        case.status = CaseStatus.CLOSED
        case.closed_at = closed_at
        case.save()
    appointment = AppointmentFactory(
        schedule__organisation=organisation, concern=concern, name="Erika", phone="0371"
    )
    moderation = ModerationCaseFactory(
        organisation=organisation,
        concern=concern,
        subject="Streit um den Garten",
        status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
        closed_at=closed_at,
    )
    party = ModerationParty.objects.create(moderation=moderation, label="Familie A", contact="1")
    session = ModerationSession.objects.create(
        moderation=moderation, held_on=timezone.localdate(), notes="Gespräch"
    )
    agreement = ModerationAgreement.objects.create(
        moderation=moderation, text="Ruhezeiten", reached_on=timezone.localdate()
    )
    ConcernOutcome.objects.create(concern=concern, kind=OutcomeKind.CASE, case=case)
    return {
        "concern": concern,
        "case": case,
        "note": note,
        "document": document,
        "file": document.file.name,
        "appointment": appointment,
        "moderation": moderation,
        "party": party,
        "session": session,
        "agreement": agreement,
    }


def _assert_anonymised(record, *, moderation=True):
    for name in ("concern", "case", "appointment", "party", "session", "agreement", "note"):
        record[name].refresh_from_db()
    concern, case = record["concern"], record["case"]
    assert concern.anonymised_at is not None
    assert (concern.description, concern.contact_name, concern.contact_email) == ("", "", "")
    assert concern.contact_phone == ""
    assert case.anonymised_at is not None
    assert (case.person_name, case.contact, case.next_steps) == ("", "", "")
    assert record["note"].text == ""
    assert not CaseDocument.objects.filter(case=case).exists()
    assert not private_storage.exists(record["file"])
    appointment = record["appointment"]
    assert (appointment.name, appointment.email, appointment.phone) == ("", "", "")
    # What the statistics count stays.
    assert concern.topic_id and concern.neighbourhood_id and case.topics.exists()
    assert CaseNote.objects.filter(case=case).count() == 1
    assert ConcernOutcome.objects.filter(concern=concern, kind=OutcomeKind.CASE).exists()
    if moderation:
        record["moderation"].refresh_from_db()
        assert record["moderation"].anonymised_at is not None
        assert record["moderation"].subject == ""
        assert (record["party"].label, record["party"].contact) == ("", "")
        assert record["session"].notes == "" and record["agreement"].text == ""


def test_records_closed_longer_than_the_period_are_anonymised(
    organisation, adviser, django_capture_on_commit_callbacks
):
    old = _full_record(organisation, adviser, closed_months_ago=13)
    recent = _full_record(organisation, adviser, closed_months_ago=11)
    still_open = _full_record(organisation, adviser)
    year = old["concern"].created_at.year
    figures_before = advice_statistics(organisation, year)

    with django_capture_on_commit_callbacks(execute=True):
        counts = advice_records_anonymise_due()

    assert (counts.concerns, counts.cases, counts.moderations) == (1, 1, 1)
    _assert_anonymised(old)
    for untouched in (recent, still_open):
        untouched["case"].refresh_from_db()
        untouched["concern"].refresh_from_db()
        assert untouched["case"].person_name == "Erika Beispiel"
        assert untouched["concern"].contact_name == "Erika Beispiel"
        assert untouched["case"].anonymised_at is None
        assert CaseDocument.objects.filter(case=untouched["case"]).exists()
        assert private_storage.exists(untouched["file"])
    entries = AuditEntry.objects.filter(action=AuditAction.ANONYMISE)
    assert entries.count() == 3
    assert set(entries.values_list("user", flat=True)) == {None}
    assert advice_statistics(organisation, year) == figures_before


def test_the_period_comes_from_the_settings(organisation, adviser, settings):
    settings.ADVICE_RETENTION_MONTHS = 3
    record = _full_record(organisation, adviser, closed_months_ago=4)
    advice_records_anonymise_due()
    record["case"].refresh_from_db()
    assert record["case"].anonymised_at is not None


def test_the_command_queues_the_job(organisation, adviser, django_capture_on_commit_callbacks):
    record = _full_record(organisation, adviser, closed_months_ago=13)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_advice_records", stdout=None)
    _assert_anonymised(record)
    with django_capture_on_commit_callbacks(execute=True):
        counts = advice_records_anonymise_due()
    assert (counts.concerns, counts.cases, counts.moderations) == (0, 0, 0)


def test_the_lead_anonymises_a_case_at_the_persons_request(
    client, organisation, adviser, lead, django_capture_on_commit_callbacks
):
    record = _full_record(organisation, adviser)
    url = reverse("advice:case_anonymise_now", args=[record["case"].pk])
    client.force_login(adviser)
    assert client.get(url).status_code == 403
    assert client.post(url, {"confirm": "on"}).status_code == 403

    client.force_login(lead)
    assert client.get(url).status_code == 200
    response = client.post(url, {})
    assert response.status_code == 200
    record["case"].refresh_from_db()
    assert record["case"].anonymised_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    _assert_anonymised(record, moderation=False)
    assert record["case"].status == CaseStatus.CLOSED
    assert record["concern"].status == ConcernStatus.DONE
    record["moderation"].refresh_from_db()
    assert record["moderation"].subject == "Streit um den Garten"
    entry = AuditEntry.objects.get(action=AuditAction.ANONYMISE, record_type="advicecase")
    assert entry.user == lead
    # Twice is refused with a message, not an error; the page still opens.
    assert client.post(url, {"confirm": "on"}).status_code == 200
    assert client.get(reverse("advice:case_detail", args=[record["case"].pk])).status_code == 200


def test_the_lead_anonymises_a_concern_at_the_persons_request(
    client, organisation, adviser, lead, django_capture_on_commit_callbacks
):
    record = _full_record(organisation, adviser)
    url = reverse("advice:concern_anonymise", args=[record["concern"].pk])
    client.force_login(adviser)
    assert client.get(url).status_code == 403
    client.force_login(AdviceRoleFactory(role=AdviceRoleKind.LEAD).user)
    assert client.get(url).status_code == 404

    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == url
    _assert_anonymised(record, moderation=False)
    assert client.get(url).status_code == 200
    assert client.post(url, {"confirm": "on"}).status_code == 200


def test_the_lead_finds_the_deletion_on_the_concern_page_and_advisers_do_not(client):
    from .factories import AdviceRoleFactory, ConcernFactory

    concern = ConcernFactory()
    lead = AdviceRoleFactory(organisation=concern.organisation, role=AdviceRoleKind.LEAD).user
    adviser = AdviceRoleFactory(organisation=concern.organisation).user
    url = reverse("advice:concern_detail", kwargs={"pk": concern.pk})
    client.force_login(lead)
    assert b'id="concern-anonymise"' in client.get(url).content
    client.force_login(adviser)
    assert b'id="concern-anonymise"' not in client.get(url).content
