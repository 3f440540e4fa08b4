"""Documents after the event: type and size checks on upload, and who may download."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.storage import private_storage
from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory, UserFactory
from events.models import DocumentVisibility, EventDocument, RegistrationStatus
from events.services.documents import event_document_delete, event_document_upload
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 40


def _zip(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
ODS = _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def occurrence(organisation):
    return EventFactory(organisers=[organisation], slug="forum").occurrences.get()


@pytest.fixture
def organiser(organisation):
    return OrganisationRoleFactory(organisation=organisation).user


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _documents_url(occurrence):
    return reverse(
        "events:documents", kwargs={"slug": occurrence.event.slug, "occurrence": occurrence.pk}
    )


def _document(occurrence, organiser, visibility, name="protokoll.pdf", content=PDF):
    return event_document_upload(
        occurrence=occurrence,
        title="Protokoll März",
        kind="minutes",
        visibility=visibility,
        file=_upload(name, content),
        by=organiser,
    )


# Upload checks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("protokoll.pdf", PDF, "application/pdf"),
        ("Foto.PNG", PNG, "image/png"),
        ("foto.jpeg", JPEG, "image/jpeg"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("foto.webp", WEBP, "image/webp"),
        (
            "folien.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("tabelle.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("text.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("tabelle.ods", ODS, "application/vnd.oasis.opendocument.spreadsheet"),
    ],
)
def test_allowed_files_are_stored_privately_with_their_real_type(
    occurrence, organiser, name, content, content_type
):
    document = _document(occurrence, organiser, DocumentVisibility.PUBLIC, name, content)
    assert document.content_type == content_type
    assert document.size == len(content)
    assert document.uploaded_by == organiser
    assert private_storage.exists(document.file.name)
    with private_storage.open(document.file.name) as stored:
        assert stored.read() == content


@pytest.mark.parametrize(
    "name, content",
    [
        ("protokoll.pdf", PNG),  # a picture called .pdf
        ("programm.pdf", EXE),  # a program renamed
        ("programm.exe", EXE),
        ("setup.exe.pdf", EXE),
        ("bild.png", JPEG),
        ("folien.docx", XLSX),  # another office type under the wrong name
        ("folien.docx", ODT),
        ("text.odt", ODS),
        ("text.odt", DOCX),
        ("text.odt", b"PK\x03\x04 not really a zip"),
        ("skript.html", b"<script>alert(1)</script>"),
        ("bild.svg", b"<svg onload=alert(1)/>"),
        ("ohne-endung", PDF),
        (".pdf", b"plain text"),
    ],
)
def test_wrong_types_are_refused_and_nothing_is_stored(occurrence, organiser, name, content):
    with pytest.raises(ValidationError) as refusal:
        _document(occurrence, organiser, DocumentVisibility.PUBLIC, name, content)
    assert "file" in refusal.value.error_dict
    assert not EventDocument.objects.exists()


def test_files_above_the_limit_are_refused(occurrence, organiser, settings):
    eleven_megabytes = PDF + b"0" * (11 * 1024 * 1024)
    with pytest.raises(ValidationError) as refusal:
        _document(occurrence, organiser, DocumentVisibility.PUBLIC, "gross.pdf", eleven_megabytes)
    assert "file" in refusal.value.error_dict
    settings.EVENTS_DOCUMENT_MAX_BYTES = 20
    with pytest.raises(ValidationError):
        _document(occurrence, organiser, DocumentVisibility.PUBLIC)
    assert not EventDocument.objects.exists()


def test_upload_page_shows_the_error_on_the_form(client, occurrence, organiser):
    client.force_login(organiser)
    url = _documents_url(occurrence)
    data = {"title": "Folien", "kind": "slides", "visibility": "public"}
    response = client.post(url, {**data, "file": _upload("folien.pdf", PNG)})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    huge = _upload("gross.pdf", PDF + b"0" * (11 * 1024 * 1024))
    response = client.post(url, {**data, "file": huge})
    assert "file" in response.context["form"].errors
    for hostile in [
        {**data, "kind": "virus", "file": _upload("a.pdf", PDF)},
        {**data, "visibility": "everyone", "file": _upload("a.pdf", PDF)},
        {**data, "title": "", "file": _upload("a.pdf", PDF)},
        data,
        {},
    ]:
        response = client.post(url, hostile)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not EventDocument.objects.exists()
    response = client.post(url, {**data, "file": _upload("folien.pdf", PDF)})
    assert response.status_code == 302
    assert response["Location"] == url
    document = EventDocument.objects.get()
    assert (document.title, document.kind, document.visibility) == ("Folien", "slides", "public")
    page = client.get(url).content.decode()
    assert reverse("events:document_download", kwargs={"pk": document.pk}) in page


def test_organiser_deletes_a_document_and_its_file(client, occurrence, organiser):
    document = _document(occurrence, organiser, DocumentVisibility.PUBLIC)
    client.force_login(organiser)
    url = reverse(
        "events:document_delete",
        kwargs={"slug": "forum", "occurrence": occurrence.pk, "document": document.pk},
    )
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert not EventDocument.objects.exists()


def test_delete_removes_the_file_after_commit(
    occurrence, organiser, django_capture_on_commit_callbacks
):
    document = _document(occurrence, organiser, DocumentVisibility.PUBLIC)
    name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        event_document_delete(document=document, by=organiser)
    assert not private_storage.exists(name)


def test_other_organisations_cannot_upload_or_delete(client, occurrence, organiser):
    document = _document(occurrence, organiser, DocumentVisibility.PUBLIC)
    client.force_login(OrganisationRoleFactory(organisation=OrganisationFactory()).user)
    assert client.get(_documents_url(occurrence)).status_code == 403
    response = client.post(
        _documents_url(occurrence),
        {"title": "X", "kind": "other", "visibility": "public", "file": _upload("x.pdf", PDF)},
    )
    assert response.status_code == 403
    delete_url = reverse(
        "events:document_delete",
        kwargs={"slug": "forum", "occurrence": occurrence.pk, "document": document.pk},
    )
    assert client.post(delete_url).status_code == 403
    assert list(EventDocument.objects.all()) == [document]


def test_a_document_of_another_date_cannot_be_deleted_through_this_one(
    client, occurrence, organiser, organisation
):
    other = EventFactory(organisers=[organisation]).occurrences.get()
    document = _document(other, organiser, DocumentVisibility.PUBLIC)
    client.force_login(organiser)
    url = reverse(
        "events:document_delete",
        kwargs={"slug": "forum", "occurrence": occurrence.pk, "document": document.pk},
    )
    assert client.post(url).status_code == 404
    assert EventDocument.objects.filter(pk=document.pk).exists()


# Download ---------------------------------------------------------------------------------


def _download(client, document):
    return client.get(reverse("events:document_download", kwargs={"pk": document.pk}))


def test_public_document_for_everyone(client, occurrence, organiser):
    document = _document(occurrence, organiser, DocumentVisibility.PUBLIC)
    response = _download(client, document)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="protokoll-marz.pdf"'
    assert b"".join(response.streaming_content) == PDF


def test_participants_document_only_for_confirmed_participants_and_organisers(
    client, occurrence, organiser
):
    document = _document(occurrence, organiser, DocumentVisibility.PARTICIPANTS)
    confirmed = RegistrationFactory(occurrence=occurrence, user=UserFactory()).user
    waiting = RegistrationFactory(
        occurrence=occurrence, user=UserFactory(), status=RegistrationStatus.WAITING
    ).user
    cancelled = RegistrationFactory(
        occurrence=occurrence, user=UserFactory(), status=RegistrationStatus.CANCELLED
    ).user
    other_date = RegistrationFactory(
        occurrence=EventFactory(organisers=occurrence.event.organisers.all()).occurrences.get(),
        user=UserFactory(),
    ).user
    other_organisation = OrganisationRoleFactory(organisation=OrganisationFactory()).user

    assert _download(client, document).status_code == 404
    for person, status in [
        (confirmed, 200),
        (organiser, 200),
        (waiting, 404),
        (cancelled, 404),
        (other_date, 404),
        (other_organisation, 404),
        (UserFactory(), 404),
    ]:
        client.force_login(person)
        response = _download(client, document)
        assert response.status_code == status, person
        if status == 200:
            assert response["X-Content-Type-Options"] == "nosniff"


def test_download_of_unknown_or_missing_files_is_404(client, occurrence, organiser):
    document = _document(occurrence, organiser, DocumentVisibility.PUBLIC)
    private_storage.delete(document.file.name)
    assert _download(client, document).status_code == 404
    for pk in [999999, 2**70]:
        url = reverse("events:document_download", kwargs={"pk": pk})
        assert client.get(url).status_code == 404
