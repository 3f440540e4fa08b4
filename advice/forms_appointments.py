from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.abuse import HoneypotMixin, honeypot_field

from .models import AdviceRole, AdviceTopic, AppointmentSchedule, AppointmentStatus
from .slots import parse_start

CONSENT_TEXT = _(
    "I agree that my name and contact details are stored by the advice team of this "
    "organisation, only to hold this appointment, to remind me of it and to reach me if it "
    "has to be moved. I can cancel at any time with the link in the confirmation e-mail or "
    "by phone."
)
CONSENT_ON_BEHALF_TEXT = _(
    "The person agreed that their name and contact details are stored by the advice team, "
    "only to hold this appointment and to reach them about it."
)


class SlotField(forms.Field):
    """The start of a chosen slot, sent as an ISO 8601 time by the slot list's radios."""

    default_error_messages = {
        "required": _("Please choose one of the free times."),
        "invalid": _("Please choose one of the free times."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Time"))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        moment = parse_start(str(value))
        if moment is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return moment


class ContactForm(forms.Form):
    """The least data that works: a name or pseudonym, and an e-mail address or a phone."""

    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=150,
        help_text=_("So that we know whom to expect. A first name is enough."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("For the confirmation, the reminder and the link to cancel or move."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        help_text=_("An e-mail address or a phone number is enough."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and sum(char.isdigit() for char in phone) < 5:
            raise forms.ValidationError(
                _("Please enter a phone number with at least five digits."), code="short_phone"
            )
        return phone

    def clean(self):
        data = super().clean()
        if "email" in data and "phone" in data and not data["email"] and not data["phone"]:
            raise forms.ValidationError(
                _("Please enter an e-mail address or a phone number so that we can reach you."),
                code="contact",
            )
        return data

    @property
    def consent_text(self) -> str:
        return str(self.fields["consent"].label)


class BookingForm(HoneypotMixin, ContactForm):
    """A resident's booking: the topic and time chosen above, then the least data that works."""

    topic = forms.ModelChoiceField(
        queryset=AdviceTopic.objects.none(), widget=forms.HiddenInput, label=_("Topic")
    )
    starts_at = SlotField()
    consent = forms.BooleanField(label=CONSENT_TEXT)
    website = honeypot_field()

    def __init__(self, *args, schedule: AppointmentSchedule, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = schedule.topics.all()


class BookingOnBehalfForm(ContactForm):
    """An adviser books for a resident on the phone or at the door: a phone number is enough."""

    topic = forms.ModelChoiceField(
        queryset=AdviceTopic.objects.none(), widget=forms.HiddenInput, label=_("Topic")
    )
    starts_at = SlotField()
    adviser = forms.ModelChoiceField(
        label=_("With"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("whoever is free"),
    )
    consent = forms.BooleanField(label=CONSENT_ON_BEHALF_TEXT)

    def __init__(self, *args, schedule: AppointmentSchedule, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = schedule.topics.all()
        self.fields["adviser"].queryset = schedule.advisers.order_by("display_name", "email")


class MoveForm(forms.Form):
    starts_at = SlotField()


class MarkForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (AppointmentStatus.ATTENDED, AppointmentStatus.ATTENDED.label),
            (AppointmentStatus.NO_SHOW, AppointmentStatus.NO_SHOW.label),
        ]
    )


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class BlockedTimeForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("From"), widget=LocalDateTimeInput())
    ends_at = forms.DateTimeField(label=_("Until"), widget=LocalDateTimeInput())
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=200,
        help_text=_("Seen by your team, for example “holiday” or “training”."),
    )
    confirm_overlap = forms.BooleanField(
        label=_("Block this time even though appointments are booked in it"), required=False
    )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = AppointmentSchedule
        fields = [
            "title",
            "place",
            "length_minutes",
            "buffer_minutes",
            "advisers",
            "topics",
            "horizon_days",
            "notice_hours",
            "is_active",
        ]
        widgets = {
            "advisers": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["place"].queryset = organisation.places.order_by("name")
        self.fields["advisers"].queryset = (
            get_user_model()
            .objects.filter(
                pk__in=AdviceRole.objects.filter(organisation=organisation).values("user")
            )
            .order_by("display_name", "email")
        )
        self.fields["topics"].queryset = AdviceTopic.objects.all()
        self.fields["topics"].required = True
        self.fields["advisers"].required = True
