"""Organisation self-service under /verwalten/. Every view checks a permission from
directory/rules.py on the object it touches and looks child objects up through their
organisation, so changing an id in the URL never reaches another organisation's data."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import add_service_errors

from . import selectors, services
from .manage_forms import (
    AppointmentForm,
    ClosureFormSet,
    ContactPersonForm,
    ExtraOpeningFormSet,
    InvitationForm,
    NetworkMemberAddForm,
    OfficeHourRuleFormSet,
    OrganisationClaimForm,
    OrganisationProfileForm,
    OrganisationProposeForm,
    PlaceForm,
    RoleChangeForm,
)
from .models import (
    ContactPerson,
    Invitation,
    Network,
    NetworkMembership,
    Organisation,
    OrganisationRequest,
    OrganisationRole,
    Place,
    RequestStatus,
)

RULES_PREFIX = "rules"


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _row_count(value) -> int:
    """A row count sent by the browser; nonsense counts as zero, huge ones are capped."""
    try:
        return max(0, min(int(value), OfficeHourRuleFormSet.max_num))
    except (TypeError, ValueError):
        return 0


def _organisation_for(request, slug, permission) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm(permission, organisation):
        raise PermissionDenied
    return organisation


def _organisation_context(request, organisation, section) -> dict:
    user = request.user
    return {
        "organisation": organisation,
        "section": section,
        "can_edit": user.has_perm("directory.change_organisation", organisation),
        "can_change_office_hours": user.has_perm("directory.change_office_hours", organisation),
        "can_manage_roles": user.has_perm("directory.manage_roles", organisation),
    }


def _render_org(request, template, organisation, section, context=None, status=200):
    full_context = {**_organisation_context(request, organisation, section), **(context or {})}
    return render(request, f"directory/manage/{template}", full_context, status=status)


# Proposals, claims, decisions


@login_required
def organisation_propose(request):
    form = OrganisationProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.organisation_propose(requested_by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Thank you! Your proposal will be checked. We will let you know by e-mail."),
        )
        return redirect("accounts:dashboard")
    return render(request, "directory/manage/propose.html", {"form": form})


@login_required
def organisation_claim(request, slug):
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    form = OrganisationClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_claim(
                organisation=organisation, requested_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you! We will let you know by e-mail when it has been decided.")
            )
            return redirect("accounts:dashboard")
    return render(
        request,
        "directory/manage/claim.html",
        {"organisation": organisation, "form": form},
    )


@login_required
def request_list(request):
    if not selectors.may_decide_requests(request.user):
        raise PermissionDenied
    pending = selectors.requests_decidable_by(request.user).select_related(
        "organisation", "organisation__municipality", "requested_by", "network"
    )
    return render(request, "directory/manage/requests.html", {"pending_requests": pending})


def _decide(request, pk, decide, success_message):
    organisation_request = get_object_or_404(OrganisationRequest, pk=pk)
    if not request.user.has_perm("directory.decide_request", organisation_request):
        raise PermissionDenied
    try:
        decide(
            organisation_request=organisation_request,
            decided_by=request.user,
            base_url=_base_url(request),
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, success_message % {"name": organisation_request.organisation})
    return redirect("manage:requests")


@login_required
@require_POST
def request_approve(request, pk):
    return _decide(
        request, pk, services.organisation_request_approve, _("“%(name)s” has been approved.")
    )


@login_required
@require_POST
def request_reject(request, pk):
    return _decide(
        request, pk, services.organisation_request_reject, _("“%(name)s” has been rejected.")
    )


# Organisation overview and profile


@login_required
def organisation_overview(request, slug):
    organisation = _organisation_for(request, slug, "directory.view_organisation_internal")
    counts = Organisation.objects.filter(pk=organisation.pk).aggregate(
        places=Count("places", distinct=True),
        contacts=Count("contacts", distinct=True),
        team=Count("roles", distinct=True),
    )
    pending_requests = organisation.requests.filter(status=RequestStatus.PENDING)
    return _render_org(
        request,
        "organisation.html",
        organisation,
        "overview",
        {"counts": counts, "pending_requests": pending_requests},
    )


@login_required
def organisation_profile(request, slug):
    organisation = _organisation_for(request, slug, "directory.change_organisation")
    # The form gets its own copy: a rejected edit must not leak into the page header.
    form = OrganisationProfileForm(
        request.POST or None,
        request.FILES or None,
        instance=Organisation.objects.get(pk=organisation.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The profile has been saved."))
            return redirect("manage:organisation", slug=organisation.slug)
    return _render_org(request, "profile.html", organisation, "profile", {"form": form})


# Places


@login_required
def place_list(request, slug):
    organisation = _organisation_for(request, slug, "directory.view_organisation_internal")
    places = organisation.places.prefetch_related("office_hours").order_by("name")
    return _render_org(request, "places.html", organisation, "places", {"places": places})


def _place_form_view(request, organisation, place=None):
    form = PlaceForm(
        request.POST or None,
        instance=Place.objects.get(pk=place.pk) if place else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if place:
                services.place_update(place=place, **form.cleaned_data)
            else:
                services.place_create(organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The place has been saved."))
            return redirect("manage:places", slug=organisation.slug)
    return _render_org(
        request, "place_form.html", organisation, "places", {"form": form, "place": place}
    )


@login_required
def place_create(request, slug):
    organisation = _organisation_for(request, slug, "directory.change_organisation")
    return _place_form_view(request, organisation)


@login_required
def place_update(request, slug, pk):
    organisation = _organisation_for(request, slug, "directory.change_organisation")
    place = get_object_or_404(Place, pk=pk, organisation=organisation)
    return _place_form_view(request, organisation, place)


@login_required
def place_delete(request, slug, pk):
    organisation = _organisation_for(request, slug, "directory.change_organisation")
    place = get_object_or_404(Place, pk=pk, organisation=organisation)
    if request.method == "POST":
        services.place_delete(place=place)
        messages.success(request, _("The place has been deleted."))
        return redirect("manage:places", slug=organisation.slug)
    return _render_org(
        request,
        "confirm_delete.html",
        organisation,
        "places",
        {"object": place, "cancel_url": "manage:places"},
    )


# Office hours


def _office_hours_forms(place, data=None):
    return (
        OfficeHourRuleFormSet(
            data,
            prefix=RULES_PREFIX,
            initial=list(place.office_hours.values("weekday", "opens", "closes", "note")),
        ),
        ClosureFormSet(
            data,
            prefix="closures",
            initial=list(place.closures.values("starts_on", "ends_on", "reason")),
        ),
        ExtraOpeningFormSet(
            data,
            prefix="extras",
            initial=list(place.extra_openings.values("date", "opens", "closes", "note")),
        ),
        AppointmentForm(data, instance=Place.objects.get(pk=place.pk)),
    )


@login_required
def office_hours_edit(request, slug, pk):
    organisation = _organisation_for(request, slug, "directory.change_office_hours")
    place = get_object_or_404(Place, pk=pk, organisation=organisation)
    data = request.POST if request.method == "POST" else None
    adding_row = data is not None and "add_rule_row" in data
    if adding_row:
        # Without JavaScript, "add a row" shows the entries again with one more empty row.
        data = data.copy()
        total_key = f"{RULES_PREFIX}-TOTAL_FORMS"
        data[total_key] = str(_row_count(data.get(total_key)) + 1)
    rules, closures, extras, appointment = _office_hours_forms(place, data)
    service_error = None
    should_save = data is not None and not adding_row
    if should_save and all(form.is_valid() for form in (rules, closures, extras, appointment)):
        try:
            services.office_hours_replace(
                place=place,
                rules=rules.kept_data(),
                closures=closures.kept_data(),
                extra_openings=extras.kept_data(),
                **appointment.cleaned_data,
            )
        except ValidationError as error:
            service_error = _error_text(error)
        else:
            messages.success(request, _("The office hours have been saved."))
            return redirect("manage:office_hours", slug=organisation.slug, pk=place.pk)
    return _render_org(
        request,
        "office_hours.html",
        organisation,
        "places",
        {
            "place": place,
            "rules": rules,
            "closures": closures,
            "extras": extras,
            "appointment": appointment,
            "service_error": service_error,
            "show_errors": not adding_row,
        },
    )


@login_required
def office_hour_row(request, slug, pk):
    """An empty weekly-rule row for htmx; the page itself works without it."""
    organisation = _organisation_for(request, slug, "directory.change_office_hours")
    get_object_or_404(Place, pk=pk, organisation=organisation)
    index = _row_count(request.GET.get(f"{RULES_PREFIX}-TOTAL_FORMS"))
    formset = OfficeHourRuleFormSet(prefix=RULES_PREFIX)
    row = formset.form(
        prefix=formset.add_prefix(index), empty_permitted=True, use_required_attribute=False
    )
    return render(
        request,
        "directory/manage/_office_hour_row.html",
        {
            "row": row,
            "number": index + 1,
            "total_forms": index + 1,
            "rules_prefix": RULES_PREFIX,
            "oob": True,
        },
    )


# Contacts


@login_required
def contact_list(request, slug):
    organisation = _organisation_for(request, slug, "directory.view_organisation_internal")
    contacts = organisation.contacts.select_related("place")
    return _render_org(request, "contacts.html", organisation, "contacts", {"contacts": contacts})


def _contact_form_view(request, organisation, contact=None):
    form = ContactPersonForm(
        request.POST or None,
        organisation=organisation,
        instance=ContactPerson.objects.get(pk=contact.pk) if contact else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if contact:
                services.contact_person_update(contact=contact, **form.cleaned_data)
            else:
                services.contact_person_create(organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The contact person has been saved."))
            return redirect("manage:contacts", slug=organisation.slug)
    return _render_org(
        request,
        "contact_form.html",
        organisation,
        "contacts",
        {"form": form, "contact": contact},
    )


@login_required
def contact_create(request, slug):
    organisation = _organisation_for(request, slug, "directory.change_organisation")
    return _contact_form_view(request, organisation)


@login_required
def contact_update(request, slug, pk):
    organisation = _organisation_for(request, slug, "directory.change_organisation")
    contact = get_object_or_404(ContactPerson, pk=pk, organisation=organisation)
    return _contact_form_view(request, organisation, contact)


@login_required
def contact_delete(request, slug, pk):
    organisation = _organisation_for(request, slug, "directory.change_organisation")
    contact = get_object_or_404(ContactPerson, pk=pk, organisation=organisation)
    if request.method == "POST":
        services.contact_person_delete(contact=contact)
        messages.success(request, _("The contact person has been deleted."))
        return redirect("manage:contacts", slug=organisation.slug)
    return _render_org(
        request,
        "confirm_delete.html",
        organisation,
        "contacts",
        {"object": contact, "cancel_url": "manage:contacts"},
    )


# Team and invitations


@login_required
def team(request, slug):
    organisation = _organisation_for(request, slug, "directory.view_organisation_internal")
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("directory.manage_roles", organisation):
            raise PermissionDenied
        if form.is_valid():
            services.invitation_create(
                organisation=organisation,
                invited_by=request.user,
                base_url=_base_url(request),
                **form.cleaned_data,
            )
            messages.success(
                request,
                _("The invitation has been sent to %(email)s.") % form.cleaned_data,
            )
            return redirect("manage:team", slug=organisation.slug)
    members = [
        (role, RoleChangeForm(initial={"role": role.role}, prefix=f"role-{role.pk}"))
        for role in selectors.team_of(organisation)
    ]
    return _render_org(
        request,
        "team.html",
        organisation,
        "team",
        {
            "form": form,
            "members": members,
            "invitations": selectors.open_invitations_of(organisation),
            "invitation_days": settings.GEMEINWERK_INVITATION_DAYS,
        },
    )


def _team_role(request, slug, pk):
    organisation = _organisation_for(request, slug, "directory.manage_roles")
    return organisation, get_object_or_404(OrganisationRole, pk=pk, organisation=organisation)


@login_required
@require_POST
def team_role_change(request, slug, pk):
    organisation, role = _team_role(request, slug, pk)
    form = RoleChangeForm(request.POST, prefix=f"role-{role.pk}")
    if not form.is_valid():
        messages.error(request, _("Please choose one of the offered roles."))
    else:
        try:
            services.organisation_role_change(role=role, new_role=form.cleaned_data["role"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("The role has been changed."))
    return redirect("manage:team", slug=organisation.slug)


@login_required
@require_POST
def team_member_remove(request, slug, pk):
    organisation, role = _team_role(request, slug, pk)
    try:
        services.organisation_role_remove(role=role)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, _("%(person)s has been removed from the team.") % {"person": role.user}
        )
    return redirect("manage:team", slug=organisation.slug)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    organisation = _organisation_for(request, slug, "directory.manage_roles")
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    try:
        services.invitation_revoke(invitation=invitation)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email},
        )
    return redirect("manage:team", slug=organisation.slug)


def _invitation_unusable(request, invitation, reason):
    return render(
        request,
        "directory/manage/invitation_unusable.html",
        {"invitation": invitation, "reason": reason},
        status=410,
    )


@login_required
def invitation_accept(request, token):
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation", "invited_by"), token=token
    )
    if invitation.accepted_at is not None:
        return _invitation_unusable(
            request, invitation, _("This invitation has already been used.")
        )
    if invitation.expires_at <= timezone.now():
        return _invitation_unusable(
            request, invitation, _("This invitation has expired. Please ask for a new one.")
        )
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except services.InvitationUnusable as error:
            return _invitation_unusable(request, invitation, str(error))
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect("manage:organisation", slug=invitation.organisation.slug)
        messages.success(
            request,
            _("Welcome to the team of %(name)s.") % {"name": invitation.organisation},
        )
        return redirect("manage:organisation", slug=invitation.organisation.slug)
    return render(request, "directory/manage/invitation.html", {"invitation": invitation})


# Networks


def _network_for(request, slug) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not request.user.has_perm("directory.manage_network_members", network):
        raise PermissionDenied
    return network


@login_required
def network_manage(request, slug):
    network = _network_for(request, slug)
    form = NetworkMemberAddForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_membership_add(
                network=network, organisation=form.cleaned_data["organisation"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation is now a member."))
            return redirect("manage:network", slug=network.slug)
    memberships = selectors.memberships_of_network(network)
    pending_requests = OrganisationRequest.objects.filter(
        network=network, status=RequestStatus.PENDING
    ).count()
    return render(
        request,
        "directory/manage/network.html",
        {
            "network": network,
            "memberships": memberships,
            "form": form,
            "pending_requests": pending_requests,
        },
    )


def _change_membership(request, slug, pk, change, success_message):
    network = _network_for(request, slug)
    membership = get_object_or_404(NetworkMembership, pk=pk, network=network)
    try:
        change(membership=membership)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, success_message % {"name": membership.organisation})
    return redirect("manage:network", slug=network.slug)


@login_required
@require_POST
def network_membership_approve(request, slug, pk):
    return _change_membership(
        request,
        slug,
        pk,
        services.network_membership_approve,
        _("%(name)s is now a member."),
    )


@login_required
@require_POST
def network_membership_end(request, slug, pk):
    return _change_membership(
        request,
        slug,
        pk,
        services.network_membership_end,
        _("The membership of %(name)s has ended."),
    )
