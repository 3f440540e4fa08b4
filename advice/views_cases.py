"""Advice cases under /beratung/faelle/: the list of the cases a person may see, the case
page with notes, documents, team and status, opening a case for a walk-in, anonymising on
request, the advice lead's audit log and anonymous statistics.

Every case, note and document is looked up through advice.selectors (not visible: 404),
every action is asked of advice.rules.may (visible but not allowed: 403), and every page
that shows a case writes a READ entry to the audit log."""

import io
import os

from cryptography.fernet import InvalidToken
from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.crypto import decrypt_bytes
from core.forms import add_service_errors
from directory.models import Organisation

from . import selectors
from .audit import audit_record
from .forms_cases import (
    AuditFilterForm,
    CaseAssignForm,
    CaseDocumentForm,
    CaseFilterForm,
    CaseForm,
    CaseNoteForm,
    ConfirmAnonymiseForm,
    StatisticsFilterForm,
)
from .models import AdviceCase, AuditAction, CaseDocument, CaseNote
from .rules import may
from .services import cases as services
from .services import retention
from .statistics import advice_statistics

TEMPLATES = "advice/cases/"
CASES_PER_PAGE = 25
AUDIT_ENTRIES_PER_PAGE = 50
VIEW_CASE = "advice.view_case"
CHANGE_CASE = "advice.change_case"


def _case_for(request, pk, perm=VIEW_CASE) -> AdviceCase:
    case = get_object_or_404(
        selectors.cases_visible_to(request.user).select_related("organisation", "concern"),
        pk=pk,
    )
    if not may(request.user, perm, case):
        raise PermissionDenied
    return case


def _team_organisations(request):
    organisations = Organisation.objects.filter(
        pk__in=selectors.organisations_advised_by(request.user)
    ).order_by("name")
    if not organisations.exists():
        raise PermissionDenied
    return organisations


def _led_organisations(request):
    organisations = Organisation.objects.filter(
        pk__in=selectors.organisations_led_by(request.user)
    ).order_by("name")
    if not organisations.exists():
        raise PermissionDenied
    return organisations


def _max_megabytes() -> int:
    return services.max_document_bytes() // (1024 * 1024)


# The list


@login_required
def case_list(request):
    """Only columns that name no one: number, topics, status, dates, advisers."""
    _team_organisations(request)
    form = CaseFilterForm(request.GET or None)
    cases = selectors.cases_visible_to(request.user)
    if form.is_valid():
        if form.cleaned_data["status"]:
            cases = cases.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["mine"]:
            cases = cases.filter(advisers=request.user)
    last_contact = (
        CaseNote.objects.filter(case=OuterRef("pk")).order_by("-contact_on").values("contact_on")
    )
    cases = (
        # Only the listed columns: the encrypted ones would be decrypted for nothing and
        # make the DISTINCT (of cases_visible_to) compare long ciphertexts.
        cases.only("pk", "status", "opened_at", "anonymised_at")
        .annotate(last_contact_on=Subquery(last_contact[:1]))
        .prefetch_related(
            "topics",
            Prefetch("advisers", queryset=get_user_model().objects.order_by("display_name")),
        )
        .order_by("-opened_at", "-pk")
    )
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        TEMPLATES + "list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


# One case


def _detail_page(request, case, note_form=None, document_form=None):
    audit_record(user=request.user, action=AuditAction.READ, record=case)
    moderations = (
        selectors.moderations_visible_to(request.user).filter(concern_id=case.concern_id)
        if case.concern_id
        else []
    )
    context = {
        "case": case,
        "topics": case.topics.all(),
        "advisers": case.advisers.order_by("display_name"),
        "notes": case.notes.select_related("author"),
        "documents": case.documents.all(),
        "referrals": case.referrals.select_related("service_organisation", "topic"),
        "moderations": moderations,
        "note_form": note_form or CaseNoteForm(),
        "document_form": document_form or CaseDocumentForm(max_megabytes=_max_megabytes()),
        "may_change": may(request.user, CHANGE_CASE, case),
        "may_assign": may(request.user, "advice.assign_case", case),
        "may_anonymise": may(request.user, "advice.anonymise_records", case),
    }
    return render(request, TEMPLATES + "detail.html", context)


@login_required
def case_detail(request, pk):
    return _detail_page(request, _case_for(request, pk))


