from .models import Registration


def export_for_user(user) -> dict:
    """The registrations made under the person's account (not those of others who used the
    same e-mail address without an account: that address is not proof of identity)."""
    registrations = Registration.objects.filter(user=user).select_related(
        "occurrence__event", "organisation"
    )
    return {
        "registrations": [
            {
                "event": registration.occurrence.event.title,
                "starts_at": registration.occurrence.starts_at.isoformat(),
                "name": registration.name,
                "email": registration.email,
                "phone": registration.phone,
                "party_size": registration.party_size,
                "accessibility_needs": registration.accessibility_needs,
                "organisation": registration.organisation.name
                if registration.organisation_id
                else None,
                "status": registration.status,
                "consent_text": registration.consent_text,
                "consent_at": registration.consent_at.isoformat(),
                "created_at": registration.created_at.isoformat(),
                "promoted_at": registration.promoted_at.isoformat()
                if registration.promoted_at
                else None,
                "cancelled_at": registration.cancelled_at.isoformat()
                if registration.cancelled_at
                else None,
                "checked_in_at": registration.checked_in_at.isoformat()
                if registration.checked_in_at
                else None,
            }
            for registration in registrations
        ]
    }
