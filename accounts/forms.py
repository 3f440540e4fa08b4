from django import forms
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Name"),
        max_length=150,
        required=False,
        help_text=_("Shown to colleagues in your organisations. You may leave it empty."),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my roles will be deleted permanently."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
