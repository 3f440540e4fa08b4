"""On the day and after it: the organisers' list of registrations, check-in at the door
from a phone, the printable attendance list, documents after the event and attendance
figures. Every page looks the date up through its event's slug, so an id from another
event is a 404, and then asks events/rules.py whether the person organises it."""

import csv
import io
import os
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from core.text import search_normalise
from directory.models import Organisation

from . import selectors
from .formatting import occurrence_when
from .forms_attendance import (
    AttendanceFiguresForm,
    CheckInSearchForm,
    DocumentUploadForm,
    WalkInForm,
)
from .models import EventDocument, Occurrence, Registration, RegistrationStatus
from .pdf import attendance_list_pdf
from .rules import may
from .services import attendance as attendance_services
from .services import documents as document_services

VIEW_REGISTRATIONS = "events.view_registrations"
CHANGE_EVENT = "events.change_event"
TEMPLATES = "events/attendance/"


def _occurrence_for(request, slug, occurrence, perm=VIEW_REGISTRATIONS) -> Occurrence:
    occurrence = get_object_or_404(
        Occurrence.objects.select_related("event"), pk=occurrence, event__slug=slug
    )
    if not may(request.user, perm, occurrence.event):
        raise PermissionDenied
    return occurrence


@dataclass(frozen=True)
class Figures:
    places: int | None
    confirmed: int
    waiting: int
    checked_in: int


def _figures(registrations: list[Registration], capacity: int | None) -> Figures:
    def people(status, checked_in=False):
        return sum(
            registration.party_size
            for registration in registrations
            if registration.status == status and (registration.checked_in_at or not checked_in)
        )

    return Figures(
        places=capacity,
        confirmed=people(RegistrationStatus.CONFIRMED),
        waiting=people(RegistrationStatus.WAITING),
        checked_in=people(RegistrationStatus.CONFIRMED, checked_in=True),
    )


def _page_context(occurrence: Occurrence, **context) -> dict:
    return {
        "occurrence": occurrence,
        "event": occurrence.event,
        "when": occurrence_when(occurrence),
        **context,
    }


@login_required
def registrations(request, slug, occurrence):
    occurrence = _occurrence_for(request, slug, occurrence)
    everyone = list(
        occurrence.registrations.select_related("organisation").order_by("created_at", "pk")
    )
    by_status = {status: [] for status in RegistrationStatus.values}
    for registration in everyone:
        by_status[registration.status].append(registration)
    return render(
        request,
        TEMPLATES + "registrations.html",
        _page_context(
            occurrence,
            section="registrations",
            confirmed=by_status[RegistrationStatus.CONFIRMED],
            waiting=by_status[RegistrationStatus.WAITING],
            cancelled=by_status[RegistrationStatus.CANCELLED],
            figures=_figures(everyone, occurrence.event.capacity),
        ),
    )


def _matches(registration: Registration, words: list[str]) -> bool:
    name = search_normalise(registration.name)
    return all(word in name for word in words)


def _check_in_context(occurrence: Occurrence, query: str) -> dict:
    """Confirmed people sorted by name; the search folds case and umlauts ("muller",
    "Mueller" and "MÜLLER" all find Müller) and is done here rather than in the database,
    so that it behaves the same on SQLite and PostgreSQL. A date has at most a few
    hundred registrations."""
    confirmed = sorted(
        occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
            "organisation"
        ),
        key=lambda registration: (search_normalise(registration.name), registration.pk),
    )
    words = search_normalise(query).split()
    return _page_context(
        occurrence,
        section="check_in",
        query=query,
        shown=[registration for registration in confirmed if _matches(registration, words)],
        figures=_figures(confirmed, occurrence.event.capacity),
    )


@login_required
def check_in(request, slug, occurrence):
    occurrence = _occurrence_for(request, slug, occurrence)
    search_form = CheckInSearchForm(request.GET)
    context = _check_in_context(occurrence, search_form.query)
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, TEMPLATES + "_check_in_list.html", context)
    return render(
        request,
        TEMPLATES + "check_in.html",
        {**context, "search_form": search_form, "walk_in_form": WalkInForm()},
    )


def _check_in_url(occurrence: Occurrence, query: str = "", anchor: str = "") -> str:
    url = reverse(
        "events:check_in", kwargs={"slug": occurrence.event.slug, "occurrence": occurrence.pk}
    )
    if query:
        url += "?" + urlencode({"q": query})
    return url + (f"#{anchor}" if anchor else "")


