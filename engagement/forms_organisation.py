"""Forms of organisations keeping their opportunities. They only validate; the services in
engagement/services/opportunities.py write."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .forms_volunteer import AvailabilityField
from .models import Opportunity, OpportunityStatus
from .services.opportunities import allowed_statuses


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# The groups of the form, shown as fieldsets: (key, legend, field names).
OPPORTUNITY_FIELDSETS = [
    (
        "what",
        _("What"),
        ["title", "summary", "description", "fields", "activities", "target_groups"],
    ),
    ("where", _("Where"), ["place", "is_remote"]),
    (
        "when",
        _("When"),
        ["regularity", "hours_per_week", "starts_on", "ends_on", "time_slots"],
    ),
    (
        "who",
        _("Who we are looking for"),
        [
            "volunteers_wanted",
            "minimum_age",
            "languages",
            "suitable_for_young_people",
            "suitable_for_seniors",
            "suitable_for_families",
            "little_german_needed",
            "step_free",
        ],
    ),
    ("requirements", _("Requirements"), ["requires_police_certificate", "other_requirements"]),
    (
        "offers",
        _("What we offer"),
        ["offers_insurance", "offers_expenses", "offers_training", "offers_certificate"],
    ),
    ("contact", _("Contact"), ["coordinator"]),
    ("plain", _("Plain language"), ["plain_language_summary"]),
]


class OpportunityForm(forms.ModelForm):
    """Everything about one opportunity, in the groups the page shows as fieldsets."""

    time_slots = AvailabilityField(
        label=_("Weekdays and times of day"),
        required=False,
        help_text=_("Tick when volunteers are needed. Leave empty if the times are flexible."),
    )

    class Meta:
        model = Opportunity
        fields = [name for _key, _legend, names in OPPORTUNITY_FIELDSETS for name in names]
        widgets = {
            "fields": forms.CheckboxSelectMultiple,
            "activities": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "regularity": forms.RadioSelect,
            "starts_on": _DateInput,
            "ends_on": _DateInput,
            "summary": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "summary": _("One or two sentences shown in search results."),
            "place": _("Where volunteers will work. Only your organisation's places are listed."),
            "is_remote": _("Tick if the work is done from home; then choose no place."),
            "hours_per_week": _("Roughly, e.g. 2 or 1.5."),
            "minimum_age": _("Leave empty if there is none."),
            "coordinator": _("Who answers questions and accompanies volunteers."),
            "plain_language_summary": _("Optional: a few short, simple sentences."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        self.fields["place"].queryset = organisation.places.order_by("name")
        self.fields["coordinator"].queryset = (
            get_user_model()
            .objects.filter(organisation_roles__organisation=organisation)
            .order_by("display_name", "email")
        )
        self.fields["hours_per_week"].widget.attrs.update({"inputmode": "decimal", "step": "0.5"})

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end cannot be before the start."))
        place, is_remote = cleaned.get("place"), cleaned.get("is_remote")
        if "place" not in self.errors:
            if is_remote and place is not None:
                self.add_error(
                    "place",
                    _("A remote opportunity has no place. Choose either a place or remote."),
                )
            elif not is_remote and place is None:
                self.add_error("place", _("Choose a place or mark the opportunity as remote."))
        return cleaned

    def service_values(self) -> dict:
        return dict(self.cleaned_data)

    def sections(self):
        """The fieldsets with their bound fields, for the template."""
        return [
            {"key": key, "legend": legend, "fields": [self[name] for name in names]}
            for key, legend, names in OPPORTUNITY_FIELDSETS
        ]


class OpportunityStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=OpportunityStatus.choices)

    def __init__(self, *args, opportunity, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = allowed_statuses(opportunity, user)
        self.fields["status"].choices = [
            (value, label) for value, label in OpportunityStatus.choices if value in allowed
        ]


class OpportunityImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, separated by semicolons or commas, at most 2 MB and 2000 rows."),
    )
