"""Template helpers of the engagement record: hours in German notation and the state of a
placement's extended police certificate."""

from decimal import Decimal

from django import template
from django.utils import timezone

from ..certificates import hours_display
from ..selectors import police_certificates_seen_by

register = template.Library()


@register.filter
def hours(value) -> str:
    """12.50 → "12,5"; nothing logged → "0"."""
    return hours_display(Decimal(value or 0))


@register.simple_tag
def police_certificate_of(placement):
    """The latest extended police certificate the placement's organisation saw for its
    volunteer (None for guests and if none was seen), with whether it is valid today."""
    if placement.volunteer_id is None:
        return {"qualification": None, "is_valid": False}
    qualification = (
        police_certificates_seen_by(placement.organisation_id)
        .filter(volunteer_id=placement.volunteer_id)
        .order_by("-seen_on", "-pk")
        .first()
    )
    is_valid = bool(
        qualification
        and qualification.valid_until
        and qualification.valid_until >= timezone.localdate()
    )
    return {"qualification": qualification, "is_valid": is_valid}
