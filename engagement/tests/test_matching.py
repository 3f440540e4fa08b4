"""Matching in both directions: the pure score with its reasons, and the two query
functions with their cut-offs (distance, remote, minimum age, suggestions allowed)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from engagement import matching
from engagement.availability import slots_from_pairs
from engagement.matching import Names, OpportunitySide, ReasonKind, VolunteerSide
from engagement.models import OpportunityStatus, TravelDistance

from .factories import (
    ActivityFactory,
    FieldFactory,
    LanguageFactory,
    OpportunityFactory,
    VolunteerProfileFactory,
)

# The volunteer factory lives here (Chemnitz); one degree of latitude is 111.195 km.
HOME = (50.81, 12.92)
TUESDAY_AFTERNOON = slots_from_pairs([(1, 1)])
SATURDAY_MORNING = slots_from_pairs([(5, 0)])


def km_north(km: float) -> dict:
    return {"latitude": HOME[0] + km / 111.195, "longitude": HOME[1]}


def remote(**kwargs) -> dict:
    return {
        "place": None,
        "is_remote": True,
        "latitude": None,
        "longitude": None,
        "postcode": "",
        "municipality": None,
        **kwargs,
    }


def years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=1)


def kinds(match) -> set[str]:
    return {reason.kind for reason in match.reasons}


# The pure score


def test_score_adds_a_reason_for_every_kind_of_fit():
    volunteer = VolunteerSide(
        fields=frozenset({1}),
        activities=frozenset({7}),
        languages=frozenset({3}),
        time_slots=TUESDAY_AFTERNOON,
        skills={"koch": "kochen"},
        max_distance_km=10,
    )
    opportunity = OpportunitySide(
        fields=frozenset({1, 2}),
        activities=frozenset({7}),
        languages=frozenset({3}),
        time_slots=TUESDAY_AFTERNOON | SATURDAY_MORNING,
        stems=" wir koch gemeinsam ",
        is_remote=True,
    )
    names = Names(fields={1: "Senioren"}, activities={7: "Kochen"}, languages={3: "Arabisch"})

    points, reasons = matching.score(
        volunteer, opportunity, distance_km=3.2, names=names, for_volunteer=True
    )

    assert {reason.kind for reason in reasons} == {
        ReasonKind.DISTANCE,
        ReasonKind.REMOTE,
        ReasonKind.TIME,
        ReasonKind.FIELD,
        ReasonKind.ACTIVITY,
        ReasonKind.LANGUAGE,
        ReasonKind.SKILLS,
    }
    field_reason = next(reason for reason in reasons if reason.kind == ReasonKind.FIELD)
    assert "Senioren" in field_reason.text
    assert "3" in next(reason.text for reason in reasons if reason.kind == ReasonKind.DISTANCE)
    assert points > matching.FIELD_POINTS + matching.ACTIVITY_POINTS


def test_score_gives_nothing_for_nothing_in_common():
    points, reasons = matching.score(
        VolunteerSide(fields=frozenset({1}), time_slots=TUESDAY_AFTERNOON, max_distance_km=5),
        OpportunitySide(fields=frozenset({2}), time_slots=SATURDAY_MORNING),
        distance_km=20,
        names=Names(),
        for_volunteer=True,
    )
    assert points == 0
    assert reasons == []


def test_closer_scores_higher():
    volunteer = VolunteerSide(max_distance_km=25)
    near, _reasons = matching.score(
        volunteer, OpportunitySide(), distance_km=2, names=Names(), for_volunteer=True
    )
    far, _reasons = matching.score(
        volunteer, OpportunitySide(), distance_km=20, names=Names(), for_volunteer=True
    )
    assert near > far > 0


def test_skill_words_skip_filler_words():
    stems = matching.skill_stems("Ich habe gerne Kinder betreut und kann gut kochen")
    assert "kind" in stems
    assert stems["kind"] == "Kinder"
    assert not {"habe", "gern", "kann"} & set(stems)


# Opportunities for a volunteer


@pytest.fixture
def seniors(db):
    return FieldFactory(name="Senioren", slug="senioren")


@pytest.fixture
def volunteer(seniors):
    profile = VolunteerProfileFactory(
        latitude=HOME[0], longitude=HOME[1], max_distance_km=TravelDistance.KM_10
    )
    profile.fields.set([seniors])
    return profile


def test_best_match_first_with_reasons(volunteer, seniors):
    fitting = OpportunityFactory(fields=[seniors], time_slots=TUESDAY_AFTERNOON, **km_north(3))
    farther = OpportunityFactory(fields=[seniors], time_slots=SATURDAY_MORNING, **km_north(8))

    matches = matching.matches_for_volunteer(volunteer)

    assert [match.subject for match in matches] == [fitting, farther]
    assert kinds(matches[0]) == {ReasonKind.DISTANCE, ReasonKind.TIME, ReasonKind.FIELD}
    assert kinds(matches[1]) == {ReasonKind.DISTANCE, ReasonKind.FIELD}
    assert matches[0].distance_km == pytest.approx(3, abs=0.1)


def test_only_opportunities_sharing_a_field_or_activity(volunteer, seniors):
    cooking = ActivityFactory(name="Kochen", slug="kochen")
    volunteer.activities.set([cooking])
    by_field = OpportunityFactory(fields=[seniors], **km_north(1))
    by_activity = OpportunityFactory(**km_north(1))
    by_activity.activities.set([cooking])
    OpportunityFactory(fields=[FieldFactory(name="Sport", slug="sport")], **km_north(1))

    matches = matching.matches_for_volunteer(volunteer)

    assert {match.subject for match in matches} == {by_field, by_activity}


def test_distance_cut_off_is_the_volunteers_own(volunteer, seniors):
    inside = OpportunityFactory(fields=[seniors], **km_north(9))
    # Inside the bounding box of 10 km, but not the circle: the corner of the square.
    corner = OpportunityFactory(
        fields=[seniors], latitude=HOME[0] + 8 / 111.195, longitude=HOME[1] + 0.11
    )
    OpportunityFactory(fields=[seniors], **km_north(11))

    assert [match.subject for match in matching.matches_for_volunteer(volunteer)] == [inside]
    assert corner not in [match.subject for match in matching.matches_for_volunteer(volunteer)]

    volunteer.max_distance_km = TravelDistance.KM_5
    assert matching.matches_for_volunteer(volunteer) == []


def test_remote_opportunities_count_wherever_they_are(volunteer, seniors):
    from_home = OpportunityFactory(fields=[seniors], **remote())

    matches = matching.matches_for_volunteer(volunteer)

    assert [match.subject for match in matches] == [from_home]
    assert ReasonKind.REMOTE in kinds(matches[0])
    assert matches[0].distance_km is None


def test_minimum_age_above_the_volunteers_age_is_left_out(volunteer, seniors):
    volunteer.birth_date = years_ago(15)
    for_sixteen = OpportunityFactory(fields=[seniors], minimum_age=16, **km_north(1))
    for_fourteen = OpportunityFactory(fields=[seniors], minimum_age=14, **km_north(1))

    assert [match.subject for match in matching.matches_for_volunteer(volunteer)] == [for_fourteen]

    volunteer.birth_date = None  # adults need not say how old they are
    assert {match.subject for match in matching.matches_for_volunteer(volunteer)} == {
        for_sixteen,
        for_fourteen,
    }


def test_a_shared_language_ranks_higher(volunteer, seniors):
    arabic = LanguageFactory(code="ar", name="Arabisch")
    volunteer.languages.set([arabic])
    plain = OpportunityFactory(fields=[seniors], **km_north(2))
    in_arabic = OpportunityFactory(fields=[seniors], **km_north(2))
    in_arabic.languages.set([arabic])

    matches = matching.matches_for_volunteer(volunteer)

    assert [match.subject for match in matches] == [in_arabic, plain]
    assert ReasonKind.LANGUAGE in kinds(matches[0])
    assert ReasonKind.LANGUAGE not in kinds(matches[1])


def test_skills_found_in_the_text_give_a_small_bonus(volunteer, seniors):
    volunteer.skills = "Ich koche gerne für viele Leute."
    plain = OpportunityFactory(fields=[seniors], **km_north(2))
    cooking = OpportunityFactory(
        fields=[seniors], title="Mittagstisch: Wir kochen gemeinsam", **km_north(2)
    )

    matches = matching.matches_for_volunteer(volunteer)

    assert [match.subject for match in matches] == [cooking, plain]
    assert ReasonKind.SKILLS in kinds(matches[0])


def test_only_public_opportunities(volunteer, seniors):
    OpportunityFactory(fields=[seniors], status=OpportunityStatus.DRAFT, **km_north(1))
    OpportunityFactory(
        fields=[seniors], confirmed_at=timezone.now() - timedelta(days=91), **km_north(1)
    )
    assert matching.matches_for_volunteer(volunteer) == []


def test_at_most_the_limit(volunteer, seniors):
    for _number in range(4):
        OpportunityFactory(fields=[seniors], **km_north(1))
    assert len(matching.matches_for_volunteer(volunteer, limit=3)) == 3


# Volunteers for an opportunity


@pytest.fixture
def opportunity(seniors):
    return OpportunityFactory(
        fields=[seniors], time_slots=TUESDAY_AFTERNOON, latitude=HOME[0], longitude=HOME[1]
    )


def volunteer_at(km: float, field, **kwargs):
    profile = VolunteerProfileFactory(**km_north(km), **kwargs)
    profile.fields.set([field])
    return profile


def test_volunteers_ranked_with_reasons(opportunity, seniors):
    near = volunteer_at(2, seniors, time_slots=TUESDAY_AFTERNOON)
    farther = volunteer_at(6, seniors, time_slots=0)

    matches = matching.volunteers_for_opportunity(opportunity)

    assert [match.subject for match in matches] == [near, farther]
    assert kinds(matches[0]) == {ReasonKind.DISTANCE, ReasonKind.TIME, ReasonKind.FIELD}


def test_only_volunteers_who_allow_suggestions(opportunity, seniors):
    volunteer_at(2, seniors, allow_suggestions=False)
    assert matching.volunteers_for_opportunity(opportunity) == []


def test_each_volunteers_own_travel_distance(opportunity, seniors):
    willing = volunteer_at(20, seniors, max_distance_km=TravelDistance.KM_25)
    volunteer_at(8, seniors, max_distance_km=TravelDistance.KM_5)
    volunteer_at(60, seniors, max_distance_km=TravelDistance.KM_50)

    assert [match.subject for match in matching.volunteers_for_opportunity(opportunity)] == [
        willing
    ]


def test_any_distance_for_remote_opportunities(seniors):
    from_home = OpportunityFactory(fields=[seniors], **remote())
    far_away = volunteer_at(300, seniors, max_distance_km=TravelDistance.KM_2)

    matches = matching.volunteers_for_opportunity(from_home)

    assert [match.subject for match in matches] == [far_away]
    assert ReasonKind.REMOTE in kinds(matches[0])


def test_volunteers_too_young_are_left_out(opportunity, seniors):
    opportunity.minimum_age = 16
    old_enough = volunteer_at(1, seniors, birth_date=years_ago(16))
    volunteer_at(1, seniors, birth_date=years_ago(15))
    unknown_age = volunteer_at(1, seniors, birth_date=None)

    assert {match.subject for match in matching.volunteers_for_opportunity(opportunity)} == {
        old_enough,
        unknown_age,
    }


def test_volunteers_without_a_shared_interest_are_left_out(opportunity):
    volunteer_at(1, FieldFactory(name="Sport", slug="sport"))
    assert matching.volunteers_for_opportunity(opportunity) == []


def test_within_reach(opportunity, seniors):
    assert matching.within_reach(volunteer_at(4, seniors), opportunity)
    assert not matching.within_reach(
        volunteer_at(4, seniors, max_distance_km=TravelDistance.KM_2), opportunity
    )
