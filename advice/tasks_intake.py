"""E-mails of the intake, sent in the background. They say only that something arrived
and where to look: the concern itself stays on the platform, behind the sign-in."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .models import AdviceRole, Concern


@task
def send_new_concern_notice(concern_id: int, base_url: str) -> None:
    """To every member of the organisation's advice team: a link to the triage queue."""
    concern = Concern.objects.filter(pk=concern_id).only("organisation_id").first()
    if concern is None:
        return
    recipients = sorted(
        set(
            AdviceRole.objects.filter(organisation_id=concern.organisation_id, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    if not recipients:
        return
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "triage_url": base_url.rstrip("/") + reverse("advice:triage"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("advice/intake/email/new_concern_subject.txt", context)
        body = render_to_string("advice/intake/email/new_concern_body.txt", context)
    # One message per person: team members do not see each other's addresses.
    for recipient in recipients:
        send_mail(" ".join(subject.split()), body, None, [recipient])
