"""E-mails of the public search, sent in the background. Tasks receive ids, not objects,
so the database backend can queue them; `base_url` is the address of the platform as the
visitor used it."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from directory.models import OrganisationRole

from .models import Placement
from .rules import PLACEMENT_ROLES


def interest_recipients(placement: Placement) -> list[str]:
    """Who hears of a new interest: the opportunity's contact coordinator, else the
    organisation's address, else its admins and coordinators."""
    opportunity = placement.opportunity
    if opportunity.coordinator_id and opportunity.coordinator.email:
        return [opportunity.coordinator.email]
    if placement.organisation.email:
        return [placement.organisation.email]
    return sorted(
        set(
            OrganisationRole.objects.filter(
                organisation=placement.organisation, role__in=PLACEMENT_ROLES
            ).values_list("user__email", flat=True)
        )
        - {""}
    )


@task
def send_interest_notification(placement_id: int, base_url: str) -> None:
    """Tells the organisation that someone is interested, without who it is: the contact
    data stays on the platform, behind the sign-in."""
    placement = Placement.objects.select_related("opportunity__coordinator", "organisation").get(
        pk=placement_id
    )
    recipients = interest_recipients(placement)
    if not recipients:
        return
    context = {
        "platform_name": settings.GEMEINWERK_NAME,
        "opportunity": placement.opportunity,
        "organisation": placement.organisation,
        "sign_in_url": base_url.rstrip("/")
        + reverse("engagement:placement", kwargs={"pk": placement.pk}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("engagement/search/email/interest_subject.txt", context)
        body = render_to_string("engagement/search/email/interest_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)
