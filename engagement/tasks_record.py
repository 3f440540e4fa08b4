"""The follow-up six weeks after a placement started: its responsible guide (or, without
one, the organisation's guides) is asked once by e-mail to find out how it is going.
The e-mail carries a link to the follow-up form, never the volunteer's contact data."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .models import FOLLOW_UP_AFTER_DAYS, Placement, PlacementStatus
from .selectors import guides_of
from .services.record import placement_follow_up_claim, placement_follow_up_unclaim


def placements_due_for_follow_up(today=None):
    """Placed at least six weeks ago, still running, and never reminded."""
    today = today or timezone.localdate()
    return Placement.objects.filter(
        status=PlacementStatus.PLACED,
        started_on__lte=today - timedelta(days=FOLLOW_UP_AFTER_DAYS),
        follow_up_reminded_at__isnull=True,
    ).order_by("started_on", "pk")


def follow_up_recipients(placement: Placement) -> list[str]:
    responsible = placement.responsible
    if responsible is not None and responsible.is_active and responsible.email:
        return [responsible.email]
    return [guide.email for guide in guides_of(placement.organisation) if guide.email]


@task
def send_follow_up_reminder(placement_id: int, base_url: str) -> bool:
    """Returns whether an e-mail went out; a placement already reminded is left alone."""
    placement = Placement.objects.select_related(
        "organisation", "opportunity", "help_request", "volunteer", "responsible"
    ).get(pk=placement_id)
    recipients = follow_up_recipients(placement)
    if not recipients or not placement_follow_up_claim(placement=placement):
        return False
    subject_of_placement = (
        placement.opportunity.title
        if placement.opportunity_id
        else placement.help_request.get_category_display()
    )
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "placement": placement,
        "subject": subject_of_placement,
        "follow_up_url": base_url.rstrip("/")
        + reverse("engagement:follow_up", kwargs={"placement_pk": placement.pk}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("engagement/record/email/follow_up_subject.txt", context)
        body = render_to_string("engagement/record/email/follow_up_body.txt", context)
    subject = " ".join(subject.split())
    try:
        send_mass_mail([(subject, body, None, [recipient]) for recipient in recipients])
    except Exception:
        placement_follow_up_unclaim(placement=placement)
        raise
    return True
