"""The follow-up of a referral: when its date has come, the adviser who made it is asked
by e-mail to find out whether it helped. The e-mail holds the referral's number and a
link, nothing about the case, the person or the service."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .models import Referral, ReferralOutcome
from .rules import may


def referrals_due_for_follow_up(today: date | None = None) -> QuerySet[Referral]:
    """Referrals still waiting for an answer whose follow-up date has come and whose
    adviser has not been asked yet."""
    return Referral.objects.filter(
        outcome=ReferralOutcome.PENDING,
        reminded_at__isnull=True,
        ask_on__lte=today or timezone.localdate(),
        case__anonymised_at__isnull=True,
    )


@task
def send_referral_follow_up(referral_id: int, base_url: str) -> None:
    """Marks the referral reminded before sending, so a reminder queued twice goes out
    once. An adviser who may no longer see the case is not written to."""
    with transaction.atomic():
        referral = (
            referrals_due_for_follow_up()
            .select_for_update(of=("self",))
            .select_related("case", "referred_by")
            .filter(pk=referral_id)
            .first()
        )
        if referral is None:
            return
        referral.reminded_at = timezone.now()
        referral.save(update_fields=["reminded_at"])
    adviser = referral.referred_by
    if adviser is None or not adviser.email or not may(adviser, "advice.view_case", referral.case):
        return
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "referral": referral,
        "feedback_url": base_url.rstrip("/")
        + reverse("advice:referral_feedback", kwargs={"pk": referral.pk}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("advice/referrals/email/follow_up_subject.txt", context)
        body = render_to_string("advice/referrals/email/follow_up_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [adviser.email])
