"""Conflict moderation: the list (numbers and dates only), opening a moderation, and its
page with parties, sessions, agreements, the follow-up date and closing. Moderations are
looked up through selectors.moderations_visible_to, so anyone but its mediators and the
organisation's advice lead gets a 404. Each change is one small form posted to its own
URL; on an error the page is shown again with that form's messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from directory.models import Organisation

from . import selectors
from .audit import audit_record
from .forms_moderation import (
    AgreementForm,
    FollowUpForm,
    MediatorsForm,
    ModerationForm,
    PartyForm,
    SessionForm,
)
from .models import AuditAction, CaseStatus, ModerationCase
from .rules import may
from .services import moderation as moderation_services

TEMPLATES = "advice/moderation/"
CHANGE = "advice.change_case"
PER_PAGE = 50


def _moderation_for(request, pk, perm="advice.view_case") -> ModerationCase:
    moderation = get_object_or_404(
        selectors.moderations_visible_to(request.user).select_related(
            "organisation", "neighbourhood"
        ),
        pk=pk,
    )
    if not may(request.user, perm, moderation):
        raise PermissionDenied
    return moderation


def _team_organisations(user):
    return Organisation.objects.filter(pk__in=selectors.organisations_advised_by(user))


@login_required
def moderation_list(request):
    """Open moderations first, overdue follow-ups first among them."""
    organisation_ids = list(selectors.organisations_advised_by(request.user))
    if not organisation_ids:
        raise PermissionDenied
    moderations = (
        ModerationCase.objects.filter(
            pk__in=selectors.moderations_visible_to(request.user).values("pk")
        )
        .annotate(
            party_count=Count("parties", distinct=True),
            session_count=Count("sessions", distinct=True),
        )
        .order_by("-status", F("follow_up_on").asc(nulls_last=True), "-opened_at")
    )
    page = Paginator(moderations, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        TEMPLATES + "list.html",
        {"page": page, "moderations": page.object_list, "today": timezone.localdate()},
    )


@login_required
def moderation_new(request):
    organisations = list(_team_organisations(request.user))
    if not organisations:
        raise PermissionDenied
    form = ModerationForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        organisations=Organisation.objects.filter(pk__in=[o.pk for o in organisations]),
    )
    if request.method == "POST" and form.is_valid():
        try:
            moderation = moderation_services.moderation_create(
                organisation=form.cleaned_data["organisation"],
                subject=form.cleaned_data["subject"],
                neighbourhood=form.cleaned_data["neighbourhood"],
                mediators=list(form.cleaned_data["mediators"]),
                follow_up_on=form.cleaned_data["follow_up_on"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The moderation has been opened."))
            return redirect("advice:moderation_detail", pk=moderation.pk)
    return render(request, TEMPLATES + "new.html", {"form": form})


def _render_detail(request, moderation, status=200, **forms):
    """The moderation's page; `forms` replaces the empty forms with bound ones that
    hold errors. Reading the page is written to the audit log."""
    audit_record(user=request.user, action=AuditAction.READ, record=moderation)
    context = {
        "moderation": moderation,
        "parties": list(moderation.parties.all()),
        "sessions": list(moderation.sessions.all()),
        "agreements": list(moderation.agreements.all()),
        "mediators": list(moderation.mediators.order_by("display_name", "email")),
        "today": timezone.localdate(),
        "is_open": moderation.status == CaseStatus.OPEN,
        "party_form": PartyForm(prefix="party"),
        "session_form": SessionForm(prefix="session", initial={"held_on": timezone.localdate()}),
        "agreement_form": AgreementForm(
            prefix="agreement", initial={"reached_on": timezone.localdate()}
        ),
        "follow_up_form": FollowUpForm(
            prefix="follow_up", initial={"follow_up_on": moderation.follow_up_on}
        ),
        "mediators_form": MediatorsForm(
            prefix="mediators",
            organisation=moderation.organisation,
            initial={"mediators": [mediator.pk for mediator in moderation.mediators.all()]},
        ),
    }
    context.update(forms)
    return render(request, TEMPLATES + "detail.html", context, status=status)


@login_required
def moderation_detail(request, pk):
    return _render_detail(request, _moderation_for(request, pk))


def _handle(request, moderation, form, form_name, call, success):
    """Validate one of the page's forms and hand its data to `call`, then go back to the
    page; errors are shown on the page again (status 400) and change nothing."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("advice:moderation_detail", pk=moderation.pk)
    return _render_detail(request, moderation, status=400, **{form_name: form})


