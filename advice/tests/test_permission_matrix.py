"""The permission matrix: every advice URL (all areas, found by walking advice.urls, so a
URL added later is covered or makes this test fail until it is described here) and every
API endpoint, asked by every role that must not see a case or concern. Each answer must
be a redirect to the sign-in (signed out), 403 or 404 (a POST-only URL may answer a GET
with 405), and must not contain any confidential string. The assigned adviser and the
advice lead get the pages.

Pages without a record in the address (lists, forms to create) show a member of another
organisation's advice team their own organisation's data, so for them only the absence of
the confidential strings is asserted. The team pages are the organisation admin's to
manage (advice.manage_team), so the admin may open them; they show no case or concern."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver
from django.urls import reverse as django_reverse
from django.utils import timezone

from advice import urls as advice_urls
from advice.models import AdviceRole, AdviceRoleKind, BlockedTime, ModerationParty
from advice.services.cases import case_document_upload
from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    NetworkMembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)

from .factories import (
    AdviceCaseFactory,
    AdviceRoleFactory,
    AdviceTopicFactory,
    AppointmentFactory,
    AppointmentScheduleFactory,
    CaseNoteFactory,
    ConcernFactory,
    ModerationCaseFactory,
    ReferralFactory,
)

pytestmark = pytest.mark.django_db

SECRETS = [
    "Zora Geheimnis",
    "Geheimvermerk zur Kündigung",
    "Geheimanliegen Wohngeld",
    "0371 4242 4242",
    "Geheimstreit im Hof",
    "Geheimhaushalt Nord",
    "Geheimakte",
]
NAME, NOTE, DESCRIPTION, PHONE, SUBJECT, HOUSEHOLD, DOCUMENT_TITLE = SECRETS

# Open to everyone on purpose: residents' forms and their signed booking links.
PUBLIC = {"index", "concern_new", "concern_thanks", "booking", "booking_thanks", "booking_manage"}
TEAM_PAGES = {"my_teams", "team", "team_role_change", "team_role_revoke"}
# "My advice teams": every signed-in person's own (possibly empty) list.
OWN_PAGES = {"my_teams"}
# Pages about one record the assigned adviser (mediator) opens as part of the work.
ASSIGNED_ADVISER_OPENS = {
    "case_detail",
    "case_update",
    "case_document_download",
    "concern_detail",
    "moderation_detail",
    "appointment_detail",
}

OUTSIDERS = [
    "anonymous",
    "organisation_admin",
    "organisation_editor",
    "organisation_coordinator",
    "network_admin",
    "platform_staff",
    "superuser",
    "unassigned_adviser",
    "other_adviser",
    "other_lead",
]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _staff(superuser=False):
    """Staff with two-factor authentication, so the pages themselves answer."""
    user = UserFactory(is_staff=True, is_superuser=superuser)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def _advice_routes():
    """(name, parameter names, area module) of every named advice URL."""
    routes = []

    def walk(patterns, module):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.urlconf_name.__name__)
            elif isinstance(pattern, URLPattern) and pattern.name:
                routes.append((pattern.name, list(pattern.pattern.converters), module))

    walk(advice_urls.urlpatterns, "advice.urls")
    return routes


@pytest.fixture
def world():
    organisation = OrganisationFactory()
    assigned = AdviceRoleFactory(organisation=organisation).user
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    topic = AdviceTopicFactory()
    concern = ConcernFactory(
        organisation=organisation,
        topic=topic,
        contact_name=NAME,
        contact_phone=PHONE,
        description=DESCRIPTION,
    )
    case = AdviceCaseFactory(
        organisation=organisation, concern=concern, advisers=[assigned], person_name=NAME
    )
    case.topics.add(topic)
    CaseNoteFactory(case=case, author=assigned, text=NOTE)
    document = case_document_upload(
        case=case,
        by=assigned,
        title=DOCUMENT_TITLE,
        file=SimpleUploadedFile("a.pdf", b"%PDF-1.4 " + NOTE.encode()),
    )
    schedule = AppointmentScheduleFactory(
        organisation=organisation, advisers=[assigned], topics=[topic]
    )
    appointment = AppointmentFactory(
        schedule=schedule, adviser=assigned, topic=topic, concern=concern, name=NAME, phone=PHONE
    )
    moderation = ModerationCaseFactory(
        organisation=organisation, concern=concern, subject=SUBJECT, mediators=[assigned]
    )
    party = ModerationParty.objects.create(moderation=moderation, label=HOUSEHOLD, contact=PHONE)
    referral = ReferralFactory(case=case)
    now = timezone.now()
    blocked = BlockedTime.objects.create(
        adviser=assigned, starts_at=now, ends_at=now + timedelta(hours=1)
    )
    records = {
        "organisation": organisation,
        "concern": concern,
        "case": case,
        "document": document,
        "schedule": schedule,
        "appointment": appointment,
        "moderation": moderation,
        "party": party,
        "referral": referral,
        "blocked_time": blocked,
        "advice_role": AdviceRole.objects.get(user=assigned),
    }
    network_admin = NetworkRoleFactory().user
    NetworkMembershipFactory(
        network=network_admin.network_roles.get().network, organisation=organisation
    )
    other = OrganisationFactory()
    users = {
        "anonymous": None,
        "organisation_admin": OrganisationRoleFactory(
            organisation=organisation, role=OrganisationRoleKind.ADMIN
        ).user,
        "organisation_editor": OrganisationRoleFactory(
            organisation=organisation, role=OrganisationRoleKind.EDITOR
        ).user,
        "organisation_coordinator": OrganisationRoleFactory(
            organisation=organisation, role=OrganisationRoleKind.COORDINATOR
        ).user,
        "network_admin": network_admin,
        "platform_staff": _staff(),
        "superuser": _staff(superuser=True),
        "unassigned_adviser": AdviceRoleFactory(organisation=organisation).user,
        "other_adviser": AdviceRoleFactory(organisation=other).user,
        "other_lead": AdviceRoleFactory(organisation=other, role=AdviceRoleKind.LEAD).user,
        "assigned": assigned,
        "lead": lead,
    }
    return records, users


def _record_for(name: str, module: str) -> str:
    """Which record the `pk` of a URL names."""
    if module.endswith("urls_cases"):
        if "document" in name:
            return "document"
        return "concern" if name.startswith("concern") else "case"
    if module.endswith("urls_intake"):
        return "concern"
    if module.endswith("urls_appointments"):
        if name.startswith("booking"):
            return "schedule"
        if name.startswith("schedule"):
            return "schedule"
        if name.startswith("blocked_time"):
            return "blocked_time"
        return "appointment"
    if module.endswith("urls_referrals"):
        return "referral"
    if module.endswith("urls_moderation"):
        return "moderation"
    if module.endswith("urls_team"):
        return "advice_role"
    raise AssertionError(f"Describe what the pk of advice:{name} ({module}) names.")


def _kwargs(name, parameters, module, records):
    values = {}
    for parameter in parameters:
        if parameter == "pk":
            values[parameter] = records[_record_for(name, module)].pk
        elif parameter == "slug":
            values[parameter] = records["organisation"].slug
        elif parameter in records:
            values[parameter] = records[parameter].pk
        else:
            raise AssertionError(f"Describe the parameter {parameter!r} of advice:{name}.")
    return values


def _is_about_a_record(parameters) -> bool:
    return bool(parameters) and parameters != ["slug"]


def _text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _refused(response, *, anonymous: bool, method: str) -> bool:
    if anonymous:
        return response.status_code == 302 and response["Location"].startswith(
            resolve_url(settings.LOGIN_URL)
        )
    if method == "get" and response.status_code == 405:
        return True
    return response.status_code in {403, 404}


def _shows_secret(response) -> list[str]:
    text = _text(response)
    return [secret for secret in SECRETS if secret in text]


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_nothing_from_any_advice_url(world, role):
    records, users = world
    client = _client(users[role])
    problems = []
    routes = _advice_routes()
    assert {"case_detail", "audit_log", "statistics"} <= {name for name, _, _ in routes}
    for name, parameters, module in routes:
        if name in PUBLIC:
            continue
        url = django_reverse(f"advice:{name}", kwargs=_kwargs(name, parameters, module, records))
        # The whole team triages concerns and books appointments: an adviser who is not
        # assigned to the case still sees the concern and its appointment.
        team_sees = role == "unassigned_adviser" and module.endswith(("intake", "appointments"))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if not team_sees and (leaked := _shows_secret(response)):
                problems.append(f"{method.upper()} {name}: shows {leaked}")
            if response.status_code >= 500:
                problems.append(f"{method.upper()} {name}: {response.status_code}")
            must_be_refused = (
                role == "anonymous"
                or role not in {"unassigned_adviser", "other_adviser", "other_lead"}
                or _is_about_a_record(parameters)
            )
            if team_sees:
                must_be_refused = False
            if role == "unassigned_adviser" and name in TEAM_PAGES:
                must_be_refused = False
            if name in OWN_PAGES:
                must_be_refused = role == "anonymous"
            if role == "organisation_admin" and name in TEAM_PAGES:
                must_be_refused = False
            if must_be_refused and not _refused(
                response, anonymous=role == "anonymous", method=method
            ):
                problems.append(f"{method.upper()} {name}: {response.status_code}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_nothing_from_the_api(world, role):
    records, users = world
    client = _client(users[role])
    organisation = records["organisation"]
    urls = [
        "/api/v1/beratung/faelle/",
        f"/api/v1/beratung/faelle/{records['case'].pk}/",
        f"/api/v1/beratung/statistik/?organisation={organisation.slug}",
    ]
    for url in urls:
        response = client.get(url)
        assert not _shows_secret(response), url
        if role == "anonymous":
            assert response.status_code == 401, url
        elif url == urls[0]:
            assert response.status_code == 200 and response.json() == [], url
        else:
            assert response.status_code in {403, 404}, url


@pytest.mark.parametrize("role", ["assigned", "lead"])
def test_the_assigned_adviser_and_the_lead_get_the_pages(world, role):
    records, users = world
    client = _client(users[role])
    routes = [route for route in _advice_routes() if route[0] not in PUBLIC]
    problems = []
    for name, parameters, module in routes:
        if role == "assigned" and name not in ASSIGNED_ADVISER_OPENS:
            continue
        url = django_reverse(f"advice:{name}", kwargs=_kwargs(name, parameters, module, records))
        response = client.get(url)
        expected = {200} if name in ASSIGNED_ADVISER_OPENS else {200, 302, 405}
        if response.status_code not in expected:
            problems.append(f"GET {name}: {response.status_code}")
    assert not problems, "\n".join(problems)
    for url in ("/api/v1/beratung/faelle/", f"/api/v1/beratung/faelle/{records['case'].pk}/"):
        assert client.get(url).status_code == 200
