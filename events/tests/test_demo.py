from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import events.demo
from directory.models import NetworkRole
from directory.tests.test_demo_region import REAL_PERSONAL_DATA
from events import selectors
from events.demo import LAG_ADMIN, LAG_SERIES_TITLE, events_demo_load
from events.models import (
    ActionItem,
    Event,
    Occurrence,
    Registration,
    RegistrationStatus,
    Speaker,
    WorkingMeetingSeries,
)


def load():
    output = StringIO()
    call_command("load_demo_region", stdout=output)
    return output.getvalue()


def events_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("events").get_models()
    }


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo once for a class of tests and rolls it back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        load()
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo")
class TestEventsDemo:
    def test_second_run_creates_nothing(self, db):
        before = events_counts()
        output = load()
        assert events_counts() == before
        assert "nothing was changed" in output
        assert not events_demo_load().loaded

    def test_upcoming_public_dates_of_every_kind(self, db):
        upcoming = selectors.occurrences_public().upcoming()
        assert upcoming.count() >= 10
        kinds = set(upcoming.values_list("event__kind__slug", flat=True))
        assert {
            "arbeitstreffen",
            "buergerforum",
            "zukunftswerkstatt",
            "workshop-fortbildung",
            "dialogtag",
            "fest",
        } <= kinds
        assert upcoming.filter(event__place__isnull=True, event__online_url__gt="").exists()
        assert not Event.objects.filter(place__isnull=False, municipality__isnull=True).exists()

    def test_recurring_dialogue_day_and_monthly_cafe(self, db):
        dialogue = Event.objects.get(kind__slug="dialogtag")
        assert dialogue.is_recurring
        dates = dialogue.occurrences.all()
        assert dates.count() > 20
        assert {timezone.localtime(date.starts_at).weekday() for date in dates} == {1}
        skipped = dialogue.recurrence_exceptions[0]
        assert not dates.filter(starts_at__date=skipped).exists()
        cafe = Event.objects.get(organisers__slug="stadtteilzentrum-neukoelln-nord")
        assert "FREQ=MONTHLY" in cafe.recurrence_rule
        assert cafe.occurrences.count() >= 9

    def test_training_is_full_with_a_waiting_list(self, db):
        training = Event.objects.get(organisers__slug="gems-netzwerk")
        occurrence = training.occurrences.get()
        assert training.capacity == 12
        assert occurrence.confirmed_count == 12
        assert occurrence.free_places == 0
        assert occurrence.registrations.waiting_in_order().count() == 3

    def test_festival_needs_no_registration(self, db):
        festival = Event.objects.get(kind__slug="fest")
        assert not festival.registration_required
        assert not Registration.objects.filter(occurrence__event=festival).exists()

    def test_lag_series_rotates_through_cities(self, db):
        series = WorkingMeetingSeries.objects.get(title=LAG_SERIES_TITLE)
        meetings = list(selectors.series_meetings(series))
        now = timezone.now()
        past = [meeting for meeting in meetings if meeting.starts_at < now]
        upcoming = [meeting for meeting in meetings if meeting.starts_at >= now]
        assert len(past) == 2 and len(upcoming) == 2
        assert len({meeting.event.place.city for meeting in meetings}) == 4
        for meeting in past:
            assert meeting.minutes
            assert meeting.checked_in_people > 0
            assert meeting.action_items.exists()
        assert ActionItem.objects.filter(done_at__isnull=True).exists()
        assert ActionItem.objects.filter(done_at__isnull=False).exists()
        rotation = selectors.series_host_rotation(series)
        assert rotation[0].due_next and rotation[0].hosted_count == 0
        speakers = Speaker.objects.filter(agenda_items__event__series=series).distinct()
        assert speakers.filter(public_consent=True).exists()
        assert speakers.filter(public_consent=False).exists()
        attendance = selectors.series_attendance(series, timezone.localdate().year)
        assert attendance.members

    def test_lag_admin_sees_the_series(self, client, db):
        admin = NetworkRole.objects.get(user__email=LAG_ADMIN[0]).user
        series = WorkingMeetingSeries.objects.get(title=LAG_SERIES_TITLE)
        client.force_login(admin)
        assert client.get(reverse("events:series_list")).status_code == 200
        url = reverse(
            "events:series_detail", kwargs={"network": series.network.slug, "pk": series.pk}
        )
        assert client.get(url).status_code == 200
        meeting = Occurrence.objects.filter(event__series=series).first()
        minutes_url = reverse("events:meeting_minutes", kwargs={"occurrence": meeting.pk})
        assert client.get(minutes_url).status_code == 200

    def test_participants_are_invented(self, db):
        emails = Registration.objects.values_list("email", flat=True)
        assert emails and all(email.endswith("@example.org") for email in emails)
        assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).exists()
        dump = "".join(
            serializers.serialize("json", model.objects.all())
            for model in apps.get_app_config("events").get_models()
        ).casefold()
        for text in REAL_PERSONAL_DATA:
            assert text.casefold() not in dump, text


def test_demo_module_contains_no_real_personal_data():
    text = Path(events.demo.__file__).read_text(encoding="utf-8").casefold()
    for forbidden in REAL_PERSONAL_DATA:
        assert forbidden.casefold() not in text, forbidden


def test_events_demo_needs_the_region(db):
    with pytest.raises(ValueError):
        events_demo_load()
    assert not Event.objects.exists()
