"""Saved searches: saving with double opt-in, the daily digest and one-click unsubscribe."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from engagement.models import OpportunityStatus, SavedSearch
from engagement.tasks_volunteer import MAX_DIGEST_OPPORTUNITIES, send_saved_search_digest

from .factories import OpportunityFactory

CREATE_URL = reverse("engagement:saved_search_create")
BASE_URL = "http://testserver/"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The rate limit lives in the cache; every test starts afresh."""
    cache.clear()
    yield
    cache.clear()


def confirm_url(saved_search):
    return reverse("engagement:saved_search_confirm", kwargs={"token": saved_search.token})


def unsubscribe_url(saved_search):
    return reverse("engagement:saved_search_unsubscribe", kwargs={"token": saved_search.token})


def confirmed_search(query="", days_ago=1, **kwargs):
    return SavedSearch.objects.create(
        email="leser@example.org",
        query=query,
        token=f"token-{SavedSearch.objects.count()}",
        confirmed_at=timezone.now() - timedelta(days=days_ago),
        **kwargs,
    )


def published(hours_ago: float, **kwargs):
    moment = timezone.now() - timedelta(hours=hours_ago)
    return OpportunityFactory(published_at=moment, confirmed_at=moment, **kwargs)


# Saving


def test_saving_sends_a_confirmation_mail(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CREATE_URL, {"query": "?q=lesen&postcode=09111", "email": "leser@example.org"}
        )

    assert response.status_code == 302
    assert response.url == reverse("engagement:search") + "?q=lesen&postcode=09111"
    saved_search = SavedSearch.objects.get()
    assert saved_search.query == "q=lesen&postcode=09111"
    assert saved_search.confirmed_at is None
    assert len(saved_search.token) >= 40
    [message] = mailoutbox
    assert message.to == ["leser@example.org"]
    assert confirm_url(saved_search) in message.body
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<http://testserver{unsubscribe_url(saved_search)}>"
    )


