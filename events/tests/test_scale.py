"""What the scale measurements rely on: the invented data set for benchmarks, and the pages
made faster for it (docs/performance.md, "Events")."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F
from django.utils import timezone

from core.text import search_normalise
from directory.tests.factories import OrganisationFactory, PlaceFactory, TopicFactory
from events.management.commands.generate_event_scale_data import SLUG_PREFIX
from events.models import Event, Occurrence, Registration, RegistrationStatus
from events.recurrence import occurrence_starts
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    for _ in range(4):
        PlaceFactory()
    TopicFactory()
    output = StringIO()
    call_command(
        "generate_event_scale_data",
        events=60,
        organisations=4,
        registrations=1_500,
        recurring=0.3,
        seed=3,
        stdout=output,
    )
    return output.getvalue()


def test_scale_data_has_events_dates_and_registrations(generated):
    events = Event.objects.filter(slug__startswith=SLUG_PREFIX)
    assert events.count() == 60
    assert events.exclude(recurrence_rule="").exists()
    assert Occurrence.objects.filter(event__in=events).count() > 60
    assert 1_000 < Registration.objects.count() < 2_000
    assert "Done: 60 events" in generated


def test_scale_data_dates_follow_the_recurrence_rules(generated):
    for event in Event.objects.filter(slug__startswith=SLUG_PREFIX).prefetch_related("occurrences"):
        expected = occurrence_starts(rule=event.recurrence_rule, starts_at=event.starts_at)
        assert sorted(o.starts_at for o in event.occurrences.all()) == expected


def test_scale_data_search_text_is_what_saving_computes(generated):
    for event in Event.objects.filter(slug__startswith=SLUG_PREFIX)[:10]:
        parts = [event.title, event.summary, event.description, event.location_note]
        assert event.search_text == search_normalise(" ".join(parts))


def test_scale_data_full_dates_are_exactly_full_with_a_waiting_list(generated):
    counted = Occurrence.objects.filter(event__capacity__isnull=False).with_counts()
    full = counted.filter(confirmed_people__gte=F("event__capacity"))
    assert full.exists()
    assert not counted.filter(confirmed_people__gt=F("event__capacity")).exists()
    assert all(occurrence.waiting_people > 0 for occurrence in full)
    assert not Registration.objects.filter(
        status=RegistrationStatus.CANCELLED, cancelled_at__isnull=True
    ).exists()


def test_scale_data_refuses_a_second_run(generated):
    with pytest.raises(CommandError):
        call_command("generate_event_scale_data", events=5, stdout=StringIO())


def test_scale_data_needs_organisations_with_places():
    OrganisationFactory()
    with pytest.raises(CommandError):
        call_command("generate_event_scale_data", events=5, stdout=StringIO())


def dates_in_next_month(count):
    first = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    place = PlaceFactory()
    for number in range(count):
        day = first + timedelta(days=number % 28)
        starts_at = timezone.make_aware(datetime.combine(day, time(10 + number % 8)))
        EventFactory(
            place=place,
            municipality=place.municipality,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            organisers=[place.organisation],
        )
    return f"/veranstaltungen/monat/{first:%Y-%m}/"


@pytest.mark.parametrize("count", [3, 25])
def test_month_queries_do_not_grow_with_the_number_of_dates(
    client, django_assert_num_queries, count
):
    """1 the month's dates with their events' title and slug (no counts: the month shows
    none), then the filter form's choices: 2 kinds, 3 organisers, 4 topics, 5
    municipalities."""
    url = dates_in_next_month(count)

    with django_assert_num_queries(5):
        response = client.get(url)

    assert response.status_code == 200
    assert response.context["count"] == count


def test_long_selects_escape_names_and_keep_the_choice(client):
    place = PlaceFactory(organisation__name='<b>"Kraft & Co"</b>')
    EventFactory(place=place, organisers=[place.organisation])

    response = client.get("/veranstaltungen/", {"organiser": place.organisation.slug})

    content = response.content.decode()
    assert f'<option value="{place.organisation.slug}" selected>' in content
    assert "&lt;b&gt;&quot;Kraft &amp; Co&quot;&lt;/b&gt;" in content
    assert '<b>"Kraft' not in content
    assert 'name="organiser"' in content and 'id="id_organiser"' in content