@login_required
@require_POST
def check_in_registration(request, slug, occurrence, registration, undo=False):
    """Tick (or with `undo` untick) one person. htmx gets the row back, together with the
    updated figures; without JavaScript the browser returns to the list and its search."""
    occurrence = _occurrence_for(request, slug, occurrence)
    registration = get_object_or_404(occurrence.registrations, pk=registration)
    query = CheckInSearchForm(request.POST).query
    service = (
        attendance_services.registration_check_in_undo
        if undo
        else attendance_services.registration_check_in
    )
    error = ""
    try:
        service(registration=registration, by=request.user)
    except ValidationError as refusal:
        error = " ".join(refusal.messages)
    if request.htmx:
        counted = Occurrence.objects.with_counts().select_related("event").get(pk=occurrence.pk)
        return render(
            request,
            TEMPLATES + "_check_in_row.html",
            {
                "occurrence": occurrence,
                "event": occurrence.event,
                "registration": occurrence.registrations.select_related("organisation").get(
                    pk=registration.pk
                ),
                "query": query,
                "error": error,
                "figures": Figures(
                    places=counted.event.capacity,
                    confirmed=counted.confirmed_people,
                    waiting=counted.waiting_people,
                    checked_in=counted.checked_in_people,
                ),
                "swap_figures": True,
            },
        )
    if error:
        messages.error(request, error)
    return redirect(_check_in_url(occurrence, query, anchor=f"registration-{registration.pk}"))


@login_required
@require_POST
def walk_in_add(request, slug, occurrence):
    occurrence = _occurrence_for(request, slug, occurrence)
    form = WalkInForm(request.POST)
    if form.is_valid():
        try:
            walk_in = attendance_services.registration_walk_in_create(
                occurrence=occurrence,
                name=form.cleaned_data["name"],
                party_size=form.cleaned_data["party_size"],
                by=request.user,
            )
        except ValidationError as refusal:
            add_service_errors(form, refusal)
        else:
            messages.success(
                request, _("%(name)s has been added and checked in.") % {"name": walk_in.name}
            )
            return redirect(_check_in_url(occurrence, anchor=f"registration-{walk_in.pk}"))
    context = _check_in_context(occurrence, "")
    return render(
        request,
        TEMPLATES + "check_in.html",
        {**context, "search_form": CheckInSearchForm(), "walk_in_form": form},
    )


@login_required
def attendance_pdf(request, slug, occurrence):
    occurrence = _occurrence_for(request, slug, occurrence)
    occurrence = (
        Occurrence.objects.select_related("event__place")
        .prefetch_related("event__organisers")
        .get(pk=occurrence.pk)
    )
    confirmed = sorted(
        occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
            "organisation"
        ),
        key=lambda registration: (search_normalise(registration.name), registration.pk),
    )
    response = HttpResponse(
        attendance_list_pdf(occurrence, confirmed), content_type="application/pdf"
    )
    day = timezone.localtime(occurrence.starts_at).date().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="anwesenheitsliste-{occurrence.event.slug}-{day}.pdf"'
    )
    return response


