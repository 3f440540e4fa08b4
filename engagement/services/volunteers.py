"""Volunteer profiles, suggestions by engagement guides and saved searches with e-mail
alerts."""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.geo import postcode_point

from .. import matching, selectors, tasks_volunteer
from ..models import Placement, PlacementKind, SavedSearch, VolunteerProfile
from .placements import placement_create

# Unconfirmed saved searches are someone's e-mail address we may not use: gone after this.
UNCONFIRMED_SEARCH_DAYS = 7


def _send_after_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


@transaction.atomic
def volunteer_profile_save(
    *,
    user,
    name: str,
    postcode: str,
    phone: str = "",
    birth_date=None,
    fields=(),
    activities=(),
    skills: str = "",
    languages=(),
    time_slots: int = 0,
    max_distance_km: int,
    allow_suggestions: bool = False,
) -> VolunteerProfile:
    """Create or update the volunteer profile of `user`; the postcode gives the position
    used for matching."""
    point = postcode_point(postcode)
    if point is None:
        raise ValidationError(
            {"postcode": _("We do not know this postcode. Please enter a German postcode.")}
        )
    profile, _created = VolunteerProfile.objects.update_or_create(
        user=user,
        defaults={
            "name": name,
            "phone": phone,
            "birth_date": birth_date,
            "skills": skills,
            "time_slots": time_slots,
            "postcode": postcode,
            "latitude": point.latitude,
            "longitude": point.longitude,
            "max_distance_km": max_distance_km,
            "allow_suggestions": allow_suggestions,
        },
    )
    profile.fields.set(fields)
    profile.activities.set(activities)
    profile.languages.set(languages)
    return profile


@transaction.atomic
def volunteer_suggest(*, opportunity, volunteer: VolunteerProfile, by, base_url: str) -> Placement:
    """A guide suggests the opportunity to a volunteer who allows suggestions: a placement
    of kind "suggestion" and an e-mail to the volunteer."""
    if (
        not volunteer.allow_suggestions
        or not matching.within_reach(volunteer, opportunity)
        or not selectors.opportunities_public().filter(pk=opportunity.pk).exists()
    ):
        raise ValidationError(_("This person cannot be suggested for this opportunity."))
    if Placement.objects.open().filter(opportunity=opportunity, volunteer=volunteer).exists():
        raise ValidationError(_("This person is already in contact about this opportunity."))
    placement = placement_create(
        kind=PlacementKind.SUGGESTION,
        organisation=opportunity.organisation,
        opportunity=opportunity,
        volunteer=volunteer,
        by=by,
    )
    _send_after_commit(tasks_volunteer.send_suggestion_email, placement.pk, base_url)
    return placement


@transaction.atomic
def saved_search_create(*, email: str, query: str, user=None, base_url: str) -> SavedSearch:
    """Save a search for daily alerts. Someone signed in with that very address is
    confirmed at once; anyone else first gets an e-mail to confirm (double opt-in). Saving
    the same search for the same address again creates no second one."""
    email = email.strip()
    signed_in_with_address = (
        user is not None and user.is_authenticated and user.email.lower() == email.lower()
    )
    saved_search = SavedSearch.objects.filter(email__iexact=email, query=query).first()
    if saved_search is None:
        saved_search = SavedSearch.objects.create(
            email=email,
            query=query,
            user=user if signed_in_with_address else None,
            token=secrets.token_urlsafe(32),
        )
    if saved_search.confirmed_at is None:
        if signed_in_with_address:
            saved_search.confirmed_at = timezone.now()
            saved_search.save(update_fields=["confirmed_at"])
        else:
            _send_after_commit(
                tasks_volunteer.send_saved_search_confirmation_email, saved_search.pk, base_url
            )
    return saved_search


@transaction.atomic
def saved_search_confirm(*, saved_search: SavedSearch) -> SavedSearch:
    """Alerts cover opportunities published from now on, not the ones already found."""
    if saved_search.confirmed_at is None:
        saved_search.confirmed_at = timezone.now()
        saved_search.save(update_fields=["confirmed_at"])
    return saved_search


@transaction.atomic
def saved_search_delete(*, saved_search: SavedSearch) -> None:
    saved_search.delete()


@transaction.atomic
def saved_search_mark_sent(*, saved_search: SavedSearch, at) -> None:
    SavedSearch.objects.filter(pk=saved_search.pk).update(last_sent_at=at)


@transaction.atomic
def saved_searches_purge_unconfirmed(*, now=None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=UNCONFIRMED_SEARCH_DAYS)
    deleted, _details = SavedSearch.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted
