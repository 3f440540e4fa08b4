"""The 90-day rule: organisations are reminded once, a week before an unconfirmed
opportunity disappears from search, and again only after confirming it."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationFactory, OrganisationRoleFactory, UserFactory
from engagement.models import Opportunity, OpportunityStatus
from engagement.services.opportunities import opportunity_confirm
from engagement.tasks_organisation import send_confirmation_reminders
from engagement.tests.factories import OpportunityFactory, days_ago

BASE_URL = "https://gemeinwerk.example/"


@pytest.fixture
def organisation(db):
    return OrganisationFactory(email="info@verein.example")


def _role(organisation, role, **user):
    return OrganisationRoleFactory(
        organisation=organisation, role=role, user=UserFactory(**user)
    ).user


def _run():
    return send_confirmation_reminders.call(BASE_URL)


def test_reminds_admins_and_editors_once_about_due_opportunities(organisation):
    admin = _role(organisation, OrganisationRoleKind.ADMIN)
    editor = _role(organisation, OrganisationRoleKind.EDITOR)
    coordinator = _role(organisation, OrganisationRoleKind.COORDINATOR)
    _role(organisation, OrganisationRoleKind.EDITOR, is_active=False, email="alt@example.org")
    due = OpportunityFactory(organisation=organisation, confirmed_at=days_ago(84))
    hidden = OpportunityFactory(organisation=organisation, confirmed_at=days_ago(120))
    fresh = OpportunityFactory(organisation=organisation, confirmed_at=days_ago(82))
    paused = OpportunityFactory(
        organisation=organisation, confirmed_at=days_ago(100), status=OpportunityStatus.PAUSED
    )
    assert _run() == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted([admin.email, editor.email])
    assert all(len(message.to) == 1 for message in mail.outbox)
    body = mail.outbox[0].body
    assert due.title in body and hidden.title in body
    assert fresh.title not in body and paused.title not in body
    confirm_url = reverse(
        "engagement:opportunity_confirm",
        kwargs={"org_slug": organisation.slug, "slug": due.slug},
    )
    assert f"https://gemeinwerk.example{confirm_url}" in body
    assert coordinator.email not in [message.to[0] for message in mail.outbox]
    reminded = Opportunity.objects.filter(reminder_sent_at__isnull=False)
    assert set(reminded.values_list("pk", flat=True)) == {due.pk, hidden.pk}

    mail.outbox.clear()
    assert _run() == 0
    assert mail.outbox == []


def test_reminds_again_only_after_confirming(organisation):
    _role(organisation, OrganisationRoleKind.ADMIN)
    opportunity = OpportunityFactory(organisation=organisation, confirmed_at=days_ago(85))
    _run()
    assert len(mail.outbox) == 1
    opportunity_confirm(opportunity=opportunity)
    opportunity.refresh_from_db()
    assert opportunity.reminder_sent_at is None
    mail.outbox.clear()
    _run()
    assert mail.outbox == []  # confirmed just now
    Opportunity.objects.filter(pk=opportunity.pk).update(confirmed_at=days_ago(86))
    _run()
    assert len(mail.outbox) == 1


def test_falls_back_to_the_organisation_address(organisation):
    OpportunityFactory(organisation=organisation, confirmed_at=days_ago(88))
    _run()
    assert [message.to for message in mail.outbox] == [["info@verein.example"]]


def test_without_any_address_nothing_is_marked(db):
    organisation = OrganisationFactory(email="")
    opportunity = OpportunityFactory(organisation=organisation, confirmed_at=days_ago(88))
    assert _run() == 0
    opportunity.refresh_from_db()
    assert opportunity.reminder_sent_at is None


def test_one_mail_per_organisation_and_no_mixing(organisation):
    other = OrganisationFactory(email="other@verein.example")
    mine = OpportunityFactory(organisation=organisation, confirmed_at=days_ago(85))
    theirs = OpportunityFactory(organisation=other, confirmed_at=days_ago(85))
    _run()
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert set(by_recipient) == {"info@verein.example", "other@verein.example"}
    assert mine.title in by_recipient["info@verein.example"]
    assert theirs.title not in by_recipient["info@verein.example"]


def test_management_command_runs_the_job(organisation):
    OpportunityFactory(organisation=organisation, confirmed_at=days_ago(90))
    call_command("remind_unconfirmed_opportunities", "--base-url", BASE_URL)
    assert len(mail.outbox) == 1
    call_command("remind_unconfirmed_opportunities", "--base-url", BASE_URL)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("base_url", ["nonsense", "ftp://example.org"])
def test_management_command_needs_a_web_address(db, base_url):
    with pytest.raises(CommandError):
        call_command("remind_unconfirmed_opportunities", "--base-url", base_url)
