"""Organisations keeping their opportunities: the permission matrix, the form, the
lifecycle, the confirmation and the dashboard."""

import re
from datetime import date, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    UserFactory,
)
from engagement.availability import slots_from_pairs
from engagement.matching import slot_label
from engagement.models import Opportunity, OpportunityStatus, PlacementStatus
from engagement.tests.factories import (
    FieldFactory,
    GuestPlacementFactory,
    OpportunityFactory,
    PlacementFactory,
    days_ago,
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def place(organisation):
    return PlaceFactory(organisation=organisation, name="Stadtteiltreff", postcode="09111")


@pytest.fixture
def opportunity(organisation, place):
    return OpportunityFactory(organisation=organisation, place=place)


@pytest.fixture
def field(db):
    return FieldFactory(name="Senioren", slug="senioren")


def _member(organisation, role):
    return OrganisationRoleFactory(organisation=organisation, role=role).user


def _staff():
    user = UserFactory(is_staff=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def _person(kind, organisation):
    """Everyone the matrix asks about; None is an anonymous visitor."""
    if kind == "anonymous":
        return None
    if kind == "no_role":
        return UserFactory()
    if kind == "staff":
        return _staff()
    if kind == "admin_of_other":
        return _member(OrganisationFactory(), OrganisationRoleKind.ADMIN)
    return _member(organisation, kind)


def _login(client, user):
    if user is not None:
        client.force_login(user)
    return client


STARTS_ON = date.today() + timedelta(days=30)


def _form_data(field, place=None, **overrides):
    data = {
        "title": "Vorlesen im Seniorenheim",
        "summary": "Einmal pro Woche vorlesen.",
        "description": "Wir suchen Menschen, die gern vorlesen.",
        "fields": [field.pk],
        "regularity": "regular",
        "hours_per_week": "1.5",
        "starts_on": STARTS_ON.isoformat(),
        "ends_on": (STARTS_ON + timedelta(days=300)).isoformat(),
        "time_slots": ["1-1", "3-2"],  # Tuesday afternoons, Thursday evenings
        "volunteers_wanted": "3",
        "minimum_age": "16",
        "other_requirements": "",
        "plain_language_summary": "",
    }
    if place is not None:
        data["place"] = place.pk
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


PEOPLE = ["anonymous", "no_role", "coordinator", "editor", "admin", "admin_of_other", "staff"]
# Who may edit opportunities (create, edit, status, confirm, import).
MAY_EDIT = {"editor", "admin", "staff"}
# Who may see the dashboard and export.
MAY_VIEW = {"coordinator", "editor", "admin", "staff"}


def _expected(kind, allowed, ok=200):
    if kind == "anonymous":
        return 302
    return ok if kind in allowed else 403


@pytest.mark.parametrize("kind", PEOPLE)
@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("org_dashboard", MAY_VIEW),
        ("opportunity_create", MAY_EDIT),
        ("opportunity_import", MAY_EDIT),
    ],
)
def test_organisation_pages_matrix(client, organisation, kind, name, allowed):
    user = _person(kind, organisation)
    url = reverse(f"engagement:{name}", kwargs={"org_slug": organisation.slug})
    response = _login(client, user).get(url)
    assert response.status_code == _expected(kind, allowed)
    if kind == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("kind", PEOPLE)
@pytest.mark.parametrize("export_format", ["csv", "json"])
def test_export_matrix(client, organisation, opportunity, kind, export_format):
    user = _person(kind, organisation)
    url = reverse(
        "engagement:opportunity_export",
        kwargs={"org_slug": organisation.slug, "format": export_format},
    )
    response = _login(client, user).get(url)
    assert response.status_code == _expected(kind, MAY_VIEW)


@pytest.mark.parametrize("kind", PEOPLE)
def test_edit_matrix(client, organisation, opportunity, kind):
    user = _person(kind, organisation)
    url = reverse(
        "engagement:opportunity_edit",
        kwargs={"org_slug": organisation.slug, "slug": opportunity.slug},
    )
    response = _login(client, user).post(url, {"title": "Übernommen"})
    assert response.status_code == _expected(kind, MAY_EDIT)
    opportunity.refresh_from_db()
    assert opportunity.title != "Übernommen"


