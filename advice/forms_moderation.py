from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.models import Neighbourhood, Organisation


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _team_members(organisations):
    return (
        get_user_model()
        .objects.filter(advice_roles__organisation__in=organisations, is_active=True)
        .distinct()
        .order_by("display_name", "email")
    )


# The largest primary key the databases store; bigger numbers overflow SQLite's `IN`.
_MAX_ID = 2**63 - 1


class _MediatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name()

    def _check_values(self, value):
        for pk in value:
            if not str(pk).isdigit() or int(pk) > _MAX_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class ModerationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    subject = forms.CharField(
        label=_("What the conflict is about"), widget=forms.Textarea(attrs={"rows": 4})
    )
    neighbourhood = forms.ModelChoiceField(label=_("Neighbourhood"), queryset=None, required=False)
    mediators = _MediatorChoiceField(
        label=_("Further mediators"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You are a mediator yourself. Others must be in the same advice team."),
    )
    follow_up_on = forms.DateField(label=_("Follow up on"), required=False, widget=_DateInput())

    def __init__(self, *args, user, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]
            self.fields["organisation"].widget = forms.HiddenInput()
        self.fields["neighbourhood"].queryset = (
            Neighbourhood.objects.filter(
                Q(municipality__organisations__in=organisations)
                | Q(municipality__places__organisation__in=organisations)
            )
            .select_related("municipality")
            .distinct()
        )
        self.fields["mediators"].queryset = _team_members(organisations).exclude(pk=user.pk)


class MediatorsForm(forms.Form):
    mediators = _MediatorChoiceField(
        label=_("Mediators"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mediators"].queryset = _team_members([organisation])


class PartyForm(forms.Form):
    label = forms.CharField(
        label=_("Household"),
        max_length=300,
        help_text=_("As the mediators call it, e.g. “2nd floor left”."),
    )
    contact = forms.CharField(
        label=_("How to reach them"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=_DateInput())
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AgreementForm(forms.Form):
    text = forms.CharField(
        label=_("Agreement"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    reached_on = forms.DateField(label=_("Reached on"), widget=_DateInput())
    review_on = forms.DateField(label=_("Review on"), required=False, widget=_DateInput())


class FollowUpForm(forms.Form):
    follow_up_on = forms.DateField(
        label=_("Follow up on"),
        required=False,
        widget=_DateInput(),
        help_text=_("Leave empty to clear the date."),
    )
