"""The advice journeys, walked in Chromium, with axe-core on every page: a resident books an
appointment without an account and cancels it by the e-mailed link; a coordinator records
a phone concern and turns it into a case and a referral; an adviser writes a note that is
stored encrypted; and a sweep over every other advice page as resident, adviser, advice
lead and organisation admin, including pages that show form errors, and the API docs."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from advice.models import (
    AdviceCase,
    AdviceRoleKind,
    Appointment,
    AppointmentStatus,
    AuditAction,
    AuditEntry,
    BlockedTime,
    CaseDocument,
    CaseNote,
    Channel,
    Concern,
    ConcernKind,
    ConcernOutcome,
    ModerationAgreement,
    ModerationParty,
    ModerationSession,
    OutcomeKind,
    Referral,
)
from advice.selectors import appointment_manage_token
from advice.slots import parse_start
from advice.tests.appointment_helpers import at, make_schedule, today, upcoming
from advice.tests.factories import (
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
from directory.models import OrganisationRoleKind, Weekday
from directory.tests.factories import (
    NeighbourhoodFactory,
    OfficeHourRuleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PlaceFactory,
    ServiceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MANAGE_LINK = re.compile(r"https?://\S+/beratung/termine/link/\S+/")
TUESDAY = Weekday.TUESDAY


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The public forms count submissions per address in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browse(page, live_server, assert_accessible):
    """Open a path, check it was served and passes axe; on a phone-sized viewport also
    that nothing widens the page (wide tables scroll in their box or become lists)."""

    def open_and_check(path):
        response = page.goto(live_server.url + path)
        assert response.status < 500, path
        assert "/konto/login/" not in page.url, f"{path} sent the browser to sign in"
        check_page(page, assert_accessible)

    return open_and_check


def check_page(page, assert_accessible):
    assert_accessible(page)
    if page.viewport_size["width"] <= PHONE["width"]:
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} is {overflow}px wider than the phone"


def submit_empty(page, assert_accessible, form_selector):
    """Send a form as it is and check the page that shows its errors."""
    page.locator(f"{form_selector} button[type=submit]").last.click()
    page.locator(".errorlist").first.wait_for()
    check_page(page, assert_accessible)


def appointment_state(appointment):
    appointment.refresh_from_db()
    return {
        field: getattr(appointment, field)
        for field in (
            "schedule_id",
            "adviser_id",
            "topic_id",
            "starts_at",
            "ends_at",
            "name",
            "email",
            "phone",
            "booked_by_id",
            "concern_id",
            "consent_text",
            "consent_at",
            "link_version",
        )
    }


# A resident books an appointment without an account and cancels it ---------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_resident_books_without_an_account_and_cancels_by_the_emailed_link(
    page, live_server, browse, assert_accessible, viewport
):
    page.set_viewport_size(viewport)
    schedule, topic = make_schedule()
    other_topic = AdviceTopicFactory()
    schedule.topics.add(other_topic)
    adviser = schedule.advisers.get()

    browse(reverse("advice:index"))
    booking_url = reverse("advice:booking", kwargs={"pk": schedule.pk})
    page.locator(f"#book-an-appointment a[href='{booking_url}']").click()
    page.wait_for_url(f"**{booking_url}")
    check_page(page, assert_accessible)

    page.check(f"#topic-{topic.pk}")
    page.locator("#booking-form").wait_for()
    for _week in range(3):  # the first weeks may hold no free time (holidays, notice)
        if page.locator("#slots input[name=starts_at]").count():
            break
        shown_week = page.locator("#slots input[name=woche]").input_value()
        page.locator("#slots #next-week").click()
        expect(page.locator("#slots input[name=woche]")).not_to_have_value(shown_week)
    check_page(page, assert_accessible)
    # The latest free time of the week: far enough ahead to stay bookable while we type.
    slot = page.locator("#slots input[name=starts_at]").last
    slot_value = slot.get_attribute("value")
    slot.check()

    page.fill("#id_name", "Sam")
    page.fill("#id_email", "sam.beispiel@example.org")
    page.check("#id_consent")
    page.locator("#booking-form button[type=submit]").click()
    page.wait_for_url("**" + reverse("advice:booking_thanks", kwargs={"pk": schedule.pk}))
    page.locator("#appointment-booked").wait_for()
    check_page(page, assert_accessible)

    appointment = Appointment.objects.get()
    assert appointment.schedule == schedule
    assert appointment.topic == topic
    assert appointment.adviser == adviser
    assert appointment.booked_by is None
    assert appointment.status == AppointmentStatus.BOOKED
    assert appointment.starts_at == parse_start(slot_value)
    assert appointment.name == "Sam"
    assert appointment.email == "sam.beispiel@example.org"
    assert appointment.consent_text
    (confirmation,) = [message for message in mail.outbox if message.to == [appointment.email]]
    manage_url = MANAGE_LINK.search(confirmation.body).group(0)
    assert manage_url.startswith(live_server.url)
    before = appointment_state(appointment)

    browse(manage_url.removeprefix(live_server.url))
    assert page.locator("#move-form").count() == 1
    page.locator("#cancel-form button[type=submit]").click()
    page.locator("#appointment-cancelled").wait_for()
    check_page(page, assert_accessible)
    assert appointment_state(appointment) == before
    assert appointment.status == AppointmentStatus.CANCELLED
    assert Appointment.objects.count() == 1
    assert AuditEntry.objects.filter(
        action=AuditAction.CHANGE, record_type="appointment", record_id=appointment.pk
    ).exists()

    browse(manage_url.removeprefix(live_server.url))
    page.locator("#link-already-used").wait_for()
    assert page.locator("#cancel-form").count() == 0
    assert page.locator("#move-form").count() == 0

    tampered = manage_url[:-2] + ("x/" if manage_url[-2] != "x" else "y/")
    browse(tampered.removeprefix(live_server.url))
    page.locator("#link-invalid").wait_for()
    assert appointment_state(appointment) == before
    assert appointment.status == AppointmentStatus.CANCELLED


# A coordinator records a phone concern and turns it into a case and a referral ----------


@pytest.fixture
def counselling_service():
    """A debt counselling service in the directory, near the advice team's place."""
    service = ServiceFactory(name="Schuldnerberatung", slug="schuldnerberatung")
    organisation = OrganisationFactory(name="Schuldnerberatung Chemnitz")
    organisation.services.add(service)
    place = PlaceFactory(organisation=organisation, latitude=50.83, longitude=12.92)
    OfficeHourRuleFactory(place=place, weekday=Weekday.MONDAY)
    return service, organisation


