"""The public calendar's filter form (read from the query string) and how it narrows the
dates shown. Invalid fields get an error and are left out; the valid ones still apply."""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html import escape

from django import forms
from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.forms import DEFAULT_RADIUS_KM, DefaultRadiusMixin, PostcodeField, radius_field
from core.geo import Point, bounding_box, postcode_point, squared_distance_expression
from core.text import search_normalise
from directory.models import Municipality, Organisation, Topic

from .models import EventKind, EventStatus, Registration, RegistrationStatus

MAX_SEARCH_WORDS = 8
FIRST_YEAR, LAST_YEAR = 2000, 2200


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CalendarDateField(forms.DateField):
    """A day in a range a calendar can show; far-off years would overflow date arithmetic."""

    widget = DateInput
    default_error_messages = {
        "out_of_range": _("Please enter a date between the years %(first)s and %(last)s."),
    }

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )


class LongSelect(forms.Select):
    """Django's <select> markup, built in Python rather than through a template per
    option: with a thousand organisers and municipalities the per-option templates took
    most of the calendar page's time (docs/performance.md, "Events")."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = "".join(
            f'\n  <option value="{escape(str(option["value"]))}"'
            f"{' selected' if option['selected'] else ''}>{escape(str(option['label']))}</option>"
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        )
        # Every value in it is escaped above.
        return mark_safe(
            f'<select name="{escape(name)}"{flatatt(widget["attrs"])}>{options}\n</select>'
        )


class CalendarFilterForm(DefaultRadiusMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("e.g. café, citizens' forum, training")}
        ),
    )
    kind = forms.ModelChoiceField(
        label=_("Kind of event"),
        required=False,
        queryset=EventKind.objects.all(),
        to_field_name="slug",
        empty_label=_("All kinds"),
    )
    organiser = forms.ModelChoiceField(
        label=_("Organiser"),
        required=False,
        queryset=Organisation.objects.published()
        .filter(events__status=EventStatus.PUBLISHED)
        .distinct()
        .only("pk", "name", "slug")
        .order_by("name"),
        to_field_name="slug",
        empty_label=_("All organisers"),
        widget=LongSelect,
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        required=False,
        queryset=Municipality.objects.only("pk", "name", "slug"),
        to_field_name="slug",
        empty_label=_("All municipalities"),
        widget=LongSelect,
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    date_from = CalendarDateField(label=_("From"), required=False)
    date_to = CalendarDateField(label=_("Until"), required=False)
    free_places = forms.BooleanField(label=_("With free places"), required=False)
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    postcode = PostcodeField(
        required=False, help_text=_("Shows events near this postcode; online events are left out.")
    )
    radius_km = radius_field()

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        return postcode_point(postcode) if postcode else None

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The end of the period must not be before its start."))
        return cleaned

    @property
    def has_active_filters(self) -> bool:
        """Whether any filter besides the text search was given, to open the filter panel."""
        filter_names = set(self.fields) - {"q", "radius_km"}
        return any(self.data.get(name) for name in filter_names)


@dataclass(frozen=True)
class CalendarFilter:
    """The valid part of a CalendarFilterForm."""

    text: str = ""
    kind: EventKind | None = None
    organiser: Organisation | None = None
    municipality: Municipality | None = None
    topic: Topic | None = None
    date_from: date | None = None
    date_to: date | None = None
    free_places: bool = False
    step_free: bool = False
    centre: Point | None = None
    radius_km: int = DEFAULT_RADIUS_KM

    @classmethod
    def from_form(cls, form: CalendarFilterForm) -> "CalendarFilter":
        form.is_valid()
        data = form.cleaned_data
        return cls(
            text=data.get("q") or "",
            kind=data.get("kind"),
            organiser=data.get("organiser"),
            municipality=data.get("municipality"),
            topic=data.get("topic"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            free_places=bool(data.get("free_places")),
            step_free=bool(data.get("step_free")),
            centre=data.get("postcode"),
            radius_km=data.get("radius_km") or DEFAULT_RADIUS_KM,
        )


def _start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def text_matches(text: str) -> Q:
    """Every word must occur in the title, the descriptions or the note on the location,
    umlauts and case folded ("Bürgerforum" finds "buergerforum")."""
    condition = Q()
    for word in search_normalise(text).split()[:MAX_SEARCH_WORDS]:
        condition &= Q(event__search_text__contains=word)
    return condition


def _people(status: str) -> Coalesce:
    """People (party sizes summed) with `status` on one date, as a correlated subquery:
    the database works it out only for the dates it returns (a page of 20, a month), where
    a join with GROUP BY would sum the registrations of every matching date first."""
    registrations = (
        Registration.objects.filter(occurrence=OuterRef("pk"), status=status)
        .order_by()
        .values("occurrence")
        .annotate(total=Sum("party_size"))
        .values("total")
    )
    return Coalesce(Subquery(registrations), 0)


def filter_occurrences(queryset, criteria: CalendarFilter, *, counts: bool = True):
    """Narrow `queryset` (occurrences) by `criteria`. With `counts` every date is
    annotated with its `confirmed_people` and `waiting_people` (as
    OccurrenceQuerySet.with_counts does); with a centre also with `distance_sq` (km²) from
    it."""
    if criteria.text:
        queryset = queryset.filter(text_matches(criteria.text))
    if criteria.kind:
        queryset = queryset.filter(event__kind=criteria.kind)
    if criteria.organiser:
        queryset = queryset.filter(event__organisers=criteria.organiser)
    if criteria.municipality:
        queryset = queryset.filter(event__municipality=criteria.municipality)
    if criteria.topic:
        queryset = queryset.filter(event__topics=criteria.topic)
    if criteria.date_from:
        queryset = queryset.filter(ends_at__gte=_start_of_day(criteria.date_from))
    if criteria.date_to:
        queryset = queryset.filter(starts_at__lt=_start_of_day(criteria.date_to + timedelta(1)))
    if criteria.step_free:
        queryset = queryset.filter(event__step_free=True)
    if criteria.centre:
        queryset = (
            queryset.filter(bounding_box(criteria.centre, criteria.radius_km, prefix="event__"))
            .annotate(
                distance_sq=squared_distance_expression(
                    criteria.centre, "event__latitude", "event__longitude"
                )
            )
            .filter(distance_sq__lte=criteria.radius_km**2)
        )
    if counts:
        queryset = queryset.annotate(waiting_people=_people(RegistrationStatus.WAITING))
    if counts or criteria.free_places:
        queryset = queryset.annotate(confirmed_people=_people(RegistrationStatus.CONFIRMED))
    if criteria.free_places:
        queryset = queryset.filter(
            Q(event__capacity__isnull=True) | Q(event__capacity__gt=F("confirmed_people"))
        )
    return queryset


def distance_km(occurrence) -> float | None:
    """The distance annotated by filter_occurrences, in km."""
    distance_sq = getattr(occurrence, "distance_sq", None)
    return None if distance_sq is None else math.sqrt(distance_sq)
