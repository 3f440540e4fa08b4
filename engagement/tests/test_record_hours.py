from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory
from engagement.models import HoursEntry, PlacementStatus
from engagement.tests.factories import GuestPlacementFactory, PlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _today():
    return timezone.localdate()


def _placed(**kwargs):
    kwargs.setdefault("status", PlacementStatus.PLACED)
    kwargs.setdefault("started_on", _today() - timedelta(days=30))
    return PlacementFactory(**kwargs)


def _guide(organisation, role=OrganisationRoleKind.COORDINATOR):
    return OrganisationRoleFactory(organisation=organisation, role=role).user


def _entry(placement, *, confirmed=False, logged_by=None, hours="2", days_ago=3, activity="Lesen"):
    return HoursEntry.objects.create(
        placement=placement,
        date=_today() - timedelta(days=days_ago),
        hours=Decimal(hours),
        activity=activity,
        logged_by=logged_by or placement.volunteer.user,
        confirmed_at=timezone.now() if confirmed else None,
    )


def _log(client, placement, **data):
    payload = {"date": (_today() - timedelta(days=1)).isoformat(), "hours": "1.5"}
    payload["activity"] = "Vorlesen in der Bibliothek"
    payload.update(data)
    return client.post(reverse("engagement:hours", kwargs={"placement_pk": placement.pk}), payload)


# Logging


def test_volunteer_logs_hours_for_own_placed_placement(client):
    placement = _placed()
    client.force_login(placement.volunteer.user)
    response = _log(client, placement)
    assert response.status_code == 302
    entry = HoursEntry.objects.get(placement=placement)
    assert entry.hours == Decimal("1.5")
    assert entry.logged_by == placement.volunteer.user
    assert entry.confirmed_at is None


def test_volunteer_logs_hours_for_ended_placement(client):
    placement = _placed(status=PlacementStatus.ENDED, ended_on=_today())
    client.force_login(placement.volunteer.user)
    assert _log(client, placement).status_code == 302
    assert HoursEntry.objects.filter(placement=placement).count() == 1


def test_guide_logs_hours_for_volunteer(client):
    placement = _placed()
    guide = _guide(placement.organisation)
    client.force_login(guide)
    assert _log(client, placement).status_code == 302
    assert HoursEntry.objects.get(placement=placement).logged_by == guide


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", (timezone.localdate() + timedelta(days=1)).isoformat()),
        ("hours", "0"),
        ("hours", "0.1"),
        ("hours", "30"),
        ("hours", "-2"),
        ("hours", "zwei"),
        ("date", "31.02.2024"),
        ("activity", ""),
    ],
)
def test_bad_input_gives_field_error_and_saves_nothing(client, field, value):
    placement = _placed()
    client.force_login(placement.volunteer.user)
    response = _log(client, placement, **{field: value})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not HoursEntry.objects.exists()


def test_page_lists_entries_with_totals(client):
    placement = _placed()
    _entry(placement, hours="2", confirmed=True)
    _entry(placement, hours="1.25")
    client.force_login(placement.volunteer.user)
    response = client.get(reverse("engagement:hours", kwargs={"placement_pk": placement.pk}))
    assert response.status_code == 200
    assert response.context["total"] == Decimal("3.25")
    assert response.context["confirmed_total"] == Decimal("2")
    assert response.content.count(b"data-entry=") == 2


@pytest.mark.parametrize(
    "status", [PlacementStatus.NEW, PlacementStatus.CONTACTED, PlacementStatus.WITHDRAWN]
)
def test_no_hours_before_placement_or_after_withdrawal(client, status):
    placement = _placed(status=status)
    client.force_login(placement.volunteer.user)
    assert _log(client, placement).status_code == 404
    assert not HoursEntry.objects.exists()


def test_other_volunteer_and_other_organisation_get_404(client):
    placement = _placed()
    other_volunteer = _placed().volunteer.user
    other_guide = _guide(_placed().organisation)
    url = reverse("engagement:hours", kwargs={"placement_pk": placement.pk})
    for intruder in (other_volunteer, other_guide):
        client.force_login(intruder)
        assert client.get(url).status_code == 404
        assert _log(client, placement).status_code == 404
    assert not HoursEntry.objects.exists()


def test_anonymous_is_sent_to_sign_in(client):
    placement = _placed()
    response = _log(client, placement)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not HoursEntry.objects.exists()


def test_editor_without_guide_role_cannot_see_hours(client):
    placement = _placed()
    client.force_login(_guide(placement.organisation, role=OrganisationRoleKind.EDITOR))
    url = reverse("engagement:hours", kwargs={"placement_pk": placement.pk})
    assert client.get(url).status_code == 404


# Editing and deleting


