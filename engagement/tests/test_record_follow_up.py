from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from directory.models import OrganisationRoleKind
from directory.tests.factories import OrganisationRoleFactory, UserFactory
from engagement.models import FOLLOW_UP_AFTER_DAYS, Placement, PlacementStatus, PlacementStep
from engagement.tests.factories import PlacementFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://gemeinwerk.example"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _started(days_ago, **kwargs):
    kwargs.setdefault("status", PlacementStatus.PLACED)
    return PlacementFactory(started_on=timezone.localdate() - timedelta(days=days_ago), **kwargs)


def _guide(organisation, role=OrganisationRoleKind.COORDINATOR):
    return OrganisationRoleFactory(organisation=organisation, role=role).user


def _run():
    call_command("send_follow_up_reminders", "--base-url", BASE_URL, stdout=StringIO())


def test_responsible_guide_is_reminded_once_after_six_weeks():
    responsible = UserFactory()
    placement = _started(FOLLOW_UP_AFTER_DAYS, responsible=responsible)
    _guide(placement.organisation)
    _run()
    assert [message.to for message in mail.outbox] == [[responsible.email]]
    follow_up_url = f"{BASE_URL}/nachweis/rueckmeldung/{placement.pk}/"
    assert follow_up_url in mail.outbox[0].body
    assert placement.volunteer.phone not in mail.outbox[0].body
    assert placement.volunteer.user.email not in mail.outbox[0].body
    placement.refresh_from_db()
    assert placement.follow_up_reminded_at is not None
    _run()
    assert len(mail.outbox) == 1


def test_without_responsible_the_organisations_guides_are_reminded():
    placement = _started(60)
    guides = {_guide(placement.organisation).email, _guide(placement.organisation).email}
    _guide(placement.organisation, role=OrganisationRoleKind.EDITOR)
    _run()
    assert {recipient for message in mail.outbox for recipient in message.to} == guides
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_not_reminded_too_early_or_when_not_running():
    early = _started(FOLLOW_UP_AFTER_DAYS - 1)
    ended = _started(90, status=PlacementStatus.ENDED)
    withdrawn = _started(90, status=PlacementStatus.WITHDRAWN)
    for placement in (early, ended, withdrawn):
        _guide(placement.organisation)
    _run()
    assert mail.outbox == []
    assert not Placement.objects.filter(follow_up_reminded_at__isnull=False).exists()


def test_without_any_guide_nothing_is_marked_so_a_later_run_can_send():
    placement = _started(50)
    _run()
    placement.refresh_from_db()
    assert placement.follow_up_reminded_at is None
    _guide(placement.organisation)
    _run()
    assert len(mail.outbox) == 1


def test_failed_mail_is_tried_again_next_day(monkeypatch):
    placement = _started(50)
    _guide(placement.organisation)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("engagement.tasks_record.send_mass_mail", broken)
    _run()  # the task fails; the immediate backend records that and carries on
    placement.refresh_from_db()
    assert placement.follow_up_reminded_at is None


def test_command_refuses_bad_base_url():
    with pytest.raises(CommandError):
        call_command("send_follow_up_reminders", "--base-url", "not a url")


def test_guide_records_the_answer(client):
    placement = _started(50)
    guide = _guide(placement.organisation)
    client.force_login(guide)
    response = client.post(
        reverse("engagement:follow_up", kwargs={"placement_pk": placement.pk}),
        {"follow_up_answer": "Läuft gut, die Kinder freuen sich."},
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.follow_up_answer == "Läuft gut, die Kinder freuen sich."
    assert placement.follow_up_recorded_at is not None
    assert PlacementStep.objects.filter(placement=placement, by=guide).exists()


def test_empty_answer_is_refused(client):
    placement = _started(50)
    client.force_login(_guide(placement.organisation))
    response = client.post(
        reverse("engagement:follow_up", kwargs={"placement_pk": placement.pk}),
        {"follow_up_answer": "   "},
    )
    assert response.status_code == 400
    assert "follow_up_answer" in response.context["form"].errors
    placement.refresh_from_db()
    assert placement.follow_up_recorded_at is None


def test_only_guides_record_the_answer(client):
    placement = _started(50)
    url = reverse("engagement:follow_up", kwargs={"placement_pk": placement.pk})
    data = {"follow_up_answer": "Alles bestens"}
    client.force_login(placement.volunteer.user)
    assert client.post(url, data).status_code == 403
    client.force_login(_guide(_started(50).organisation))
    assert client.post(url, data).status_code == 404
    client.logout()
    assert client.post(url, data).status_code == 302
    placement.refresh_from_db()
    assert placement.follow_up_answer == ""


def test_reminded_placements_appear_on_the_guides_list(client):
    placement = _started(50)
    guide = _guide(placement.organisation)
    other = _started(50)
    _guide(other.organisation)
    _run()
    client.force_login(guide)
    response = client.get(reverse("engagement:hours_pending"))
    assert list(response.context["follow_ups"]) == [placement]
