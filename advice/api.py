"""The advice module's part of the platform API (mounted by gemeinwerk/api.py under
/api/v1/beratung/). Signed-in sessions only; the same selectors and rules as the pages: a
case outside cases_visible_to is a 404, statistics of an organisation the person does not
lead a 403. Lists carry no names; opening a case writes a READ audit entry."""

from datetime import date, datetime

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from directory.models import Organisation

from . import selectors
from .audit import audit_record
from .models import AdviceCase, AuditAction
from .rules import may
from .statistics import advice_statistics

router = Router(auth=django_auth, tags=["advice"])


class CaseSummary(Schema):
    id: int
    status: str
    topics: list[str]
    opened_at: datetime
    advisers_count: int


class CaseNoteOut(Schema):
    id: int
    contact_on: date
    text: str
    author: str | None


class CaseDetail(CaseSummary):
    closed_at: datetime | None
    anonymised_at: datetime | None
    person_name: str
    contact: str
    next_steps: str
    advisers: list[str]
    notes: list[CaseNoteOut]


def _topics(case) -> list[str]:
    return [topic.name for topic in case.topics.all()]


@router.get("/faelle/", response=list[CaseSummary], summary="Cases I may see")
def case_list(request):
    # Counted on a fresh query: on the selector's own join with the advisers (its filter
    # for "assigned to me"), Count would see only the person asking.
    visible = selectors.cases_visible_to(request.auth).values("pk")
    cases = (
        AdviceCase.objects.filter(pk__in=visible)
        .annotate(advisers_count=Count("advisers", distinct=True))
        .prefetch_related("topics")
        .order_by("-opened_at", "-pk")
    )
    return [
        {
            "id": case.pk,
            "status": case.status,
            "topics": _topics(case),
            "opened_at": case.opened_at,
            "advisers_count": case.advisers_count,
        }
        for case in cases
    ]


@router.get("/faelle/{case_id}/", response=CaseDetail, summary="One case with its notes")
def case_detail(request, case_id: int = Path(..., ge=1, le=2**31 - 1)):
    case = get_object_or_404(selectors.cases_visible_to(request.auth), pk=case_id)
    if not may(request.auth, "advice.view_case", case):
        raise HttpError(403, "Forbidden")
    audit_record(user=request.auth, action=AuditAction.READ, record=case)
    advisers = list(case.advisers.order_by("display_name"))
    return {
        "id": case.pk,
        "status": case.status,
        "topics": _topics(case),
        "opened_at": case.opened_at,
        "closed_at": case.closed_at,
        "anonymised_at": case.anonymised_at,
        "advisers_count": len(advisers),
        "person_name": case.person_name,
        "contact": case.contact,
        "next_steps": case.next_steps,
        "advisers": [adviser.get_full_name() for adviser in advisers],
        "notes": [
            {
                "id": note.pk,
                "contact_on": note.contact_on,
                "text": note.text,
                "author": note.author.get_full_name() if note.author else None,
            }
            for note in case.notes.select_related("author")
        ],
    }


@router.get("/statistik/", summary="Anonymous statistics of an organisation's advice")
def statistics(
    request,
    organisation: str = Query(..., max_length=210),
    year: int | None = Query(None, ge=2000, le=2100),
):
    """Counts only; counts of 1 or 2 are given as "<3". For the advice lead."""
    organisation = get_object_or_404(Organisation, slug=organisation)
    if not may(request.auth, "advice.view_statistics", organisation):
        raise HttpError(403, "Forbidden")
    return advice_statistics(organisation, year or timezone.localdate().year)