def test_volunteer_edits_unconfirmed_entry(client):
    placement = _placed()
    entry = _entry(placement)
    client.force_login(placement.volunteer.user)
    response = client.post(
        reverse("engagement:hours_edit", kwargs={"pk": entry.pk}),
        {"date": entry.date.isoformat(), "hours": "3", "activity": "Hausaufgabenhilfe"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("3")
    assert entry.activity == "Hausaufgabenhilfe"


def test_volunteer_cannot_edit_confirmed_entry(client):
    placement = _placed()
    entry = _entry(placement, confirmed=True)
    client.force_login(placement.volunteer.user)
    url = reverse("engagement:hours_edit", kwargs={"pk": entry.pk})
    assert client.get(url).status_code == 403
    response = client.post(url, {"date": entry.date.isoformat(), "hours": "20", "activity": "Mehr"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.hours == Decimal("2")


def test_guide_may_correct_confirmed_entry(client):
    placement = _placed()
    entry = _entry(placement, confirmed=True)
    guide = _guide(placement.organisation)
    client.force_login(guide)
    response = client.post(
        reverse("engagement:hours_edit", kwargs={"pk": entry.pk}),
        {"date": entry.date.isoformat(), "hours": "2.5", "activity": "Lesen"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("2.5")
    assert entry.confirmed_by == guide


def test_logger_deletes_unconfirmed_entry(client):
    placement = _placed()
    entry = _entry(placement)
    client.force_login(placement.volunteer.user)
    client.post(reverse("engagement:hours_delete", kwargs={"pk": entry.pk}))
    assert not HoursEntry.objects.filter(pk=entry.pk).exists()


def test_confirmed_entry_and_entries_of_others_are_not_deleted(client):
    placement = _placed()
    guide = _guide(placement.organisation)
    confirmed = _entry(placement, confirmed=True)
    by_guide = _entry(placement, logged_by=guide)
    client.force_login(placement.volunteer.user)
    client.post(reverse("engagement:hours_delete", kwargs={"pk": confirmed.pk}))
    client.post(reverse("engagement:hours_delete", kwargs={"pk": by_guide.pk}))
    assert HoursEntry.objects.filter(pk__in=[confirmed.pk, by_guide.pk]).count() == 2


def test_delete_requires_post_and_visibility(client):
    placement = _placed()
    entry = _entry(placement)
    client.force_login(placement.volunteer.user)
    assert (
        client.get(reverse("engagement:hours_delete", kwargs={"pk": entry.pk})).status_code == 405
    )
    client.force_login(_placed().volunteer.user)
    response = client.post(reverse("engagement:hours_delete", kwargs={"pk": entry.pk}))
    assert response.status_code == 404
    assert HoursEntry.objects.filter(pk=entry.pk).exists()


# Confirming


def test_guide_confirms_one_entry(client):
    placement = _placed()
    first, second = _entry(placement), _entry(placement)
    guide = _guide(placement.organisation)
    client.force_login(guide)
    response = client.post(
        reverse("engagement:hours_confirm"), {"entry": first.pk, "entries": [second.pk]}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.confirmed_by == guide and first.confirmed_at is not None
    assert second.confirmed_at is None


def test_guide_confirms_in_bulk_and_returns_to_page(client):
    placement = _placed()
    entries = [_entry(placement, days_ago=days) for days in (1, 2, 3)]
    client.force_login(_guide(placement.organisation, role=OrganisationRoleKind.ADMIN))
    page = reverse("engagement:hours", kwargs={"placement_pk": placement.pk})
    response = client.post(
        reverse("engagement:hours_confirm"),
        {"entries": [entry.pk for entry in entries[:2]], "next": page},
    )
    assert response.url == page
    assert HoursEntry.objects.filter(confirmed_at__isnull=False).count() == 2
    assert HoursEntry.objects.get(pk=entries[2].pk).confirmed_at is None


def test_bulk_with_another_organisations_entry_confirms_nothing(client):
    placement = _placed()
    own = _entry(placement)
    foreign = _entry(_placed())
    client.force_login(_guide(placement.organisation))
    client.post(reverse("engagement:hours_confirm"), {"entries": [own.pk, foreign.pk]})
    assert not HoursEntry.objects.filter(confirmed_at__isnull=False).exists()


def test_volunteer_cannot_confirm_own_hours(client):
    placement = _placed()
    entry = _entry(placement)
    client.force_login(placement.volunteer.user)
    client.post(reverse("engagement:hours_confirm"), {"entries": [entry.pk]})
    entry.refresh_from_db()
    assert entry.confirmed_at is None


@pytest.mark.parametrize("data", [{"entries": ["abc"]}, {}, {"entries": ["999999"]}])
def test_nonsense_selection_confirms_nothing(client, data):
    placement = _placed()
    _entry(placement)
    client.force_login(_guide(placement.organisation))
    response = client.post(reverse("engagement:hours_confirm"), data)
    assert response.status_code == 302
    assert not HoursEntry.objects.filter(confirmed_at__isnull=False).exists()


def test_confirm_ignores_foreign_next_url(client):
    placement = _placed()
    entry = _entry(placement)
    client.force_login(_guide(placement.organisation))
    response = client.post(
        reverse("engagement:hours_confirm"),
        {"entries": [entry.pk], "next": "https://evil.example/"},
    )
    assert response.url == reverse("engagement:hours_pending")


def test_pending_page_shows_only_own_organisations_unconfirmed_entries(client):
    placement = _placed()
    waiting = _entry(placement)
    _entry(placement, confirmed=True)
    foreign = _entry(_placed())
    client.force_login(_guide(placement.organisation))
    response = client.get(reverse("engagement:hours_pending"))
    assert response.status_code == 200
    assert list(response.context["entries"]) == [waiting]
    assert f'data-entry="{foreign.pk}"'.encode() not in response.content


def test_guest_placement_hours_by_guide(client):
    placement = GuestPlacementFactory(status=PlacementStatus.PLACED, started_on=_today())
    guide = _guide(placement.organisation)
    client.force_login(guide)
    assert _log(client, placement, date=_today().isoformat()).status_code == 302
    entry = HoursEntry.objects.get(placement=placement)
    client.post(reverse("engagement:hours_confirm"), {"entries": [entry.pk]})
    entry.refresh_from_db()
    assert entry.confirmed_by == guide
