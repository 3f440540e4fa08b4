"""Organisations keep their volunteering opportunities under /angebote/<organisation>/:
a dashboard, the opportunity form, the lifecycle, the 90-day confirmation, CSV import and
CSV/JSON export. Every view checks a permission from engagement/rules.py on the
organisation and looks opportunities up through engagement/selectors.py, so an id of
another organisation's opportunity in the URL is simply not found."""

import io
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from directory.models import Organisation

from . import csv_io, selectors
from .forms_organisation import OpportunityForm, OpportunityImportForm, OpportunityStatusForm
from .models import (
    CONFIRMATION_DAYS,
    OPEN_PLACEMENT_STATUSES,
    OpportunityStatus,
    Placement,
    PlacementStatus,
)
from .services import opportunities as services

CHANGE = "engagement.change_opportunity"
VIEW_DASHBOARD = "engagement.view_organisation_dashboard"
# Admins and coordinators accompany placements; they get a link to the placement queue.
GUIDE = "engagement.suggest_volunteers"


def _organisation_for(request, org_slug, permission) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=org_slug)
    if not request.user.has_perm(permission, organisation):
        raise PermissionDenied
    return organisation


def _opportunity_for(request, organisation, slug):
    return get_object_or_404(
        selectors.opportunities_editable_by(request.user).filter(organisation=organisation),
        slug=slug,
    )


def _dashboard(organisation_slug):
    return redirect("engagement:org_dashboard", org_slug=organisation_slug)


@login_required
def org_dashboard(request, org_slug):
    """The organisation's opportunities and what needs its attention, in a constant number
    of queries however many opportunities it has."""
    organisation = _organisation_for(request, org_slug, VIEW_DASHBOARD)
    now = timezone.now()
    open_placements = Q(placements__status__in=OPEN_PLACEMENT_STATUSES)
    opportunities = list(
        organisation.opportunities.annotate(
            interested_count=Count("placements", filter=open_placements)
        ).order_by("title", "pk")
    )
    can_edit = request.user.has_perm(CHANGE, organisation)
    reminder_cutoff = services.reminder_cutoff(now)
    hide_cutoff = now - timedelta(days=CONFIRMATION_DAYS)
    rows, archived = [], []
    for opportunity in opportunities:
        if opportunity.status == OpportunityStatus.ARCHIVED:
            archived.append(opportunity)
            continue
        is_published = opportunity.status == OpportunityStatus.PUBLISHED
        unconfirmed_since = opportunity.confirmed_at
        rows.append(
            {
                "opportunity": opportunity,
                "next_statuses": [
                    (status, OpportunityStatus(status).label)
                    for status in services.allowed_statuses(opportunity, request.user)
                ],
                "is_hidden": is_published
                and (unconfirmed_since is None or unconfirmed_since < hide_cutoff),
                "is_due": is_published
                and (unconfirmed_since is None or unconfirmed_since < reminder_cutoff),
            }
        )
    placements = Placement.objects.filter(organisation=organisation)
    can_guide = request.user.has_perm(GUIDE, organisation)
    attention = {
        # Names of volunteers are for the guides only.
        "missing_police_certificate": list(
            selectors.placements_missing_police_certificate(organisation)
        )
        if can_guide
        else [],
        "new_placements": placements.filter(status=PlacementStatus.NEW).count(),
        "overdue_placements": placements.overdue(now).count(),
        "due": [row for row in rows if row["is_due"]],
        "drafts": [
            row["opportunity"]
            for row in rows
            if row["opportunity"].status == OpportunityStatus.DRAFT
        ],
    }
    return render(
        request,
        "engagement/organisation/dashboard.html",
        {
            "organisation": organisation,
            "rows": rows,
            "archived": archived,
            "attention": attention,
            "needs_attention": any(
                [
                    attention["new_placements"],
                    attention["overdue_placements"],
                    attention["due"],
                    attention["drafts"],
                    attention["missing_police_certificate"],
                ]
            ),
            "can_edit": can_edit,
            "can_guide": can_guide,
            "confirmation_days": CONFIRMATION_DAYS,
        },
    )


def _form_page(request, organisation, form, opportunity=None, status=200):
    return render(
        request,
        "engagement/organisation/opportunity_form.html",
        {"organisation": organisation, "form": form, "opportunity": opportunity},
        status=status,
    )


