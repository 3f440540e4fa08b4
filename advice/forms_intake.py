"""Forms of the intake: the residents' concern form, the team's form for a concern taken
down on someone's behalf, the triage filters and changes, and the outcome form."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.abuse import HoneypotMixin, honeypot_field
from core.forms import PostcodeField
from directory.models import Neighbourhood, Organisation

from .models import (
    AdviceRole,
    AdviceTopic,
    Channel,
    ConcernKind,
    ConcernStatus,
    OutcomeKind,
)

DESCRIPTION_MAX_LENGTH = 5000
HANDOFF_DESCRIPTION_MAX_LENGTH = 2000

KIND_EXPLANATIONS = {
    ConcernKind.QUESTION: _(
        "You have a question or a problem in everyday life and do not know where to turn."
    ),
    ConcernKind.FORMS: _(
        "A letter from an authority, an application or a form you would like help with."
    ),
    ConcernKind.CONFLICT: _(
        "Trouble with neighbours, for example about noise or the stairwell. We can mediate."
    ),
    ConcernKind.NEED_HELP: _("You need a hand, for example with shopping or a lift to the doctor."),
    ConcernKind.OFFER_HELP: _("You would like to help others in the neighbourhood."),
    ConcernKind.IDEA: _("You have an idea how to make the neighbourhood a better place."),
}

CONSENT_TEXT = _(
    "I agree that the advice team of the organisation I chose stores my concern and my "
    "contact details, only to deal with my concern and to get in touch with me. My details "
    "are kept confidential and deleted after a while. I can ask for them to be deleted at "
    "any time."
)

VERBAL_CONSENT_TEXT = _(
    "The advice team stores your concern and how to reach you, only to deal with your "
    "concern and to get in touch with you. Your details are kept confidential and deleted "
    "after a while. You can ask for them to be deleted at any time. Do you agree?"
)


def organisations_offering_advice():
    """Published organisations with an advice team: where a concern can go."""
    return (
        Organisation.objects.published()
        .filter(Exists(AdviceRole.objects.filter(organisation=OuterRef("pk"))))
        .order_by("name")
    )


# A fieldset with a legend, as core's field template gives the plain radio buttons.
KIND_FIELD_TEMPLATE = "advice/intake/_kind_field.html"


class KindChoiceWidget(forms.RadioSelect):
    """Large choices, each with a sentence in plain language saying what it means."""

    option_template_name = "advice/intake/_kind_option.html"

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        option["explanation"] = KIND_EXPLANATIONS.get(option["value"], "")
        return option


class ContactCleaningMixin:
    def clean_contact_name(self):
        return " ".join(self.cleaned_data["contact_name"].split())

    def clean_contact_phone(self):
        phone = " ".join(self.cleaned_data["contact_phone"].split())
        if phone and sum(char.isdigit() for char in phone) < 5:
            raise forms.ValidationError(
                _("Please enter a phone number with at least five digits."), code="short_phone"
            )
        return phone

    def clean_neighbourhood_for(self, organisation):
        neighbourhood = self.cleaned_data.get("neighbourhood")
        if (
            neighbourhood is not None
            and organisation is not None
            and neighbourhood.municipality_id != organisation.municipality_id
        ):
            self.add_error(
                "neighbourhood",
                forms.ValidationError(
                    _("Please choose a neighbourhood where the organisation works."),
                    code="other_municipality",
                ),
            )


def _neighbourhood_field():
    return forms.ModelChoiceField(
        label=_("Neighbourhood (optional)"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("not stated"),
        help_text=_("Only used for anonymous statistics about where help is needed."),
    )


def _neighbourhoods_of(organisations):
    return (
        Neighbourhood.objects.filter(municipality__organisations__in=organisations)
        .select_related("municipality")
        .distinct()
        .order_by("municipality__name", "name")
    )


class ConcernForm(ContactCleaningMixin, HoneypotMixin, forms.Form):
    """The residents' form, without an account: what it is about, how to reach them and
    their consent. A name may be a pseudonym."""

    organisation = forms.ModelChoiceField(
        label=_("Who should advise you?"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        empty_label=_("Please choose"),
    )
    kind = forms.ChoiceField(
        label=_("What is it about?"),
        choices=ConcernKind.choices,
        widget=KindChoiceWidget,
        template_name=KIND_FIELD_TEMPLATE,
    )
    description = forms.CharField(
        label=_("Your concern"),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_("In your own words. A few sentences are enough."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    contact_name = forms.CharField(
        label=_("Your name or a pseudonym"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("An e-mail address or a phone number is enough."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    neighbourhood = _neighbourhood_field()
    consent = forms.BooleanField(label=CONSENT_TEXT)
    website = honeypot_field()

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = organisations_offering_advice()
        self.fields["organisation"].queryset = organisations
        # With the organisation known, only its neighbourhoods; else those of all of them.
        self.fields["neighbourhood"].queryset = _neighbourhoods_of(
            [organisation] if organisation is not None else organisations
        )
        if organisation is None:
            self.fields["neighbourhood"].label_from_instance = lambda neighbourhood: (
                f"{neighbourhood.name} ({neighbourhood.municipality.name})"
            )

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("contact_email")
            and not cleaned.get("contact_phone")
            and "contact_email" not in self.errors
            and "contact_phone" not in self.errors
        ):
            self.add_error(
                "contact_email",
                forms.ValidationError(
                    _("Please give an e-mail address or a phone number so that we can reach you."),
                    code="no_contact",
                ),
            )
        self.clean_neighbourhood_for(cleaned.get("organisation"))
        return cleaned

    @property
    def consent_text(self) -> str:
        return str(self.fields["consent"].label)


class FirstContact:
    FIRST = "first"
    FOLLOW_UP = "follow_up"
    choices = [(FIRST, _("First contact")), (FOLLOW_UP, _("Follow-up contact"))]


class ConcernRecordForm(ContactCleaningMixin, forms.Form):
    """A concern taken down by a team member: by phone, at the door, by e-mail or letter.
    An e-mail address is not needed; the consent is given verbally."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(value, label) for value, label in Channel.choices if value != Channel.ONLINE],
        widget=forms.RadioSelect,
    )
    contact_kind = forms.ChoiceField(
        label=_("Contact"),
        choices=FirstContact.choices,
        initial=FirstContact.FIRST,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(
        label=_("What is it about?"),
        choices=ConcernKind.choices,
        widget=KindChoiceWidget,
        template_name=KIND_FIELD_TEMPLATE,
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=AdviceTopic.objects.all(),
        required=False,
        empty_label=_("not yet decided"),
    )
    description = forms.CharField(
        label=_("The concern"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    contact_name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    contact_phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    neighbourhood = _neighbourhood_field()
    responsible = forms.ModelChoiceField(
        label=_("Responsible"),
        queryset=None,
        required=False,
        empty_label=_("me"),
    )
    follow_up_on = forms.DateField(
        label=_("Follow up on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    consent_on = forms.DateField(
        label=_("Consent given verbally on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    consent = forms.BooleanField(
        label=_("I read out the wording above and the person agreed."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(advice_roles__user=user).order_by("name")
        self.fields["organisation"].queryset = organisations
        self.fields["neighbourhood"].queryset = _neighbourhoods_of(organisations)
        self.fields["neighbourhood"].label_from_instance = lambda neighbourhood: (
            f"{neighbourhood.name} ({neighbourhood.municipality.name})"
        )
        self.fields["responsible"].queryset = (
            get_user_model()
            .objects.filter(advice_roles__organisation__in=organisations, is_active=True)
            .distinct()
            .order_by("display_name", "email")
        )
        self.fields["consent_on"].initial = timezone.localdate()
        self.single_organisation = len(organisations) == 1
        if self.single_organisation:
            self.fields["organisation"].initial = organisations[0]
            self.fields["organisation"].widget = forms.HiddenInput()

    def clean_consent_on(self):
        consent_on = self.cleaned_data["consent_on"]
        if consent_on > timezone.localdate():
            raise forms.ValidationError(
                _("The consent cannot be given in the future."), code="future"
            )
        return consent_on

    def clean_follow_up_on(self):
        follow_up_on = self.cleaned_data["follow_up_on"]
        if follow_up_on is not None and follow_up_on < timezone.localdate():
            raise forms.ValidationError(
                _("Please choose today or a later day."), code="past_follow_up"
            )
        return follow_up_on

    def clean(self):
        cleaned = super().clean()
        self.clean_neighbourhood_for(cleaned.get("organisation"))
        return cleaned

    @property
    def consent_text(self) -> str:
        return str(VERBAL_CONSENT_TEXT)


class TriageFilterForm(forms.Form):
    ALL_OPEN = ""
    ALL = "all"
    RESPONSIBLE_ME = "me"

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[(ALL_OPEN, _("All open")), *ConcernStatus.choices, (ALL, _("All"))],
    )
    kind = forms.ChoiceField(
        label=_("What it is about"),
        required=False,
        choices=[("", _("Everything")), *ConcernKind.choices],
    )
    responsible = forms.ChoiceField(
        label=_("Responsible"),
        required=False,
        choices=[("", _("Everyone")), (RESPONSIBLE_ME, _("Me"))],
    )
    overdue = forms.BooleanField(label=_("Only overdue follow-ups"), required=False)

    def criteria(self) -> dict:
        """The filters that make sense; nonsense in one of them leaves the others working."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields}


class ConcernUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ConcernStatus.choices)
    responsible = forms.ModelChoiceField(
        label=_("Responsible"), queryset=None, required=False, empty_label=_("nobody yet")
    )
    follow_up_on = forms.DateField(
        label=_("Follow up on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=AdviceTopic.objects.all(),
        required=False,
        empty_label=_("not yet decided"),
    )

    def __init__(self, *args, concern, **kwargs):
        super().__init__(*args, prefix="triage", **kwargs)
        self.fields["responsible"].queryset = (
            get_user_model()
            .objects.filter(advice_roles__organisation=concern.organisation_id, is_active=True)
            .order_by("display_name", "email")
        )
        if not self.is_bound:
            self.initial = {
                "status": concern.status,
                "responsible": concern.responsible_id,
                "follow_up_on": concern.follow_up_on,
                "topic": concern.topic_id,
            }


# Outcomes recorded from this form; appointments and referrals are made on their own pages.
FORM_OUTCOMES = [
    OutcomeKind.CASE,
    OutcomeKind.MODERATION,
    OutcomeKind.HELP_REQUEST,
    OutcomeKind.PLACEMENT,
    OutcomeKind.IDEA,
]
HANDOFF_OUTCOMES = {OutcomeKind.HELP_REQUEST, OutcomeKind.PLACEMENT}


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What should the concern become?"),
        choices=[(kind.value, kind.label) for kind in FORM_OUTCOMES],
        widget=forms.RadioSelect,
    )
    postcode = PostcodeField(
        label=_("Postcode of the person"),
        required=False,
        help_text=_("Needed for a help request, so that helpers nearby can find it."),
    )
    description = forms.CharField(
        label=_("What to pass on"),
        required=False,
        max_length=HANDOFF_DESCRIPTION_MAX_LENGTH,
        help_text=_(
            "For a help request or volunteering only. The coordinators read this, and a help "
            "request is shown publicly once they checked it: no names, no contact data, "
            "nothing confidential."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    handoff_consent = forms.BooleanField(
        label=_(
            "The person agreed that their name and contact details are passed on to the "
            "neighbourly help and volunteering coordinators."
        ),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in HANDOFF_OUTCOMES:
            if not cleaned.get("description") and "description" not in self.errors:
                self.add_error(
                    "description",
                    forms.ValidationError(
                        _("Please describe briefly what to pass on."), code="required"
                    ),
                )
            if not cleaned.get("handoff_consent"):
                self.add_error(
                    "handoff_consent",
                    forms.ValidationError(
                        _("Please confirm that the person agreed to pass on their contact data."),
                        code="no_consent",
                    ),
                )
        if (
            kind == OutcomeKind.HELP_REQUEST
            and not cleaned.get("postcode")
            and "postcode" not in self.errors
        ):
            self.add_error(
                "postcode",
                forms.ValidationError(
                    _("A help request needs the person's postcode."), code="required"
                ),
            )
        return cleaned
