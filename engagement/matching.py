"""Matching volunteers and opportunities, in both directions, with the reasons shown to
people ("3 km away", "Tuesday afternoons fit", "you named “Seniors”").

The score is built by pure functions from plain data (`VolunteerSide`, `OpportunitySide`).
The two query functions narrow the candidates in SQL first, by a bounding box on the
indexed latitude/longitude and by shared fields or activities, and load the many-to-many
data of all candidates in a constant number of queries, so ranking stays fast with
100,000 opportunities and 300,000 volunteers nationwide."""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.http import QueryDict
from django.utils import dates, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.geo import Point, bounding_box, distance_km
from core.text import search_normalise

from . import search, selectors
from .availability import TIMES_OF_DAY, pairs_from_slots
from .forms_search import OpportunitySearchForm
from .models import Opportunity, TravelDistance, VolunteerProfile

MAX_RESULTS = 20
# Beyond this many candidates the nearest (or newest remote) ones are scored; at national
# scale a 50 km box around a city still holds far fewer that share an interest.
MAX_NEARBY_CANDIDATES = 2000
MAX_REMOTE_CANDIDATES = 500

FIELD_POINTS = 3.0
ACTIVITY_POINTS = 2.0
SLOT_POINTS = 1.0
MAX_COUNTED_SLOTS = 3
LANGUAGE_POINTS = 1.5
CLOSENESS_POINTS = 3.0
REMOTE_POINTS = 1.5
SKILL_WORD_POINTS = 0.5
MAX_COUNTED_SKILL_WORDS = 3
MAX_NAMED_IN_REASON = 3

# Skills are free text; these words say nothing about what someone can do.
_MIN_SKILL_WORD_LENGTH = 4
_SKILL_STOP_WORDS = frozenset(
    {
        "aber", "auch", "bereits", "bitte", "dass", "eine", "einem", "einen", "einer",
        "etwas", "gern", "gerne", "habe", "haben", "jahre", "jahren", "kann", "konnen",
        "meine", "meinen", "meiner", "mich", "nicht", "oder", "schon", "seit", "sehr",
        "sowie", "uber", "viel", "viele", "wenn", "werde", "with", "and", "have", "that",
    }
)  # fmt: skip


class ReasonKind:
    DISTANCE = "distance"
    REMOTE = "remote"
    FIELD = "field"
    ACTIVITY = "activity"
    TIME = "time"
    LANGUAGE = "language"
    SKILLS = "skills"


@dataclass(frozen=True)
class Reason:
    kind: str
    text: str


@dataclass(frozen=True)
class VolunteerSide:
    fields: frozenset[int] = frozenset()
    activities: frozenset[int] = frozenset()
    languages: frozenset[int] = frozenset()
    time_slots: int = 0
    skills: dict[str, str] = field(default_factory=dict)  # stem → the word as written
    max_distance_km: float = TravelDistance.KM_10


@dataclass(frozen=True)
class OpportunitySide:
    fields: frozenset[int] = frozenset()
    activities: frozenset[int] = frozenset()
    languages: frozenset[int] = frozenset()
    time_slots: int = 0
    stems: str = ""  # Opportunity.search_stems: " stem stem … "
    is_remote: bool = False


@dataclass(frozen=True)
class Names:
    """Names of the catalogue entries a reason may mention, by id."""

    fields: dict[int, str] = field(default_factory=dict)
    activities: dict[int, str] = field(default_factory=dict)
    languages: dict[int, str] = field(default_factory=dict)


@dataclass
class Match:
    subject: Opportunity | VolunteerProfile
    score: float
    distance_km: float | None
    reasons: list[Reason]


# Pure functions


def slot_label(weekday: int, time_of_day: int) -> str:
    """ "Tuesday afternoons"."""
    return _("%(weekday)s %(time_of_day)s") % {
        "weekday": dates.WEEKDAYS[weekday],
        "time_of_day": TIMES_OF_DAY[time_of_day],
    }


def skill_stems(skills: str) -> dict[str, str]:
    """The German stems of the telling words of a volunteer's skills, each with the word
    as written, comparable with Opportunity.search_stems."""
    words = [
        word
        for word in search.query_words(skills)
        if len(word) >= _MIN_SKILL_WORD_LENGTH and search_normalise(word) not in _SKILL_STOP_WORDS
    ]
    found: dict[str, str] = {}
    for word in words:
        for stem in search.stems(word):
            found.setdefault(stem, word)
    return found


