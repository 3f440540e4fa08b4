"""Forms of the coordinators' queue and placement page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PlacementStatus
from .selectors import guides_of
from .tasks_coordination import volunteer_email

NOTE_MAX_LENGTH = 5000


class QueueFilterForm(forms.Form):
    ALL_OPEN = ""
    RESPONSIBLE_ALL = "all"
    RESPONSIBLE_ME = "me"
    RESPONSIBLE_NOBODY = "unassigned"

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[(ALL_OPEN, _("All open"))] + PlacementStatus.choices,
    )
    responsible = forms.ChoiceField(
        label=_("Responsible"),
        required=False,
        choices=[
            (RESPONSIBLE_ALL, _("Everyone")),
            (RESPONSIBLE_ME, _("Me")),
            (RESPONSIBLE_NOBODY, _("Nobody yet")),
        ],
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=None,
        empty_label=_("All my organisations"),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def criteria(self) -> dict:
        """The filters that make sense; nonsense in one of them leaves the others working."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields}


class PlacementTransitionForm(forms.Form):
    """One note and two checkboxes; the button pressed names the next status."""

    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Saved in the history. If you notify the volunteer, they read it too."),
    )
    notify_volunteer = forms.BooleanField(label=_("Notify the volunteer by e-mail"), required=False)
    notify_organisation = forms.BooleanField(
        label=_("Notify the organisation's guides by e-mail"), required=False
    )

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, prefix="transition", **kwargs)
        self.placement = placement
        self.volunteer_has_email = bool(volunteer_email(placement))
        if not self.volunteer_has_email:
            del self.fields["notify_volunteer"]

    def clean(self):
        cleaned_data = super().clean()
        to_status = self.data.get("to_status", "")
        if to_status not in PlacementStatus.values or PlacementStatus(to_status) not in (
            self.placement.next_statuses
        ):
            raise forms.ValidationError(
                _("This step is not possible from the current status."), code="invalid_status"
            )
        cleaned_data["to_status"] = to_status
        return cleaned_data


class PlacementNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Internal: only the guides of the organisation read it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="note", **kwargs)


class PlacementAssignForm(forms.Form):
    responsible = forms.ModelChoiceField(
        label=_("Responsible"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, prefix="assign", **kwargs)
        self.fields["responsible"].queryset = guides_of(placement.organisation)
        self.fields["responsible"].label_from_instance = str
        if not self.is_bound:
            self.initial["responsible"] = placement.responsible_id


class ParentalConsentForm(forms.Form):
    confirmed = forms.BooleanField(
        label=_("I have seen the written consent of the parents or guardians."),
        required=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="consent", **kwargs)


class HelpRequestReviewForm(forms.Form):
    PUBLISH = "publish"
    CLOSE = "close"

    action = forms.ChoiceField(choices=[(PUBLISH, PUBLISH), (CLOSE, CLOSE)])
