"""The advice team: the organisation's admin or its advice lead appoints advisers and
leads from the organisation's colleagues. These pages show names and roles only, never
advice data, because the organisation's admin sees them too."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from directory.models import Organisation
from directory.opening import format_time_ranges

from . import selectors
from .forms_team import AdviceRoleChangeForm, AdviceRoleGrantForm
from .models import AdviceRole
from .rules import may
from .services.team import advice_role_change, advice_role_grant, advice_role_revoke


def _organisation_for(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not may(request.user, "advice.manage_team", organisation):
        raise PermissionDenied
    return organisation


def _advice_role_for(request, slug, pk) -> tuple[Organisation, AdviceRole]:
    organisation = _organisation_for(request, slug)
    advice_role = get_object_or_404(
        AdviceRole.objects.select_related("user"), pk=pk, organisation=organisation
    )
    return organisation, advice_role


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _appointment_text(appointment) -> str:
    """ "Di, 24. November 2026, 15–15:30 Uhr (Sozialberatung)": time and schedule only;
    who booked stays on the adviser calendar, which the admin may not see."""
    starts = timezone.localtime(appointment.starts_at)
    ends = timezone.localtime(appointment.ends_at)
    day_format = "D, j. F Y" if (get_language() or "de").startswith("de") else "D, j F Y"
    times = format_time_ranges([(starts.time(), ends.time())])
    return f"{date_format(starts, day_format)}, {times} ({appointment.schedule.title})"


@login_required
def my_teams(request):
    return render(
        request,
        "advice/team/my_teams.html",
        {
            "managed_organisations": selectors.organisations_whose_team_is_managed_by(request.user),
            "memberships": AdviceRole.objects.filter(user=request.user)
            .select_related("organisation")
            .order_by("organisation__name"),
        },
    )


@login_required
def team(request, slug):
    organisation = _organisation_for(request, slug)
    form = AdviceRoleGrantForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            advice_role = advice_role_grant(
                organisation=organisation, granted_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s is now in the advice team as %(role)s.")
                % {"person": advice_role.user, "role": advice_role.get_role_display()},
            )
            return redirect("advice:team", slug=organisation.slug)
    members = [
        (
            advice_role,
            AdviceRoleChangeForm(
                initial={"role": advice_role.role}, prefix=f"role-{advice_role.pk}"
            ),
        )
        for advice_role in selectors.advice_roles_of(organisation)
    ]
    return render(
        request,
        "advice/team/team.html",
        {"organisation": organisation, "members": members, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def team_role_change(request, slug, pk):
    organisation, advice_role = _advice_role_for(request, slug, pk)
    form = AdviceRoleChangeForm(request.POST, prefix=f"role-{advice_role.pk}")
    if not form.is_valid():
        messages.error(request, _("Please choose one of the offered roles."))
    else:
        try:
            advice_role = advice_role_change(
                advice_role=advice_role,
                new_role=form.cleaned_data["role"],
                changed_by=request.user,
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s.")
                % {"person": advice_role.user, "role": advice_role.get_role_display()},
            )
    return _back_to_team(request, organisation)


@login_required
def team_role_revoke(request, slug, pk):
    organisation, advice_role = _advice_role_for(request, slug, pk)
    if request.method != "POST":
        return render(
            request,
            "advice/team/revoke.html",
            {"organisation": organisation, "advice_role": advice_role},
        )
    try:
        result = advice_role_revoke(advice_role=advice_role, revoked_by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return _back_to_team(request, organisation)
    messages.success(
        request,
        _("%(person)s has been removed from the advice team.") % {"person": advice_role.user},
    )
    if result.appointments_kept:
        messages.warning(
            request,
            _(
                "These booked appointments are still with %(person)s; please give them "
                "to another adviser or tell the residents: %(appointments)s"
            )
            % {
                "person": advice_role.user,
                "appointments": "; ".join(map(_appointment_text, result.appointments_kept)),
            },
        )
    return _back_to_team(request, organisation)


def _back_to_team(request, organisation):
    """To the team page, or to the overview for someone who just gave up leading it."""
    if may(request.user, "advice.manage_team", organisation):
        return redirect("advice:team", slug=organisation.slug)
    return redirect("advice:my_teams")