@login_required
@require_POST
def case_note_add(request, pk):
    case = _case_for(request, pk, CHANGE_CASE)
    form = CaseNoteForm(request.POST)
    if form.is_valid():
        try:
            services.case_note_add(
                case=case,
                by=request.user,
                contact_on=form.cleaned_data["contact_on"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as refusal:
            add_service_errors(form, refusal)
        else:
            messages.success(request, _("The note has been saved."))
            return redirect("advice:case_detail", pk=case.pk)
    return _detail_page(request, case, note_form=form)


@login_required
@require_POST
def case_document_upload(request, pk):
    case = _case_for(request, pk, CHANGE_CASE)
    form = CaseDocumentForm(request.POST, request.FILES, max_megabytes=_max_megabytes())
    if form.is_valid():
        try:
            services.case_document_upload(
                case=case,
                by=request.user,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
            )
        except ValidationError as refusal:
            add_service_errors(form, refusal)
        else:
            messages.success(request, _("The document has been stored encrypted."))
            return redirect("advice:case_detail", pk=case.pk)
    return _detail_page(request, case, document_form=form)


def _visible_document(request, pk) -> CaseDocument:
    return get_object_or_404(
        CaseDocument.objects.select_related("case").filter(
            case__in=selectors.cases_visible_to(request.user).values("pk")
        ),
        pk=pk,
    )


@login_required
def case_document_download(request, pk):
    document = _visible_document(request, pk)
    if not may(request.user, VIEW_CASE, document.case):
        raise PermissionDenied
    try:
        with document.file.open("rb") as stored:
            data = decrypt_bytes(stored.read())
    except (FileNotFoundError, ValueError, InvalidToken) as unreadable:
        raise Http404 from unreadable
    audit_record(user=request.user, action=AuditAction.DOWNLOAD, record=document)
    extension = os.path.splitext(document.file.name.removesuffix(".enc"))[1].lower()
    response = FileResponse(
        io.BytesIO(data),
        as_attachment=True,
        filename=f"{slugify(document.title) or 'dokument'}{extension}",
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def case_document_delete(request, pk):
    document = _visible_document(request, pk)
    if not may(request.user, CHANGE_CASE, document.case):
        raise PermissionDenied
    case_pk = document.case_id
    try:
        services.case_document_delete(document=document, by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("The document has been deleted."))
    return redirect("advice:case_detail", pk=case_pk)


@login_required
def case_update(request, pk):
    case = _case_for(request, pk, CHANGE_CASE)
    if request.method == "POST":
        form = CaseForm(request.POST, organisation=case.organisation)
        if form.is_valid():
            try:
                services.case_update(
                    case=case,
                    by=request.user,
                    topics=form.cleaned_data["topics"],
                    person_name=form.cleaned_data["person_name"],
                    contact=form.cleaned_data["contact"],
                    neighbourhood=form.cleaned_data["neighbourhood"],
                    next_steps=form.cleaned_data["next_steps"],
                )
            except ValidationError as refusal:
                add_service_errors(form, refusal)
            else:
                messages.success(request, _("The case has been saved."))
                return redirect("advice:case_detail", pk=case.pk)
    else:
        audit_record(user=request.user, action=AuditAction.READ, record=case)
        form = CaseForm(
            organisation=case.organisation,
            initial={
                "person_name": case.person_name,
                "contact": case.contact,
                "topics": case.topics.all(),
                "neighbourhood": case.neighbourhood_id,
                "next_steps": case.next_steps,
            },
        )
    return render(request, TEMPLATES + "edit.html", {"case": case, "form": form})


@login_required
def case_assign(request, pk):
    case = _case_for(request, pk, "advice.assign_case")
    team = selectors.advice_team_of(case.organisation)
    if request.method == "POST":
        form = CaseAssignForm(request.POST, team=team)
        if form.is_valid():
            try:
                services.case_assign(
                    case=case, by=request.user, advisers=form.cleaned_data["advisers"]
                )
            except ValidationError as refusal:
                add_service_errors(form, refusal)
            else:
                messages.success(request, _("The team of the case has been saved."))
                return redirect("advice:case_detail", pk=case.pk)
    else:
        form = CaseAssignForm(team=team, initial={"advisers": case.advisers.all()})
    return render(request, TEMPLATES + "assign.html", {"case": case, "form": form})


def _status_change(request, pk, service, done_message):
    case = _case_for(request, pk, CHANGE_CASE)
    try:
        service(case=case, by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, done_message)
    return redirect("advice:case_detail", pk=case.pk)


@login_required
@require_POST
def case_close(request, pk):
    return _status_change(request, pk, services.case_close, _("The case has been closed."))


@login_required
@require_POST
def case_reopen(request, pk):
    return _status_change(request, pk, services.case_reopen, _("The case has been reopened."))


@login_required
def case_new(request):
    """A case without a concern, e.g. for someone who walked in."""
    organisations = _team_organisations(request)
    form = CaseForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        if not may(request.user, "advice.create_case", organisation):
            raise PermissionDenied
        try:
            case = services.case_create(
                organisation=organisation,
                by=request.user,
                topics=form.cleaned_data["topics"],
                person_name=form.cleaned_data["person_name"],
                contact=form.cleaned_data["contact"],
                neighbourhood=form.cleaned_data["neighbourhood"],
                is_first_contact=form.cleaned_data["is_first_contact"],
                next_steps=form.cleaned_data["next_steps"],
            )
        except ValidationError as refusal:
            add_service_errors(form, refusal)
        else:
            messages.success(request, _("The case has been opened."))
            return redirect("advice:case_detail", pk=case.pk)
    return render(request, TEMPLATES + "new.html", {"form": form})


# Deletion on request


@login_required
def case_anonymise_now(request, pk):
    case = _case_for(request, pk, "advice.anonymise_records")
    form = ConfirmAnonymiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            retention.case_anonymise_now(case=case, by=request.user)
        except ValidationError as refusal:
            add_service_errors(form, refusal)
        else:
            messages.success(request, _("The case has been anonymised."))
            return redirect("advice:case_detail", pk=case.pk)
    return render(
        request,
        TEMPLATES + "anonymise.html",
        {"record": case, "kind": "case", "form": form},
    )


@login_required
def concern_anonymise(request, pk):
    concern = get_object_or_404(
        selectors.concerns_visible_to(request.user).select_related("organisation"), pk=pk
    )
    if not may(request.user, "advice.anonymise_records", concern):
        raise PermissionDenied
    form = ConfirmAnonymiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            retention.concern_anonymise_now(concern=concern, by=request.user)
        except ValidationError as refusal:
            add_service_errors(form, refusal)
        else:
            messages.success(request, _("The concern has been anonymised."))
            return redirect("advice:concern_anonymise", pk=concern.pk)
    return render(
        request,
        TEMPLATES + "anonymise.html",
        {"record": concern, "kind": "concern", "form": form},
    )


# The advice lead's pages


def _record_type_label(record_type: str) -> str:
    try:
        return str(apps.get_model("advice", record_type)._meta.verbose_name)
    except LookupError:
        return record_type


@login_required
def audit_log(request):
    organisations = _led_organisations(request)
    entries = selectors.audit_entries_visible_to(request.user)
    people = (
        get_user_model()
        .objects.filter(
            Q(pk__in=entries.values("user_id")) | Q(advice_roles__organisation__in=organisations)
        )
        .distinct()
        .order_by("display_name", "email")
    )
    record_types = list(
        entries.order_by("record_type").values_list("record_type", flat=True).distinct()
    )
    form = AuditFilterForm(
        request.GET or None,
        organisations=organisations,
        people=people,
        record_types=record_types,
    )
    if form.is_valid():
        data = form.cleaned_data
        if data.get("organisation"):
            entries = entries.filter(organisation=data["organisation"])
        if data["user"]:
            entries = entries.filter(user=data["user"])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["record_type"]:
            entries = entries.filter(record_type=data["record_type"])
        if data["date_from"]:
            entries = entries.filter(at__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(at__date__lte=data["date_to"])
    page = Paginator(
        entries.select_related("user", "organisation").order_by("-at", "-pk"),
        AUDIT_ENTRIES_PER_PAGE,
    ).get_page(request.GET.get("page"))
    for entry in page:
        entry.record_label = _record_type_label(entry.record_type)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        TEMPLATES + "audit_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "several_organisations": len(organisations) > 1,
        },
    )


@login_required
def statistics(request):
    organisations = _led_organisations(request)
    slug = request.GET.get("organisation")
    if slug:
        asked = Organisation.objects.filter(slug=slug).first()
        if asked is not None and not may(request.user, "advice.view_statistics", asked):
            raise PermissionDenied
    form = StatisticsFilterForm(
        request.GET if slug else None,
        organisations=organisations,
        initial={"organisation": organisations[0].slug, "year": timezone.localdate().year},
    )
    if slug and form.is_valid():
        organisation, year = form.cleaned_data["organisation"], form.cleaned_data["year"]
    else:
        organisation, year = organisations[0], timezone.localdate().year
    if not may(request.user, "advice.view_statistics", organisation):
        raise PermissionDenied
    return render(
        request,
        TEMPLATES + "statistics.html",
        {
            "form": form,
            "organisation": organisation,
            "year": year,
            "figures": advice_statistics(organisation, year),
        },
    )
