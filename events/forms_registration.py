from django import forms
from django.utils.translation import gettext_lazy as _

from core.abuse import HoneypotMixin, honeypot_field
from directory.models import MembershipStatus, Organisation

from .models import MAX_PARTY_SIZE, EventMessage, Occurrence

CONSENT_TEXT = _(
    "I agree that my details are stored and passed on to the organisers of this event, only "
    "so that they can manage my registration and contact me about this date. I can cancel "
    "at any time with the link in the confirmation e-mail."
)


class RegistrationForm(HoneypotMixin, forms.Form):
    """Registration for one date, with or without an account. For working meetings people
    may say which member organisation they come for."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The confirmation and the link to cancel are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=40,
        help_text=_("Only in case the date has to be moved at short notice."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    party_size = forms.TypedChoiceField(
        label=_("Number of people"),
        coerce=int,
        initial=1,
        help_text=_("Including yourself."),
    )
    organisation = forms.ModelChoiceField(
        label=_("For which member organisation are you coming? (optional)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("none / privately"),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        required=False,
        max_length=1000,
        help_text=_(
            "For example a step-free seat, sign-language interpretation or an induction loop."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(label=CONSENT_TEXT)
    website = honeypot_field()

    def __init__(self, *args, occurrence: Occurrence, **kwargs):
        super().__init__(*args, **kwargs)
        capacity = occurrence.event.capacity
        largest = MAX_PARTY_SIZE if capacity is None else min(MAX_PARTY_SIZE, capacity)
        self.fields["party_size"].choices = [(size, str(size)) for size in range(1, largest + 1)]
        series = occurrence.event.series
        if series is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                network_memberships__network_id=series.network_id,
                network_memberships__status=MembershipStatus.ACTIVE,
            ).order_by("name")

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and sum(char.isdigit() for char in phone) < 5:
            raise forms.ValidationError(
                _("Please enter a phone number with at least five digits."), code="short_phone"
            )
        return phone

    @property
    def consent_text(self) -> str:
        return str(self.fields["consent"].label)


class OccurrenceMessageForm(forms.ModelForm):
    class Meta:
        model = EventMessage
        fields = ["subject", "body", "include_waiting_list"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
