from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PostcodeField
from directory.models import Service

from .models import AdviceTopic, ReferralOutcome
from .services.referrals import (
    FOLLOW_UP_WEEKS_DEFAULT,
    FOLLOW_UP_WEEKS_MAX,
    FOLLOW_UP_WEEKS_MIN,
)

REFERRAL_CONSENT_TEXT = _(
    "The person agrees to be referred to this counselling service. We keep only the fact "
    "of the referral and later ask whether it helped; nothing from the conversation is "
    "passed on."
)


class CounsellingServiceSearchForm(forms.Form):
    """Which kind of service, measured from where. Read from the query string while
    searching and from the referral form's hidden fields when it is sent."""

    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.all(),
        empty_label=_("Please choose"),
    )
    postcode = PostcodeField(
        required=False,
        help_text=_("Distances are measured from here; empty: from your organisation."),
    )


class ReferralForm(forms.Form):
    """The chosen organisation is checked against the organisations offering the
    service; the list of them is drawn by the template."""

    service_organisation = forms.ModelChoiceField(
        label=_("Counselling service"), queryset=None, widget=forms.RadioSelect
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=AdviceTopic.objects.all(), required=False
    )
    follow_up_weeks = forms.IntegerField(
        label=_("Ask whether it helped after (weeks)"),
        initial=FOLLOW_UP_WEEKS_DEFAULT,
        min_value=FOLLOW_UP_WEEKS_MIN,
        max_value=FOLLOW_UP_WEEKS_MAX,
    )
    consent = forms.BooleanField(label=REFERRAL_CONSENT_TEXT, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_organisation"].queryset = organisations

    def clean_consent(self):
        if not self.cleaned_data.get("consent"):
            raise forms.ValidationError(
                _("The person must agree to the referral before it is recorded."),
                code="required",
            )
        return True


class ReferralOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Did the referral help?"),
        choices=[
            (value, label)
            for value, label in ReferralOutcome.choices
            if value != ReferralOutcome.PENDING
        ],
        widget=forms.RadioSelect,
    )
