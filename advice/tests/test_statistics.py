"""Anonymous statistics: counts per topic, month, neighbourhood, first contact or
follow-up, outcomes and referral feedback; small counts are suppressed."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advice.models import (
    AdviceRoleKind,
    ConcernKind,
    ConcernOutcome,
    OutcomeKind,
    ReferralOutcome,
)
from advice.statistics import SUPPRESSED, advice_statistics, suppress
from directory.tests.factories import NeighbourhoodFactory, OrganisationFactory

from .factories import (
    AdviceCaseFactory,
    AdviceRoleFactory,
    AdviceTopicFactory,
    CaseNoteFactory,
    ConcernFactory,
    ReferralFactory,
)

pytestmark = pytest.mark.django_db

YEAR = 2025


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _at(month, day=10):
    return timezone.make_aware(datetime(YEAR, month, day, 11))


def _row(rows, label):
    return next(row["count"] for row in rows if row["label"] == label)


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def figures(organisation):
    """Four concerns about debts in March in Altstadt (three first contacts), one about
    housing in May in Neustadt; a walk-in case with three notes; referrals."""
    debts = AdviceTopicFactory(name="Teststatistik Schulden", slug="ts-schulden")
    housing = AdviceTopicFactory(name="Teststatistik Wohnen", slug="ts-wohnen")
    old_town = NeighbourhoodFactory(name="Altstadt")
    new_town = NeighbourhoodFactory(name="Neustadt")
    for first in (True, True, True, False):
        concern = ConcernFactory(
            organisation=organisation,
            topic=debts,
            neighbourhood=old_town,
            is_first_contact=first,
            created_at=_at(3),
        )
        ConcernOutcome.objects.create(concern=concern, kind=OutcomeKind.CASE)
    ConcernFactory(
        organisation=organisation,
        topic=housing,
        neighbourhood=new_town,
        kind=ConcernKind.FORMS,
        created_at=_at(5),
    )
    ConcernFactory(organisation=OrganisationFactory(), topic=debts, created_at=_at(3))
    ConcernFactory(organisation=organisation, topic=debts, created_at=_at(3).replace(year=2024))
    walk_in = AdviceCaseFactory(organisation=organisation, neighbourhood=old_town)
    walk_in.topics.add(housing)
    for month in (6, 6, 7):
        CaseNoteFactory(case=walk_in, contact_on=date(YEAR, month, 1))
    service = OrganisationFactory(name="Schuldnerberatung")
    for outcome in (ReferralOutcome.SOLVED,) * 3 + (ReferralOutcome.NOT_REACHED,):
        ReferralFactory(
            case=walk_in, service_organisation=service, outcome=outcome, referred_at=_at(4)
        )
    return advice_statistics(organisation, YEAR)


def test_small_counts_are_suppressed():
    assert [suppress(count) for count in (0, 1, 2, 3, 10)] == [0, SUPPRESSED, SUPPRESSED, 3, 10]


def test_concerns_are_counted_by_topic_month_neighbourhood_and_kind(figures):
    concerns = figures["concerns"]
    assert concerns["total"] == 5
    assert concerns["first_contact"] == 4
    assert concerns["follow_up"] == SUPPRESSED
    assert _row(concerns["by_topic"], "Teststatistik Schulden") == 4
    assert _row(concerns["by_topic"], "Teststatistik Wohnen") == SUPPRESSED
    assert [row["count"] for row in concerns["by_month"]][2:5] == [4, 0, SUPPRESSED]
    assert _row(concerns["by_neighbourhood"], "Altstadt") == 4
    assert _row(concerns["by_neighbourhood"], "Neustadt") == SUPPRESSED
    by_kind = {row["label"]: row["count"] for row in concerns["by_kind"]}
    assert sorted(by_kind.values(), key=str) == sorted([4, SUPPRESSED, 0, 0, 0, 0], key=str)


def test_case_notes_count_as_contacts(figures):
    contacts = figures["contacts"]
    assert contacts["total"] == 8
    # Four concerns recorded as first contacts and the walk-in's first note.
    assert contacts["first_contact"] == 5
    assert contacts["follow_up"] == 3
    assert _row(contacts["by_topic"], "Teststatistik Wohnen") == 4
    assert _row(contacts["by_neighbourhood"], "Altstadt") == 7
    assert [row["count"] for row in contacts["by_month"]][5:7] == [SUPPRESSED, SUPPRESSED]


def test_outcomes_and_referral_feedback(figures):
    assert _row(figures["outcomes"], str(OutcomeKind.CASE.label)) == 4
    (service,) = figures["referrals"]
    assert service["service"] == "Schuldnerberatung" and service["total"] == 4
    outcomes = {row["label"]: row["count"] for row in service["outcomes"]}
    assert outcomes[str(ReferralOutcome.SOLVED.label)] == 3
    assert outcomes[str(ReferralOutcome.NOT_REACHED.label)] == SUPPRESSED


def test_the_figures_hold_no_personal_data(figures):
    text = str(figures)
    assert "Bewohnerin" not in text and "Ratsuchende" not in text and "Wohngeld" not in text


def test_the_statistics_page_is_for_the_lead(client, organisation, figures):
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    adviser = AdviceRoleFactory(organisation=organisation).user
    url = reverse("advice:statistics")
    client.force_login(adviser)
    assert client.get(url).status_code == 403
    client.force_login(lead)
    response = client.get(url, {"organisation": organisation.slug, "year": YEAR})
    assert response.status_code == 200
    assert response.context["figures"]["concerns"]["total"] == 5
    assert client.get(url).status_code == 200
    other = OrganisationFactory()
    assert client.get(url, {"organisation": other.slug}).status_code == 403
    for hostile in (
        {"organisation": organisation.slug, "year": "zwei"},
        {"year": "99999999"},
        {"organisation": "gibt-es-nicht", "year": "2025"},
    ):
        assert client.get(url, hostile).status_code == 200