@pytest.mark.parametrize("kind", PEOPLE)
def test_status_matrix(client, organisation, opportunity, kind):
    user = _person(kind, organisation)
    url = reverse(
        "engagement:opportunity_status",
        kwargs={"org_slug": organisation.slug, "slug": opportunity.slug},
    )
    response = _login(client, user).post(url, {"status": OpportunityStatus.PAUSED})
    assert response.status_code == _expected(kind, MAY_EDIT, ok=302)
    opportunity.refresh_from_db()
    expected = OpportunityStatus.PAUSED if kind in MAY_EDIT else OpportunityStatus.PUBLISHED
    assert opportunity.status == expected


@pytest.mark.parametrize("kind", PEOPLE)
def test_confirm_matrix(client, organisation, opportunity, kind):
    Opportunity.objects.filter(pk=opportunity.pk).update(confirmed_at=days_ago(85))
    user = _person(kind, organisation)
    url = reverse(
        "engagement:opportunity_confirm",
        kwargs={"org_slug": organisation.slug, "slug": opportunity.slug},
    )
    response = _login(client, user).post(url)
    assert response.status_code == _expected(kind, MAY_EDIT, ok=302)
    opportunity.refresh_from_db()
    assert (opportunity.confirmed_at > days_ago(1)) == (kind in MAY_EDIT)


