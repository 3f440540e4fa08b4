"""Forms of organisers keeping their events, agendas and speakers. They parse and check
what only the form knows (the person's own organisations, the date and time inputs); the
services in events/services/events.py and speakers.py check the rest and write."""

import re
from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import add_service_errors
from directory.models import Organisation, OrganisationStatus, Place

from .models import AgendaItem, Event, EventStatus, Speaker
from .recurrence import Frequency, frequency_of, until_of
from .services.events import MAX_DEADLINE_HOURS

MAX_CAPACITY = 100_000
MAX_EXCEPTIONS = 200
# Dates outside these years are typing mistakes; they would also overflow date arithmetic.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class _TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class EventDateField(forms.DateField):
    widget = _DateInput

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValidationError(
                _("Please enter a date between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
                code="out_of_range",
            )


_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _parse_date(text: str) -> date | None:
    try:
        match = _GERMAN_DATE.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None


class DateListField(forms.CharField):
    """Dates separated by commas, semicolons or line breaks, as 24.12.2026 or 2026-12-24;
    the cleaned value is a sorted list of ISO dates."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 5000)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        tokens = [token for token in re.split(r"[\s,;]+", text) if token]
        if len(tokens) > MAX_EXCEPTIONS:
            raise ValidationError(
                _("Please leave out at most %(count)s dates.") % {"count": MAX_EXCEPTIONS},
                code="too_many",
            )
        parsed = {token: _parse_date(token) for token in tokens}
        unreadable = [
            token
            for token, day in parsed.items()
            if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR
        ]
        if unreadable:
            raise ValidationError(
                _("These are not dates we can read: %(dates)s. Please write them as 24.12.2026.")
                % {"dates": ", ".join(unreadable[:5])},
                code="invalid_date",
            )
        return sorted({day.isoformat() for day in parsed.values()})


def _limit(field: forms.IntegerField, maximum: int) -> None:
    """An upper bound on a model form's number field: huge numbers get a clear error
    instead of overflowing the database column."""
    field.max_value = maximum
    field.validators.append(MaxValueValidator(maximum))
    field.widget.attrs["max"] = maximum


def _german_date_list(iso_dates: list[str]) -> str:
    days = [_parse_date(value) for value in iso_dates]
    return "\n".join(date_format(day, "d.m.Y") for day in days if day)


# The groups of the event form, shown as fieldsets: (key, legend, field names).
EVENT_FIELDSETS = [
    ("what", _("What"), ["title", "kind", "summary", "description", "plain_language_summary"]),
    ("organisers", _("Who organises"), ["organisers"]),
    ("where", _("Where"), ["place", "online_url", "location_note"]),
    (
        "when",
        _("When"),
        ["start_date", "start_time", "end_date", "end_time", "frequency", "until", "exceptions"],
    ),
    ("for-whom", _("Topics and target groups"), ["topics", "target_groups"]),
    (
        "accessibility",
        _("Accessibility"),
        ["step_free", "hearing_loop", "sign_language_on_request", "accessibility_notes"],
    ),
    (
        "registration",
        _("Registration"),
        ["registration_required", "capacity", "registration_deadline_hours"],
    ),
    ("status", _("Visibility"), ["status"]),
]
_FORM_ONLY_FIELDS = {
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "frequency",
    "until",
    "exceptions",
}
# Where the services' errors about derived values belong in this form.
_SERVICE_ERROR_FIELDS = {
    "starts_at": "start_date",
    "ends_at": "end_time",
    "recurrence_rule": "until",
    "recurrence_exceptions": "exceptions",
}


class IdsModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids no database column can hold before asking the database (SQLite
    raises OverflowError on them instead of finding nothing)."""

    def _check_values(self, value):
        for pk in value:
            try:
                valid = 0 < int(pk) < 2**63
            except (TypeError, ValueError):
                valid = True  # the parent reports it as an invalid choice
            if not valid:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


def _formfield(model_field, **kwargs):
    # People type "meet.example.org"; nearly every meeting link is https.
    if model_field.name == "online_url":
        kwargs["assume_scheme"] = "https"
    if model_field.many_to_many:
        kwargs["form_class"] = IdsModelMultipleChoiceField
    return model_field.formfield(**kwargs)


class EventForm(forms.ModelForm):
    """Everything about one event. `user` decides which organisations and places can be
    chosen; the instance should be a copy so that a rejected edit leaks nowhere."""

    start_date = EventDateField(label=_("Date"))
    start_time = forms.TimeField(label=_("Starts at"), widget=_TimeInput())
    end_date = EventDateField(
        label=_("End date"),
        required=False,
        help_text=_("Only if the event lasts into another day."),
    )
    end_time = forms.TimeField(label=_("Ends at"), widget=_TimeInput())
    frequency = forms.ChoiceField(
        label=_("Repeats"), choices=Frequency.choices, required=False, widget=forms.RadioSelect
    )
    until = EventDateField(
        label=_("Repeats until"),
        required=False,
        help_text=_("Leave empty to repeat for the next twelve months."),
    )
    exceptions = DateListField(
        label=_("Dates left out"),
        required=False,
        help_text=_("For example holidays: one date per line, like 24.12.2026."),
    )

    class Meta:
        formfield_callback = _formfield
        model = Event
        fields = [
            name
            for _key, _legend, names in EVENT_FIELDSETS
            for name in names
            if name not in _FORM_ONLY_FIELDS
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "plain_language_summary": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
            "organisers": forms.SelectMultiple(attrs={"size": 6}),
            "topics": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "status": forms.RadioSelect,
        }
        help_texts = {
            "summary": _("One or two sentences shown in the calendar."),
            "organisers": _(
                "Your organisation and, if you organise together, the others. "
                "Hold Ctrl (or Cmd) to choose several."
            ),
            "place": _("A place of one of the organisers. Leave empty for an online event."),
            "online_url": _("For online or hybrid events."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_organisations = list(Organisation.objects.filter(roles__user=user))
        own_ids = [organisation.pk for organisation in self.own_organisations]
        current_ids = (
            list(self.instance.organisers.values_list("pk", flat=True)) if self.instance.pk else []
        )
        self.fields["organisers"].queryset = Organisation.objects.filter(
            Q(status=OrganisationStatus.PUBLISHED) | Q(pk__in=own_ids + current_ids)
        )
        self.fields["place"].queryset = Place.objects.filter(
            organisation__in=own_ids + current_ids
        ).select_related("organisation")
        self.fields["place"].label_from_instance = lambda place: (
            f"{place.name} ({place.organisation.name}, {place.address_line})"
        )
        _limit(self.fields["capacity"], MAX_CAPACITY)
        _limit(self.fields["registration_deadline_hours"], MAX_DEADLINE_HOURS)
        self.fields["registration_deadline_hours"].required = False
        if self.instance.status == EventStatus.CANCELLED:
            del self.fields["status"]
        else:
            self.fields["status"].choices = [
                (value, label)
                for value, label in EventStatus.choices
                if value != EventStatus.CANCELLED
            ]
        if self.instance.pk:
            self._initial_from_instance()
        else:
            self.initial.setdefault("organisers", own_ids[:1])
            self.initial.setdefault("frequency", Frequency.ONCE)

    def _initial_from_instance(self):
        event = self.instance
        starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        self.initial.update(
            {
                "start_date": starts.date(),
                "start_time": starts.time(),
                "end_date": ends.date() if ends.date() != starts.date() else None,
                "end_time": ends.time(),
                "frequency": frequency_of(event.recurrence_rule),
                "until": until_of(event.recurrence_rule),
                "exceptions": _german_date_list(event.recurrence_exceptions),
            }
        )

    def clean_registration_deadline_hours(self):
        return self.cleaned_data["registration_deadline_hours"] or 0

    def clean(self):
        cleaned = super().clean()
        start_date, start_time = cleaned.get("start_date"), cleaned.get("start_time")
        end_time = cleaned.get("end_time")
        if start_date and start_time and end_time:
            end_date = cleaned.get("end_date") or start_date
            cleaned["starts_at"] = timezone.make_aware(datetime.combine(start_date, start_time))
            cleaned["ends_at"] = timezone.make_aware(datetime.combine(end_date, end_time))
        organisers = cleaned.get("organisers")
        if (
            organisers is not None
            and self._must_keep_own_organisation()
            and not any(organisation in organisers for organisation in self.own_organisations)
        ):
            self.add_error(
                "organisers", _("At least one of your own organisations must stay organiser.")
            )
        return cleaned

    def _must_keep_own_organisation(self) -> bool:
        """A network admin may run a working meeting without belonging to its organisers;
        everyone else must not edit themselves out of the event."""
        if not self.instance.pk:
            return True
        return self.instance.organisers.filter(
            pk__in=[organisation.pk for organisation in self.own_organisations]
        ).exists()

    def service_values(self) -> dict:
        values = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in _FORM_ONLY_FIELDS
        }
        values["frequency"] = self.cleaned_data.get("frequency") or Frequency.ONCE
        values["until"] = self.cleaned_data.get("until")
        values["recurrence_exceptions"] = self.cleaned_data.get("exceptions") or []
        return values

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            error = ValidationError(
                {
                    _SERVICE_ERROR_FIELDS.get(field, field): errors
                    for field, errors in error.error_dict.items()
                }
            )
        add_service_errors(self, error)

    def sections(self):
        """The fieldsets with their bound fields, for the template."""
        return [
            {
                "key": key,
                "legend": legend,
                "fields": [self[name] for name in names if name in self.fields],
            }
            for key, legend, names in EVENT_FIELDSETS
            if any(name in self.fields for name in names)
        ]


class AgendaItemForm(forms.ModelForm):
    class Meta:
        formfield_callback = _formfield
        model = AgendaItem
        fields = ["starts_at", "ends_at", "title", "description", "speakers", "position"]
        widgets = {
            "starts_at": _TimeInput(),
            "ends_at": _TimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "speakers": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "speakers": _("Speakers entered by the organisers; new ones under “Speakers”."),
            "position": _("Orders items that start at the same time."),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speakers"].queryset = Speaker.objects.filter(
            organisation__in=event.organisers.all()
        )
        _limit(self.fields["position"], 1000)

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        return cleaned


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["organisation", "name", "role", "affiliation", "bio", "public_consent"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "public_consent": _(
                "Tick only when the person has agreed. Without consent the name appears only "
                "in your own pages."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(roles__user=user)
        self.fields["organisation"].queryset = organisations
        if not self.instance.pk:
            self.initial.setdefault("organisation", organisations.first())
