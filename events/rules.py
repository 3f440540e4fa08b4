"""Who may do what with events. Organisers are the members (any role) of an organising
organisation; a network's admins also run the working meetings of their network's series.
Participants' data (registrations, check-in) is seen by organisers only: not by platform
staff, not by other organisations."""

import rules

from directory.models import NetworkRole, OrganisationRole
from directory.rules import is_signed_in


def _event_of(obj):
    return getattr(obj, "event", obj)


@rules.predicate
def organises(user, obj):
    """A member of one of the organisations that organise the event (or its date)."""
    event = _event_of(obj)
    if event is None or not user.is_authenticated:
        return False
    return OrganisationRole.objects.filter(
        user=user, organisation__in=event.organisers.all()
    ).exists()


@rules.predicate
def runs_the_series(user, obj):
    """An admin of the network whose working-meeting series the event belongs to."""
    event = _event_of(obj)
    if event is None or event.series_id is None or not user.is_authenticated:
        return False
    return NetworkRole.objects.filter(user=user, network_id=event.series.network_id).exists()


@rules.predicate
def is_network_admin(user, network):
    if network is None or not user.is_authenticated:
        return False
    return NetworkRole.objects.filter(user=user, network=network).exists()


@rules.predicate
def is_organisation_member(user, organisation):
    if organisation is None or not user.is_authenticated:
        return False
    return OrganisationRole.objects.filter(user=user, organisation=organisation).exists()


rules.add_perm("events.add_event", is_signed_in & is_organisation_member)
rules.add_perm("events.change_event", is_signed_in & (organises | runs_the_series))
rules.add_perm("events.view_registrations", is_signed_in & (organises | runs_the_series))
rules.add_perm("events.manage_series", is_signed_in & is_network_admin)


@rules.predicate
def entered_the_speaker(user, speaker):
    """A member of the organisation that entered the speaker."""
    if speaker is None or not user.is_authenticated:
        return False
    return OrganisationRole.objects.filter(
        user=user, organisation_id=speaker.organisation_id
    ).exists()


rules.add_perm("events.change_speaker", is_signed_in & entered_the_speaker)


def may(user, permission: str, obj=None) -> bool:
    """Whether `user` holds `permission` by these rules alone. Django's user.has_perm lets
    every active superuser through, but participants' data is for organisers only."""
    return rules.has_perm(permission, user, obj)