def test_htmx_gets_the_partial(client, db):
    response = client.post(
        CREATE_URL,
        {"query": "q=lesen", "email": "leser@example.org"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'id="save-search-done"' in response.content.decode()


def test_bots_filling_the_honeypot_get_nothing(client, db, mailoutbox):
    response = client.post(
        CREATE_URL, {"query": "q=lesen", "email": "bot@example.org", "website": "http://spam"}
    )
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("email", ["", "kein-at-zeichen", "a@b"])
def test_a_bad_address_is_refused(client, db, email):
    response = client.post(CREATE_URL, {"query": "q=lesen", "email": email})
    assert response.status_code == 200
    assert "email" in response.context["save_search_form"].errors
    assert not SavedSearch.objects.exists()


def test_saving_twice_keeps_one(client, db):
    for _attempt in range(2):
        client.post(CREATE_URL, {"query": "q=lesen", "email": "leser@example.org"})
    assert SavedSearch.objects.count() == 1


def test_too_many_from_one_address_are_refused(client, db):
    for number in range(10):
        client.post(CREATE_URL, {"query": f"q={number}", "email": "leser@example.org"})
    response = client.post(CREATE_URL, {"query": "q=zu-viel", "email": "leser@example.org"})
    assert response.status_code == 200
    assert response.context["save_search_form"].non_field_errors()
    assert SavedSearch.objects.count() == 10


def test_signed_in_with_the_same_address_needs_no_confirmation(client, user, mailoutbox):
    client.force_login(user)
    client.post(CREATE_URL, {"query": "q=lesen", "email": user.email})
    saved_search = SavedSearch.objects.get()
    assert saved_search.confirmed_at is not None
    assert saved_search.user == user
    assert mailoutbox == []


def test_signed_in_with_another_address_still_confirms(client, user):
    client.force_login(user)
    client.post(CREATE_URL, {"query": "q=lesen", "email": "jemand-anders@example.org"})
    saved_search = SavedSearch.objects.get()
    assert saved_search.confirmed_at is None
    assert saved_search.user is None


def test_the_include_prefills_the_address_of_signed_in_people(rf, user):
    from django.template.loader import render_to_string

    request = rf.get("/mitmachen/?q=lesen")
    request.user = user
    html = render_to_string(
        "engagement/volunteer/_save_search_form.html",
        {"query": request.GET.urlencode(), "user": user},
        request=request,
    )
    assert f'value="{user.email}"' in html
    assert 'name="query" value="q=lesen"' in html
    assert 'name="website"' in html


def test_saving_only_accepts_post(client, db):
    assert client.get(CREATE_URL).status_code == 405


# Confirming


def test_opening_the_confirmation_link_does_not_confirm_yet(client, db):
    saved_search = SavedSearch.objects.create(email="a@example.org", query="q=x", token="abc")
    response = client.get(confirm_url(saved_search))
    assert response.status_code == 200
    saved_search.refresh_from_db()
    assert saved_search.confirmed_at is None


def test_confirming(client, db):
    saved_search = SavedSearch.objects.create(email="a@example.org", query="q=x", token="abc")
    response = client.post(confirm_url(saved_search))
    assert response.status_code == 302
    saved_search.refresh_from_db()
    assert saved_search.confirmed_at is not None


def test_unknown_tokens_are_not_found(client, db):
    SavedSearch.objects.create(email="a@example.org", query="q=x", token="abc")
    for url in (
        reverse("engagement:saved_search_confirm", kwargs={"token": "abd"}),
        reverse("engagement:saved_search_unsubscribe", kwargs={"token": "abd"}),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert SavedSearch.objects.filter(confirmed_at__isnull=True).count() == 1


# Unsubscribing


def test_unsubscribe_page_asks_first(client, db):
    saved_search = confirmed_search()
    response = client.get(unsubscribe_url(saved_search))
    assert response.status_code == 200
    assert SavedSearch.objects.exists()


def test_unsubscribe_works_with_the_token_alone(db):
    """No sign-in and no CSRF cookie: mail programs POST the List-Unsubscribe address."""
    saved_search = confirmed_search()
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url(saved_search), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()


# The daily digest


def test_digest_sends_only_what_is_new_and_nothing_twice(db, mailoutbox):
    published(hours_ago=48, title="Schon bekannt")
    saved_search = confirmed_search(days_ago=1)
    new = published(hours_ago=2, title="Ganz neu")

    send_saved_search_digest.enqueue(saved_search.pk, BASE_URL)

    [message] = mailoutbox
    assert message.to == ["leser@example.org"]
    assert "Ganz neu" in message.body
    assert new.get_absolute_url() in message.body
    assert "Schon bekannt" not in message.body
    assert f"http://testserver{unsubscribe_url(saved_search)}" in message.body
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<http://testserver{unsubscribe_url(saved_search)}>"
    )
    saved_search.refresh_from_db()
    assert saved_search.last_sent_at is not None

    send_saved_search_digest.enqueue(saved_search.pk, BASE_URL)
    assert len(mailoutbox) == 1

    OpportunityFactory(title="Noch neuer")
    send_saved_search_digest.enqueue(saved_search.pk, BASE_URL)
    assert len(mailoutbox) == 2
    assert "Noch neuer" in mailoutbox[1].body
    assert "Ganz neu" not in mailoutbox[1].body


def test_digest_sends_nothing_for_unconfirmed_searches(db, mailoutbox):
    saved_search = SavedSearch.objects.create(email="a@example.org", query="", token="abc")
    OpportunityFactory()
    send_saved_search_digest.enqueue(saved_search.pk, BASE_URL)
    assert mailoutbox == []


def test_digest_applies_the_saved_query(db, mailoutbox):
    saved_search = confirmed_search(query="q=Garten")
    published(hours_ago=1, title="Garten pflegen im Quartier")
    published(hours_ago=1, title="Hausaufgabenhilfe")
    published(hours_ago=1, title="Garten in Leipzig", latitude=51.34, longitude=12.37)
    near_saved = confirmed_search(query="q=Garten&postcode=09111&radius_km=10")

    send_saved_search_digest.enqueue(saved_search.pk, BASE_URL)
    send_saved_search_digest.enqueue(near_saved.pk, BASE_URL)

    everywhere, nearby = mailoutbox
    assert "Garten pflegen" in everywhere.body
    assert "Garten in Leipzig" in everywhere.body
    assert "Hausaufgabenhilfe" not in everywhere.body
    assert "Garten pflegen" in nearby.body
    assert "Garten in Leipzig" not in nearby.body


def test_digest_leaves_out_hidden_opportunities(db, mailoutbox):
    saved_search = confirmed_search()
    published(hours_ago=1, status=OpportunityStatus.PAUSED)
    send_saved_search_digest.enqueue(saved_search.pk, BASE_URL)
    assert mailoutbox == []


def test_digest_lists_at_most_the_maximum(db, mailoutbox):
    saved_search = confirmed_search()
    for _number in range(MAX_DIGEST_OPPORTUNITIES + 2):
        published(hours_ago=1)
    send_saved_search_digest.enqueue(saved_search.pk, BASE_URL)
    [message] = mailoutbox
    assert message.body.count("http://testserver/mitmachen/lesepate-") == MAX_DIGEST_OPPORTUNITIES


def test_the_command_mails_every_confirmed_search_and_purges_old_unconfirmed(db, mailoutbox):
    confirmed_search()
    SavedSearch.objects.create(email="neu@example.org", query="", token="fresh")
    stale = SavedSearch.objects.create(email="alt@example.org", query="", token="stale")
    SavedSearch.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    published(hours_ago=1)

    call_command("send_saved_search_digests", base_url="https://gemeinwerk.example")

    assert [message.to for message in mailoutbox] == [["leser@example.org"]]
    assert "https://gemeinwerk.example/mitmachen/" in mailoutbox[0].body
    assert set(SavedSearch.objects.values_list("token", flat=True)) == {"token-0", "fresh"}