@login_required
@require_POST
def moderation_mediators(request, pk):
    moderation = _moderation_for(request, pk, CHANGE)
    form = MediatorsForm(request.POST, prefix="mediators", organisation=moderation.organisation)
    return _handle(
        request,
        moderation,
        form,
        "mediators_form",
        lambda data: moderation_services.moderation_set_mediators(
            moderation=moderation, mediators=list(data["mediators"]), by=request.user
        ),
        _("The mediators have been saved."),
    )


@login_required
@require_POST
def moderation_party_add(request, pk):
    moderation = _moderation_for(request, pk, CHANGE)
    return _handle(
        request,
        moderation,
        PartyForm(request.POST, prefix="party"),
        "party_form",
        lambda data: moderation_services.moderation_party_add(
            moderation=moderation, label=data["label"], contact=data["contact"], by=request.user
        ),
        _("The party has been added."),
    )


@login_required
def moderation_party_edit(request, pk, party):
    moderation = _moderation_for(request, pk, CHANGE)
    party = get_object_or_404(moderation.parties, pk=party)
    form = PartyForm(
        request.POST if request.method == "POST" else None,
        initial={"label": party.label, "contact": party.contact},
    )
    if request.method == "POST" and form.is_valid():
        try:
            moderation_services.moderation_party_update(
                party=party,
                label=form.cleaned_data["label"],
                contact=form.cleaned_data["contact"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The party has been saved."))
            return redirect("advice:moderation_detail", pk=moderation.pk)
    audit_record(user=request.user, action=AuditAction.READ, record=party)
    return render(
        request,
        TEMPLATES + "party_form.html",
        {"moderation": moderation, "party": party, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def moderation_party_remove(request, pk, party):
    moderation = _moderation_for(request, pk, CHANGE)
    party = get_object_or_404(moderation.parties, pk=party)
    try:
        moderation_services.moderation_party_remove(party=party, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The party has been removed."))
    return redirect("advice:moderation_detail", pk=moderation.pk)


@login_required
@require_POST
def moderation_session_add(request, pk):
    moderation = _moderation_for(request, pk, CHANGE)
    return _handle(
        request,
        moderation,
        SessionForm(request.POST, prefix="session"),
        "session_form",
        lambda data: moderation_services.moderation_session_add(
            moderation=moderation, held_on=data["held_on"], notes=data["notes"], by=request.user
        ),
        _("The session has been recorded."),
    )


@login_required
@require_POST
def moderation_agreement_add(request, pk):
    moderation = _moderation_for(request, pk, CHANGE)
    return _handle(
        request,
        moderation,
        AgreementForm(request.POST, prefix="agreement"),
        "agreement_form",
        lambda data: moderation_services.moderation_agreement_add(
            moderation=moderation,
            text=data["text"],
            reached_on=data["reached_on"],
            review_on=data["review_on"],
            by=request.user,
        ),
        _("The agreement has been recorded."),
    )


@login_required
@require_POST
def moderation_follow_up(request, pk):
    moderation = _moderation_for(request, pk, CHANGE)
    return _handle(
        request,
        moderation,
        FollowUpForm(request.POST, prefix="follow_up"),
        "follow_up_form",
        lambda data: moderation_services.moderation_set_follow_up(
            moderation=moderation, follow_up_on=data["follow_up_on"], by=request.user
        ),
        _("The follow-up date has been saved."),
    )


@login_required
@require_POST
def moderation_close(request, pk):
    moderation = _moderation_for(request, pk, CHANGE)
    moderation_services.moderation_close(moderation=moderation, by=request.user)
    messages.success(request, _("The moderation has been closed."))
    return redirect("advice:moderation_detail", pk=moderation.pk)


@login_required
@require_POST
def moderation_reopen(request, pk):
    moderation = _moderation_for(request, pk, CHANGE)
    try:
        moderation_services.moderation_reopen(moderation=moderation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The moderation has been reopened."))
    return redirect("advice:moderation_detail", pk=moderation.pk)
