"""The 90-day rule: a published opportunity its organisation has not confirmed for 90
days disappears from search. One week before (and once more if it is already hidden
and was never reminded) the organisation's admins and editors get one e-mail listing its
opportunities with a link to confirm each; the reminder is not repeated until the
opportunity has been confirmed again."""

from datetime import timedelta
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .models import CONFIRMATION_DAYS
from .rules import EDITING_ROLES
from .services.opportunities import opportunities_due_for_reminder, opportunities_mark_reminded


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def reminder_recipients(organisation) -> list[str]:
    """Its admins and editors; the organisation's own address if it has none."""
    emails = list(
        get_user_model()
        .objects.filter(
            is_active=True,
            organisation_roles__organisation=organisation,
            organisation_roles__role__in=EDITING_ROLES,
        )
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
    if not emails and organisation.email:
        emails = [organisation.email]
    return emails


def _send_reminder(organisation, opportunities, base_url: str, now) -> bool:
    recipients = reminder_recipients(organisation)
    if not recipients:
        return False
    items = [
        {
            "opportunity": opportunity,
            "hidden_on": opportunity.confirmed_at + timedelta(days=CONFIRMATION_DAYS)
            if opportunity.confirmed_at
            else now,
            "confirm_url": _absolute(
                base_url,
                reverse(
                    "engagement:opportunity_confirm",
                    kwargs={"org_slug": organisation.slug, "slug": opportunity.slug},
                ),
            ),
        }
        for opportunity in opportunities
    ]
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "organisation": organisation,
        "items": items,
        "now": now,
        "dashboard_url": _absolute(
            base_url, reverse("engagement:org_dashboard", kwargs={"org_slug": organisation.slug})
        ),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(
            "engagement/organisation/email/confirmation_reminder_subject.txt", context
        )
        body = render_to_string(
            "engagement/organisation/email/confirmation_reminder_body.txt", context
        )
    subject = " ".join(subject.split())
    # One message per recipient, so colleagues never see each other's addresses.
    send_mass_mail([(subject, body, None, [recipient]) for recipient in recipients])
    return True


@task
def send_confirmation_reminders(base_url: str) -> int:
    """E-mail every organisation about its opportunities that are due; returns how many
    opportunities were included."""
    now = timezone.now()
    due = (
        opportunities_due_for_reminder(now)
        .select_related("organisation")
        .order_by("organisation_id", "confirmed_at", "pk")
    )
    reminded = 0
    for _organisation_id, group in groupby(due, key=lambda item: item.organisation_id):
        opportunities = list(group)
        if _send_reminder(opportunities[0].organisation, opportunities, base_url, now):
            reminded += opportunities_mark_reminded(
                opportunity_ids=[item.pk for item in opportunities], now=now
            )
    return reminded