@login_required
def opportunity_create(request, org_slug):
    organisation = _organisation_for(request, org_slug, CHANGE)
    form = OpportunityForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        publish = "publish" in request.POST
        try:
            opportunity = services.opportunity_create(
                organisation=organisation,
                status=OpportunityStatus.PUBLISHED if publish else OpportunityStatus.DRAFT,
                **form.service_values(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                (
                    _("“%(title)s” has been published.")
                    if publish
                    else _("“%(title)s” has been saved as a draft.")
                )
                % {"title": opportunity.title},
            )
            return _dashboard(organisation.slug)
    return _form_page(request, organisation, form)


@login_required
def opportunity_edit(request, org_slug, slug):
    organisation = _organisation_for(request, org_slug, CHANGE)
    opportunity = _opportunity_for(request, organisation, slug)
    # The form works on its own copy: a rejected edit must not leak into the page heading.
    form = OpportunityForm(
        request.POST or None,
        instance=type(opportunity).objects.get(pk=opportunity.pk),
        organisation=organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.opportunity_update(opportunity=opportunity, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("“%(title)s” has been saved.") % {"title": opportunity.title}
            )
            return _dashboard(organisation.slug)
    return _form_page(request, organisation, form, opportunity)


@login_required
@require_POST
def opportunity_status(request, org_slug, slug):
    organisation = _organisation_for(request, org_slug, CHANGE)
    opportunity = _opportunity_for(request, organisation, slug)
    form = OpportunityStatusForm(request.POST, opportunity=opportunity, user=request.user)
    if not form.is_valid():
        messages.error(
            request,
            _("The status of “%(title)s” cannot be changed like that.")
            % {"title": opportunity.title},
        )
        return _dashboard(organisation.slug)
    try:
        opportunity = services.opportunity_set_status(
            opportunity=opportunity, status=form.cleaned_data["status"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(title)s” is now “%(status)s”.")
            % {"title": opportunity.title, "status": opportunity.get_status_display()},
        )
    return _dashboard(organisation.slug)


@login_required
def opportunity_confirm(request, org_slug, slug):
    """The link in the reminder e-mail opens a page with one button; only the POST
    confirms, so a mail program opening links in advance changes nothing."""
    organisation = _organisation_for(request, org_slug, CHANGE)
    opportunity = _opportunity_for(request, organisation, slug)
    if request.method == "POST":
        try:
            services.opportunity_confirm(opportunity=opportunity)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Thank you! “%(title)s” stays visible for another %(days)s days.")
                % {"title": opportunity.title, "days": CONFIRMATION_DAYS},
            )
        return _dashboard(organisation.slug)
    return render(
        request,
        "engagement/organisation/opportunity_confirm.html",
        {"organisation": organisation, "opportunity": opportunity},
    )


@login_required
def opportunity_import(request, org_slug):
    organisation = _organisation_for(request, org_slug, CHANGE)
    form = OpportunityImportForm(request.POST or None, request.FILES or None)
    report, imported_rows, dry_run = None, None, "import" not in request.POST
    if request.method == "POST" and form.is_valid():
        report = csv_io.read_csv(form.cleaned_data["file"], organisation=organisation)
        if report.is_valid and not dry_run:
            try:
                created = services.opportunities_import(organisation=organisation, rows=report.rows)
            except ValidationError as error:
                report.file_errors.append(" ".join(error.messages))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s opportunity has been imported.",
                        "%(count)s opportunities have been imported.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
                return _dashboard(organisation.slug)
        imported_rows = len(report.rows)
    return render(
        request,
        "engagement/organisation/import.html",
        {
            "organisation": organisation,
            "form": form,
            "report": report,
            "checked_rows": imported_rows,
            "dry_run": dry_run,
            "columns": csv_io.COLUMNS,
            "max_rows": csv_io.MAX_ROWS,
            "max_megabytes": csv_io.MAX_FILE_BYTES // (1024 * 1024),
        },
    )


@login_required
def opportunity_export(request, org_slug, format):
    """CSV: every opportunity that is not archived, in the import's columns. JSON: what the
    public sees, for volunteering portals."""
    organisation = _organisation_for(request, org_slug, VIEW_DASHBOARD)
    filename = f"{organisation.slug}-angebote.{format}"
    if format == "csv":
        stream = io.StringIO()
        csv_io.write_csv(csv_io.exportable_opportunities(organisation), stream)
        response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        opportunities = (
            selectors.opportunities_public()
            .filter(organisation=organisation)
            .select_related("place", "municipality")
            .prefetch_related("fields", "activities", "target_groups", "languages")
            .order_by("title", "pk")
        )
        response = JsonResponse(
            csv_io.export_json(organisation, opportunities, request.build_absolute_uri),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
