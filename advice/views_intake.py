"""The intake under /beratung/: the residents' landing page and concern form (no account
needed), and the advice team's pages: a concern taken down on someone's behalf, the
triage queue, one concern with its history, and turning it into outcomes.

Concerns are looked up through selectors.concerns_visible_to: another organisation's
concern answers 404, so changing the number in the address never reveals that it exists.
The queue shows no names and no text; opening a concern writes a READ to the audit log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.abuse import within_limit
from core.forms import add_service_errors
from directory.models import Organisation, Place
from directory.opening import OfficeHours

from . import selectors
from .audit import audit_record
from .forms_intake import (
    ConcernForm,
    ConcernRecordForm,
    ConcernUpdateForm,
    FirstContact,
    OutcomeForm,
    TriageFilterForm,
    organisations_offering_advice,
)
from .models import (
    AdviceRole,
    AppointmentSchedule,
    AuditAction,
    Concern,
    ConcernKind,
    OutcomeKind,
)
from .rules import may
from .services import concerns as services

# Concerns from one address: at most this many in this many seconds.
CONCERN_RATE_LIMIT = 5
CONCERN_RATE_WINDOW_SECONDS = 600
TRIAGE_PER_PAGE = 50
# Only the columns the queue shows: the confidential ones are neither loaded nor decrypted.
TRIAGE_COLUMNS = (
    "kind",
    "channel",
    "status",
    "created_at",
    "follow_up_on",
    "organisation_id",
    "topic__name",
    "responsible__display_name",
    "responsible__email",
)


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _require_team(user) -> None:
    if not selectors.organisations_advised_by(user).exists():
        raise PermissionDenied


def _concern(request, pk, permission: str) -> Concern:
    concern = get_object_or_404(
        selectors.concerns_visible_to(request.user).select_related(
            "organisation", "topic", "responsible", "neighbourhood", "recorded_by"
        ),
        pk=pk,
    )
    if not may(request.user, permission, concern):
        raise PermissionDenied
    return concern


# The residents' pages


def index(request):
    """Where to go with a concern: the form, bookable appointments and walk-in hours."""
    published = Organisation.objects.published()
    schedules = (
        AppointmentSchedule.objects.filter(is_active=True, organisation__in=published)
        .select_related("organisation", "place")
        .order_by("organisation__name", "title")
    )
    offering_advice = published.filter(
        Exists(AdviceRole.objects.filter(organisation=OuterRef("pk")))
        | Exists(AppointmentSchedule.objects.filter(organisation=OuterRef("pk")))
    )
    places = (
        Place.objects.filter(organisation__in=offering_advice)
        .select_related("organisation")
        .prefetch_related("office_hours", "closures", "extra_openings")
        .order_by("organisation__name", "name")
    )
    now = timezone.now()
    walk_ins = []
    for place in places:
        hours = OfficeHours(place)
        walk_ins.append(
            {"place": place, "summary": hours.weekly_summary(), "status": hours.status(now)}
        )
    return render(
        request,
        "advice/intake/index.html",
        {
            "schedules": schedules,
            "walk_ins": walk_ins,
            "has_advice": organisations_offering_advice().exists(),
        },
    )


@require_http_methods(["GET", "POST"])
def concern_new(request):
    if request.method == "POST":
        if not within_limit(
            request,
            "advice_concern",
            limit=CONCERN_RATE_LIMIT,
            window_seconds=CONCERN_RATE_WINDOW_SECONDS,
        ):
            return render(
                request,
                "advice/intake/rate_limited.html",
                {"minutes": CONCERN_RATE_WINDOW_SECONDS // 60},
                status=429,
            )
        form = ConcernForm(request.POST)
        if form.is_valid():
            thanks = redirect("advice:concern_thanks")
            if form.is_bot:
                return thanks
            data = form.cleaned_data
            try:
                services.concern_submit(
                    organisation=data["organisation"],
                    kind=data["kind"],
                    description=data["description"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                    neighbourhood=data["neighbourhood"],
                    consent_text=form.consent_text,
                    base_url=_base_url(request),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return thanks
    else:
        organisation = _organisation_from_query(request.GET.get("organisation", ""))
        initial = {}
        if organisation is not None:
            initial["organisation"] = organisation.slug
        if request.user.is_authenticated:
            initial.update(contact_name=request.user.display_name, contact_email=request.user.email)
        form = ConcernForm(initial=initial, organisation=organisation)
    return render(request, "advice/intake/concern_form.html", {"form": form})


def _organisation_from_query(slug: str):
    if not slug or len(slug) > 210 or not slug.replace("-", "").replace("_", "").isalnum():
        return None
    return organisations_offering_advice().filter(slug=slug).first()


def concern_thanks(request):
    return render(request, "advice/intake/concern_thanks.html")


# The advice team's pages


@login_required
@require_http_methods(["GET", "POST"])
def concern_record(request):
    """A concern taken down by phone, at the door, from an e-mail or a letter."""
    _require_team(request.user)
    if request.method == "POST":
        form = ConcernRecordForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                concern = services.concern_record(
                    organisation=data["organisation"],
                    by=request.user,
                    channel=data["channel"],
                    kind=data["kind"],
                    description=data["description"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                    topic=data["topic"],
                    neighbourhood=data["neighbourhood"],
                    is_first_contact=data["contact_kind"] == FirstContact.FIRST,
                    consent_text=_verbal_consent_text(form.consent_text, data["consent_on"]),
                    consent_on=data["consent_on"],
                    responsible=data["responsible"],
                    follow_up_on=data["follow_up_on"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The concern has been recorded."))
                return redirect("advice:concern_detail", pk=concern.pk)
    else:
        form = ConcernRecordForm(user=request.user)
    return render(request, "advice/intake/concern_record.html", {"form": form})


def _verbal_consent_text(wording: str, consent_on) -> str:
    return _("Given verbally on %(date)s. Wording read out: %(wording)s") % {
        "date": consent_on.strftime("%d.%m.%Y"),
        "wording": wording,
    }


def triage_concerns(user, criteria: dict, today=None):
    """The concerns of the person's teams, open ones unless asked otherwise, overdue
    follow-ups first."""
    today = today or timezone.localdate()
    concerns = (
        selectors.concerns_visible_to(user)
        .select_related("topic", "responsible")
        .only(*TRIAGE_COLUMNS)
    )
    status = criteria.get("status")
    if status == TriageFilterForm.ALL:
        pass
    elif status:
        concerns = concerns.filter(status=status)
    else:
        concerns = concerns.open()
    if criteria.get("kind"):
        concerns = concerns.filter(kind=criteria["kind"])
    if criteria.get("responsible") == TriageFilterForm.RESPONSIBLE_ME:
        concerns = concerns.filter(responsible=user)
    if criteria.get("overdue"):
        concerns = concerns.filter(follow_up_on__lt=today)
    return concerns.in_triage_order(today)


@login_required
def triage(request):
    """Runs a constant number of queries however long the queue is (see the test)."""
    _require_team(request.user)
    form = TriageFilterForm(request.GET)
    page = Paginator(triage_concerns(request.user, form.criteria()), TRIAGE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    if request.htmx:
        return render(request, "advice/intake/_triage_results.html", context)
    return render(request, "advice/intake/triage.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def concern_detail(request, pk):
    """The concern with its contact data and history; the form below it triages it."""
    concern = _concern(request, pk, "advice.view_concern")
    if request.method == "POST":
        if not may(request.user, "advice.change_concern", concern):
            raise PermissionDenied
        form = ConcernUpdateForm(request.POST, concern=concern)
        if form.is_valid():
            try:
                services.concern_update(concern=concern, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The changes have been saved."))
                return redirect("advice:concern_detail", pk=concern.pk)
    else:
        form = ConcernUpdateForm(concern=concern)
    audit_record(user=request.user, action=AuditAction.READ, record=concern)
    return render(
        request, "advice/intake/concern_detail.html", _detail_context(request, concern, form)
    )


def _detail_context(request, concern: Concern, form) -> dict:
    return {
        "concern": concern,
        "form": form,
        "outcomes": concern.outcomes.select_related("created_by").order_by("created_at"),
        "cases": selectors.cases_visible_to(request.user).filter(concern=concern).order_by("pk"),
        "schedules": concern.organisation.appointment_schedules.filter(is_active=True),
        "today": timezone.localdate(),
        "suggested_outcomes": _suggested_outcomes(concern.kind),
        "OutcomeKind": OutcomeKind,
        "may_anonymise": may(request.user, "advice.anonymise_records", concern),
    }


def _suggested_outcomes(kind: str) -> set[str]:
    """What a concern of this kind usually becomes, offered first."""
    return {
        ConcernKind.QUESTION: {OutcomeKind.CASE, OutcomeKind.APPOINTMENT},
        ConcernKind.FORMS: {OutcomeKind.CASE, OutcomeKind.APPOINTMENT, OutcomeKind.HELP_REQUEST},
        ConcernKind.CONFLICT: {OutcomeKind.MODERATION},
        ConcernKind.NEED_HELP: {OutcomeKind.HELP_REQUEST, OutcomeKind.CASE},
        ConcernKind.OFFER_HELP: {OutcomeKind.PLACEMENT},
        ConcernKind.IDEA: {OutcomeKind.IDEA},
    }.get(kind, set())


@login_required
@require_http_methods(["GET", "POST"])
def concern_outcome_add(request, pk):
    concern = _concern(request, pk, "advice.change_concern")
    if request.method == "POST":
        form = OutcomeForm(request.POST)
        if form.is_valid():
            try:
                return _record_outcome(request, concern, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
    else:
        kind = request.GET.get("kind", "")
        form = OutcomeForm(initial={"kind": kind} if kind in OutcomeKind.values else {})
    return render(request, "advice/intake/outcome_form.html", {"concern": concern, "form": form})


def _record_outcome(request, concern: Concern, data: dict):
    kind = data["kind"]
    if kind == OutcomeKind.CASE:
        case = services.concern_open_case(concern=concern, by=request.user)
        messages.success(request, _("The advice case has been opened."))
        try:
            return redirect(reverse("advice:case_detail", kwargs={"pk": case.pk}))
        except NoReverseMatch:
            return redirect("advice:concern_detail", pk=concern.pk)
    if kind == OutcomeKind.MODERATION:
        services.concern_open_moderation(concern=concern, by=request.user)
        messages.success(request, _("The conflict moderation has been opened."))
    elif kind in (OutcomeKind.HELP_REQUEST, OutcomeKind.PLACEMENT):
        services.concern_hand_off(
            concern=concern,
            by=request.user,
            outcome_kind=kind,
            description=data["description"],
            postcode=data["postcode"],
            handoff_consent=data["handoff_consent"],
            base_url=_base_url(request),
        )
        messages.success(request, _("The concern has been passed on."))
    else:
        services.concern_record_idea(concern=concern, by=request.user)
        messages.success(request, _("The idea has been noted."))
    return redirect("advice:concern_detail", pk=concern.pk)
