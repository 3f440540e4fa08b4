from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import ALLOWED_EXTENSIONS
from directory.models import Neighbourhood

from .models import AdviceTopic, AuditAction, CaseStatus

TEXT_LIMIT = 20_000


def _neighbourhoods_for(organisation):
    """The neighbourhoods of the organisation's municipality; all when it has none."""
    neighbourhoods = Neighbourhood.objects.select_related("municipality")
    municipality_id = getattr(organisation, "municipality_id", None)
    if municipality_id:
        neighbourhoods = neighbourhoods.filter(municipality_id=municipality_id)
    return neighbourhoods.order_by("name")


class CaseForm(forms.Form):
    """Opening a case (with `organisations` to choose from) and changing one."""

    organisation = forms.ModelChoiceField(queryset=None, label=_("Organisation"), required=True)
    person_name = forms.CharField(
        label=_("Name or pseudonym"),
        required=False,
        max_length=200,
        help_text=_("Only what the person agreed to; a pseudonym is enough."),
    )
    contact = forms.CharField(
        label=_("How to reach them"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=AdviceTopic.objects.all(),
        label=_("Topics"),
        widget=forms.CheckboxSelectMultiple,
    )
    neighbourhood = forms.ModelChoiceField(
        queryset=Neighbourhood.objects.none(), label=_("Neighbourhood"), required=False
    )
    is_first_contact = forms.BooleanField(
        label=_("First contact with our advice service"), required=False, initial=True
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisations=None, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
            del self.fields["is_first_contact"]
        else:
            self.fields["organisation"].queryset = organisations
            if organisation is None and len(organisations) == 1:
                organisation = organisations[0]
                self.fields["organisation"].initial = organisation
        self.fields["neighbourhood"].queryset = _neighbourhoods_for(organisation)


class CaseNoteForm(forms.Form):
    contact_on = forms.DateField(
        label=_("Date of contact"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    text = forms.CharField(
        label=_("Note"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A note cannot be changed later; a correction is a new note."),
    )


class CaseAssignForm(forms.Form):
    advisers = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Advisers"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisers"].queryset = team
        self.fields["advisers"].label_from_instance = lambda user: user.get_full_name()


class CaseDocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def __init__(self, *args, max_megabytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, images or office files, at most %(megabytes)s MB. The file is stored encrypted."
        ) % {"megabytes": max_megabytes}


class ConfirmAnonymiseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "The person asked for deletion. I understand that names, contact data, notes "
            "and documents are removed for good."
        )
    )


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + list(CaseStatus.choices),
    )
    mine = forms.BooleanField(label=_("Only cases I am assigned to"), required=False)


class AuditFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None, label=_("Organisation"), required=False, empty_label=_("All")
    )
    user = forms.ModelChoiceField(
        queryset=None, label=_("Person"), required=False, empty_label=_("All")
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All"))] + list(AuditAction.choices)
    )
    record_type = forms.ChoiceField(label=_("Record type"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisations, people, record_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) < 2:
            del self.fields["organisation"]
        self.fields["user"].queryset = people
        self.fields["user"].label_from_instance = lambda user: user.get_full_name()
        self.fields["record_type"].choices = [("", _("All"))] + [
            (record_type, record_type) for record_type in record_types
        ]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end of the period is before its start."))
        return cleaned


class StatisticsFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None, label=_("Organisation"), to_field_name="slug"
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
