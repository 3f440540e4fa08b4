"""Forms of a network's working meetings. They only validate; events/services/series.py
writes."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.models import Network, Organisation, Place

from .services.series import MAX_MEETINGS_PER_YEAR, MIN_MEETINGS_PER_YEAR

PLANNING_YEARS_AHEAD = 5


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class SeriesForm(forms.Form):
    network = forms.ModelChoiceField(label=_("Network"), queryset=Network.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    meetings_per_year = forms.IntegerField(
        label=_("Meetings per year"),
        initial=MIN_MEETINGS_PER_YEAR,
        min_value=MIN_MEETINGS_PER_YEAR,
        max_value=MAX_MEETINGS_PER_YEAR,
        help_text=_("At least four."),
        error_messages={
            "min_value": _("A network's working meetings take place at least four times a year.")
        },
    )

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = Network.objects.filter(
            pk__in=[network.pk for network in networks]
        )
        if len(networks) == 1:
            self.fields["network"].initial = networks[0]


class MeetingPlanForm(forms.Form):
    """`date` with start and end time; the host's places are grouped under the host's name
    so that the form works without JavaScript."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    starts_at = forms.TimeField(label=_("From"), widget=TimeInput())
    ends_at = forms.TimeField(label=_("Until"), widget=TimeInput())
    host = forms.ModelChoiceField(
        label=_("Hosting member"), queryset=Organisation.objects.none(), empty_label=None
    )
    place = forms.TypedChoiceField(
        label=_("Place"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A place of the hosting member. Leave empty for an online meeting."),
    )
    online_url = forms.URLField(
        label=_("Online link"), required=False, max_length=200, assume_scheme="https"
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for the series title with the meeting's number."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    capacity = forms.IntegerField(
        label=pgettext_lazy("capacity", "Places"),
        required=False,
        min_value=1,
        max_value=10000,
        help_text=_("Leave empty for no limit."),
    )
    registration_required = forms.BooleanField(
        label=_("Registration required"), required=False, initial=True
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = members
        places = Place.objects.filter(organisation__in=members).select_related("organisation")
        self._places = {place.pk: place for place in places}
        grouped: dict[str, list] = {}
        for place in self._places.values():
            grouped.setdefault(place.organisation.name, []).append(
                (place.pk, f"{place.name}, {place.address_line}")
            )
        self.fields["place"].choices = [("", _("No place (online)"))] + sorted(grouped.items())

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day.year > timezone.localdate().year + PLANNING_YEARS_AHEAD:
            raise forms.ValidationError(
                _("Working meetings can be planned at most %(years)d years ahead.")
                % {"years": PLANNING_YEARS_AHEAD}
            )
        return day

    def clean_place(self):
        place_id = self.cleaned_data["place"]
        return self._places.get(place_id) if place_id is not None else None

    def moments(self) -> tuple[datetime, datetime]:
        day = self.cleaned_data["date"]
        return (
            timezone.make_aware(datetime.combine(day, self.cleaned_data["starts_at"])),
            timezone.make_aware(datetime.combine(day, self.cleaned_data["ends_at"])),
        )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 12}),
    )


class ActionItemForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    owner = forms.ModelChoiceField(
        label=_("Responsible organisation"), queryset=Organisation.objects.none()
    )
    owner_name = forms.CharField(label=_("Responsible person"), max_length=150, required=False)
    due_on = forms.DateField(label=_("Due"), widget=DateInput())

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members
