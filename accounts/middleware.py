from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import redirect
from django.urls import reverse

# Paths a staff member without two-factor authentication may still reach: setting it up,
# signing out, and the static files the pages need.
_ALLOWED_PREFIXES = ("/konto/", "/static/", "/i18n/", "/health/")


class StaffTwoFactorMiddleware:
    """Platform staff must activate TOTP before they can use anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and not is_mfa_enabled(user)
        ):
            return redirect(reverse("mfa_activate_totp") + "?required=1")
        return self.get_response(request)
