import pytest
from django.db import DatabaseError

from core.geo import Point, distance_km, postcode_point
from core.models import SitePage, SitePageKind
from core.text import search_normalise

pytestmark = pytest.mark.django_db


def test_health_reports_database(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_reports_unreachable_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("core.views.connection.cursor", broken_cursor)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_home_page_renders_german(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="de"' in response.content.decode()


def test_site_page_text_set_by_operator_is_sanitised(client):
    SitePage.objects.create(
        kind=SitePageKind.IMPRINT,
        title="Impressum",
        body="<p>Verein e.V.</p><script>alert(1)</script>",
    )
    response = client.get("/impressum/")
    body = response.content.decode()
    assert "Verein e.V." in body
    assert "<script>alert(1)</script>" not in body


def test_missing_site_page_explains_itself(client):
    response = client.get("/datenschutz/")
    assert response.status_code == 200


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode() or response.status_code == 404


def test_postcode_resolves_offline():
    point = postcode_point("09122")
    assert point is not None
    assert 50.5 < point.latitude < 51.0
    assert postcode_point("00000") is None
    assert postcode_point("abc") is None
    assert postcode_point("") is None


def test_distance_between_chemnitz_and_aue():
    chemnitz = Point(50.83, 12.92)
    aue = Point(50.59, 12.70)
    assert 28 < distance_km(chemnitz, aue) < 34


def test_search_normalise_folds_umlauts_and_spelling():
    assert search_normalise("Büro") == search_normalise("Buero") == "buro"
    assert search_normalise("Straße  ") == "strasse"


def test_german_is_the_default_whatever_the_browser_prefers(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert 'lang="de"' in response.content.decode()
    assert response["Content-Language"] == "de"


def test_chosen_language_wins_and_unknown_cookie_falls_back_to_german(client):
    client.cookies["django_language"] = "en"
    assert 'lang="en"' in client.get("/").content.decode()
    client.cookies["django_language"] = "xx"
    assert 'lang="de"' in client.get("/").content.decode()