@login_required
def documents(request, slug, occurrence):
    occurrence = _occurrence_for(request, slug, occurrence, perm=CHANGE_EVENT)
    max_megabytes = document_services.max_document_bytes() // (1024 * 1024)
    posted = request.method == "POST"
    form = DocumentUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        max_megabytes=max_megabytes,
    )
    if posted and form.is_valid():
        try:
            document = document_services.event_document_upload(
                occurrence=occurrence,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                visibility=form.cleaned_data["visibility"],
                file=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as refusal:
            add_service_errors(form, refusal)
        else:
            messages.success(
                request, _("“%(title)s” has been uploaded.") % {"title": document.title}
            )
            return redirect(request.path)
    return render(
        request,
        TEMPLATES + "documents.html",
        _page_context(
            occurrence, section="documents", documents=occurrence.documents.all(), form=form
        ),
    )


@login_required
@require_POST
def document_delete(request, slug, occurrence, document):
    occurrence = _occurrence_for(request, slug, occurrence, perm=CHANGE_EVENT)
    document = get_object_or_404(occurrence.documents, pk=document)
    document_services.event_document_delete(document=document, by=request.user)
    messages.success(request, _("“%(title)s” has been deleted.") % {"title": document.title})
    return redirect("events:documents", slug=occurrence.event.slug, occurrence=occurrence.pk)


def document_download(request, pk):
    """Anyone may ask; who gets the file is decided by selectors.documents_visible_to, and
    everyone else sees the same 404 as for a document that does not exist."""
    document = get_object_or_404(EventDocument.objects.select_related("occurrence"), pk=pk)
    if (
        not selectors.documents_visible_to(request.user, document.occurrence)
        .filter(pk=document.pk)
        .exists()
    ):
        raise Http404
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    extension = os.path.splitext(document.file.name)[1].lower()
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{slugify(document.title) or 'dokument'}{extension}",
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@dataclass(frozen=True)
class AttendanceFigures:
    dates: list[Occurrence]
    by_event: list[dict]
    totals: dict


def _attendance_figures(organisation: Organisation, date_from, date_to) -> AttendanceFigures:
    """Dates that took place (published, not cancelled) of the organisation's events that
    start within the period; "registered" counts confirmed and waiting people."""
    zone = timezone.get_current_timezone()
    occurrences = selectors.occurrences_public().filter(
        event__organisers=organisation,
        starts_at__gte=datetime.combine(date_from, time.min, tzinfo=zone),
        starts_at__lte=datetime.combine(date_to, time.max, tzinfo=zone),
    )
    dates = list(occurrences.with_counts().select_related("event").order_by("starts_at", "pk"))
    for occurrence in dates:
        occurrence.registered_people = occurrence.confirmed_people + occurrence.waiting_people
        occurrence.when = occurrence_when(occurrence)
    by_event = selectors.attendance_by_event(occurrences)
    totals = {
        **selectors.attendance_totals(occurrences),
        "registered": sum(row["registered"] for row in by_event),
    }
    return AttendanceFigures(dates=dates, by_event=by_event, totals=totals)


def _figures_form(request) -> AttendanceFiguresForm:
    organisations = Organisation.objects.filter(roles__user=request.user).order_by("name", "pk")
    if not organisations.exists():
        raise PermissionDenied
    return AttendanceFiguresForm(request.GET, organisations=organisations)


@login_required
def attendance_figures(request):
    form = _figures_form(request)
    figures = None
    if form.is_valid():
        figures = _attendance_figures(
            form.cleaned_data["organisation"],
            form.cleaned_data["date_from"],
            form.cleaned_data["date_to"],
        )
    return render(
        request,
        TEMPLATES + "figures.html",
        {"form": form, "figures": figures, "query_string": request.GET.urlencode()},
    )


# Spreadsheet programs run cells starting like this as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defused(value) -> str:
    value = str(value)
    return f"'{value}" if value.startswith(_FORMULA_START) else value


@login_required
def attendance_figures_csv(request):
    """The figures of the page as semicolon-separated UTF-8 with a byte order mark, as
    spreadsheet programs in Germany expect it: one row per date, one per event, one
    total. Titles are defused so that a title like "=HYPERLINK(…)" stays text."""
    form = _figures_form(request)
    if not form.is_valid():
        return render(
            request,
            TEMPLATES + "figures.html",
            {"form": form, "figures": None, "query_string": request.GET.urlencode()},
            status=400,
        )
    organisation = form.cleaned_data["organisation"]
    date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    figures = _attendance_figures(organisation, date_from, date_to)
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("row"),
            _("event"),
            _("date"),
            pgettext("event dates", "dates"),
            pgettext("people counted", "registered"),
            pgettext("people counted", "confirmed"),
            pgettext("people counted", "checked in"),
        ]
    )
    for occurrence in figures.dates:
        local = timezone.localtime(occurrence.starts_at)
        writer.writerow(
            [
                _("date"),
                _defused(occurrence.event.title),
                local.strftime("%d.%m.%Y %H:%M"),
                1,
                occurrence.registered_people,
                occurrence.confirmed_people,
                occurrence.checked_in_people,
            ]
        )
    for row in figures.by_event:
        writer.writerow(
            [
                _("event"),
                _defused(row["event__title"]),
                "",
                row["dates"],
                row["registered"],
                row["confirmed"],
                row["checked_in"],
            ]
        )
    totals = figures.totals
    writer.writerow(
        [
            _("total"),
            "",
            f"{date_from:%d.%m.%Y}–{date_to:%d.%m.%Y}",
            totals["dates"],
            totals["registered"],
            totals["confirmed"],
            totals["checked_in"],
        ]
    )
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"teilnahme-{organisation.slug}-{date_from:%Y%m%d}-{date_to:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
