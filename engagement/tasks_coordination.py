"""E-mails of the placement workflow and of neighbourhood help, sent in the background.
Tasks receive ids, not objects, so the database backend can queue them; `base_url` is the
address of the platform as the person who caused the e-mail used it.

Mails to guides carry a link, never a volunteer's or requester's contact data: those stay
behind the sign-in. The one exception is the match e-mail, which exists to hand the
requester's contact data to the helper the coordinator confirmed."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .models import HelpRequest, Placement, PlacementStatus, PlacementStep
from .selectors import guides_of


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def volunteer_email(placement: Placement) -> str:
    """Where mail for the volunteer of a placement goes; empty for a guest who left only a
    phone number."""
    if placement.volunteer_id:
        return placement.volunteer.user.email
    return placement.contact_email


def _organisation_recipients(organisation) -> list[str]:
    emails = [guide.email for guide in guides_of(organisation) if guide.email]
    if not emails and organisation.email:
        emails = [organisation.email]
    return emails


def _send(template: str, context: dict, recipients: list[str]) -> None:
    """One message per recipient, so guides never see each other's addresses."""
    if not recipients:
        return
    context = {"platform_name": settings.GEMEINWERK_NAME, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"engagement/coordination/email/{template}_subject.txt", context)
        body = render_to_string(f"engagement/coordination/email/{template}_body.txt", context)
    subject = " ".join(subject.split())
    send_mass_mail([(subject, body, None, [recipient]) for recipient in recipients])


def _placement(placement_id: int) -> Placement:
    return Placement.objects.select_related(
        "volunteer__user", "opportunity", "help_request", "organisation"
    ).get(pk=placement_id)


@task
def send_placement_status_email(placement_id: int, step_id: int, base_url: str) -> None:
    """Tell the volunteer that their placement moved on."""
    placement = _placement(placement_id)
    step = PlacementStep.objects.get(pk=step_id, placement=placement)
    _send(
        "placement_status",
        {
            "placement": placement,
            "step": step,
            "my_placements_url": _absolute(base_url, reverse("engagement:my_placements")),
        },
        [email for email in [volunteer_email(placement)] if email],
    )


@task
def send_placement_step_to_organisation(placement_id: int, step_id: int, base_url: str) -> None:
    """Tell the organisation's guides about a step (a status change or a withdrawal)."""
    placement = _placement(placement_id)
    step = PlacementStep.objects.get(pk=step_id, placement=placement)
    _send(
        "placement_step_organisation",
        {
            "placement": placement,
            "step": step,
            "placement_url": _absolute(base_url, placement.get_absolute_url()),
        },
        _organisation_recipients(placement.organisation),
    )


@task
def send_help_match_email(placement_id: int, base_url: str) -> None:
    """The coordinator confirmed the helper: now, and only now, the helper learns who asked
    and how to reach them."""
    placement = _placement(placement_id)
    if placement.help_request is None or placement.status != PlacementStatus.PLACED:
        return
    _send(
        "help_match",
        {
            "placement": placement,
            "help_request": placement.help_request,
            "my_placements_url": _absolute(base_url, reverse("engagement:my_placements")),
        },
        [email for email in [volunteer_email(placement)] if email],
    )


@task
def send_help_offer_email(placement_id: int, base_url: str) -> None:
    """Tell the coordinating organisation's guides that someone offers help."""
    placement = _placement(placement_id)
    _send(
        "help_offer",
        {
            "placement": placement,
            "help_request": placement.help_request,
            "placement_url": _absolute(base_url, placement.get_absolute_url()),
        },
        _organisation_recipients(placement.organisation),
    )


@task
def send_help_request_review_email(help_request_id: int, base_url: str) -> None:
    """Tell the coordinating organisation's guides that a new help request awaits checking."""
    help_request = HelpRequest.objects.select_related("organisation").get(pk=help_request_id)
    _send(
        "help_request_review",
        {
            "help_request": help_request,
            "manage_url": _absolute(
                base_url, reverse("engagement:help_request_manage", kwargs={"pk": help_request.pk})
            ),
        },
        _organisation_recipients(help_request.organisation),
    )
