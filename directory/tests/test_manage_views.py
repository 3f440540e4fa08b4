import io
from datetime import time, timedelta
from urllib.parse import unquote

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from directory import services
from directory.models import (
    ContactPerson,
    Invitation,
    MembershipStatus,
    NetworkMembership,
    OfficeHourRule,
    Organisation,
    OrganisationRequest,
    OrganisationRole,
    OrganisationRoleKind,
    OrganisationStatus,
    Place,
    RequestKind,
    RequestStatus,
    Weekday,
)
from directory.selectors import organisations_visible_to

from .factories import (
    ContactPersonFactory,
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkRoleFactory,
    OfficeHourRuleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


def _member(organisation, role):
    return OrganisationRoleFactory(organisation=organisation, role=role).user


@pytest.fixture
def admin_user(organisation):
    return _member(organisation, OrganisationRoleKind.ADMIN)


@pytest.fixture
def editor(organisation):
    return _member(organisation, OrganisationRoleKind.EDITOR)


@pytest.fixture
def coordinator(organisation):
    return _member(organisation, OrganisationRoleKind.COORDINATOR)


@pytest.fixture
def staff(db):
    user = UserFactory(is_staff=True)
    # Staff must have two-factor authentication before they reach anything else.
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def _client_for(client, user):
    client.force_login(user)
    return client


def _error_messages(response):
    return [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def _png(size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format="PNG")
    return buffer.getvalue()


# Access


ORGANISATION_PAGES = ["organisation", "profile", "places", "place_create", "contacts", "team"]


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_anonymous_is_sent_to_login(client, organisation, name):
    url = reverse(f"manage:{name}", kwargs={"slug": organisation.slug})
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" in response.url


@pytest.mark.parametrize("name", ["propose", "requests"])
def test_anonymous_is_sent_to_login_for_global_pages(client, db, name):
    response = client.get(reverse(f"manage:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_signed_in_without_role_is_forbidden(client, organisation, user, name):
    response = _client_for(client, user).get(
        reverse(f"manage:{name}", kwargs={"slug": organisation.slug})
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("coordinator", {"organisation": 200, "profile": 403, "places": 200, "team": 200}),
        ("editor", {"organisation": 200, "profile": 200, "places": 200, "team": 200}),
        ("admin", {"organisation": 200, "profile": 200, "places": 200, "team": 200}),
    ],
)
def test_pages_by_role(client, organisation, role, expected):
    _client_for(client, _member(organisation, role))
    for name, status in expected.items():
        response = client.get(reverse(f"manage:{name}", kwargs={"slug": organisation.slug}))
        assert response.status_code == status, name


def test_unknown_organisation_is_404(client, user):
    response = _client_for(client, user).get(
        reverse("manage:organisation", kwargs={"slug": "gibt-es-nicht"})
    )
    assert response.status_code == 404


def test_staff_may_manage_any_organisation(client, organisation, staff):
    response = _client_for(client, staff).get(
        reverse("manage:profile", kwargs={"slug": organisation.slug})
    )
    assert response.status_code == 200


# Propose and claim


def test_propose_creates_a_pending_organisation_that_is_not_public(client, user):
    municipality = MunicipalityFactory()
    response = _client_for(client, user).post(
        reverse("manage:propose"),
        {
            "name": "Bürgerverein Kaßberg",
            "kind": "association",
            "summary": "Wir kümmern uns um den Stadtteil.",
            "website": "https://kassberg.example",
            "municipality": municipality.pk,
            "message": "Ich bin im Vorstand.",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Bürgerverein Kaßberg")
    assert organisation.status == OrganisationStatus.PENDING
    assert organisation.slug == "buergerverein-kassberg"
    request = OrganisationRequest.objects.get(organisation=organisation)
    assert request.requested_by == user
    assert request.kind == RequestKind.PROPOSAL
    assert organisation not in organisations_visible_to(AnonymousUser())


def test_propose_with_bad_input_shows_errors_and_saves_nothing(client, user):
    response = _client_for(client, user).post(
        reverse("manage:propose"), {"name": "", "kind": "nonsense", "website": "kein link"}
    )
    assert response.status_code == 200
    assert {"name", "kind", "website"} <= set(response.context["form"].errors)
    assert not Organisation.objects.exists()


def test_claim_twice_shows_a_form_error_not_a_500(client, organisation, user):
    url = reverse("manage:claim", kwargs={"slug": organisation.slug})
    _client_for(client, user)
    assert client.post(url, {"message": "Ich leite den Verein."}).status_code == 302
    response = client.post(url, {"message": "Nochmal."})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert OrganisationRequest.objects.filter(organisation=organisation).count() == 1


def test_pending_organisation_cannot_be_claimed(client, user):
    organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
    response = _client_for(client, user).get(
        reverse("manage:claim", kwargs={"slug": organisation.slug})
    )
    assert response.status_code == 404


# Deciding requests


@pytest.fixture
def network(db):
    return NetworkFactory()


@pytest.fixture
def pending_proposal(db, network):
    return services.organisation_propose(
        requested_by=UserFactory(), name="Neue Initiative", kind="initiative", network=network
    )


def test_staff_sees_all_pending_requests(client, staff, pending_proposal):
    other = services.organisation_propose(
        requested_by=UserFactory(), name="Ohne Netzwerk", kind="initiative"
    )
    response = _client_for(client, staff).get(reverse("manage:requests"))
    assert response.status_code == 200
    assert set(response.context["pending_requests"]) == {pending_proposal, other}


def test_network_admin_sees_only_requests_naming_their_network(client, network, pending_proposal):
    services.organisation_propose(
        requested_by=UserFactory(), name="Anderswo", kind="initiative", network=NetworkFactory()
    )
    admin = NetworkRoleFactory(network=network).user
    response = _client_for(client, admin).get(reverse("manage:requests"))
    assert list(response.context["pending_requests"]) == [pending_proposal]


def test_requests_page_is_forbidden_for_people_without_a_deciding_role(client, user):
    assert _client_for(client, user).get(reverse("manage:requests")).status_code == 403


def test_network_admin_approves_a_proposal(
    client, network, pending_proposal, django_capture_on_commit_callbacks
):
    admin = NetworkRoleFactory(network=network).user
    url = reverse("manage:request_approve", kwargs={"pk": pending_proposal.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = _client_for(client, admin).post(url)
    assert response.status_code == 302
    pending_proposal.refresh_from_db()
    assert pending_proposal.status == RequestStatus.APPROVED
    assert pending_proposal.decided_by == admin
    assert pending_proposal.organisation.status == OrganisationStatus.PUBLISHED
    assert OrganisationRole.objects.filter(
        user=pending_proposal.requested_by, role=OrganisationRoleKind.ADMIN
    ).exists()
    assert NetworkMembership.objects.get(network=network).status == MembershipStatus.ACTIVE
    assert mail.outbox[0].to == [pending_proposal.requested_by.email]
    assert "http://testserver/verwalten/" in mail.outbox[0].body


def test_deciding_requires_post(client, staff, pending_proposal):
    url = reverse("manage:request_approve", kwargs={"pk": pending_proposal.pk})
    assert _client_for(client, staff).get(url).status_code == 405
    pending_proposal.refresh_from_db()
    assert pending_proposal.status == RequestStatus.PENDING


@pytest.mark.parametrize("action", ["request_approve", "request_reject"])
def test_admin_of_another_network_cannot_decide(client, pending_proposal, action):
    outsider = NetworkRoleFactory(network=NetworkFactory()).user
    url = reverse(f"manage:{action}", kwargs={"pk": pending_proposal.pk})
    assert _client_for(client, outsider).post(url).status_code == 403
    pending_proposal.refresh_from_db()
    assert pending_proposal.status == RequestStatus.PENDING


def test_requester_cannot_approve_their_own_proposal(client, pending_proposal):
    url = reverse("manage:request_approve", kwargs={"pk": pending_proposal.pk})
    assert _client_for(client, pending_proposal.requested_by).post(url).status_code == 403


def test_deciding_twice_shows_an_error(client, staff, pending_proposal):
    _client_for(client, staff)
    client.post(reverse("manage:request_reject", kwargs={"pk": pending_proposal.pk}))
    response = client.post(reverse("manage:request_approve", kwargs={"pk": pending_proposal.pk}))
    assert response.status_code == 302
    assert _error_messages(response)
    pending_proposal.refresh_from_db()
    assert pending_proposal.status == RequestStatus.REJECTED
    assert pending_proposal.organisation.status == OrganisationStatus.REJECTED


def test_deciding_an_unknown_request_is_404(client, staff):
    url = reverse("manage:request_approve", kwargs={"pk": 999999})
    assert _client_for(client, staff).post(url).status_code == 404


# Profile


def _profile_data(organisation, **changes):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "summary": organisation.summary,
        "description": organisation.description,
        "website": "",
        "email": "",
        "phone": "",
        "municipality": organisation.municipality_id,
    }
    data.update(changes)
    return data


def test_editor_updates_the_profile_with_a_logo(client, organisation, editor):
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = _client_for(client, editor).post(
        reverse("manage:profile", kwargs={"slug": organisation.slug}),
        _profile_data(organisation, summary="Neu", website="https://verein.example", logo=logo),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.summary == "Neu"
    assert organisation.logo.name.startswith("logos/")


def test_logo_survives_text_edits_even_if_its_file_is_lost_and_can_be_removed(
    client, organisation, editor
):
    url = reverse("manage:profile", kwargs={"slug": organisation.slug})
    _client_for(client, editor)
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    client.post(url, _profile_data(organisation, logo=logo))
    organisation.refresh_from_db()
    organisation.logo.storage.delete(organisation.logo.name)
    assert client.post(url, _profile_data(organisation, summary="Neu")).status_code == 302
    organisation.refresh_from_db()
    assert organisation.summary == "Neu"
    assert organisation.logo
    client.post(url, _profile_data(organisation, **{"logo-clear": "on"}))
    organisation.refresh_from_db()
    assert not organisation.logo


def test_profile_form_uses_multipart(client, organisation, editor):
    response = _client_for(client, editor).get(
        reverse("manage:profile", kwargs={"slug": organisation.slug})
    )
    assert b'enctype="multipart/form-data"' in response.content


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"website": "nicht eine adresse"}, "website"),
        ({"logo": SimpleUploadedFile("logo.png", b"not an image", "image/png")}, "logo"),
        ({"name": ""}, "name"),
    ],
    ids=["bad-url", "non-image-logo", "empty-name"],
)
def test_profile_bad_input_is_explained_and_nothing_changes(
    client, organisation, editor, changes, field
):
    before = organisation.summary
    response = _client_for(client, editor).post(
        reverse("manage:profile", kwargs={"slug": organisation.slug}),
        _profile_data(organisation, summary="Geändert", **changes),
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    organisation.refresh_from_db()
    assert organisation.summary == before
    assert not organisation.logo


def test_oversized_logo_is_refused(client, organisation, editor, settings):
    settings.GEMEINWERK_LOGO_MAX_BYTES = 500
    logo = SimpleUploadedFile("logo.png", _png((400, 400)), content_type="image/png")
    assert len(_png((400, 400))) > 500
    response = _client_for(client, editor).post(
        reverse("manage:profile", kwargs={"slug": organisation.slug}),
        _profile_data(organisation, logo=logo),
    )
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    organisation.refresh_from_db()
    assert not organisation.logo


def test_coordinator_cannot_post_the_profile(client, organisation, coordinator):
    response = _client_for(client, coordinator).post(
        reverse("manage:profile", kwargs={"slug": organisation.slug}),
        _profile_data(organisation, summary="Hack"),
    )
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.summary != "Hack"


# Places


def _place_data(**changes):
    data = {
        "name": "Nachbarschaftsbüro",
        "street": "Zietenstraße 1",
        "postcode": "09130",
        "city": "Chemnitz",
        "latitude": "",
        "longitude": "",
        "step_free": "on",
    }
    data.update(changes)
    return data


def test_place_is_created_with_coordinates_from_the_postcode(client, organisation, editor):
    response = _client_for(client, editor).post(
        reverse("manage:place_create", kwargs={"slug": organisation.slug}), _place_data()
    )
    assert response.status_code == 302
    place = Place.objects.get(organisation=organisation)
    assert place.step_free is True
    assert 50.7 < place.latitude < 50.9


@pytest.mark.parametrize("postcode", ["00000", "0913", "abcde"])
def test_bad_postcode_is_explained(client, organisation, editor, postcode):
    response = _client_for(client, editor).post(
        reverse("manage:place_create", kwargs={"slug": organisation.slug}),
        _place_data(postcode=postcode),
    )
    assert response.status_code == 200
    assert "postcode" in response.context["form"].errors
    assert not Place.objects.exists()


def test_only_one_coordinate_is_refused(client, organisation, editor):
    response = _client_for(client, editor).post(
        reverse("manage:place_create", kwargs={"slug": organisation.slug}),
        _place_data(latitude="50.8"),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_place_update_and_delete(client, organisation, editor):
    place = PlaceFactory(organisation=organisation)
    _client_for(client, editor)
    url = reverse("manage:place_update", kwargs={"slug": organisation.slug, "pk": place.pk})
    response = client.post(url, _place_data(name="Umbenannt", latitude="50.8", longitude="12.9"))
    assert response.status_code == 302
    place.refresh_from_db()
    assert (place.name, place.latitude) == ("Umbenannt", 50.8)
    delete_url = reverse("manage:place_delete", kwargs={"slug": organisation.slug, "pk": place.pk})
    assert client.get(delete_url).status_code == 200
    assert client.post(delete_url).status_code == 302
    assert not Place.objects.filter(pk=place.pk).exists()


# Insecure direct object references: ids of another organisation's objects


@pytest.fixture
def foreign(db):
    other = OrganisationFactory()
    place = PlaceFactory(organisation=other)
    return {
        "organisation": other,
        "place": place,
        "contact": ContactPersonFactory(organisation=other),
        "role": OrganisationRoleFactory(organisation=other, role=OrganisationRoleKind.EDITOR),
        "rule": OfficeHourRuleFactory(place=place),
    }


@pytest.mark.parametrize(
    ("name", "kind", "method"),
    [
        ("place_update", "place", "post"),
        ("place_delete", "place", "post"),
        ("office_hours", "place", "post"),
        ("office_hour_row", "place", "get"),
        ("contact_update", "contact", "post"),
        ("contact_delete", "contact", "post"),
        ("role_change", "role", "post"),
        ("member_remove", "role", "post"),
    ],
)
def test_foreign_ids_under_own_slug_are_404(
    client, organisation, admin_user, foreign, name, kind, method
):
    url = reverse(f"manage:{name}", kwargs={"slug": organisation.slug, "pk": foreign[kind].pk})
    response = getattr(_client_for(client, admin_user), method)(url, {"role-1-role": "admin"})
    assert response.status_code == 404
    assert Place.objects.filter(pk=foreign["place"].pk, name=foreign["place"].name).exists()
    assert ContactPerson.objects.filter(pk=foreign["contact"].pk).exists()
    assert OrganisationRole.objects.get(pk=foreign["role"].pk).role == OrganisationRoleKind.EDITOR
    assert OfficeHourRule.objects.filter(pk=foreign["rule"].pk).exists()


@pytest.mark.parametrize(
    ("name", "kind"),
    [("place_update", "place"), ("contact_delete", "contact"), ("member_remove", "role")],
)
def test_foreign_ids_under_foreign_slug_are_403(client, admin_user, foreign, name, kind):
    url = reverse(
        f"manage:{name}", kwargs={"slug": foreign["organisation"].slug, "pk": foreign[kind].pk}
    )
    assert _client_for(client, admin_user).post(url).status_code == 403
    assert OrganisationRole.objects.filter(pk=foreign["role"].pk).exists()
    assert ContactPerson.objects.filter(pk=foreign["contact"].pk).exists()


# Contacts


def test_contact_consent_is_recorded_and_cleared(client, organisation, editor):
    _client_for(client, editor)
    create_url = reverse("manage:contact_create", kwargs={"slug": organisation.slug})
    data = {"name": "Kim Muster", "role": "Leitung", "email": "kim@example.org"}
    response = client.post(create_url, {**data, "public_consent": "on"})
    assert response.status_code == 302
    contact = ContactPerson.objects.get(organisation=organisation)
    assert contact.public_consent and contact.consent_recorded_at is not None
    update_url = reverse(
        "manage:contact_update", kwargs={"slug": organisation.slug, "pk": contact.pk}
    )
    client.post(update_url, data)
    contact.refresh_from_db()
    assert not contact.public_consent
    assert contact.consent_recorded_at is None


def test_contact_place_must_belong_to_the_organisation(client, organisation, editor, foreign):
    response = _client_for(client, editor).post(
        reverse("manage:contact_create", kwargs={"slug": organisation.slug}),
        {"name": "Kim", "place": foreign["place"].pk},
    )
    assert response.status_code == 200
    assert "place" in response.context["form"].errors


# Office hours


def _management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def _hours_data(rules, closures=(), extras=(), initial_rules=0, **extra):
    data = {
        **_management("rules", len(rules), initial_rules),
        **_management("closures", len(closures)),
        **_management("extras", len(extras)),
        "office_hours_note": "",
    }
    for prefix, rows in (("rules", rules), ("closures", closures), ("extras", extras)):
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    data.update(extra)
    return data


@pytest.fixture
def place(organisation):
    return PlaceFactory(organisation=organisation)


def _hours_url(place):
    return reverse("manage:office_hours", kwargs={"slug": place.organisation.slug, "pk": place.pk})


def test_coordinator_saves_office_hours(client, place, coordinator):
    data = _hours_data(
        [
            {"weekday": "1", "opens": "15:00", "closes": "18:00"},
            {"weekday": "2", "opens": "10:00", "closes": "13:00", "note": "Café"},
            {"weekday": "", "opens": "", "closes": ""},
        ],
        closures=[{"starts_on": "2026-07-20", "ends_on": "2026-08-07", "reason": "Sommerpause"}],
        by_appointment="on",
        office_hours_note="Weitere Termine nach Vereinbarung",
    )
    response = _client_for(client, coordinator).post(_hours_url(place), data)
    assert response.status_code == 302
    assert [(r.weekday, r.opens) for r in place.office_hours.all()] == [
        (Weekday.TUESDAY, time(15)),
        (Weekday.WEDNESDAY, time(10)),
    ]
    assert place.closures.get().reason == "Sommerpause"
    place.refresh_from_db()
    assert place.by_appointment is True


def test_office_hours_page_shows_existing_rules_with_labels(client, place, editor):
    OfficeHourRuleFactory(place=place)
    response = _client_for(client, editor).get(_hours_url(place))
    assert response.status_code == 200
    assert b'for="id_rules-0-weekday"' in response.content
    assert b'name="rules-0-DELETE"' in response.content
    assert response.context["rules"].total_form_count() == 4


def test_delete_checkbox_removes_a_rule(client, place, editor):
    OfficeHourRuleFactory(place=place)
    data = _hours_data(
        [{"weekday": "1", "opens": "15:00", "closes": "18:00", "DELETE": "on"}], initial_rules=1
    )
    response = _client_for(client, editor).post(_hours_url(place), data)
    assert response.status_code == 302
    assert not place.office_hours.exists()


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (
            _hours_data(
                [
                    {"weekday": "0", "opens": "10:00", "closes": "12:00"},
                    {"weekday": "0", "opens": "11:30", "closes": "14:00"},
                ]
            ),
            "rules-non-form",
        ),
        (_hours_data([{"weekday": "0", "opens": "12:00", "closes": "10:00"}]), "rules-closes"),
        (
            _hours_data(
                [], closures=[{"starts_on": "2026-05-02", "ends_on": "2026-05-01", "reason": ""}]
            ),
            "closures-ends_on",
        ),
        (
            _hours_data([], extras=[{"date": "2026-05-02", "opens": "18:00", "closes": "09:00"}]),
            "extras-closes",
        ),
    ],
    ids=["overlap", "closes-before-opens", "closure-backwards", "extra-backwards"],
)
def test_bad_office_hours_are_explained_and_nothing_is_saved(client, place, editor, data, where):
    existing = OfficeHourRuleFactory(place=place, weekday=Weekday.FRIDAY)
    response = _client_for(client, editor).post(_hours_url(place), data)
    assert response.status_code == 200
    formset_name, field = where.split("-", 1)
    formset = response.context[formset_name]
    if field == "non-form":
        assert formset.non_form_errors()
    else:
        assert field in formset.forms[0].errors
    assert b'aria-invalid="true"' in response.content or field == "non-form"
    assert list(place.office_hours.all()) == [existing]


def test_add_row_without_javascript_saves_nothing(client, place, editor):
    data = _hours_data([{"weekday": "1", "opens": "15:00", "closes": "18:00"}], add_rule_row="1")
    response = _client_for(client, editor).post(_hours_url(place), data)
    assert response.status_code == 200
    assert response.context["rules"].total_form_count() == 2
    assert not place.office_hours.exists()


def test_htmx_row_has_the_next_index(client, place, editor):
    url = reverse(
        "manage:office_hour_row", kwargs={"slug": place.organisation.slug, "pk": place.pk}
    )
    response = _client_for(client, editor).get(
        url, {"rules-TOTAL_FORMS": "4"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert b'name="rules-4-weekday"' in response.content
    assert b'value="5"' in response.content
    assert client.get(url, {"rules-TOTAL_FORMS": "nonsense"}).status_code == 200


def test_network_admin_cannot_edit_office_hours(client, place):
    NetworkMembershipFactory(organisation=place.organisation)
    admin = NetworkRoleFactory(network=place.organisation.networks.get()).user
    response = _client_for(client, admin).post(_hours_url(place), _hours_data([]))
    assert response.status_code == 403


# Team and invitations


def test_admin_invites_a_colleague(
    client, organisation, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _client_for(client, admin_user).post(
            reverse("manage:team", kwargs={"slug": organisation.slug}),
            {"email": "kollegin@example.org", "role": "editor"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.invited_by == admin_user
    assert mail.outbox[0].to == ["kollegin@example.org"]
    assert reverse("manage:invitation", kwargs={"token": invitation.token}) in mail.outbox[0].body


def test_invitation_with_bad_email_is_explained(client, organisation, admin_user):
    response = _client_for(client, admin_user).post(
        reverse("manage:team", kwargs={"slug": organisation.slug}),
        {"email": "keine-adresse", "role": "editor"},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_editor_cannot_invite(client, organisation, editor):
    response = _client_for(client, editor).post(
        reverse("manage:team", kwargs={"slug": organisation.slug}),
        {"email": "x@example.org", "role": "admin"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.fixture
def invitation(organisation, admin_user):
    return services.invitation_create(
        organisation=organisation,
        email="neu@example.org",
        role=OrganisationRoleKind.EDITOR,
        invited_by=admin_user,
        base_url="http://testserver/",
    )


def _invitation_url(invitation):
    return reverse("manage:invitation", kwargs={"token": invitation.token})


def test_invitation_link_needs_login_and_comes_back(client, invitation):
    response = client.get(_invitation_url(invitation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert f"next={_invitation_url(invitation)}" in unquote(response.url)


def test_invitation_is_confirmed_with_post(client, invitation, user):
    _client_for(client, user)
    assert client.get(_invitation_url(invitation)).status_code == 200
    assert not OrganisationRole.objects.filter(user=user).exists()
    response = client.post(_invitation_url(invitation))
    assert response.status_code == 302
    role = OrganisationRole.objects.get(user=user, organisation=invitation.organisation)
    assert role.role == OrganisationRoleKind.EDITOR


def test_used_invitation_is_gone(client, invitation, user):
    services.invitation_accept(invitation=invitation, user=UserFactory())
    _client_for(client, user)
    assert client.get(_invitation_url(invitation)).status_code == 410
    assert client.post(_invitation_url(invitation)).status_code == 410
    assert not OrganisationRole.objects.filter(user=user).exists()


def test_expired_invitation_is_gone(client, invitation, user):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = _client_for(client, user).post(_invitation_url(invitation))
    assert response.status_code == 410
    assert not OrganisationRole.objects.filter(user=user).exists()


def _revoke_url(invitation, organisation=None):
    organisation = organisation or invitation.organisation
    return reverse(
        "manage:invitation_revoke", kwargs={"slug": organisation.slug, "pk": invitation.pk}
    )


def test_admin_withdraws_an_open_invitation_and_its_link_stops_working(
    client, invitation, admin_user, user
):
    _client_for(client, admin_user)
    assert client.get(_revoke_url(invitation)).status_code == 405
    response = client.post(_revoke_url(invitation))
    assert response.status_code == 302
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    _client_for(client, user)
    assert client.post(_invitation_url(invitation)).status_code == 404
    assert not OrganisationRole.objects.filter(user=user).exists()


def test_editor_cannot_withdraw_invitations(client, invitation, editor):
    response = _client_for(client, editor).post(_revoke_url(invitation))
    assert response.status_code == 403
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_invitation_of_another_organisation_cannot_be_withdrawn(client, invitation):
    other_admin = OrganisationRoleFactory(role=OrganisationRoleKind.ADMIN)
    _client_for(client, other_admin.user)
    response = client.post(_revoke_url(invitation, organisation=other_admin.organisation))
    assert response.status_code == 404
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_used_invitation_cannot_be_withdrawn(client, invitation, admin_user):
    services.invitation_accept(invitation=invitation, user=UserFactory())
    response = _client_for(client, admin_user).post(_revoke_url(invitation))
    assert _error_messages(response)
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_unknown_invitation_is_404(client, user):
    response = _client_for(client, user).get(
        reverse("manage:invitation", kwargs={"token": "x" * 43})
    )
    assert response.status_code == 404


def test_last_admin_cannot_be_removed_or_demoted(client, organisation, admin_user):
    role = OrganisationRole.objects.get(user=admin_user)
    _client_for(client, admin_user)
    response = client.post(
        reverse("manage:member_remove", kwargs={"slug": organisation.slug, "pk": role.pk})
    )
    assert response.status_code == 302
    assert _error_messages(response)
    response = client.post(
        reverse("manage:role_change", kwargs={"slug": organisation.slug, "pk": role.pk}),
        {f"role-{role.pk}-role": "editor"},
    )
    assert _error_messages(response)
    assert OrganisationRole.objects.get(pk=role.pk).role == OrganisationRoleKind.ADMIN


def test_admin_changes_a_role_and_removes_a_member(client, organisation, admin_user, editor):
    role = OrganisationRole.objects.get(user=editor)
    _client_for(client, admin_user)
    client.post(
        reverse("manage:role_change", kwargs={"slug": organisation.slug, "pk": role.pk}),
        {f"role-{role.pk}-role": "coordinator"},
    )
    assert OrganisationRole.objects.get(pk=role.pk).role == OrganisationRoleKind.COORDINATOR
    response = client.post(
        reverse("manage:role_change", kwargs={"slug": organisation.slug, "pk": role.pk}),
        {f"role-{role.pk}-role": "emperor"},
    )
    assert _error_messages(response)
    client.post(reverse("manage:member_remove", kwargs={"slug": organisation.slug, "pk": role.pk}))
    assert not OrganisationRole.objects.filter(pk=role.pk).exists()


def test_editor_cannot_change_roles(client, organisation, admin_user, editor):
    role = OrganisationRole.objects.get(user=admin_user)
    response = _client_for(client, editor).post(
        reverse("manage:member_remove", kwargs={"slug": organisation.slug, "pk": role.pk})
    )
    assert response.status_code == 403
    assert OrganisationRole.objects.filter(pk=role.pk).exists()


# Networks


@pytest.fixture
def network_admin(network):
    return NetworkRoleFactory(network=network).user


def _network_url(network, name="network", **kwargs):
    return reverse(f"manage:{name}", kwargs={"slug": network.slug, **kwargs})


def test_network_page_access(client, network, network_admin, staff, user):
    assert client.get(_network_url(network)).status_code == 302
    assert _client_for(client, user).get(_network_url(network)).status_code == 403
    outsider = NetworkRoleFactory(network=NetworkFactory()).user
    assert _client_for(client, outsider).get(_network_url(network)).status_code == 403
    assert _client_for(client, network_admin).get(_network_url(network)).status_code == 200
    assert _client_for(client, staff).get(_network_url(network)).status_code == 200


def test_network_admin_approves_and_ends_memberships(client, network, network_admin):
    membership = NetworkMembershipFactory(network=network, status=MembershipStatus.REQUESTED)
    _client_for(client, network_admin)
    client.post(_network_url(network, "membership_approve", pk=membership.pk))
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    client.post(_network_url(network, "membership_end", pk=membership.pk))
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ENDED


def test_network_admin_adds_a_published_organisation(client, network, network_admin):
    organisation = OrganisationFactory()
    response = _client_for(client, network_admin).post(
        _network_url(network), {"organisation": organisation.pk}
    )
    assert response.status_code == 302
    assert network.memberships.get(organisation=organisation).status == MembershipStatus.ACTIVE


def test_pending_organisation_is_not_offered_as_member(client, network, network_admin):
    pending = OrganisationFactory(status=OrganisationStatus.PENDING)
    response = _client_for(client, network_admin).post(
        _network_url(network), {"organisation": pending.pk}
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not network.memberships.exists()


def test_membership_of_another_network_is_404(client, network, network_admin):
    foreign = NetworkMembershipFactory(status=MembershipStatus.REQUESTED)
    response = _client_for(client, network_admin).post(
        _network_url(network, "membership_approve", pk=foreign.pk)
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == MembershipStatus.REQUESTED


def test_membership_actions_require_post(client, network, network_admin):
    membership = NetworkMembershipFactory(network=network, status=MembershipStatus.ACTIVE)
    response = _client_for(client, network_admin).get(
        _network_url(network, "membership_end", pk=membership.pk)
    )
    assert response.status_code == 405
