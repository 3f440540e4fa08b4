"""E-mails of the directory, sent in the background. Tasks receive ids, not objects, so the
database backend can queue them; `base_url` is the address of the platform as the person
who caused the e-mail used it."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .models import Invitation, OrganisationRequest


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def _send(template: str, context: dict, recipient: str) -> None:
    context = {"platform_name": settings.GEMEINWERK_NAME, **context}
    subject = render_to_string(f"directory/email/{template}_subject.txt", context)
    body = render_to_string(f"directory/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [recipient])


@task
def send_invitation_email(invitation_id: int, base_url: str) -> None:
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            "invitation",
            {
                "invitation": invitation,
                "accept_url": _absolute(
                    base_url,
                    reverse("manage:invitation", kwargs={"token": invitation.token}),
                ),
            },
            invitation.email,
        )


@task
def send_request_decision_email(request_id: int, base_url: str) -> None:
    organisation_request = OrganisationRequest.objects.select_related(
        "organisation", "requested_by"
    ).get(pk=request_id)
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            "request_decision",
            {
                "organisation_request": organisation_request,
                "manage_url": _absolute(
                    base_url,
                    reverse(
                        "manage:organisation",
                        kwargs={"slug": organisation_request.organisation.slug},
                    ),
                ),
            },
            organisation_request.requested_by.email,
        )
