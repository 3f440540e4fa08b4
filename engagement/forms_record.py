"""Forms of the engagement record: hours, documents seen, follow-up answers and looking
up a certificate by its code."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import HoursEntry, Qualification, QualificationKind
from .services.record import CODE_ALPHABET, CODE_LENGTH, MAX_HOURS, MIN_HOURS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _not_in_future(day):
    if day and day > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return day


class HoursEntryForm(forms.ModelForm):
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=MIN_HOURS,
        max_value=MAX_HOURS,
        max_digits=4,
        decimal_places=2,
        help_text=_("Between 0.25 and 24, e.g. 1.5 for an hour and a half."),
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
    )

    class Meta:
        model = HoursEntry
        fields = ["date", "hours", "activity"]
        widgets = {"date": DateInput()}
        help_texts = {"activity": _("What was done, e.g. “Reading with children”.")}

    def clean_date(self):
        return _not_in_future(self.cleaned_data.get("date"))


class QualificationForm(forms.ModelForm):
    class Meta:
        model = Qualification
        fields = ["kind", "seen_on", "valid_until", "description"]
        widgets = {"seen_on": DateInput(), "valid_until": DateInput()}
        help_texts = {
            "seen_on": _("The day you saw the original document."),
            "valid_until": _(
                "Leave empty if it does not expire. For the extended police certificate "
                "it is set to five years after the day it was seen."
            ),
            "description": _("Optional, e.g. the course provider. Never copy the document."),
        }

    def clean_seen_on(self):
        return _not_in_future(self.cleaned_data.get("seen_on"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == QualificationKind.POLICE_CERTIFICATE:
            cleaned["valid_until"] = None
        seen_on, valid_until = cleaned.get("seen_on"), cleaned.get("valid_until")
        if seen_on and valid_until and valid_until < seen_on:
            self.add_error("valid_until", _("A document cannot expire before it was seen."))
        return cleaned


class FollowUpForm(forms.Form):
    follow_up_answer = forms.CharField(
        label=_("How is it going?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What the volunteer and the organisation said: is the engagement going well, "
            "is anything needed?"
        ),
    )


class CertificateLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The code printed on the certificate, e.g. ABCD2345EF."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
            raise forms.ValidationError(
                _("A verification code has %(length)s letters and digits.")
                % {"length": CODE_LENGTH}
            )
        return code


def normalise_code(code: str) -> str:
    """Codes are read off paper: ignore case, spaces and dashes."""
    return re.sub(r"[\s\-]", "", code).upper()
