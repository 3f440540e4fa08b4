"""The signed-in volunteer's page of ranked matches."""

import pytest
from django.urls import reverse

from .factories import FieldFactory, OpportunityFactory, VolunteerProfileFactory

URL = reverse("engagement:matches")


@pytest.fixture
def seniors(db):
    return FieldFactory(name="Senioren", slug="senioren")


@pytest.fixture
def volunteer(seniors):
    profile = VolunteerProfileFactory(latitude=50.81, longitude=12.92)
    profile.fields.set([seniors])
    return profile


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_without_a_profile_the_page_invites_to_create_one(client, user):
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="no-profile"' in html
    assert reverse("engagement:profile") in html


def test_matches_in_order_with_reasons(client, volunteer, seniors):
    near = OpportunityFactory(fields=[seniors], latitude=50.82, longitude=12.92)
    far = OpportunityFactory(fields=[seniors], latitude=50.87, longitude=12.92)
    OpportunityFactory(fields=[FieldFactory(name="Sport", slug="sport")], latitude=50.82)
    client.force_login(volunteer.user)

    response = client.get(URL)

    html = response.content.decode()
    assert html.index(f'data-opportunity="{near.slug}"') < html.index(
        f'data-opportunity="{far.slug}"'
    )
    assert html.count("data-opportunity=") == 2
    assert near.get_absolute_url() in html
    assert 'data-reason="field"' in html
    assert 'data-reason="distance"' in html


def test_no_matches_says_so(client, volunteer):
    client.force_login(volunteer.user)
    assert 'id="no-matches"' in client.get(URL).content.decode()


@pytest.mark.parametrize("count", [5, 50])
def test_query_count_does_not_grow_with_the_opportunities(
    client, volunteer, seniors, count, django_assert_num_queries
):
    """11 queries whatever the number of opportunities: the session and the user (2), the
    volunteer's profile (1) and its fields, activities and languages (3), the nearby and
    the remote candidates with organisation and municipality joined (2), and the fields,
    activities and languages of all candidates at once (3)."""
    for number in range(count):
        OpportunityFactory(fields=[seniors], latitude=50.81 + number / 10_000, longitude=12.92)
    client.force_login(volunteer.user)

    with django_assert_num_queries(11):
        response = client.get(URL)

    assert response.content.decode().count("data-opportunity=") == min(count, 20)