def _quoted_list(names) -> str:
    return ", ".join(_("“%(name)s”") % {"name": name} for name in names)


def _distance_text(km: float) -> str:
    if km < 1:
        return _("Less than 1 km away")
    return _("%(km)s km away") % {"km": round(km)}


def score(
    volunteer: VolunteerSide,
    opportunity: OpportunitySide,
    *,
    distance_km: float | None,
    names: Names,
    for_volunteer: bool,
) -> tuple[float, list[Reason]]:
    """How well a volunteer and an opportunity fit, and why. `distance_km` is None when
    either side has no location. Reasons address the volunteer ("you named …") or, for a
    guide looking at volunteers, describe them ("interested in …")."""
    points = 0.0
    reasons: list[Reason] = []

    closeness = 0.0
    if distance_km is not None and distance_km <= volunteer.max_distance_km:
        closeness = CLOSENESS_POINTS * (1 - distance_km / max(volunteer.max_distance_km, 1))
        reasons.append(Reason(ReasonKind.DISTANCE, _distance_text(distance_km)))
    if opportunity.is_remote:
        closeness = max(closeness, REMOTE_POINTS)
        reasons.append(Reason(ReasonKind.REMOTE, _("Also possible from home")))
    points += closeness

    shared_slots = pairs_from_slots(volunteer.time_slots & opportunity.time_slots)
    if shared_slots:
        points += SLOT_POINTS * min(len(shared_slots), MAX_COUNTED_SLOTS)
        labels = ", ".join(slot_label(*pair) for pair in shared_slots[:MAX_NAMED_IN_REASON])
        text = ngettext("%(slots)s fits", "%(slots)s fit", len(shared_slots)) % {"slots": labels}
        reasons.append(Reason(ReasonKind.TIME, text))

    for kind, weight, mine, theirs, catalogue, you_named, interested_in in (
        (
            ReasonKind.FIELD,
            FIELD_POINTS,
            volunteer.fields,
            opportunity.fields,
            names.fields,
            _("You named %(names)s"),
            _("Interested in %(names)s"),
        ),
        (
            ReasonKind.ACTIVITY,
            ACTIVITY_POINTS,
            volunteer.activities,
            opportunity.activities,
            names.activities,
            _("You would like to do %(names)s"),
            _("Would like to do %(names)s"),
        ),
    ):
        shared = mine & theirs
        if shared:
            points += weight * len(shared)
            shared_names = sorted(catalogue.get(pk, "") for pk in shared)
            template = you_named if for_volunteer else interested_in
            reasons.append(
                Reason(
                    kind,
                    template % {"names": _quoted_list(shared_names[:MAX_NAMED_IN_REASON])},
                )
            )

    shared_languages = volunteer.languages & opportunity.languages
    if shared_languages:
        points += LANGUAGE_POINTS
        language_names = ", ".join(sorted(names.languages.get(pk, "") for pk in shared_languages))
        template = _("You speak %(languages)s") if for_volunteer else _("Speaks %(languages)s")
        reasons.append(Reason(ReasonKind.LANGUAGE, template % {"languages": language_names}))

    if volunteer.skills and opportunity.stems:
        found = [word for stem, word in volunteer.skills.items() if f" {stem}" in opportunity.stems]
        if found:
            points += SKILL_WORD_POINTS * min(len(found), MAX_COUNTED_SKILL_WORDS)
            template = (
                _("Fits your experience: %(words)s")
                if for_volunteer
                else _("Experience: %(words)s")
            )
            reasons.append(
                Reason(
                    ReasonKind.SKILLS,
                    template % {"words": ", ".join(found[:MAX_NAMED_IN_REASON])},
                )
            )
    return points, reasons


def _sort_key(match: Match):
    return (-match.score, match.distance_km if match.distance_km is not None else math.inf)


def _birth_date_at_least(age: int, today: date) -> date:
    """The latest birth date of someone who is `age` years old on `today`."""
    try:
        return today.replace(year=today.year - age)
    except ValueError:  # 29 February
        return today.replace(year=today.year - age, day=28)


# Many-to-many data of many rows in one query per relation