def test_coordinator_records_a_phone_concern_and_turns_it_into_a_case_and_a_referral(
    page, browse, assert_accessible, sign_in, counselling_service
):
    service, service_organisation = counselling_service
    place = PlaceFactory(name="Stadtteilbüro Süd")
    organisation = place.organisation
    coordinator = AdviceRoleFactory(organisation=organisation).user
    topic = AdviceTopicFactory(name="Schulden", slug="schulden")
    sign_in(page, coordinator)

    browse(reverse("advice:concern_record"))
    submit_empty(page, assert_accessible, "#concern-record-form")
    assert not Concern.objects.exists()

    page.check(f"input[name=channel][value={Channel.PHONE}]")
    page.check(f"input[name=kind][value={ConcernKind.FORMS}]")
    page.select_option("#id_topic", str(topic.pk))
    page.fill("#id_description", "Mahnung vom Inkassobüro, versteht den Brief nicht.")
    page.fill("#id_contact_name", "Herr B.")
    page.fill("#id_contact_phone", "0371 0000 456")
    page.check("#id_consent")
    page.locator("#concern-record-form button[type=submit]").click()
    concern = Concern.objects.get(pk=wait_for_redirect(page, "/beratung/anliegen/{pk}/"))
    check_page(page, assert_accessible)

    assert concern.organisation == organisation
    assert concern.channel == Channel.PHONE
    assert concern.kind == ConcernKind.FORMS
    assert concern.topic == topic
    assert concern.contact_email == ""
    assert concern.contact_phone == "0371 0000 456"
    assert concern.recorded_by == coordinator
    assert concern.consent_text
    assert timezone.localdate(concern.consent_at) == timezone.localdate()

    browse(reverse("advice:triage"))
    row = page.locator(f"#concern-{concern.pk}")
    row.locator("a").click()
    page.wait_for_url("**" + reverse("advice:concern_detail", kwargs={"pk": concern.pk}))
    check_page(page, assert_accessible)

    page.locator("#outcome-action-case button[type=submit]").click()
    case = AdviceCase.objects.get(pk=wait_for_redirect(page, "/beratung/faelle/{pk}/"))
    check_page(page, assert_accessible)
    assert case.concern == concern
    assert list(case.advisers.all()) == [coordinator]
    assert list(case.topics.all()) == [topic]

    page.locator("#referral-new").click()
    page.wait_for_url("**" + reverse("advice:referral_new", kwargs={"case": case.pk}))
    check_page(page, assert_accessible)
    page.select_option("#id_service", str(service.pk))
    page.locator("#service-search button[type=submit]").click()
    page.locator("#referral-form").wait_for()
    check_page(page, assert_accessible)

    candidate = page.locator(f"#organisation-{service_organisation.pk}")
    candidate.check()
    submit_empty(page, assert_accessible, "#referral-form")  # the consent is missing
    assert not Referral.objects.exists()

    page.locator(f"#organisation-{service_organisation.pk}").check()
    page.check("#id_consent")
    page.locator("#referral-form button[type=submit]").click()
    referral = Referral.objects.get(
        pk=wait_for_redirect(page, "/beratung/vermittlung/{pk}/zettel/")
    )
    check_page(page, assert_accessible)

    assert referral.case == case
    assert referral.service_organisation == service_organisation
    assert referral.referred_by == coordinator
    assert referral.consent_text
    assert referral.consent_at is not None
    assert referral.ask_on > timezone.localdate()
    outcomes = ConcernOutcome.objects.filter(concern=concern)
    assert outcomes.filter(kind=OutcomeKind.CASE, case=case, created_by=coordinator).exists()
    reads = AuditEntry.objects.filter(user=coordinator, action=AuditAction.READ)
    assert reads.filter(record_type="concern", record_id=concern.pk).exists()
    assert reads.filter(record_type="advicecase", record_id=case.pk).exists()
    assert reads.filter(record_type="referral", record_id=referral.pk).exists()

    page.set_viewport_size(PHONE)
    for path in [
        reverse("advice:triage"),
        reverse("advice:concern_detail", kwargs={"pk": concern.pk}),
        reverse("advice:case_detail", kwargs={"pk": case.pk}),
        reverse("advice:referral_new", kwargs={"case": case.pk}) + f"?service={service.pk}",
        reverse("advice:referral_slip", kwargs={"pk": referral.pk}),
    ]:
        browse(path)


