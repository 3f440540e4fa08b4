"""Pages of the engagement record under /nachweis/. Placements are looked up through
placements_visible_to, so an id of someone else's placement is a 404; guide-only actions
then check the permission from engagement/rules.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.forms import add_service_errors

from . import selectors
from .certificates import certificate_pdf, hours_display
from .forms_record import (
    CertificateLookupForm,
    FollowUpForm,
    HoursEntryForm,
    QualificationForm,
    normalise_code,
)
from .models import Certificate, HoursEntry, Placement, PlacementStatus, Qualification
from .services import record

PLACEMENT_RELATED = ["opportunity", "organisation", "volunteer", "help_request"]


def _record_placement(request, pk) -> Placement:
    return get_object_or_404(
        selectors.placements_visible_to(request.user)
        .filter(status__in=record.RECORD_STATUSES)
        .select_related(*PLACEMENT_RELATED),
        pk=pk,
    )


def _guided_placement(request, pk, permission, statuses=None) -> Placement:
    placements = selectors.placements_visible_to(request.user).select_related(*PLACEMENT_RELATED)
    if statuses:
        placements = placements.filter(status__in=statuses)
    placement = get_object_or_404(placements, pk=pk)
    if not request.user.has_perm(permission, placement):
        raise PermissionDenied
    return placement


def _is_guide(user, placement) -> bool:
    return user.has_perm("engagement.confirm_hours", placement)


def _certificates_of(placement):
    certificates = Certificate.objects.filter(organisation_id=placement.organisation_id)
    if placement.volunteer_id:
        return certificates.filter(volunteer_id=placement.volunteer_id)
    return certificates.filter(volunteer__isnull=True, volunteer_name=placement.contact_name)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# Hours


@login_required
def hours(request, placement_pk):
    placement = _record_placement(request, placement_pk)
    is_guide = _is_guide(request.user, placement)
    form = HoursEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record.hours_log(placement=placement, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The hours have been logged."))
            return redirect("engagement:hours", placement_pk=placement.pk)
    entries = placement.hours.select_related("logged_by", "confirmed_by").order_by("-date", "-pk")
    totals = placement.hours.aggregate(
        total=Sum("hours"), confirmed=Sum("hours", filter=Q(confirmed_at__isnull=False))
    )
    return render(
        request,
        "engagement/record/hours.html",
        {
            "placement": placement,
            "form": form,
            "entries": entries,
            "total": totals["total"],
            "confirmed_total": totals["confirmed"],
            "is_guide": is_guide,
            "certificates": _certificates_of(placement) if is_guide else None,
        },
        status=400 if form.errors else 200,
    )


def _entry_for(request, pk) -> tuple[HoursEntry, bool]:
    entry = get_object_or_404(
        HoursEntry.objects.filter(
            placement__in=selectors.placements_visible_to(request.user),
            placement__status__in=record.RECORD_STATUSES,
        ).select_related("placement", "placement__organisation", "placement__volunteer"),
        pk=pk,
    )
    return entry, _is_guide(request.user, entry.placement)


@login_required
def hours_edit(request, pk):
    entry, is_guide = _entry_for(request, pk)
    if entry.confirmed_at is not None and not is_guide:
        raise PermissionDenied
    form = HoursEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            record.hours_update(
                entry=entry, by=request.user, by_guide=is_guide, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The entry has been changed."))
            return redirect("engagement:hours", placement_pk=entry.placement_id)
    return render(
        request,
        "engagement/record/hours_edit.html",
        {"entry": entry, "placement": entry.placement, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def hours_delete(request, pk):
    entry = _entry_for(request, pk)[0]
    try:
        record.hours_delete(entry=entry, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The entry has been deleted."))
    return redirect("engagement:hours", placement_pk=entry.placement_id)


def _entry_ids(request) -> list[int] | None:
    """The entries to confirm: the one whose own button was pressed, otherwise every
    ticked box. None if the browser sent something that is not an id."""
    raw = [request.POST["entry"]] if request.POST.get("entry") else request.POST.getlist("entries")
    try:
        return [int(value) for value in raw]
    except ValueError:
        return None


@login_required
@require_POST
def hours_confirm(request):
    fallback = reverse("engagement:hours_pending")
    entry_ids = _entry_ids(request)
    if entry_ids is None:
        messages.error(request, _("The selection was not understood. Nothing was confirmed."))
        return redirect(_safe_next(request, fallback))
    try:
        confirmed = record.hours_confirm(entry_ids=entry_ids, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext("%(count)s entry confirmed.", "%(count)s entries confirmed.", confirmed)
            % {"count": confirmed},
        )
    return redirect(_safe_next(request, fallback))


@login_required
def hours_pending(request):
    """What a guide still has to do across their organisations: hours to confirm and
    follow-ups to record."""
    guided = selectors.placements_guided_by(request.user)
    entries = (
        HoursEntry.objects.filter(
            placement__in=guided.filter(status__in=record.RECORD_STATUSES),
            confirmed_at__isnull=True,
        )
        .select_related(
            "placement__volunteer",
            "placement__opportunity",
            "placement__help_request",
            "placement__organisation",
        )
        .order_by("placement__organisation__name", "date", "pk")
    )
    follow_ups = (
        guided.filter(
            status=PlacementStatus.PLACED,
            follow_up_reminded_at__isnull=False,
            follow_up_recorded_at__isnull=True,
        )
        .select_related(*PLACEMENT_RELATED)
        .order_by("started_on", "pk")
    )
    return render(
        request,
        "engagement/record/hours_pending.html",
        {"entries": entries, "follow_ups": follow_ups},
    )


# Certificates


@login_required
@require_POST
def certificate_create(request, placement_pk):
    placement = _guided_placement(
        request, placement_pk, "engagement.confirm_hours", record.RECORD_STATUSES
    )
    try:
        certificate = record.certificate_issue(placement=placement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The certificate has been issued. Verification code: %(code)s")
            % {"code": certificate.code},
        )
    return redirect("engagement:hours", placement_pk=placement.pk)


@login_required
def certificate_pdf_download(request, code):
    certificate = get_object_or_404(
        selectors.certificates_visible_to(request.user).select_related(
            "organisation", "organisation__municipality"
        ),
        code=normalise_code(code),
    )
    verify_url = request.build_absolute_uri(certificate.get_absolute_url())
    response = HttpResponse(
        certificate_pdf(certificate, verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="engagementnachweis-{certificate.code}.pdf"'
    )
    return response


def certificate_lookup(request):
    form = CertificateLookupForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("engagement:certificate_verify", code=form.cleaned_data["code"])
    return render(
        request,
        "engagement/record/certificate_lookup.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def certificate_verify(request, code):
    """Public: anyone holding a printed certificate can check it. Shows only what was
    printed, never contact details."""
    normalised = normalise_code(code)
    certificate = Certificate.objects.select_related("organisation").filter(code=normalised).first()
    if certificate is None:
        return render(
            request,
            "engagement/record/certificate_not_found.html",
            {"code": code, "form": CertificateLookupForm()},
            status=404,
        )
    if normalised != code:
        return redirect("engagement:certificate_verify", code=normalised)
    return render(
        request,
        "engagement/record/certificate_verify.html",
        {
            "certificate": certificate,
            "activities": certificate.activities.splitlines(),
            "hours": hours_display(certificate.total_hours),
        },
    )


@login_required
def my_record(request):
    """The volunteer's own record: hours per placement and the certificates to download."""
    placements = (
        Placement.objects.filter(volunteer__user=request.user, status__in=record.RECORD_STATUSES)
        .select_related("opportunity", "organisation", "help_request")
        .annotate(
            total_hours=Sum("hours__hours"),
            confirmed_hours=Sum("hours__hours", filter=Q(hours__confirmed_at__isnull=False)),
            entry_count=Count("hours"),
        )
        .order_by("-started_on", "-pk")
    )
    certificates = Certificate.objects.filter(volunteer__user=request.user).select_related(
        "organisation"
    )
    return render(
        request,
        "engagement/record/my_record.html",
        {"placements": placements, "certificates": certificates},
    )


