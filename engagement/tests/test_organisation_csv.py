"""CSV import (dry run and all-or-nothing import), CSV export that round-trips, and the
JSON export for volunteering portals."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
)
from engagement import csv_io
from engagement.availability import slots_from_pairs
from engagement.models import Opportunity, OpportunityStatus, Regularity
from engagement.tests.factories import (
    ActivityFactory,
    FieldFactory,
    LanguageFactory,
    OpportunityFactory,
    TargetGroupFactory,
    days_ago,
)

HEADER = "title;description;fields;place;remote;times;starts_on;ends_on;hours_per_week"


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def place(organisation):
    return PlaceFactory(organisation=organisation, name="Stadtteiltreff")


@pytest.fixture
def catalogue(db):
    return {
        "kinder": FieldFactory(name="Kinder und Jugend", slug="kinder"),
        "umwelt": FieldFactory(name="Umwelt", slug="umwelt"),
        "vorlesen": ActivityFactory(name="Vorlesen", slug="vorlesen"),
        "familien": TargetGroupFactory(name="Familien", slug="familien"),
        "de": LanguageFactory(code="de", name="Deutsch"),
        "en": LanguageFactory(code="en", name="Englisch"),
    }


@pytest.fixture
def editor(organisation):
    return OrganisationRoleFactory(organisation=organisation, role=OrganisationRoleKind.EDITOR).user


def _upload(text: str, *, encoding="utf-8", name="angebote.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def _read(text, organisation, **kwargs):
    return csv_io.read_csv(_upload(text, **kwargs), organisation=organisation)


def _errors(report):
    return {(error.line, error.column) for error in report.row_errors}


# Reading good files


@pytest.mark.parametrize("delimiter", [";", ","])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_reads_both_delimiters_with_or_without_bom(organisation, place, catalogue, delimiter, bom):
    lines = [
        HEADER.replace(";", delimiter),
        delimiter.join(
            [
                "Lesepate",
                '"Vorlesen, zuhören und spielen"',
                "kinder|Umwelt",
                "Stadtteiltreff",
                "nein",
                "di-nachmittags|Donnerstag-abends",
                "01.09.2030",
                "2031-06-30",
                '"1,5"',
            ]
        ),
    ]
    report = _read(bom + "\n".join(lines) + "\n", organisation)
    assert report.is_valid, (report.file_errors, report.row_errors)
    [row] = report.rows
    assert row["title"] == "Lesepate"
    assert row["description"] == "Vorlesen, zuhören und spielen"
    assert row["fields"] == [catalogue["kinder"], catalogue["umwelt"]]
    assert row["place"] == place
    assert row["is_remote"] is False
    assert row["time_slots"] == slots_from_pairs([(1, 1), (3, 2)])
    assert row["starts_on"] == date(2030, 9, 1)
    assert row["ends_on"] == date(2031, 6, 30)
    assert row["hours_per_week"] == Decimal("1.5")
    assert row["status"] == OpportunityStatus.DRAFT
    assert row["volunteers_wanted"] == 1


def test_dry_run_saves_nothing(client, organisation, place, catalogue, editor):
    client.force_login(editor)
    text = f"{HEADER}\nLesepate;Vorlesen;kinder;Stadtteiltreff;nein;;;;\n"
    url = reverse("engagement:opportunity_import", kwargs={"org_slug": organisation.slug})
    response = client.post(url, {"file": _upload(text), "check": "1"})
    assert response.status_code == 200
    assert response.context["report"].is_valid
    assert 'data-valid="true"' in response.content.decode()
    assert not Opportunity.objects.exists()


def test_import_saves_every_row(client, organisation, place, catalogue, editor):
    client.force_login(editor)
    text = (
        f"{HEADER}\n"
        "Lesepate;Vorlesen;kinder;Stadtteiltreff;nein;;;;\n"
        "Online-Nachhilfe;Mathe per Video;umwelt;;ja;mo-abends;;;2\n"
    )
    url = reverse("engagement:opportunity_import", kwargs={"org_slug": organisation.slug})
    response = client.post(url, {"file": _upload(text), "import": "1"})
    assert response.status_code == 302
    created = {item.title: item for item in Opportunity.objects.filter(organisation=organisation)}
    assert set(created) == {"Lesepate", "Online-Nachhilfe"}
    assert created["Lesepate"].postcode == place.postcode
    assert created["Online-Nachhilfe"].is_remote
    assert created["Online-Nachhilfe"].latitude is None
    assert all(item.status == OpportunityStatus.DRAFT for item in created.values())


def test_import_saves_nothing_if_one_row_is_bad(client, organisation, place, catalogue, editor):
    client.force_login(editor)
    text = (
        f"{HEADER}\n"
        "Lesepate;Vorlesen;kinder;Stadtteiltreff;nein;;;;\n"
        "Zweites;Text;gibt-es-nicht;Stadtteiltreff;nein;;;;\n"
    )
    url = reverse("engagement:opportunity_import", kwargs={"org_slug": organisation.slug})
    response = client.post(url, {"file": _upload(text), "import": "1"})
    assert response.status_code == 200
    assert _errors(response.context["report"]) == {(3, "fields")}
    assert 'data-line="3"' in response.content.decode()
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize("role", [OrganisationRoleKind.COORDINATOR, None])
def test_import_by_someone_without_edit_rights_is_refused(
    client, organisation, place, catalogue, role
):
    other = OrganisationFactory()
    owner = organisation if role else other
    user = OrganisationRoleFactory(organisation=owner, role=role or OrganisationRoleKind.ADMIN).user
    client.force_login(user)
    text = f"{HEADER}\nLesepate;Vorlesen;kinder;Stadtteiltreff;nein;;;;\n"
    url = reverse("engagement:opportunity_import", kwargs={"org_slug": organisation.slug})
    assert client.post(url, {"file": _upload(text), "import": "1"}).status_code == 403
    assert not Opportunity.objects.exists()


# Bad rows: every one is reported with its line and column


BAD_ROWS = [
    ("title", {"title": ""}),
    ("title", {"title": "x" * 201}),
    ("description", {"description": ""}),
    ("fields", {"fields": ""}),
    ("fields", {"fields": "kinder|mars"}),
    ("activities", {"activities": "fliegen"}),
    ("target_groups", {"target_groups": "aliens"}),
    ("languages", {"languages": "klingonisch"}),
    ("regularity", {"regularity": "manchmal"}),
    ("hours_per_week", {"hours_per_week": "viel"}),
    ("hours_per_week", {"hours_per_week": "61"}),
    ("hours_per_week", {"hours_per_week": "1,25"}),
    ("times", {"times": "di-mittags"}),
    ("times", {"times": "xy-abends"}),
    ("starts_on", {"starts_on": "31.02.2030"}),
    ("starts_on", {"starts_on": "2030/09/01"}),
    ("ends_on", {"starts_on": "01.09.2030", "ends_on": "01.08.2030"}),
    ("volunteers_wanted", {"volunteers_wanted": "0"}),
    ("volunteers_wanted", {"volunteers_wanted": "zwei"}),
    ("place", {"place": "Unbekannter Ort"}),
    ("place", {"place": "", "remote": "nein"}),
    ("place", {"place": "Stadtteiltreff", "remote": "ja"}),
    ("remote", {"remote": "vielleicht"}),
    ("minimum_age", {"minimum_age": "100"}),
    ("minimum_age", {"minimum_age": "-1"}),
    ("step_free", {"step_free": "jein"}),
    ("police_certificate", {"police_certificate": "egal"}),
    ("coordinator", {"coordinator": "fremd@example.org"}),
    ("status", {"status": "archived"}),
    ("summary", {"summary": "x" * 301}),
]


def _row(**values):
    row = dict.fromkeys(csv_io.COLUMN_NAMES, "")
    row.update(
        title="Lesepate",
        description="Vorlesen",
        fields="kinder",
        place="Stadtteiltreff",
        remote="nein",
    )
    row.update(values)
    return row


def _file(rows) -> str:
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=csv_io.COLUMN_NAMES, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue()


@pytest.mark.parametrize(("column", "values"), BAD_ROWS)
def test_every_kind_of_bad_row_is_reported(organisation, place, catalogue, column, values):
    report = _read(_file([_row(), _row(**values), _row()]), organisation)
    assert not report.is_valid
    assert _errors(report) == {(3, column)}
    assert all(error.message for error in report.row_errors)


def test_all_bad_rows_are_reported_at_once(organisation, place, catalogue):
    rows = [_row(**values) for _column, values in BAD_ROWS[:5]]
    report = _read(_file(rows), organisation)
    assert {line for line, _column in _errors(report)} == {2, 3, 4, 5, 6}


def test_line_numbers_count_lines_of_the_file(organisation, place, catalogue):
    """A description spanning lines moves the following rows down; blank lines count too."""
    text = (
        "title;description;fields;place\n"
        'Erstes;"Zeile eins\nZeile zwei";kinder;Stadtteiltreff\n'
        "\n"
        "Zweites;Text;mars;Stadtteiltreff\n"
    )
    report = _read(text, organisation)
    assert _errors(report) == {(5, "fields")}


def test_a_row_with_too_many_values_is_reported(organisation, place, catalogue):
    text = "title;description;fields;place\nA;B;kinder;Stadtteiltreff;zu viel\n"
    report = _read(text, organisation)
    assert _errors(report) == {(2, "")}


def test_place_names_are_only_those_of_the_organisation(organisation, place, catalogue):
    PlaceFactory(name="Fremdes Haus")
    report = _read(_file([_row(place="Fremdes Haus")]), organisation)
    assert _errors(report) == {(2, "place")}


# Bad files


def _file_error(report) -> bool:
    return bool(report.file_errors) and not report.rows


def test_file_too_large(organisation, catalogue):
    text = _file([_row(description="x" * 1000)] * (csv_io.MAX_FILE_BYTES // 1000 + 10))
    assert _file_error(_read(text, organisation))


def test_too_many_rows(organisation, place, catalogue, settings):
    text = _file([_row()] * (csv_io.MAX_ROWS + 1))
    assert len(text.encode()) < csv_io.MAX_FILE_BYTES
    assert _file_error(_read(text, organisation))


def test_exactly_the_maximum_number_of_rows_is_fine(organisation, place, catalogue):
    report = _read(_file([_row()] * csv_io.MAX_ROWS), organisation)
    assert report.is_valid
    assert len(report.rows) == csv_io.MAX_ROWS


@pytest.mark.parametrize(
    "content",
    [
        "title;description;fields;place\nMüller;Straße;kinder;Stadtteiltreff\n".encode("latin-1"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"",
        b"   \n\n",
        b"title;description;fields;place\n",
    ],
    ids=["latin-1", "binary", "empty", "blank", "header-only"],
)
def test_unreadable_files_give_a_clear_error(organisation, place, catalogue, content):
    upload = SimpleUploadedFile("angebote.csv", content, content_type="text/csv")
    assert _file_error(csv_io.read_csv(upload, organisation=organisation))


@pytest.mark.parametrize(
    "header",
    ["title;description;place", "title;description;fields;titel", "title;title;description;fields"],
    ids=["missing-required", "unknown", "duplicate"],
)
def test_header_problems(organisation, place, catalogue, header):
    report = _read(f"{header}\nA;B;C;D\n", organisation)
    assert _file_error(report)


def test_upload_view_reports_file_errors(client, organisation, editor):
    client.force_login(editor)
    url = reverse("engagement:opportunity_import", kwargs={"org_slug": organisation.slug})
    upload = SimpleUploadedFile("bild.png", b"\x89PNG\x00\x00", content_type="image/png")
    response = client.post(url, {"file": upload, "import": "1"})
    assert response.status_code == 200
    assert response.context["report"].file_errors
    assert "data-file-error" in response.content.decode()


def test_upload_view_without_file_shows_a_field_error(client, organisation, editor):
    client.force_login(editor)
    url = reverse("engagement:opportunity_import", kwargs={"org_slug": organisation.slug})
    response = client.post(url, {"check": "1"})
    assert "file" in response.context["form"].errors


# Export


def _varied_opportunities(organisation, place, catalogue):
    coordinator = OrganisationRoleFactory(
        organisation=organisation, role=OrganisationRoleKind.COORDINATOR
    ).user
    full = OpportunityFactory(
        organisation=organisation,
        place=place,
        title='Lesepate; mit "Anführung"',
        summary="=SUMME(A1:A9)",
        description="Zeile eins\nZeile zwei",
        plain_language_summary="Sie lesen vor.",
        fields=[catalogue["kinder"], catalogue["umwelt"]],
        regularity=Regularity.ONE_OFF,
        hours_per_week=Decimal("1.5"),
        time_slots=slots_from_pairs([(0, 0), (6, 2)]),
        starts_on=date(2030, 9, 1),
        ends_on=date(2031, 6, 30),
        volunteers_wanted=4,
        minimum_age=16,
        suitable_for_young_people=True,
        step_free=True,
        requires_police_certificate=True,
        other_requirements="Geduld",
        offers_insurance=True,
        offers_certificate=True,
        coordinator=coordinator,
        status=OpportunityStatus.PAUSED,
    )
    full.activities.set([catalogue["vorlesen"]])
    full.target_groups.set([catalogue["familien"]])
    full.languages.set([catalogue["de"], catalogue["en"]])
    remote = OpportunityFactory(
        organisation=organisation,
        place=None,
        is_remote=True,
        postcode="",
        municipality=None,
        latitude=None,
        longitude=None,
        title="Online-Nachhilfe",
        hours_per_week=None,
        status=OpportunityStatus.DRAFT,
    )
    return full, remote


COMPARED = [
    "title",
    "summary",
    "description",
    "plain_language_summary",
    "regularity",
    "hours_per_week",
    "time_slots",
    "starts_on",
    "ends_on",
    "volunteers_wanted",
    "minimum_age",
    "place_id",
    "is_remote",
    "postcode",
    "latitude",
    "suitable_for_young_people",
    "suitable_for_seniors",
    "step_free",
    "requires_police_certificate",
    "other_requirements",
    "offers_insurance",
    "offers_expenses",
    "offers_certificate",
    "coordinator_id",
    "status",
]


def _snapshot(opportunity):
    values = {name: getattr(opportunity, name) for name in COMPARED}
    for relation in ["fields", "activities", "target_groups", "languages"]:
        values[relation] = sorted(item.pk for item in getattr(opportunity, relation).all())
    return values


def _export(client, organisation, export_format):
    url = reverse(
        "engagement:opportunity_export",
        kwargs={"org_slug": organisation.slug, "format": export_format},
    )
    return client.get(url)


def test_csv_export_round_trips(client, organisation, place, catalogue, editor):
    full, remote = _varied_opportunities(organisation, place, catalogue)
    OpportunityFactory(organisation=organisation, place=place, status=OpportunityStatus.ARCHIVED)
    before = sorted((_snapshot(item) for item in [full, remote]), key=lambda v: v["title"])
    client.force_login(editor)
    response = _export(client, organisation, "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    content = response.content
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    assert "'=SUMME" in text  # defused for spreadsheet programs
    assert text.count("\r\n") >= 3

    Opportunity.objects.filter(organisation=organisation).delete()
    url = reverse("engagement:opportunity_import", kwargs={"org_slug": organisation.slug})
    upload = SimpleUploadedFile("export.csv", content, content_type="text/csv")
    assert client.post(url, {"file": upload, "import": "1"}).status_code == 302
    after = sorted(
        (_snapshot(item) for item in Opportunity.objects.filter(organisation=organisation)),
        key=lambda v: v["title"],
    )
    assert after == before


def test_csv_export_contains_only_own_opportunities(client, organisation, place, editor):
    own = OpportunityFactory(organisation=organisation, place=place)
    foreign = OpportunityFactory()
    client.force_login(editor)
    text = _export(client, organisation, "csv").content.decode("utf-8-sig")
    assert own.title in text
    assert foreign.title not in text


def test_json_export_for_portals(client, organisation, place, catalogue, editor):
    full, remote = _varied_opportunities(organisation, place, catalogue)
    Opportunity.objects.filter(pk__in=[full.pk, remote.pk]).update(
        status=OpportunityStatus.PUBLISHED
    )
    OpportunityFactory(organisation=organisation, place=place, status=OpportunityStatus.DRAFT)
    OpportunityFactory(organisation=organisation, place=place, confirmed_at=days_ago(100))
    client.force_login(editor)
    response = _export(client, organisation, "json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["organisation"]["url"].startswith("http://testserver/")
    items = {item["slug"]: item for item in data["opportunities"]}
    assert set(items) == {full.slug, remote.slug}
    item = items[full.slug]
    assert item["url"] == f"http://testserver{full.get_absolute_url()}"
    assert item["starts_on"] == "2030-09-01"
    assert item["hours_per_week"] == 1.5
    assert item["times"] == [
        {"weekday": "monday", "time_of_day": "morning"},
        {"weekday": "sunday", "time_of_day": "evening"},
    ]
    assert [field["slug"] for field in item["fields"]] == ["kinder", "umwelt"]
    assert item["location"]["postcode"] == place.postcode
    assert item["requirements"]["police_certificate"] is True
    assert items[remote.slug]["location"] is None
    assert items[remote.slug]["remote"] is True
    assert full.coordinator.email not in response.content.decode()
    assert set(item) >= {
        "id",
        "title",
        "description",
        "status",
        "regularity",
        "free_places",
        "minimum_age",
        "suitable_for",
        "offers",
        "published_at",
        "confirmed_at",
    }


def test_unknown_export_format_is_404(client, organisation, editor):
    client.force_login(editor)
    url = f"/angebote/{organisation.slug}/export.xlsx"
    assert client.get(url).status_code == 404
