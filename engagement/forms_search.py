"""The public opportunity search form (read from the query string) and the "I'm interested"
form. Invalid search fields get a German error and are left out; the valid ones still
apply, so a shared link with one stale option still shows results."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.abuse import HoneypotMixin, honeypot_field
from core.forms import DEFAULT_RADIUS_KM, DefaultRadiusMixin, PostcodeField, radius_field
from core.geo import postcode_point
from directory.models import Municipality, Weekday

from .availability import TIMES_OF_DAY
from .models import Activity, Field, Language, Regularity, TargetGroup
from .search import (
    OpportunitySearch,
    SortOrder,
)

SUITABILITY_CHOICES = [
    ("young_people", _("Young people")),
    ("seniors", _("Seniors")),
    ("families", _("Families")),
    ("little_german", _("Little German needed")),
    ("step_free", _("Step-free")),
]
OFFER_CHOICES = [
    ("expenses", _("Reimbursement of expenses")),
    ("insurance", _("Insurance")),
    ("training", _("Training")),
    ("certificate", _("Certificate")),
]


class SearchView:
    LIST = "list"
    MAP = "map"


class OpportunitySearchForm(DefaultRadiusMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("e.g. reading, garden, seniors")}
        ),
    )
    field = forms.MultipleChoiceField(
        label=_("Field"), required=False, widget=forms.CheckboxSelectMultiple
    )
    activity = forms.MultipleChoiceField(
        label=_("Activity"), required=False, widget=forms.CheckboxSelectMultiple
    )
    target_group = forms.MultipleChoiceField(
        label=_("Target group"), required=False, widget=forms.CheckboxSelectMultiple
    )
    regularity = forms.ChoiceField(
        label=_("One-off or regular"),
        required=False,
        choices=[("", _("Either"))] + Regularity.choices,
    )
    weekday = forms.TypedChoiceField(
        label=_("Weekday"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any day"))] + Weekday.choices,
    )
    time_of_day = forms.TypedChoiceField(
        label=_("Time of day"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any time"))] + list(enumerate(TIMES_OF_DAY)),
    )
    suitable = forms.MultipleChoiceField(
        label=_("Suitable for"),
        required=False,
        choices=SUITABILITY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    offers = forms.MultipleChoiceField(
        label=_("The organisation offers"),
        required=False,
        choices=OFFER_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    no_police_certificate = forms.BooleanField(
        label=_("No police certificate needed"), required=False
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    # A text field, not a list: a national installation has thousands of municipalities.
    municipality = forms.CharField(
        label=_("Town or municipality"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    postcode = PostcodeField(required=False, help_text=_("Shows opportunities near this postcode."))
    radius_km = radius_field()
    remote = forms.BooleanField(label=_("Also from home (remote)"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"), required=False, choices=[("", _("Automatic"))] + SortOrder.choices
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # One query per catalogue; the options double as the labels of the facet counts.
        self.catalogues = {
            "field": list(Field.objects.only("id", "name", "slug")),
            "activity": list(Activity.objects.only("id", "name", "slug")),
            "target_group": list(TargetGroup.objects.only("id", "name", "slug")),
        }
        for name, entries in self.catalogues.items():
            self.fields[name].choices = [(entry.slug, entry.name) for entry in entries]
        self.languages = list(Language.objects.only("id", "code", "name"))
        self.fields["language"].choices = [("", _("Any language"))] + [
            (language.code, language.name) for language in self.languages
        ]

    def clean_municipality(self):
        """The municipality named by its name or its slug (links use the slug)."""
        name = self.cleaned_data["municipality"].strip()
        if not name:
            return None
        municipality = (
            Municipality.objects.filter(Q(slug=name) | Q(name__iexact=name)).only("id").first()
        )
        if municipality is None:
            raise forms.ValidationError(
                _("We do not know this town or municipality. Please check the spelling."),
                code="unknown_municipality",
            )
        return municipality.pk

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        return postcode_point(postcode) if postcode else None

    def _ids(self, name: str) -> frozenset[int]:
        slugs = set(self.cleaned_data.get(name) or [])
        return frozenset(entry.pk for entry in self.catalogues[name] if entry.slug in slugs)

    def search(self) -> OpportunitySearch:
        """The valid part of the form as search criteria."""
        self.is_valid()
        data = self.cleaned_data
        language_code = data.get("language")
        return OpportunitySearch(
            text=data.get("q") or "",
            field=self._ids("field"),
            activity=self._ids("activity"),
            target_group=self._ids("target_group"),
            regularity=data.get("regularity") or "",
            weekday=data.get("weekday"),
            time_of_day=data.get("time_of_day"),
            suitable=frozenset(data.get("suitable") or []),
            offers=frozenset(data.get("offers") or []),
            language_id=next(
                (item.pk for item in self.languages if item.code == language_code), None
            ),
            remote=bool(data.get("remote")),
            no_police_certificate=bool(data.get("no_police_certificate")),
            municipality_id=data.get("municipality"),
            centre=data.get("postcode"),
            radius_km=data.get("radius_km") or DEFAULT_RADIUS_KM,
            sort=data.get("sort") or "",
        )

    @property
    def view(self) -> str:
        return SearchView.MAP if self.data.get("view") == SearchView.MAP else SearchView.LIST

    @property
    def has_active_filters(self) -> bool:
        """Whether any filter besides the text search was given, to open the filter panel."""
        filter_names = set(self.fields) - {"q", "radius_km", "sort"}
        return any(self.data.get(name) for name in filter_names)


class InterestForm(HoneypotMixin, forms.Form):
    """ "I'm interested": a name and an e-mail address or a phone number are enough. People
    signed in with a volunteer profile are not asked for contact data again."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("An e-mail address or a phone number is enough."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=2000,
        help_text=_("Optional: for example when you have time or what you would like to do."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are passed on to this organisation, only so that it can "
            "get in touch with me about this opportunity."
        ),
    )
    website = honeypot_field()

    CONTACT_FIELDS = ("name", "email", "phone")

    def __init__(self, *args, ask_for_contact: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.ask_for_contact = ask_for_contact
        if not ask_for_contact:
            for name in self.CONTACT_FIELDS:
                del self.fields[name]

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and sum(char.isdigit() for char in phone) < 5:
            raise forms.ValidationError(
                _("Please enter a phone number with at least five digits."), code="short_phone"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if (
            self.ask_for_contact
            and not cleaned.get("email")
            and not cleaned.get("phone")
            and "email" not in self.errors
            and "phone" not in self.errors
        ):
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Please give an e-mail address or a phone number so that we can reach you."),
                    code="no_contact",
                ),
            )
        return cleaned