def wait_for_redirect(page, pattern: str):
    """Wait until the browser followed a form's redirect to a path like `pattern`, where
    {pk} stands for the number of the record the form created; return that number."""
    regex = re.escape(pattern).replace(re.escape("{pk}"), r"(\d+)")
    page.wait_for_url(re.compile(f"^[^?]*{regex}$"))
    return int(re.search(regex, page.url).group(1))


# An adviser writes a note ------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_adviser_writes_a_note_that_is_stored_encrypted(
    page, browse, assert_accessible, sign_in, viewport
):
    page.set_viewport_size(viewport)
    adviser = AdviceRoleFactory().user
    case = AdviceCaseFactory(
        organisation=adviser.advice_roles.get().organisation, advisers=[adviser]
    )
    sign_in(page, adviser)
    case_url = reverse("advice:case_detail", kwargs={"pk": case.pk})

    browse(case_url)
    submit_empty(page, assert_accessible, "#note-form")
    assert not CaseNote.objects.exists()

    secret = "Kündigung der Wohnung droht, Mietschulden seit März."
    # A contact from yesterday, written down today.
    contact_on = timezone.localdate() - timedelta(days=1)
    page.fill("#note-form #id_contact_on", contact_on.isoformat())
    page.fill("#note-form #id_text", secret)
    page.locator("#note-form button[type=submit]").click()
    page.locator(".case-notes li[id^='note-']").first.wait_for()
    note = CaseNote.objects.get()
    assert page.url.endswith(case_url)
    expect(page.locator(f"#note-{note.pk}")).to_contain_text(secret)
    check_page(page, assert_accessible)

    assert note.case == case
    assert note.author == adviser
    assert note.text == secret
    assert note.contact_on == contact_on
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT text FROM {CaseNote._meta.db_table} WHERE id = %s", [note.pk])
        (raw,) = cursor.fetchone()
    raw = raw if isinstance(raw, str) else bytes(raw).decode("latin-1")
    assert raw
    for plaintext in (secret, "Kündigung", "Mietschulden"):
        assert plaintext not in raw
    assert AuditEntry.objects.filter(
        user=adviser, action=AuditAction.READ, record_type="advicecase", record_id=case.pk
    ).exists()


