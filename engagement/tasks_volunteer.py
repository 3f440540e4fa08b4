"""E-mails to volunteers and to people who saved a search, sent in the background. Tasks
receive ids, not objects, so the database backend can queue them; `base_url` is the
address of the platform as the person who caused the e-mail (or the cron job) used it."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from . import matching, selectors
from .models import Placement, SavedSearch
from .services import volunteers as volunteer_services

MAX_DIGEST_OPPORTUNITIES = 20


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def _send(template: str, context: dict, recipient: str, headers=None) -> None:
    context = {"platform_name": settings.GEMEINWERK_NAME, **context}
    subject = render_to_string(f"engagement/volunteer/email/{template}_subject.txt", context)
    body = render_to_string(f"engagement/volunteer/email/{template}_body.txt", context)
    EmailMessage(" ".join(subject.split()), body, to=[recipient], headers=headers).send()


def _unsubscribe_url(saved_search: SavedSearch, base_url: str) -> str:
    return _absolute(
        base_url,
        reverse("engagement:saved_search_unsubscribe", kwargs={"token": saved_search.token}),
    )


def _list_unsubscribe_headers(unsubscribe_url: str) -> dict:
    # RFC 8058: mail programs may unsubscribe with one POST to this address.
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@task
def send_suggestion_email(placement_id: int, base_url: str) -> None:
    placement = Placement.objects.select_related(
        "volunteer__user", "opportunity", "organisation"
    ).get(pk=placement_id)
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            "suggestion",
            {
                "placement": placement,
                "opportunity_url": _absolute(base_url, placement.opportunity.get_absolute_url()),
                "profile_url": _absolute(base_url, reverse("engagement:profile")),
            },
            placement.volunteer.user.email,
        )


@task
def send_saved_search_confirmation_email(saved_search_id: int, base_url: str) -> None:
    saved_search = SavedSearch.objects.get(pk=saved_search_id)
    unsubscribe_url = _unsubscribe_url(saved_search, base_url)
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            "saved_search_confirmation",
            {
                "confirm_url": _absolute(
                    base_url,
                    reverse(
                        "engagement:saved_search_confirm", kwargs={"token": saved_search.token}
                    ),
                ),
                "unsubscribe_url": unsubscribe_url,
            },
            saved_search.email,
            headers=_list_unsubscribe_headers(unsubscribe_url),
        )


@task
def send_saved_search_digest(saved_search_id: int, base_url: str) -> None:
    """One e-mail with the opportunities published since the last one (or since the
    search was confirmed) that match it, at most MAX_DIGEST_OPPORTUNITIES; nothing if
    there are none. Locked, so that two workers never send the same ones twice."""
    with transaction.atomic():
        saved_search = (
            SavedSearch.objects.select_for_update()
            .filter(pk=saved_search_id, confirmed_at__isnull=False)
            .first()
        )
        if saved_search is None:
            return
        now = timezone.now()
        since = saved_search.last_sent_at or saved_search.confirmed_at
        new_opportunities = selectors.opportunities_public().filter(
            published_at__gt=since, published_at__lte=now
        )
        opportunities = list(
            matching.apply_saved_query(new_opportunities, saved_search.query)
            .select_related("organisation", "municipality")
            .order_by("-published_at")[:MAX_DIGEST_OPPORTUNITIES]
        )
        if not opportunities:
            return
        unsubscribe_url = _unsubscribe_url(saved_search, base_url)
        search_path = reverse("engagement:search")
        with translation.override(settings.LANGUAGE_CODE):
            _send(
                "saved_search_digest",
                {
                    "opportunities": [
                        (opportunity, _absolute(base_url, opportunity.get_absolute_url()))
                        for opportunity in opportunities
                    ],
                    "search_url": _absolute(
                        base_url,
                        f"{search_path}?{saved_search.query}"
                        if saved_search.query
                        else search_path,
                    ),
                    "unsubscribe_url": unsubscribe_url,
                },
                saved_search.email,
                headers=_list_unsubscribe_headers(unsubscribe_url),
            )
        volunteer_services.saved_search_mark_sent(saved_search=saved_search, at=now)