def test_another_organisations_opportunity_is_not_found(client, organisation):
    """An admin who puts another organisation's opportunity into their own URL gets 404."""
    admin = _member(organisation, OrganisationRoleKind.ADMIN)
    foreign = OpportunityFactory()
    client.force_login(admin)
    for name in ["opportunity_edit", "opportunity_status", "opportunity_confirm"]:
        url = reverse(
            f"engagement:{name}", kwargs={"org_slug": organisation.slug, "slug": foreign.slug}
        )
        assert client.post(url, {"status": "paused", "title": "x"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == OpportunityStatus.PUBLISHED


def test_unknown_organisation_is_404(client, organisation):
    client.force_login(_staff())
    url = reverse("engagement:org_dashboard", kwargs={"org_slug": "gibt-es-nicht"})
    assert client.get(url).status_code == 404


# The form


@pytest.fixture
def editor(organisation):
    return _member(organisation, OrganisationRoleKind.EDITOR)


def _create_url(organisation):
    return reverse("engagement:opportunity_create", kwargs={"org_slug": organisation.slug})


def test_form_shows_the_time_grid_and_only_own_places(client, organisation, place, editor):
    PlaceFactory(name="Fremder Ort")
    client.force_login(editor)
    response = client.get(_create_url(organisation))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_time_slots"' in content
    assert content.count('name="time_slots"') == 21
    # Each checkbox has its own label naming weekday and time of day.
    assert 'for="id_time_slots_4"' in content
    assert str(slot_label(1, 1)) in content
    assert "Stadtteiltreff" in content
    assert "Fremder Ort" not in content


def test_create_saves_a_draft_with_location_from_the_place(
    client, organisation, place, field, editor
):
    client.force_login(editor)
    response = client.post(_create_url(organisation), _form_data(field, place))
    assert response.status_code == 302
    opportunity = Opportunity.objects.get(organisation=organisation)
    assert opportunity.status == OpportunityStatus.DRAFT
    assert opportunity.published_at is None
    assert opportunity.slug == "vorlesen-im-seniorenheim"
    assert (opportunity.postcode, opportunity.latitude) == (place.postcode, place.latitude)
    assert opportunity.municipality == place.municipality
    assert opportunity.time_slots == slots_from_pairs([(1, 1), (3, 2)])
    assert list(opportunity.fields.all()) == [field]
    assert opportunity.minimum_age == 16


def test_create_and_publish(client, organisation, place, field, editor):
    client.force_login(editor)
    client.post(_create_url(organisation), {**_form_data(field, place), "publish": "1"})
    opportunity = Opportunity.objects.get(organisation=organisation)
    assert opportunity.status == OpportunityStatus.PUBLISHED
    assert opportunity.published_at is not None
    assert opportunity.confirmed_at is not None
    assert Opportunity.objects.public().filter(pk=opportunity.pk).exists()


def test_same_title_gets_a_unique_slug(client, organisation, place, field, editor):
    client.force_login(editor)
    client.post(_create_url(organisation), _form_data(field, place))
    client.post(_create_url(organisation), _form_data(field, place))
    slugs = sorted(Opportunity.objects.values_list("slug", flat=True))
    assert slugs == ["vorlesen-im-seniorenheim", "vorlesen-im-seniorenheim-2"]


def test_remote_opportunity_has_no_coordinates(client, organisation, field, editor):
    client.force_login(editor)
    response = client.post(_create_url(organisation), _form_data(field, is_remote="on"))
    assert response.status_code == 302
    opportunity = Opportunity.objects.get()
    assert opportunity.is_remote
    assert opportunity.latitude is None and opportunity.postcode == ""


@pytest.mark.parametrize(
    ("overrides", "error_field"),
    [
        ({"ends_on": (STARTS_ON - timedelta(days=1)).isoformat()}, "ends_on"),
        ({"title": ""}, "title"),
        ({"fields": []}, "fields"),
        ({"hours_per_week": "61"}, "hours_per_week"),
        ({"volunteers_wanted": "0"}, "volunteers_wanted"),
        ({"minimum_age": "120"}, "minimum_age"),
        ({"time_slots": ["7-0"]}, "time_slots"),
        ({"starts_on": "31.02.2025"}, "starts_on"),
        ({"regularity": "sometimes"}, "regularity"),
    ],
)
def test_bad_input_gives_a_field_error_and_saves_nothing(
    client, organisation, place, field, editor, overrides, error_field
):
    client.force_login(editor)
    response = client.post(_create_url(organisation), _form_data(field, place, **overrides))
    assert response.status_code == 200
    assert error_field in response.context["form"].errors
    assert not Opportunity.objects.exists()


def test_place_of_another_organisation_is_refused(client, organisation, field, editor):
    foreign_place = PlaceFactory()
    client.force_login(editor)
    response = client.post(_create_url(organisation), _form_data(field, foreign_place))
    assert "place" in response.context["form"].errors
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize("remote", [True, False])
def test_place_or_remote_exactly_one(client, organisation, place, field, editor, remote):
    client.force_login(editor)
    data = _form_data(field, place if remote else None, is_remote="on" if remote else None)
    response = client.post(_create_url(organisation), data)
    assert "place" in response.context["form"].errors
    assert not Opportunity.objects.exists()


def test_coordinator_must_hold_a_role_in_the_organisation(
    client, organisation, place, field, editor
):
    stranger = UserFactory()
    colleague = _member(organisation, OrganisationRoleKind.COORDINATOR)
    client.force_login(editor)
    response = client.post(
        _create_url(organisation), _form_data(field, place, coordinator=stranger.pk)
    )
    assert "coordinator" in response.context["form"].errors
    response = client.post(
        _create_url(organisation), _form_data(field, place, coordinator=colleague.pk)
    )
    assert response.status_code == 302
    assert Opportunity.objects.get().coordinator == colleague


def test_edit_keeps_the_slug_and_updates_the_location(
    client, organisation, opportunity, field, editor
):
    other_place = PlaceFactory(organisation=organisation, postcode="09126", latitude=50.8)
    client.force_login(editor)
    url = reverse(
        "engagement:opportunity_edit",
        kwargs={"org_slug": organisation.slug, "slug": opportunity.slug},
    )
    page = client.get(url).content.decode()
    # The factory's Tuesday and Thursday afternoons are ticked, nothing else.
    checked = re.findall(r'name="time_slots" value="([^"]+)" id="[^"]*" checked', page)
    assert checked == ["1-1", "3-1"]
    response = client.post(url, _form_data(field, other_place, title="Neuer Titel"))
    assert response.status_code == 302
    old_slug = opportunity.slug
    opportunity.refresh_from_db()
    assert opportunity.title == "Neuer Titel"
    assert opportunity.slug == old_slug
    assert opportunity.postcode == "09126"
    assert opportunity.status == OpportunityStatus.PUBLISHED


def test_rejected_edit_changes_nothing(client, organisation, opportunity, field, editor):
    client.force_login(editor)
    url = reverse(
        "engagement:opportunity_edit",
        kwargs={"org_slug": organisation.slug, "slug": opportunity.slug},
    )
    title = opportunity.title
    response = client.post(
        url, _form_data(field, opportunity.place, title="", ends_on="2020-01-01")
    )
    assert response.status_code == 200
    assert title in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.title == title


# Lifecycle


def _post_status(client, opportunity, status):
    return client.post(
        reverse(
            "engagement:opportunity_status",
            kwargs={"org_slug": opportunity.organisation.slug, "slug": opportunity.slug},
        ),
        {"status": status},
    )


def test_publishing_a_draft_sets_the_dates(client, organisation, place, editor):
    draft = OpportunityFactory(
        organisation=organisation,
        place=place,
        status=OpportunityStatus.DRAFT,
        published_at=None,
        confirmed_at=None,
    )
    client.force_login(editor)
    _post_status(client, draft, OpportunityStatus.PUBLISHED)
    draft.refresh_from_db()
    assert draft.status == OpportunityStatus.PUBLISHED
    assert draft.published_at is not None and draft.confirmed_at is not None


def test_paused_goes_back_to_published(client, opportunity, editor):
    client.force_login(editor)
    _post_status(client, opportunity, OpportunityStatus.PAUSED)
    _post_status(client, opportunity, OpportunityStatus.PUBLISHED)
    opportunity.refresh_from_db()
    assert opportunity.status == OpportunityStatus.PUBLISHED


def test_archived_is_final_for_the_organisation_but_not_for_staff(client, opportunity, editor):
    client.force_login(editor)
    _post_status(client, opportunity, OpportunityStatus.ARCHIVED)
    response = _post_status(client, opportunity, OpportunityStatus.PUBLISHED)
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == OpportunityStatus.ARCHIVED
    client.force_login(_staff())
    _post_status(client, opportunity, OpportunityStatus.PUBLISHED)
    opportunity.refresh_from_db()
    assert opportunity.status == OpportunityStatus.PUBLISHED


@pytest.mark.parametrize("status", ["draft", "nonsense", ""])
def test_disallowed_status_changes_nothing(client, opportunity, editor, status):
    client.force_login(editor)
    response = _post_status(client, opportunity, status)
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == OpportunityStatus.PUBLISHED


def test_status_requires_post(client, opportunity, editor):
    client.force_login(editor)
    url = reverse(
        "engagement:opportunity_status",
        kwargs={"org_slug": opportunity.organisation.slug, "slug": opportunity.slug},
    )
    assert client.get(url).status_code == 405


def test_confirm_link_shows_a_page_and_only_post_confirms(client, opportunity, editor):
    Opportunity.objects.filter(pk=opportunity.pk).update(
        confirmed_at=days_ago(95), reminder_sent_at=days_ago(3)
    )
    assert not Opportunity.objects.public().filter(pk=opportunity.pk).exists()
    client.force_login(editor)
    url = reverse(
        "engagement:opportunity_confirm",
        kwargs={"org_slug": opportunity.organisation.slug, "slug": opportunity.slug},
    )
    assert client.get(url).status_code == 200
    opportunity.refresh_from_db()
    assert opportunity.confirmed_at < days_ago(90)
    assert client.post(url).status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.confirmed_at > days_ago(1)
    assert opportunity.reminder_sent_at is None
    assert Opportunity.objects.public().filter(pk=opportunity.pk).exists()


# Dashboard


def _dashboard(client, organisation):
    return client.get(reverse("engagement:org_dashboard", kwargs={"org_slug": organisation.slug}))


def test_dashboard_counts_and_attention(client, organisation, place, editor):
    busy = OpportunityFactory(organisation=organisation, place=place, volunteers_wanted=3)
    PlacementFactory(opportunity=busy)  # new
    PlacementFactory(opportunity=busy, status=PlacementStatus.CONTACTED, last_step_at=days_ago(9))
    GuestPlacementFactory(opportunity=busy, status=PlacementStatus.PLACED)
    GuestPlacementFactory(opportunity=busy, status=PlacementStatus.DECLINED)
    Opportunity.objects.filter(pk=busy.pk).update(placed_count=1)
    fading = OpportunityFactory(organisation=organisation, place=place, confirmed_at=days_ago(85))
    hidden = OpportunityFactory(organisation=organisation, place=place, confirmed_at=days_ago(95))
    draft = OpportunityFactory(
        organisation=organisation, place=place, status=OpportunityStatus.DRAFT
    )
    archived = OpportunityFactory(
        organisation=organisation, place=place, status=OpportunityStatus.ARCHIVED
    )
    OpportunityFactory()  # another organisation's
    client.force_login(editor)
    response = _dashboard(client, organisation)
    assert response.status_code == 200
    rows = {row["opportunity"].pk: row for row in response.context["rows"]}
    assert set(rows) == {busy.pk, fading.pk, hidden.pk, draft.pk}
    assert rows[busy.pk]["opportunity"].interested_count == 2
    assert rows[busy.pk]["opportunity"].placed_count == 1
    assert rows[busy.pk]["opportunity"].free_places == 2
    attention = response.context["attention"]
    assert attention["new_placements"] == 1
    assert attention["overdue_placements"] == 1
    assert {row["opportunity"].pk for row in attention["due"]} == {fading.pk, hidden.pk}
    assert rows[hidden.pk]["is_hidden"] and not rows[fading.pk]["is_hidden"]
    assert attention["drafts"] == [draft]
    assert response.context["archived"] == [archived]
    content = response.content.decode()
    assert 'data-attention="overdue-placements"' in content
    assert f'data-opportunity="{fading.slug}"' in content


def test_dashboard_shows_no_contact_data_of_volunteers(client, organisation, place, editor):
    opportunity = OpportunityFactory(organisation=organisation, place=place)
    guest = GuestPlacementFactory(opportunity=opportunity, contact_phone="0371 999 888")
    client.force_login(editor)
    content = _dashboard(client, organisation).content.decode()
    assert guest.contact_email not in content
    assert guest.contact_name not in content
    assert "0371 999 888" not in content


def test_coordinator_sees_the_dashboard_without_edit_controls(client, organisation, opportunity):
    coordinator = _member(organisation, OrganisationRoleKind.COORDINATOR)
    client.force_login(coordinator)
    response = _dashboard(client, organisation)
    assert response.status_code == 200
    assert not response.context["can_edit"]
    assert 'id="create-opportunity"' not in response.content.decode()


def _dashboard_with(organisation, place, count):
    for _index in range(count):
        opportunity = OpportunityFactory(organisation=organisation, place=place)
        PlacementFactory(opportunity=opportunity)
        GuestPlacementFactory(opportunity=opportunity, last_step_at=days_ago(10))


@pytest.mark.parametrize("count", [1, 12])
def test_dashboard_runs_a_constant_number_of_queries(
    client, organisation, place, editor, django_assert_num_queries, count
):
    """Session, user, organisation, two permission checks (view, edit), the guide check,
    the opportunities with their interest counts, new and overdue placements: nine
    queries whether the organisation has one opportunity or a dozen."""
    _dashboard_with(organisation, place, count)
    client.force_login(editor)
    with django_assert_num_queries(9):
        response = _dashboard(client, organisation)
    assert len(response.context["rows"]) == count


def test_directory_overview_links_to_the_dashboard(client, organisation):
    coordinator = _member(organisation, OrganisationRoleKind.COORDINATOR)
    client.force_login(coordinator)
    response = client.get(reverse("manage:organisation", kwargs={"slug": organisation.slug}))
    assert 'id="opportunity-dashboard-link"' in response.content.decode()


def test_form_page_accepts_german_dates(client, organisation, place, field, editor):
    client.force_login(editor)
    response = client.post(
        _create_url(organisation),
        _form_data(field, place, starts_on="01.09.2025", ends_on="30.06.2026"),
    )
    assert response.status_code == 302
    assert Opportunity.objects.get().starts_on == date(2025, 9, 1)


def test_service_refuses_end_before_start(organisation, place, field):
    from django.core.exceptions import ValidationError

    from engagement.services.opportunities import opportunity_create

    with pytest.raises(ValidationError) as error:
        opportunity_create(
            organisation=organisation,
            title="x",
            description="y",
            place=place,
            fields=[field],
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() - timedelta(days=1),
        )
    assert "ends_on" in error.value.error_dict
    assert not Opportunity.objects.exists()


def test_guides_see_who_still_needs_a_police_certificate_editors_do_not(
    client, organisation, place, editor
):
    from datetime import date

    from engagement.models import Qualification, QualificationKind

    strict = OpportunityFactory(
        organisation=organisation, place=place, requires_police_certificate=True
    )
    missing = PlacementFactory(opportunity=strict, volunteer__name="Noch Ohne")
    covered = PlacementFactory(opportunity=strict, volunteer__name="Schon Gesehen")
    Qualification.objects.create(
        volunteer=covered.volunteer,
        kind=QualificationKind.POLICE_CERTIFICATE,
        seen_on=date.today(),
        valid_until=date.today().replace(year=date.today().year + 5),
        organisation=organisation,
    )
    PlacementFactory(
        opportunity=OpportunityFactory(organisation=organisation, place=place),
        volunteer__name="Braucht Keins",
    )
    guide = _member(organisation, OrganisationRoleKind.COORDINATOR)

    client.force_login(guide)
    listed = _dashboard(client, organisation).context["attention"]["missing_police_certificate"]
    assert listed == [missing]

    client.force_login(editor)
    response = _dashboard(client, organisation)
    assert response.context["attention"]["missing_police_certificate"] == []
    assert "Noch Ohne" not in response.content.decode()
