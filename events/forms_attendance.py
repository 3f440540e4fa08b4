from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import ALLOWED_EXTENSIONS
from directory.models import Organisation

from .models import MAX_PARTY_SIZE, DocumentKind, DocumentVisibility

# Years outside these cannot hold events of the platform, and far-off dates would overflow
# when turned into moments in time.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "enterkeyhint": "search"}
        )

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    party_size = forms.IntegerField(
        label=_("Number of people"), min_value=1, max_value=MAX_PARTY_SIZE, initial=1
    )


class DocumentUploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    visibility = forms.ChoiceField(
        label=_("Visible to"),
        choices=DocumentVisibility.choices,
        widget=forms.RadioSelect,
        initial=DocumentVisibility.PARTICIPANTS,
        help_text=_("Participants are people with a confirmed place who registered signed in."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, images or office files, at most %(megabytes)s MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def __init__(self, *args, max_megabytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text % {"megabytes": max_megabytes}


class AttendanceFiguresForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        empty_label=None,
        required=False,
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        this_year = timezone.localdate().year
        cleaned["organisation"] = cleaned.get("organisation") or (
            self.fields["organisation"].queryset.first()
        )
        cleaned["date_from"] = cleaned.get("date_from") or date(this_year, 1, 1)
        cleaned["date_to"] = cleaned.get("date_to") or date(this_year, 12, 31)
        if cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end of the period must not be before its start."))
        elif cleaned["date_from"].year < FIRST_YEAR or cleaned["date_to"].year > LAST_YEAR:
            self.add_error(
                None,
                _("Please choose a period between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return cleaned
