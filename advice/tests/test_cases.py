"""Advice cases: the list, the case page, notes, team, status, documents, the audit log."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from advice.models import (
    AdviceCase,
    AdviceRoleKind,
    AuditAction,
    AuditEntry,
    CaseDocument,
    CaseNote,
    CaseStatus,
)
from core.storage import private_storage
from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory, UserFactory

from .factories import AdviceCaseFactory, AdviceRoleFactory, AdviceTopicFactory, CaseNoteFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 40
PERSON = "Erika Vertraulich"
NOTE_TEXT = "Mietschulden seit März, Kündigung droht"


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
def colleague(organisation):
    return AdviceRoleFactory(organisation=organisation).user


@pytest.fixture
def lead(organisation):
    return AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user


@pytest.fixture
def topic():
    return AdviceTopicFactory(name="Testthema Schulden", slug="test-schulden")


@pytest.fixture
def case(organisation, adviser, topic):
    case = AdviceCaseFactory(organisation=organisation, advisers=[adviser], person_name=PERSON)
    case.topics.add(topic)
    return case


def _pdf(name="bescheid.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _audit(action, record_type, record_id=None):
    entries = AuditEntry.objects.filter(action=action, record_type=record_type)
    if record_id is not None:
        entries = entries.filter(record_id=record_id)
    return entries


# The list


def test_the_list_shows_visible_cases_without_names(client, case, adviser, colleague):
    other = AdviceCaseFactory(organisation=case.organisation, person_name="Nicht Zugewiesen")
    client.force_login(adviser)
    response = client.get(reverse("advice:case_list"))
    assert response.status_code == 200
    shown = [case.pk for case in response.context["page"].object_list]
    assert shown == [case.pk]
    assert other.pk not in shown
    assert PERSON not in response.content.decode()
    assert not AuditEntry.objects.exists()

    client.force_login(colleague)
    response = client.get(reverse("advice:case_list"))
    assert list(response.context["page"].object_list) == []


def test_the_list_filters_by_status_and_mine(client, case, lead, organisation):
    closed = AdviceCaseFactory(organisation=organisation, status=CaseStatus.CLOSED, advisers=[lead])
    client.force_login(lead)
    url = reverse("advice:case_list")
    assert {c.pk for c in client.get(url).context["page"].object_list} == {case.pk, closed.pk}
    response = client.get(url, {"status": "closed"})
    assert [c.pk for c in response.context["page"].object_list] == [closed.pk]
    response = client.get(url, {"mine": "on"})
    assert [c.pk for c in response.context["page"].object_list] == [closed.pk]
    for hostile in ({"status": "gelöscht"}, {"page": "999999999999"}, {"page": "x"}):
        assert client.get(url, hostile).status_code == 200


def test_the_list_is_for_the_advice_team_only(client, organisation):
    admin = OrganisationRoleFactory(organisation=organisation, role=OrganisationRoleKind.ADMIN).user
    client.force_login(admin)
    assert client.get(reverse("advice:case_list")).status_code == 403
    client.logout()
    response = client.get(reverse("advice:case_list"))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_the_list_runs_a_fixed_number_of_queries(
    client, lead, organisation, topic, django_assert_num_queries
):
    """1 session, 2 user, 3 "is the person in an advice team", 4 count of the page,
    5 the page of cases with their last contact date, 6 topics, 7 advisers."""
    for _ in range(5):
        case = AdviceCaseFactory(organisation=organisation, advisers=[lead, UserFactory()])
        case.topics.add(topic)
        CaseNoteFactory(case=case)
    client.force_login(lead)
    with django_assert_num_queries(7):
        response = client.get(reverse("advice:case_list"))
    assert len(response.context["page"].object_list) == 5


# The case page


def test_the_case_page_shows_the_case_and_writes_a_read_entry(client, case, adviser):
    CaseNoteFactory(case=case, text=NOTE_TEXT)
    client.force_login(adviser)
    response = client.get(reverse("advice:case_detail", args=[case.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert PERSON in content and NOTE_TEXT in content
    assert PERSON not in content.split("<title>")[1].split("</title>")[0]
    entry = _audit(AuditAction.READ, "advicecase", case.pk).get()
    assert entry.user == adviser and entry.organisation == case.organisation


def test_notes_are_newest_first(client, case, adviser):
    today = timezone.localdate()
    older = CaseNoteFactory(case=case, contact_on=today - timedelta(days=3))
    newer = CaseNoteFactory(case=case, contact_on=today)
    client.force_login(adviser)
    response = client.get(reverse("advice:case_detail", args=[case.pk]))
    assert list(response.context["notes"]) == [newer, older]


def test_a_note_is_stored_encrypted_and_audited(client, case, adviser):
    client.force_login(adviser)
    response = client.post(
        reverse("advice:case_note_add", args=[case.pk]),
        {"contact_on": timezone.localdate().isoformat(), "text": NOTE_TEXT},
    )
    assert response.status_code == 302
    note = CaseNote.objects.get(case=case)
    assert note.text == NOTE_TEXT and note.author == adviser
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM advice_casenote WHERE id = %s", [note.pk])
        stored = cursor.fetchone()[0]
    assert "Mietschulden" not in stored and stored.startswith("fernet:")
    assert _audit(AuditAction.CREATE, "casenote", note.pk).get().user == adviser


@pytest.mark.parametrize(
    "data",
    [
        {"contact_on": "2999-01-01", "text": "Zukunft"},
        {"contact_on": "1899-01-01", "text": "Vergangenheit"},
        {"contact_on": "31.02.2026", "text": "kein Datum"},
        {"contact_on": "2026-01-01", "text": "   "},
        {},
        {"contact_on": "2026-01-01", "text": "x" * 20_001},
    ],
)
def test_bad_notes_change_nothing(client, case, adviser, data):
    client.force_login(adviser)
    response = client.post(reverse("advice:case_note_add", args=[case.pk]), data)
    assert response.status_code == 200
    assert response.context["note_form"].errors
    assert not CaseNote.objects.exists()


def test_a_closed_case_takes_no_notes_until_reopened(client, case, adviser):
    client.force_login(adviser)
    assert client.get(reverse("advice:case_close", args=[case.pk])).status_code == 405
    client.post(reverse("advice:case_close", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.closed_at is not None
    data = {"contact_on": timezone.localdate().isoformat(), "text": "Nachtrag"}
    client.post(reverse("advice:case_note_add", args=[case.pk]), data)
    assert not CaseNote.objects.exists()
    client.post(reverse("advice:case_reopen", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN and case.closed_at is None
    client.post(reverse("advice:case_note_add", args=[case.pk]), data)
    assert CaseNote.objects.count() == 1
    details = set(_audit(AuditAction.CHANGE, "advicecase").values_list("detail", flat=True))
    assert details == {"closed", "reopened"}


def test_the_case_can_be_updated(client, case, adviser):
    housing = AdviceTopicFactory(name="Testthema Wohnen", slug="test-wohnen")
    client.force_login(adviser)
    url = reverse("advice:case_update", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "person_name": "E. V.",
            "contact": "über die Nachbarin",
            "topics": [housing.pk],
            "next_steps": "Antrag ausfüllen",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.person_name == "E. V." and case.next_steps == "Antrag ausfüllen"
    assert list(case.topics.all()) == [housing]
    assert _audit(AuditAction.CHANGE, "advicecase", case.pk).exists()
    response = client.post(url, {"person_name": "ohne Thema", "topics": ["999999999999"]})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.person_name == "E. V."


def test_the_lead_assigns_advisers_from_the_team_only(
    client, case, adviser, colleague, lead, organisation
):
    url = reverse("advice:case_assign", args=[case.pk])
    client.force_login(adviser)
    assert client.get(url).status_code == 403
    client.force_login(lead)
    assert client.get(url).status_code == 200
    outsider = UserFactory()
    response = client.post(url, {"advisers": [colleague.pk, outsider.pk]})
    assert response.status_code == 200
    assert set(case.advisers.all()) == {adviser}
    response = client.post(url, {"advisers": []})
    assert response.status_code == 200
    response = client.post(url, {"advisers": [colleague.pk]})
    assert response.status_code == 302
    assert set(case.advisers.all()) == {colleague}
    assert _audit(AuditAction.CHANGE, "advicecase", case.pk).get().detail == "advisers"
    client.force_login(adviser)
    assert client.get(reverse("advice:case_detail", args=[case.pk])).status_code == 404


def test_a_walk_in_case_is_opened_by_the_team(client, adviser, organisation, topic):
    client.force_login(adviser)
    url = reverse("advice:case_new")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "organisation": organisation.pk,
            "person_name": "Herr M.",
            "topics": [topic.pk],
            "is_first_contact": "on",
        },
    )
    case = AdviceCase.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("advice:case_detail", args=[case.pk])
    assert list(case.advisers.all()) == [adviser] and case.concern is None
    assert _audit(AuditAction.CREATE, "advicecase", case.pk).exists()


def test_a_case_cannot_be_opened_for_another_organisation(client, adviser, topic):
    foreign = OrganisationFactory()
    client.force_login(adviser)
    response = client.post(
        reverse("advice:case_new"), {"organisation": foreign.pk, "topics": [topic.pk]}
    )
    assert response.status_code == 200
    assert not AdviceCase.objects.exists()
    client.force_login(UserFactory())
    assert client.get(reverse("advice:case_new")).status_code == 403


# Documents


def test_a_document_is_stored_encrypted_and_downloaded_decrypted(client, case, adviser):
    client.force_login(adviser)
    response = client.post(
        reverse("advice:case_document_upload", args=[case.pk]),
        {"title": "Mahnung Stadtwerke", "file": _pdf()},
    )
    assert response.status_code == 302
    document = CaseDocument.objects.get()
    assert (document.content_type, document.size) == ("application/pdf", len(PDF))
    assert "bescheid" not in document.file.name
    with private_storage.open(document.file.name, "rb") as stored:
        raw = stored.read()
    assert raw != PDF and b"%PDF" not in raw
    assert _audit(AuditAction.CREATE, "casedocument", document.pk).exists()

    response = client.get(reverse("advice:case_document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert _audit(AuditAction.DOWNLOAD, "casedocument", document.pk).get().user == adviser


@pytest.mark.parametrize(
    ("name", "content"),
    [("programm.pdf", EXE), ("programm.exe", EXE), ("bild.png", PDF), ("ohne-endung", PDF)],
)
def test_uploads_of_the_wrong_type_are_refused(client, case, adviser, name, content):
    client.force_login(adviser)
    response = client.post(
        reverse("advice:case_document_upload", args=[case.pk]),
        {"title": "Datei", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert "file" in response.context["document_form"].errors
    assert not CaseDocument.objects.exists()


def test_uploads_above_the_limit_are_refused(client, case, adviser, settings):
    settings.ADVICE_DOCUMENT_MAX_BYTES = 20
    client.force_login(adviser)
    response = client.post(
        reverse("advice:case_document_upload", args=[case.pk]),
        {"title": "Groß", "file": _pdf()},
    )
    assert response.status_code == 200
    assert not CaseDocument.objects.exists()


def test_a_document_is_deleted_with_its_file(
    client, case, adviser, colleague, django_capture_on_commit_callbacks
):
    client.force_login(adviser)
    client.post(
        reverse("advice:case_document_upload", args=[case.pk]),
        {"title": "Mahnung", "file": _pdf()},
    )
    document = CaseDocument.objects.get()
    name = document.file.name
    client.force_login(colleague)
    assert (
        client.get(reverse("advice:case_document_download", args=[document.pk])).status_code == 404
    )
    assert (
        client.post(reverse("advice:case_document_delete", args=[document.pk])).status_code == 404
    )
    client.force_login(adviser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("advice:case_document_delete", args=[document.pk]))
    assert response.status_code == 302
    assert not CaseDocument.objects.exists()
    assert not private_storage.exists(name)
    assert _audit(AuditAction.DELETE, "casedocument", document.pk).exists()


def test_a_missing_file_is_a_404_not_an_error(client, case, adviser):
    client.force_login(adviser)
    client.post(
        reverse("advice:case_document_upload", args=[case.pk]),
        {"title": "Mahnung", "file": _pdf()},
    )
    document = CaseDocument.objects.get()
    private_storage.delete(document.file.name)
    response = client.get(reverse("advice:case_document_download", args=[document.pk]))
    assert response.status_code == 404


# The audit log


def test_the_lead_reads_and_filters_the_audit_log(client, case, adviser, lead, colleague):
    client.force_login(adviser)
    client.get(reverse("advice:case_detail", args=[case.pk]))
    client.post(
        reverse("advice:case_note_add", args=[case.pk]),
        {"contact_on": timezone.localdate().isoformat(), "text": NOTE_TEXT},
    )
    foreign_entry_case = AdviceCaseFactory()
    AuditEntry.objects.create(
        organisation=foreign_entry_case.organisation,
        user=UserFactory(),
        action=AuditAction.READ,
        record_type="advicecase",
        record_id=foreign_entry_case.pk,
    )
    url = reverse("advice:audit_log")
    for user in (adviser, colleague):
        client.force_login(user)
        assert client.get(url).status_code == 403

    client.force_login(lead)
    response = client.get(url)
    assert response.status_code == 200
    entries = list(response.context["page"].object_list)
    assert {entry.organisation_id for entry in entries} == {case.organisation_id}
    assert len(entries) == 2
    assert NOTE_TEXT not in response.content.decode()
    assert PERSON not in response.content.decode()

    response = client.get(url, {"record_type": "casenote"})
    assert [entry.record_type for entry in response.context["page"].object_list] == ["casenote"]
    response = client.get(url, {"user": lead.pk})
    assert list(response.context["page"].object_list) == []
    today = timezone.localdate()
    response = client.get(url, {"date_from": (today + timedelta(days=1)).isoformat()})
    assert list(response.context["page"].object_list) == []
    response = client.get(url, {"action": "read", "date_to": today.isoformat()})
    assert len(response.context["page"].object_list) == 1
    for hostile in (
        {"date_from": "gestern"},
        {"user": "999999999999"},
        {"record_type": "<script>"},
        {"date_from": "2026-05-01", "date_to": "2026-01-01"},
        {"page": "-1"},
    ):
        assert client.get(url, hostile).status_code == 200


def test_huge_and_unknown_ids_are_404(client, adviser, lead):
    client.force_login(lead)
    for name in ("case_detail", "case_document_download", "concern_anonymise"):
        for pk in (999999, 2**31, 10**20):
            assert client.get(reverse(f"advice:{name}", args=[pk])).status_code == 404


def test_the_personal_data_download_holds_team_roles_but_no_clients(case, adviser):
    from core.privacy import export_personal_data

    CaseNoteFactory(case=case, author=adviser, text=NOTE_TEXT)
    exported = export_personal_data(adviser)["advice"]
    assert exported["advice_roles"] == [
        {
            "organisation": case.organisation.name,
            "role": "adviser",
            "granted_at": adviser.advice_roles.get().granted_at.isoformat(),
        }
    ]
    assert PERSON not in str(exported) and NOTE_TEXT not in str(exported)
