"""The advice part of the API under /api/v1/beratung/: the same selectors and rules as
the pages."""

import pytest

from advice.models import AdviceRoleKind, AuditAction, AuditEntry
from directory.tests.factories import OrganisationFactory, UserFactory

from .factories import AdviceCaseFactory, AdviceRoleFactory, AdviceTopicFactory, CaseNoteFactory

pytestmark = pytest.mark.django_db

PERSON = "Erika Vertraulich"
NOTE = "Vertraulicher Vermerk zur Miete"


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


@pytest.fixture
def case(organisation, adviser):
    case = AdviceCaseFactory(
        organisation=organisation, advisers=[adviser, UserFactory()], person_name=PERSON
    )
    case.topics.add(AdviceTopicFactory(name="API-Thema", slug="api-thema"))
    CaseNoteFactory(case=case, text=NOTE, author=adviser)
    return case


def test_signed_out_requests_are_refused(client, case):
    assert client.get("/api/v1/beratung/faelle/").status_code == 401
    assert client.get(f"/api/v1/beratung/faelle/{case.pk}/").status_code == 401
    assert client.get("/api/v1/beratung/statistik/?organisation=x").status_code == 401


def test_the_case_list_holds_no_names(client, case, adviser, organisation):
    AdviceCaseFactory(organisation=organisation, person_name="Nicht Zugewiesen")
    client.force_login(adviser)
    response = client.get("/api/v1/beratung/faelle/")
    assert response.status_code == 200
    (row,) = response.json()
    assert row["id"] == case.pk and row["status"] == "open"
    assert row["topics"] == ["API-Thema"] and row["advisers_count"] == 2
    assert PERSON not in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_a_case_with_its_notes_for_the_assigned_adviser_and_the_lead(client, case, adviser, lead):
    for user in (adviser, lead):
        client.force_login(user)
        response = client.get(f"/api/v1/beratung/faelle/{case.pk}/")
        assert response.status_code == 200
        body = response.json()
        assert body["person_name"] == PERSON
        assert [note["text"] for note in body["notes"]] == [NOTE]
        assert AuditEntry.objects.filter(
            user=user, action=AuditAction.READ, record_type="advicecase", record_id=case.pk
        ).exists()


def test_cases_out_of_sight_are_404(client, case, organisation):
    colleague = AdviceRoleFactory(organisation=organisation).user
    client.force_login(colleague)
    assert client.get(f"/api/v1/beratung/faelle/{case.pk}/").status_code == 404
    assert client.get("/api/v1/beratung/faelle/").json() == []
    for hostile in ("0", "-1", "abc", str(2**31), str(10**30)):
        assert client.get(f"/api/v1/beratung/faelle/{hostile}/").status_code in {404, 422}


def test_statistics_for_the_lead_only(client, case, organisation, lead, adviser):
    url = "/api/v1/beratung/statistik/"
    client.force_login(lead)
    response = client.get(url, {"organisation": organisation.slug, "year": 2026})
    assert response.status_code == 200
    assert set(response.json()) >= {"concerns", "contacts", "outcomes", "referrals"}
    assert PERSON not in response.content.decode()
    assert client.get(url, {"organisation": organisation.slug}).status_code == 200
    assert client.get(url, {"organisation": "gibt-es-nicht"}).status_code == 404
    for bad_year in ("zwei", "99999999999999999999", "1500"):
        response = client.get(url, {"organisation": organisation.slug, "year": bad_year})
        assert response.status_code == 422
    client.force_login(adviser)
    assert client.get(url, {"organisation": organisation.slug}).status_code == 403
    client.force_login(AdviceRoleFactory(role=AdviceRoleKind.LEAD).user)
    assert client.get(url, {"organisation": organisation.slug}).status_code == 403


def test_the_schema_is_served_and_nothing_comes_from_a_cdn(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/beratung/faelle/" in response.json()["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.casefold()