# Qualifications


@login_required
def qualifications(request, placement_pk):
    placement = _guided_placement(request, placement_pk, "engagement.record_qualification")
    form = QualificationForm(request.POST or None)
    if request.method == "POST" and placement.volunteer_id and form.is_valid():
        try:
            record.qualification_record(placement=placement, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The document has been recorded."))
            return redirect("engagement:qualifications", placement_pk=placement.pk)
    seen = (
        Qualification.objects.filter(
            volunteer_id=placement.volunteer_id, organisation_id=placement.organisation_id
        ).select_related("recorded_by")
        if placement.volunteer_id
        else Qualification.objects.none()
    )
    return render(
        request,
        "engagement/record/qualifications.html",
        {
            "placement": placement,
            "form": form,
            "qualifications": seen,
            "today": timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )


# Follow-up


@login_required
def follow_up(request, placement_pk):
    placement = _guided_placement(
        request, placement_pk, "engagement.change_placement", record.RECORD_STATUSES
    )
    form = FollowUpForm(
        request.POST or None, initial={"follow_up_answer": placement.follow_up_answer}
    )
    if request.method == "POST" and form.is_valid():
        try:
            record.placement_follow_up_record(
                placement=placement, by=request.user, answer=form.cleaned_data["follow_up_answer"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The follow-up has been recorded."))
            return redirect("engagement:hours_pending")
    return render(
        request,
        "engagement/record/follow_up.html",
        {"placement": placement, "form": form},
        status=400 if form.errors else 200,
    )
