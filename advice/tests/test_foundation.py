"""The ground rules every area builds on: encryption at rest, who sees what, the audit."""

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.db import connection

from advice import selectors
from advice.audit import audit_record
from advice.models import AdviceRoleKind, AuditAction, AuditEntry, CaseNote, Concern
from advice.rules import may
from core.crypto import decrypt_text, encrypt_text
from directory.models import OrganisationRoleKind
from directory.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    UserFactory,
)

from .factories import AdviceCaseFactory, AdviceRoleFactory, CaseNoteFactory, ConcernFactory

pytestmark = pytest.mark.django_db


def raw_row(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_notes_and_contact_data_hold_no_plaintext_in_the_database():
    note = CaseNoteFactory(text="Mietschulden seit März, Kündigung droht")
    concern = ConcernFactory(contact_name="Erika Beispiel", contact_phone="0371 0000 555")

    stored_note = raw_row("advice_casenote", "text", note.pk)
    assert "Mietschulden" not in stored_note
    assert stored_note.startswith("fernet:")
    for column in ("contact_name", "contact_phone", "description"):
        stored = raw_row("advice_concern", column, concern.pk)
        assert "Erika" not in stored and "0371" not in stored and "Wohngeld" not in stored
    assert CaseNote.objects.get(pk=note.pk).text == "Mietschulden seit März, Kündigung droht"
    assert Concern.objects.get(pk=concern.pk).contact_name == "Erika Beispiel"


def test_keys_rotate_and_a_foreign_key_cannot_read(settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [old_key]
    token = encrypt_text("vertraulich")
    settings.ENCRYPTION_KEYS = [new_key, old_key]
    assert decrypt_text(token) == "vertraulich"
    settings.ENCRYPTION_KEYS = [new_key]
    with pytest.raises(InvalidToken):
        decrypt_text(token)


def test_case_visibility_by_role():
    organisation = OrganisationFactory()
    assigned = AdviceRoleFactory(organisation=organisation).user
    colleague = AdviceRoleFactory(organisation=organisation).user
    lead = AdviceRoleFactory(organisation=organisation, role=AdviceRoleKind.LEAD).user
    case = AdviceCaseFactory(organisation=organisation, advisers=[assigned])

    org_admin = OrganisationRoleFactory(
        organisation=organisation, role=OrganisationRoleKind.ADMIN
    ).user
    network_admin = NetworkRoleFactory().user
    staff = UserFactory(is_staff=True, is_superuser=True)
    other_lead = AdviceRoleFactory(role=AdviceRoleKind.LEAD).user
    # Assigned once but no longer in the team: the assignment alone grants nothing.
    former = UserFactory()
    case.advisers.add(former)

    for user in (assigned, lead):
        assert list(selectors.cases_visible_to(user)) == [case]
        assert may(user, "advice.view_case", case)
    for user in (colleague, org_admin, network_admin, staff, other_lead, former):
        assert not selectors.cases_visible_to(user).exists()
        assert not may(user, "advice.view_case", case)


def test_concerns_are_seen_by_the_advice_team_only():
    concern = ConcernFactory()
    adviser = AdviceRoleFactory(organisation=concern.organisation).user
    coordinator = OrganisationRoleFactory(
        organisation=concern.organisation, role=OrganisationRoleKind.COORDINATOR
    ).user
    assert list(selectors.concerns_visible_to(adviser)) == [concern]
    assert not selectors.concerns_visible_to(coordinator).exists()
    assert not may(coordinator, "advice.view_concern", concern)


def test_audit_entries_name_the_record_but_not_its_content():
    note = CaseNoteFactory(text="Geheim")
    reader = UserFactory()
    audit_record(user=reader, action=AuditAction.READ, record=note)
    entry = AuditEntry.objects.get()
    assert entry.organisation == note.case.organisation
    assert (entry.record_type, entry.record_id, entry.user) == ("casenote", note.pk, reader)
    assert "Geheim" not in str(entry.detail)
