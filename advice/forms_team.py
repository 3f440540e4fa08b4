from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AdviceRoleKind
from .selectors import advice_team_candidates


class ColleagueChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.display_name} ({user.email})" if user.display_name else user.email


class AdviceRoleGrantForm(forms.Form):
    user = ColleagueChoiceField(
        label=_("Colleague"),
        queryset=None,
        help_text=_("People who hold a role in the organisation on this platform."),
    )
    role = forms.ChoiceField(
        label=_("Role in the advice team"),
        choices=AdviceRoleKind.choices,
        initial=AdviceRoleKind.ADVISER,
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = advice_team_candidates(organisation)


class AdviceRoleChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("Role in the advice team"), choices=AdviceRoleKind.choices)
