"""Forms of neighbourhood help: asking for help and offering it. Both are public, so both
carry a honeypot field that people never see and bots fill in."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.abuse import HoneypotMixin, honeypot_field
from core.forms import PostcodeField

from .models import HelpCategory

# Something that looks like an e-mail address or a phone number (six digits or more,
# possibly with spaces, slashes or dashes between them).
_CONTACT_DATA = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}|\+?\d(?:[\s/\-]?\d){5,}", re.IGNORECASE)


class HelpRequestForm(HoneypotMixin, forms.Form):
    category = forms.ChoiceField(label=_("What help do you need?"), choices=HelpCategory.choices)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "This text is shown publicly, without your name. Please do not write your name, "
            "address, phone number or e-mail address here."
        ),
    )
    postcode = PostcodeField(help_text=_("Only the area is shown, never your address."))
    when = forms.CharField(
        label=_("When?"),
        required=False,
        max_length=200,
        help_text=_("For example: Tuesday mornings, or on 12 May at 10 o'clock."),
    )
    requester_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Only the coordinating organisation sees it."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    requester_phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    requester_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("A phone number or an e-mail address, so that we can reach you."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the coordinating organisation stores these details to find a helper "
            "and passes my name and phone number or e-mail address to the helper it confirms."
        ),
    )
    website = honeypot_field()

    def __init__(self, *args, organisations=None, **kwargs):
        """`organisations`: for a guide entering a request on someone's behalf, the
        organisations they may coordinate it for."""
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Coordinating organisation"),
                queryset=organisations,
                required=False,
                empty_label=_("The nearest one to the postcode"),
            )
            self.fields["consent"].label = _(
                "The person agreed that we store these details and pass their name and "
                "contact details to the helper we confirm."
            )
            self.order_fields(["organisation"])

    def clean_description(self):
        description = self.cleaned_data["description"].strip()
        if _CONTACT_DATA.search(description):
            raise forms.ValidationError(
                _(
                    "Please remove the phone number or e-mail address from the description: "
                    "it is shown publicly."
                ),
                code="contact_data",
            )
        return description

    def clean(self):
        cleaned_data = super().clean()
        has_contact = cleaned_data.get("requester_phone") or cleaned_data.get("requester_email")
        if not has_contact and "requester_email" not in self.errors:
            self.add_error(
                "requester_phone",
                forms.ValidationError(
                    _("Please give a phone number or an e-mail address."), code="no_contact"
                ),
            )
        return cleaned_data


class HelpOfferForm(HoneypotMixin, forms.Form):
    """An offer of help from someone without a volunteer profile."""

    contact_name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("A phone number or an e-mail address, so that the coordinator can reach you."),
    )
    message = forms.CharField(
        label=_("Message to the coordinator (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the coordinating organisation stores my details to arrange the help."
        ),
    )
    website = honeypot_field()

    def clean(self):
        cleaned_data = super().clean()
        has_contact = cleaned_data.get("contact_email") or cleaned_data.get("contact_phone")
        if not has_contact and "contact_email" not in self.errors:
            self.add_error(
                "contact_phone",
                forms.ValidationError(
                    _("Please give a phone number or an e-mail address."), code="no_contact"
                ),
            )
        return cleaned_data


class VolunteerHelpOfferForm(HoneypotMixin, forms.Form):
    """An offer of help from someone signed in with a volunteer profile."""

    message = HelpOfferForm.base_fields["message"]
    consent = forms.BooleanField(
        label=_(
            "I agree that the coordinating organisation sees my volunteer profile and contact "
            "details to arrange the help."
        ),
    )
    website = honeypot_field()


class HelpRequestFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What help"),
        required=False,
        choices=[("", _("All kinds of help"))] + HelpCategory.choices,
    )
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=5)
