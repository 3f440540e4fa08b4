"""What the personal-data download holds from the advice module. Advisers work with other
people's confidential data, which is not theirs to take home: only their own memberships
of advice teams are exported. Residents' concerns and bookings are kept without an account
(by name and contact data, no proof of identity), so they are answered on request by the
organisation, not by a download."""

from .models import AdviceRole


def export_for_user(user) -> dict:
    roles = AdviceRole.objects.filter(user=user).select_related("organisation")
    return {
        "advice_roles": [
            {
                "organisation": role.organisation.name,
                "role": role.role,
                "granted_at": role.granted_at.isoformat(),
            }
            for role in roles.order_by("organisation__name")
        ]
    }
