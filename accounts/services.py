from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.privacy import export_personal_data

User = get_user_model()


def user_export_data(*, user) -> dict:
    """Everything the platform holds about `user`, for the GDPR download (Art. 15/20)."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_staff": user.is_staff,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
            "two_factor_methods": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
        },
        **export_personal_data(user),
    }


@transaction.atomic
def user_delete(*, user) -> None:
    """Delete the account and everything that belongs only to it; roles go with it."""
    user.delete()


@transaction.atomic
def user_update_profile(*, user, display_name: str) -> None:
    user.display_name = display_name
    user.save(update_fields=["display_name"])