def test_the_note_form_offers_today_as_the_date_of_contact(page, browse, sign_in):
    adviser = AdviceRoleFactory().user
    case = AdviceCaseFactory(
        organisation=adviser.advice_roles.get().organisation, advisers=[adviser]
    )
    sign_in(page, adviser)
    browse(reverse("advice:case_detail", kwargs={"pk": case.pk}))
    expect(page.locator("#note-form #id_contact_on")).to_have_value(
        timezone.localdate().isoformat(), timeout=1000
    )


# axe over every other advice page -----------------------------------------------------------


@pytest.fixture
def world(counselling_service):
    """An advice team (lead, adviser) with a schedule, a booked and a past appointment,
    blocked time, an overdue concern that became a case with a note and a due referral,
    a moderation with parties, a session and an agreement; and the organisation's admin."""
    service, service_organisation = counselling_service
    neighbourhood = NeighbourhoodFactory(name="Kaßberg")
    organisation = OrganisationFactory(
        name="Stadtteilverein Süd",
        slug="stadtteilverein-sued",
        municipality=neighbourhood.municipality,
    )
    place = PlaceFactory(organisation=organisation, name="Stadtteilbüro Süd")
    OfficeHourRuleFactory(place=place, weekday=TUESDAY)
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    adviser = AdviceRoleFactory(organisation=organisation).user
    admin = OrganisationRoleFactory(organisation=organisation, role=OrganisationRoleKind.ADMIN).user
    topic = AdviceTopicFactory(name="Wohnen", slug="wohnen")
    schedule = AppointmentScheduleFactory(
        organisation=organisation, place=place, advisers=[adviser], topics=[topic]
    )
    next_tuesday = upcoming(TUESDAY)
    booked = AppointmentFactory(
        schedule=schedule,
        adviser=adviser,
        topic=topic,
        starts_at=at(next_tuesday, 15),
        ends_at=at(next_tuesday, 15, 30),
    )
    last_tuesday = today() - timedelta(days=(today().weekday() - TUESDAY) % 7 or 7)
    past = AppointmentFactory(
        schedule=schedule,
        adviser=adviser,
        topic=topic,
        starts_at=at(last_tuesday, 16),
        ends_at=at(last_tuesday, 16, 30),
    )
    BlockedTime.objects.create(
        adviser=adviser,
        starts_at=at(next_tuesday, 17),
        ends_at=at(next_tuesday, 18),
        reason="Fortbildung",
    )
    concern = ConcernFactory(
        organisation=organisation,
        topic=topic,
        neighbourhood=neighbourhood,
        responsible=adviser,
        follow_up_on=today() - timedelta(days=2),
        contact_email="frau.k@example.org",
    )
    ConcernFactory(organisation=organisation, kind=ConcernKind.IDEA, channel=Channel.ONLINE)
    case = AdviceCaseFactory(organisation=organisation, concern=concern, advisers=[adviser])
    case.topics.set([topic])
    CaseNoteFactory(case=case, author=adviser)
    referral = ReferralFactory(
        case=case,
        service_organisation=service_organisation,
        referred_by=adviser,
        ask_on=today() - timedelta(days=1),
    )
    moderation = ModerationCaseFactory(
        organisation=organisation, concern=concern, mediators=[adviser]
    )
    ModerationParty.objects.create(moderation=moderation, label="Haushalt 2. OG links")
    ModerationParty.objects.create(moderation=moderation, label="Haushalt 3. OG rechts")
    ModerationSession.objects.create(moderation=moderation, held_on=today(), notes="Erstgespräch")
    ModerationAgreement.objects.create(
        moderation=moderation, text="Ruhezeiten ab 22 Uhr", reached_on=today()
    )
    return {
        "organisation": organisation,
        "lead": lead,
        "adviser": adviser,
        "admin": admin,
        "topic": topic,
        "schedule": schedule,
        "booked": booked,
        "past": past,
        "concern": concern,
        "case": case,
        "referral": referral,
        "service": service,
        "moderation": moderation,
    }


