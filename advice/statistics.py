"""Anonymous statistics of an organisation's advice work in one year: counts only, from
the fields that survive anonymisation (kind, topic, month, neighbourhood, first contact,
outcome kinds, referral feedback), so the figures stay the same after the retention job.

A contact is a concern received or a dated case note. A concern counts as a first contact
when it was recorded as one; a note is a follow-up, except the earliest note of a case
that was opened without a concern as a first contact (a walk-in).

Counts of 1 or 2 are replaced by SUPPRESSED: in a small neighbourhood "2 debt cases in
March" may point to a person. Zero stays zero. The functions return plain dicts and lists
(labels already translated) so that pages, the API and later reports share them.
The caller checks "advice.view_statistics"."""

from collections import Counter

from django.db.models import Count, Min
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from .models import (
    AdviceCase,
    CaseNote,
    Concern,
    ConcernKind,
    ConcernOutcome,
    OutcomeKind,
    ReferralOutcome,
)
from .selectors import referral_outcomes_by_service

SUPPRESSED = "<3"
SMALLEST_SHOWN = 3


def suppress(count: int) -> int | str:
    return SUPPRESSED if 0 < count < SMALLEST_SHOWN else count


def _rows(counter: Counter) -> list[dict]:
    return [{"label": label, "count": suppress(counter[label])} for label in sorted(counter)]


def _month_rows(counter: Counter) -> list[dict]:
    return [
        {"month": month, "label": str(MONTHS[month]), "count": suppress(counter.get(month, 0))}
        for month in range(1, 13)
    ]


def _unknown() -> str:
    return _("not recorded")


def _concern_rows(organisation, year: int) -> list[dict]:
    return list(
        Concern.objects.filter(organisation=organisation, created_at__year=year).values(
            "pk", "kind", "topic__name", "neighbourhood__name", "is_first_contact", "created_at"
        )
    )


def _note_rows(organisation, year: int) -> tuple[list[dict], dict[int, list[str]]]:
    notes = list(
        CaseNote.objects.filter(case__organisation=organisation, contact_on__year=year).values(
            "pk",
            "case_id",
            "contact_on",
            "case__neighbourhood__name",
            "case__is_first_contact",
            "case__concern_id",
        )
    )
    case_ids = {note["case_id"] for note in notes}
    first_note_of_case = dict(
        CaseNote.objects.filter(case_id__in=case_ids)
        .values("case_id")
        .annotate(first=Min("pk"))
        .values_list("case_id", "first")
    )
    for note in notes:
        note["is_first_contact"] = (
            note["case__concern_id"] is None
            and note["case__is_first_contact"]
            and first_note_of_case.get(note["case_id"]) == note["pk"]
        )
    topics_of_case: dict[int, list[str]] = {}
    for case_id, topic in AdviceCase.topics.through.objects.filter(
        advicecase_id__in=case_ids
    ).values_list("advicecase_id", "advicetopic__name"):
        topics_of_case.setdefault(case_id, []).append(topic)
    return notes, topics_of_case


def advice_statistics(organisation, year: int) -> dict:
    concerns = _concern_rows(organisation, year)
    notes, topics_of_case = _note_rows(organisation, year)
    unknown = _unknown()

    concern_topics = Counter(row["topic__name"] or unknown for row in concerns)
    concern_months = Counter(timezone.localtime(row["created_at"]).month for row in concerns)
    concern_places = Counter(row["neighbourhood__name"] or unknown for row in concerns)
    concern_kinds = Counter(row["kind"] for row in concerns)
    concern_first = sum(1 for row in concerns if row["is_first_contact"])

    contact_topics = Counter(concern_topics)
    contact_months = Counter(concern_months)
    contact_places = Counter(concern_places)
    contact_first = concern_first
    for note in notes:
        for topic in topics_of_case.get(note["case_id"], [unknown]):
            contact_topics[topic] += 1
        contact_months[note["contact_on"].month] += 1
        contact_places[note["case__neighbourhood__name"] or unknown] += 1
        contact_first += note["is_first_contact"]
    contact_total = len(concerns) + len(notes)

    outcomes = Counter(
        dict(
            ConcernOutcome.objects.filter(
                concern__organisation=organisation, concern__created_at__year=year
            )
            .values("kind")
            .annotate(count=Count("pk"))
            .values_list("kind", "count")
        )
    )
    kind_labels = dict(ConcernKind.choices)
    outcome_labels = dict(OutcomeKind.choices)
    return {
        "organisation": organisation.slug,
        "year": year,
        "concerns": {
            "total": suppress(len(concerns)),
            "first_contact": suppress(concern_first),
            "follow_up": suppress(len(concerns) - concern_first),
            "by_kind": [
                {"label": str(kind_labels[kind]), "count": suppress(concern_kinds.get(kind, 0))}
                for kind in ConcernKind.values
            ],
            "by_topic": _rows(concern_topics),
            "by_month": _month_rows(concern_months),
            "by_neighbourhood": _rows(concern_places),
        },
        "contacts": {
            "total": suppress(contact_total),
            "first_contact": suppress(contact_first),
            "follow_up": suppress(contact_total - contact_first),
            "by_topic": _rows(contact_topics),
            "by_month": _month_rows(contact_months),
            "by_neighbourhood": _rows(contact_places),
        },
        "outcomes": [
            {"label": str(outcome_labels[kind]), "count": suppress(outcomes.get(kind, 0))}
            for kind in OutcomeKind.values
        ],
        "referrals": [
            {
                "service": row["name"],
                "total": suppress(row["total"]),
                "outcomes": [
                    {"label": str(label), "count": suppress(row[outcome])}
                    for outcome, label in ReferralOutcome.choices
                ],
            }
            for row in referral_outcomes_by_service(organisation, year)
        ],
    }