def _related_ids(descriptor, owner_ids) -> dict[int, frozenset[int]]:
    """{owner id: ids of related entries} for a many-to-many descriptor such as
    `Opportunity.fields`, read from its through table in one query."""
    relation = descriptor.field
    owner_column = f"{relation.m2m_field_name()}_id"
    target_column = f"{relation.m2m_reverse_field_name()}_id"
    grouped: dict[int, set[int]] = defaultdict(set)
    rows = descriptor.through.objects.filter(**{f"{owner_column}__in": owner_ids}).values_list(
        owner_column, target_column
    )
    for owner_id, target_id in rows:
        grouped[owner_id].add(target_id)
    return {owner_id: frozenset(ids) for owner_id, ids in grouped.items()}


def _shares_interest(descriptors, field_ids, activity_ids) -> Q | None:
    """A condition "shares at least one field or activity", or None when there is
    nothing to share."""
    fields_descriptor, activities_descriptor = descriptors
    conditions = []
    for descriptor, ids in ((fields_descriptor, field_ids), (activities_descriptor, activity_ids)):
        if not ids:
            continue
        relation = descriptor.field
        conditions.append(
            Exists(
                descriptor.through.objects.filter(
                    **{
                        f"{relation.m2m_field_name()}_id": OuterRef("pk"),
                        f"{relation.m2m_reverse_field_name()}_id__in": list(ids),
                    }
                )
            )
        )
    if not conditions:
        return None
    condition = Q(conditions[0])
    for other in conditions[1:]:
        condition |= Q(other)
    return condition


# Direction 1: opportunities for a volunteer


def volunteer_side(profile: VolunteerProfile) -> tuple[VolunteerSide, Names]:
    field_names = dict(profile.fields.values_list("pk", "name"))
    activity_names = dict(profile.activities.values_list("pk", "name"))
    language_names = dict(profile.languages.values_list("pk", "name"))
    side = VolunteerSide(
        fields=frozenset(field_names),
        activities=frozenset(activity_names),
        languages=frozenset(language_names),
        time_slots=profile.time_slots,
        skills=skill_stems(profile.skills),
        max_distance_km=profile.max_distance_km,
    )
    return side, Names(fields=field_names, activities=activity_names, languages=language_names)


def matches_for_volunteer(
    profile: VolunteerProfile, *, today: date | None = None, limit: int = MAX_RESULTS
) -> list[Match]:
    """Public opportunities within the volunteer's travel distance, and remote ones,
    best first. If the volunteer named fields or activities, only opportunities sharing
    one of them are considered; minimum ages above the volunteer's age are left out."""
    today = today or timezone.localdate()
    volunteer, names = volunteer_side(profile)
    home = Point(profile.latitude, profile.longitude)

    candidates = (
        selectors.opportunities_public()
        .select_related("organisation", "municipality")
        .defer("description", "plain_language_summary", "other_requirements", "search_document")
    )
    age = profile.age_on(today)
    if age is not None:
        candidates = candidates.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age))
    interest = _shares_interest(
        (Opportunity.fields, Opportunity.activities), volunteer.fields, volunteer.activities
    )
    if interest is not None:
        candidates = candidates.filter(interest)

    nearby = candidates.filter(bounding_box(home, volunteer.max_distance_km)).order_by(
        "-published_at"
    )[:MAX_NEARBY_CANDIDATES]
    remote = candidates.filter(is_remote=True).order_by("-published_at")[:MAX_REMOTE_CANDIDATES]

    reachable: dict[int, tuple[Opportunity, float | None]] = {}
    for opportunity in [*nearby, *remote]:
        distance = None
        if opportunity.latitude is not None and opportunity.longitude is not None:
            distance = distance_km(home, Point(opportunity.latitude, opportunity.longitude))
        if opportunity.is_remote or (
            distance is not None and distance <= volunteer.max_distance_km
        ):
            reachable[opportunity.pk] = (opportunity, distance)

    ids = list(reachable)
    fields_by_id = _related_ids(Opportunity.fields, ids)
    activities_by_id = _related_ids(Opportunity.activities, ids)
    languages_by_id = _related_ids(Opportunity.languages, ids)
    matches = []
    for pk, (opportunity, distance) in reachable.items():
        side = OpportunitySide(
            fields=fields_by_id.get(pk, frozenset()),
            activities=activities_by_id.get(pk, frozenset()),
            languages=languages_by_id.get(pk, frozenset()),
            time_slots=opportunity.time_slots,
            stems=opportunity.search_stems,
            is_remote=opportunity.is_remote,
        )
        points, reasons = score(
            volunteer, side, distance_km=distance, names=names, for_volunteer=True
        )
        matches.append(Match(opportunity, points, distance, reasons))
    matches.sort(key=_sort_key)
    return matches[:limit]