def test_resident_pages(page, browse, world, assert_accessible):
    schedule, topic = world["schedule"], world["topic"]
    booking_url = reverse("advice:booking", kwargs={"pk": schedule.pk})
    manage_url = reverse(
        "advice:booking_manage", kwargs={"token": appointment_manage_token(world["booked"])}
    )
    pages = [
        reverse("advice:index"),
        reverse("advice:concern_new"),
        reverse("advice:concern_thanks"),
        booking_url,
        f"{booking_url}?thema={topic.pk}",
        reverse("advice:booking_thanks", kwargs={"pk": schedule.pk}),
        manage_url,
        reverse("advice:booking_manage", kwargs={"token": "kaputt:kaputt"}),
    ]
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        for path in pages:
            browse(path)

        browse(reverse("advice:concern_new"))
        submit_empty(page, assert_accessible, "#concern-form")
        browse(f"{booking_url}?thema={topic.pk}")
        submit_empty(page, assert_accessible, "#booking-form")
    browse(reverse("advice:booking_manage", kwargs={"token": "kaputt:kaputt"}))
    page.locator("#link-invalid").wait_for()
    assert Concern.objects.count() == 2
    assert Appointment.objects.count() == 2


def test_adviser_pages(page, browse, world, assert_accessible, sign_in):
    sign_in(page, world["adviser"])
    booked = world["booked"]
    week = timezone.localdate(booked.starts_at).strftime("%G-W%V")
    day = timezone.localdate(booked.starts_at).isoformat()
    calendar = reverse("advice:adviser_calendar")

    for path, form in [
        (reverse("advice:blocked_time_new"), "#blocked-time-form"),
        (reverse("advice:concern_record"), "#concern-record-form"),
        (
            reverse("advice:concern_outcome_add", kwargs={"pk": world["concern"].pk})
            + f"?kind={OutcomeKind.HELP_REQUEST}",
            "#outcome-form",
        ),
        (reverse("advice:moderation_new"), "#moderation-form"),
        (
            reverse("advice:referral_feedback", kwargs={"pk": world["referral"].pk}),
            "#referral-feedback-form",
        ),
    ]:
        browse(path)
        submit_empty(page, assert_accessible, form)

    # Forms that add one more item to a moderation fold away until opened, and show
    # themselves again with their errors.
    browse(reverse("advice:moderation_detail", kwargs={"pk": world["moderation"].pk}))
    page.locator("#party-add > summary").click()
    submit_empty(page, assert_accessible, "#party-add-form")
    expect(page.locator("#party-add")).to_have_attribute("open", "")
    assert ModerationParty.objects.count() == 2
    browse(reverse("advice:case_detail", kwargs={"pk": world["case"].pk}))
    page.locator("#document-upload > summary").click()
    submit_empty(page, assert_accessible, "#document-form")
    expect(page.locator("#document-upload")).to_have_attribute("open", "")
    assert not CaseDocument.objects.exists()

    pages = [
        reverse("advice:triage") + "?status=all&kind=question&responsible=me&overdue=on",
        reverse("advice:triage"),
        reverse("advice:concern_detail", kwargs={"pk": world["concern"].pk}),
        reverse("advice:case_list"),
        reverse("advice:case_list") + "?status=open&mine=on",
        reverse("advice:case_detail", kwargs={"pk": world["case"].pk}),
        f"{calendar}?woche={week}",
        f"{calendar}?tag={day}",
        f"{calendar}?woche={week}&ansicht=team",
        reverse("advice:appointment_detail", kwargs={"pk": booked.pk}),
        reverse("advice:appointment_detail", kwargs={"pk": world["past"].pk}),
        reverse("advice:blocked_time_new"),
        reverse("advice:booking_on_behalf", kwargs={"pk": world["schedule"].pk})
        + f"?thema={world['topic'].pk}&concern={world['concern'].pk}",
        reverse("advice:moderation_list"),
        reverse("advice:moderation_new"),
        reverse("advice:moderation_detail", kwargs={"pk": world["moderation"].pk}),
        reverse("advice:referral_new", kwargs={"case": world["case"].pk})
        + f"?service={world['service'].pk}",
        reverse("advice:referral_slip", kwargs={"pk": world["referral"].pk}),
        reverse("advice:referral_feedback", kwargs={"pk": world["referral"].pk}),
        reverse("advice:referrals_due"),
        reverse("advice:my_teams"),
    ]
    for path in pages:
        browse(path)
    page.set_viewport_size(PHONE)
    for path in pages:
        browse(path)
    browse(f"{calendar}?woche={week}")
    expect(page.locator(f"[data-appointment='{booked.pk}']")).to_be_visible()
    browse(
        reverse("advice:referral_new", kwargs={"case": world["case"].pk})
        + f"?service={world['service'].pk}"
    )
    expect(page.locator("#referral-form input[name=service_organisation]")).to_have_count(1)


