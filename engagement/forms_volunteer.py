from datetime import date

from django import forms
from django.utils import dates, timezone
from django.utils.translation import gettext_lazy as _

from core.abuse import HoneypotMixin, honeypot_field
from core.forms import PostcodeField

from .availability import TIMES_OF_DAY, WEEKDAYS, pairs_from_slots, slots_from_pairs
from .matching import slot_label
from .models import Activity, Field, Language, VolunteerProfile

OLDEST_PLAUSIBLE_AGE = 120


def _slot_value(weekday: int, time_of_day: int) -> str:
    return f"{weekday}-{time_of_day}"


class AvailabilityGridWidget(forms.CheckboxSelectMultiple):
    """The weekday × time-of-day grid as a table: a row per weekday, a column per time of
    day, every checkbox labelled in full ("Tuesday afternoons"). Rows show the short
    weekday so that the grid fits a phone; screen readers hear the full name."""

    template_name = "engagement/volunteer/_availability_grid.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = [
            option
            for _group, group_options, _index in context["widget"]["optgroups"]
            for option in group_options
        ]
        per_day = len(TIMES_OF_DAY)
        context["widget"]["times_of_day"] = TIMES_OF_DAY
        context["widget"]["rows"] = [
            (
                dates.WEEKDAYS[weekday],
                WEEKDAYS[weekday],
                options[weekday * per_day : (weekday + 1) * per_day],
            )
            for weekday in range(len(WEEKDAYS))
        ]
        return context


class AvailabilityField(forms.MultipleChoiceField):
    """Checked grid cells in, the 21-bit availability number (engagement.availability) out."""

    widget = AvailabilityGridWidget

    def __init__(self, **kwargs):
        super().__init__(
            choices=[
                (_slot_value(weekday, time_of_day), slot_label(weekday, time_of_day))
                for weekday in range(len(WEEKDAYS))
                for time_of_day in range(len(TIMES_OF_DAY))
            ],
            template_name="engagement/volunteer/_availability_field.html",
            **kwargs,
        )

    def prepare_value(self, value):
        if isinstance(value, int):
            return [_slot_value(*pair) for pair in pairs_from_slots(value)]
        return value

    def clean(self, value):
        chosen = super().clean(value)
        return slots_from_pairs(tuple(int(part) for part in item.split("-")) for item in chosen)


class VolunteerProfileForm(forms.ModelForm):
    availability = AvailabilityField(
        label=_("When you have time"),
        required=False,
        help_text=_("Tick every time that usually suits you. You can change it at any time."),
    )

    class Meta:
        model = VolunteerProfile
        fields = [
            "name",
            "phone",
            "birth_date",
            "postcode",
            "max_distance_km",
            "fields",
            "activities",
            "skills",
            "languages",
            "allow_suggestions",
        ]
        field_classes = {"postcode": PostcodeField}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "postcode": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "postal-code", "maxlength": 5}
            ),
            "max_distance_km": forms.RadioSelect,
            "fields": forms.CheckboxSelectMultiple,
            "activities": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "skills": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "phone": _("Optional. Only the organisations you get in touch with see it."),
            "birth_date": _(
                "Optional. Only needed for offers with a minimum age, so that we show you "
                "only those you may take part in."
            ),
            "postcode": _("We only use it to find offers near you; nobody sees your address."),
            "skills": _("For example: “I like to cook”, “driving licence”, “speak Arabic”."),
            "allow_suggestions": _(
                "Engagement guides of the organisations can then see your name and what "
                "fits (never your phone number or e-mail address) and suggest an "
                "opportunity to you by e-mail. You decide whether to take it up."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].queryset = Field.objects.all()
        self.fields["activities"].queryset = Activity.objects.all()
        self.fields["languages"].queryset = Language.objects.all()
        self.fields["max_distance_km"].choices = [
            choice for choice in self.fields["max_distance_km"].choices if choice[0] != ""
        ]
        if self.instance.pk:
            self.fields["availability"].initial = self.instance.time_slots
        self.order_fields(
            [
                "name",
                "phone",
                "birth_date",
                "fields",
                "activities",
                "skills",
                "languages",
                "availability",
                "postcode",
                "max_distance_km",
                "allow_suggestions",
            ]
        )

    def clean_birth_date(self):
        birth_date = self.cleaned_data.get("birth_date")
        if birth_date is None:
            return None
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError(
                _("The date of birth cannot be in the future."), code="future"
            )
        if birth_date < date(today.year - OLDEST_PLAUSIBLE_AGE, 1, 1):
            raise forms.ValidationError(
                _("Please check the year of the date of birth."), code="implausible"
            )
        return birth_date


class SavedSearchForm(HoneypotMixin, forms.Form):
    query = forms.CharField(max_length=1000, required=False, widget=forms.HiddenInput)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "We send you an e-mail to confirm first. Every alert has a link to unsubscribe."
        ),
    )
    website = honeypot_field()

    def clean_query(self):
        return self.cleaned_data["query"].strip().lstrip("?")


class SuggestForm(forms.Form):
    volunteer = forms.ModelChoiceField(
        queryset=VolunteerProfile.objects.filter(allow_suggestions=True),
        widget=forms.HiddenInput,
    )