# Direction 2: volunteers for an opportunity


def opportunity_side(opportunity: Opportunity) -> tuple[OpportunitySide, Names]:
    field_names = dict(opportunity.fields.values_list("pk", "name"))
    activity_names = dict(opportunity.activities.values_list("pk", "name"))
    language_names = dict(opportunity.languages.values_list("pk", "name"))
    side = OpportunitySide(
        fields=frozenset(field_names),
        activities=frozenset(activity_names),
        languages=frozenset(language_names),
        time_slots=opportunity.time_slots,
        stems=opportunity.search_stems,
        is_remote=opportunity.is_remote,
    )
    return side, Names(fields=field_names, activities=activity_names, languages=language_names)


def _opportunity_point(opportunity: Opportunity) -> Point | None:
    if opportunity.latitude is None or opportunity.longitude is None:
        return None
    return Point(opportunity.latitude, opportunity.longitude)


def within_reach(profile: VolunteerProfile, opportunity: Opportunity) -> bool:
    """Whether the opportunity lies within the volunteer's own travel distance (any
    distance for remote opportunities)."""
    if opportunity.is_remote:
        return True
    point = _opportunity_point(opportunity)
    if point is None:
        return False
    return distance_km(Point(profile.latitude, profile.longitude), point) <= (
        profile.max_distance_km
    )


def volunteers_for_opportunity(
    opportunity: Opportunity, *, today: date | None = None, limit: int = MAX_RESULTS
) -> list[Match]:
    """Volunteers who allow suggestions, share a field or an activity with the
    opportunity, are old enough and live within their own travel distance of it (any
    distance for remote opportunities), best first. Meant for the opportunity's guides."""
    today = today or timezone.localdate()
    opportunity_data, names = opportunity_side(opportunity)
    point = _opportunity_point(opportunity)
    if point is None and not opportunity.is_remote:
        return []

    candidates = VolunteerProfile.objects.filter(allow_suggestions=True).only(
        "pk", "name", "skills", "time_slots", "latitude", "longitude", "max_distance_km"
    )
    if opportunity.minimum_age:
        candidates = candidates.filter(
            Q(birth_date__isnull=True)
            | Q(birth_date__lte=_birth_date_at_least(opportunity.minimum_age, today))
        )
    interest = _shares_interest(
        (VolunteerProfile.fields, VolunteerProfile.activities),
        opportunity_data.fields,
        opportunity_data.activities,
    )
    if interest is not None:
        candidates = candidates.filter(interest)
    if not opportunity.is_remote:
        candidates = candidates.filter(bounding_box(point, max(TravelDistance.values)))
    candidates = candidates.order_by("-updated_at")[:MAX_NEARBY_CANDIDATES]

    reachable: dict[int, tuple[VolunteerProfile, float | None]] = {}
    for profile in candidates:
        distance = distance_km(point, Point(profile.latitude, profile.longitude)) if point else None
        if opportunity.is_remote or distance <= profile.max_distance_km:
            reachable[profile.pk] = (profile, distance)

    ids = list(reachable)
    fields_by_id = _related_ids(VolunteerProfile.fields, ids)
    activities_by_id = _related_ids(VolunteerProfile.activities, ids)
    languages_by_id = _related_ids(VolunteerProfile.languages, ids)
    matches = []
    for pk, (profile, distance) in reachable.items():
        side = VolunteerSide(
            fields=fields_by_id.get(pk, frozenset()),
            activities=activities_by_id.get(pk, frozenset()),
            languages=languages_by_id.get(pk, frozenset()),
            time_slots=profile.time_slots,
            skills=skill_stems(profile.skills),
            max_distance_km=profile.max_distance_km,
        )
        points, reasons = score(
            side, opportunity_data, distance_km=distance, names=names, for_volunteer=False
        )
        matches.append(Match(profile, points, distance, reasons))
    matches.sort(key=_sort_key)
    return matches[:limit]


# Saved searches


def apply_saved_query(queryset, query: str):
    """Narrow opportunities by a saved search's query string exactly as the public search
    page does (its form reads the query, invalid parts are left out)."""
    criteria = OpportunitySearchForm(QueryDict(query)).search()
    return search.filter_opportunities(queryset, criteria)