def test_advice_lead_pages(page, browse, world, assert_accessible, sign_in):
    sign_in(page, world["lead"])
    organisation, schedule = world["organisation"], world["schedule"]
    this_year = timezone.localdate().year

    for path, form in [
        (reverse("advice:case_new"), "#case-form"),
        (reverse("advice:schedule_new", args=[organisation.pk]), "#schedule-form"),
    ]:
        browse(path)
        submit_empty(page, assert_accessible, form)

    pages = [
        reverse("advice:statistics"),
        reverse("advice:statistics") + f"?organisation={organisation.slug}&year={this_year}",
        reverse("advice:audit_log"),
        reverse("advice:audit_log") + f"?action={AuditAction.READ}&record_type=advicecase",
        reverse("advice:schedules"),
        reverse("advice:schedule_new", args=[organisation.pk]),
        reverse("advice:schedule_edit", args=[schedule.pk]),
        reverse("advice:case_list"),
        reverse("advice:case_detail", kwargs={"pk": world["case"].pk}),
        reverse("advice:case_update", kwargs={"pk": world["case"].pk}),
        reverse("advice:case_assign", kwargs={"pk": world["case"].pk}),
        reverse("advice:case_anonymise_now", kwargs={"pk": world["case"].pk}),
        reverse("advice:team", kwargs={"slug": organisation.slug}),
    ]
    for path in pages:
        browse(path)
    page.set_viewport_size(PHONE)
    for path in pages:
        browse(path)


def test_organisation_admin_team_pages(page, browse, world, assert_accessible, sign_in):
    sign_in(page, world["admin"])
    organisation = world["organisation"]
    adviser_role = world["adviser"].advice_roles.get()
    team_url = reverse("advice:team", kwargs={"slug": organisation.slug})

    browse(team_url)
    submit_empty(page, assert_accessible, "#advice-role-grant")
    pages = [
        reverse("advice:my_teams"),
        team_url,
        reverse(
            "advice:team_role_revoke", kwargs={"slug": organisation.slug, "pk": adviser_role.pk}
        ),
    ]
    for path in pages:
        browse(path)
    page.set_viewport_size(PHONE)
    for path in pages:
        browse(path)


def test_api_docs_are_served_locally_and_accessible(page, live_server, assert_accessible):
    response = page.goto(live_server.url + "/api/v1/docs")
    assert response.status == 200
    page.locator("#swagger-ui .information-container").wait_for()
    page.locator("#swagger-ui .opblock").first.wait_for()
    assert_accessible(page)
    page.locator("#swagger-ui .opblock-summary-control").first.click()
    page.locator("#swagger-ui .opblock-body").first.wait_for()
    assert_accessible(page)
