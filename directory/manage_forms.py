"""Forms of the organisation self-service. They only validate; services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PostcodeField
from core.geo import postcode_point

from .models import (
    ContactPerson,
    MembershipStatus,
    Network,
    NetworkMembership,
    Organisation,
    OrganisationRoleKind,
    Place,
    Weekday,
)
from .services import overlap_message, overlapping_weekdays


class _TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _network_field():
    return forms.ModelChoiceField(
        label=_("Network to join"),
        queryset=Network.objects.all(),
        required=False,
        help_text=_("Optional. An administrator of this network can then decide on your request."),
    )


def _organisation_formfield(model_field, **kwargs):
    # People type "www.example.org"; nearly every site is served over https.
    if model_field.name == "website":
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class _OrganisationFieldsMixin:
    class Meta:
        formfield_callback = _organisation_formfield
        model = Organisation
        fields = [
            "name",
            "kind",
            "summary",
            "description",
            "website",
            "email",
            "phone",
            "municipality",
            "topics",
            "services",
        ]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "services": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 2}),
        }


class OrganisationProposeForm(forms.ModelForm):
    network = _network_field()
    message = forms.CharField(
        label=_("Message to the people who decide"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, how you are connected to the organisation."),
    )

    class Meta(_OrganisationFieldsMixin.Meta):
        pass


class OrganisationClaimForm(forms.Form):
    network = _network_field()
    message = forms.CharField(
        label=_("How are you connected to the organisation?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("This helps the people who decide to check your request."),
    )


class OrganisationProfileForm(forms.ModelForm):
    class Meta(_OrganisationFieldsMixin.Meta):
        fields = [*_OrganisationFieldsMixin.Meta.fields, "logo"]
        help_texts = {
            "logo": _("PNG, JPEG, WebP or GIF, at most 1 MB."),
            "website": _("The full address, starting with https://"),
        }

    def _get_validation_exclusions(self):
        # The stored logo was checked when it was uploaded; re-reading it on every save
        # is wasted work, and a file lost from storage must not block editing the text.
        exclusions = super()._get_validation_exclusions()
        if "logo" not in self.changed_data:
            exclusions.add("logo")
        return exclusions

    def service_fields(self) -> dict:
        """The cleaned data for services.organisation_update; "logo" only when it changed
        ("" when it was removed)."""
        fields = dict(self.cleaned_data)
        logo = fields.pop("logo")
        if "logo" in self.changed_data:
            fields["logo"] = logo or ""
        return fields


class PlaceForm(forms.ModelForm):
    latitude = forms.FloatField(
        label=_("latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("Leave empty to use the centre of the postcode area."),
    )
    longitude = forms.FloatField(
        label=_("longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_("Leave empty to use the centre of the postcode area."),
    )

    class Meta:
        model = Place
        fields = [
            "name",
            "street",
            "postcode",
            "city",
            "municipality",
            "neighbourhood",
            "latitude",
            "longitude",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
            "accessible_parking",
            "accessibility_notes",
        ]
        field_classes = {"postcode": PostcodeField}

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError(
                _("Give both latitude and longitude, or leave both empty."), code="coordinates"
            )
        point = postcode_point(cleaned.get("postcode", ""))
        if latitude is None and point is not None:
            cleaned["latitude"], cleaned["longitude"] = point.latitude, point.longitude
        return cleaned


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "role", "email", "phone", "place", "public_consent"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = organisation.places.all()


class _TableRowForm(forms.Form):
    """A form shown as a table row: its inputs point at their own error messages, since
    the shared field template, which does this for ordinary forms, is not used there."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}_errors"}
                )


def _weekday_choices():
    return [("", _("– choose –")), *Weekday.choices]


class OfficeHourRuleForm(_TableRowForm):
    weekday = forms.TypedChoiceField(label=_("weekday"), choices=_weekday_choices, coerce=int)
    opens = forms.TimeField(label=_("opens"), widget=_TimeInput())
    closes = forms.TimeField(label=_("closes"), widget=_TimeInput())
    note = forms.CharField(label=_("note"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens"), cleaned.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("Office hours must end after they start."))
        return cleaned


class _KeptDataFormSet(forms.BaseFormSet):
    def kept_data(self) -> list[dict]:
        """The rows to save: filled in and not marked for deletion."""
        return [
            {key: value for key, value in form.cleaned_data.items() if key != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]


class BaseOfficeHourRuleFormSet(_KeptDataFormSet):
    def clean(self):
        if any(self.errors):
            return
        overlapping = overlapping_weekdays(
            (rule["weekday"], rule["opens"], rule["closes"]) for rule in self.kept_data()
        )
        if overlapping:
            raise forms.ValidationError(
                [overlap_message(weekday) for weekday in overlapping], code="overlap"
            )


OfficeHourRuleFormSet = forms.formset_factory(
    OfficeHourRuleForm,
    formset=BaseOfficeHourRuleFormSet,
    extra=3,
    can_delete=True,
    can_delete_extra=False,
)


class ClosureForm(_TableRowForm):
    starts_on = forms.DateField(label=_("first day"), widget=_DateInput())
    ends_on = forms.DateField(label=_("last day"), widget=_DateInput())
    reason = forms.CharField(label=_("reason"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return cleaned


class ExtraOpeningForm(_TableRowForm):
    date = forms.DateField(label=_("date"), widget=_DateInput())
    opens = forms.TimeField(label=_("opens"), widget=_TimeInput())
    closes = forms.TimeField(label=_("closes"), widget=_TimeInput())
    note = forms.CharField(label=_("note"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens"), cleaned.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("Office hours must end after they start."))
        return cleaned


ClosureFormSet = forms.formset_factory(
    ClosureForm, formset=_KeptDataFormSet, extra=2, can_delete=True, can_delete_extra=False
)
ExtraOpeningFormSet = forms.formset_factory(
    ExtraOpeningForm, formset=_KeptDataFormSet, extra=2, can_delete=True, can_delete_extra=False
)


class AppointmentForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = ["by_appointment", "office_hours_note"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("e-mail address"))
    role = forms.ChoiceField(
        label=_("role"),
        choices=OrganisationRoleKind.choices,
        initial=OrganisationRoleKind.EDITOR,
        help_text=_(
            "Administrators manage the team; editors keep the profile, places and contacts "
            "current; coordinators keep the office hours current and see internal data."
        ),
    )


class RoleChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("role"), choices=OrganisationRoleKind.choices)


class NetworkMemberAddForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("organisation"), queryset=Organisation.objects)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        active_members = NetworkMembership.objects.filter(
            network=network, status=MembershipStatus.ACTIVE
        ).values("organisation")
        self.fields["organisation"].queryset = Organisation.objects.published().exclude(
            pk__in=active_members
        )
