"""The engagement guides' workspace under /koordination/: the queue of placements, the
page of one placement with its history and next steps, the review of help requests, and
the volunteer's own list of placements.

A placement or help request of another organisation is looked up through the visibility
selectors and answers 404, so changing an id in the URL never reveals that it exists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .forms_coordination import (
    HelpRequestReviewForm,
    ParentalConsentForm,
    PlacementAssignForm,
    PlacementNoteForm,
    PlacementTransitionForm,
    QueueFilterForm,
)
from .models import (
    OPEN_PLACEMENT_STATUSES,
    HelpRequestStatus,
    Placement,
    PlacementKind,
    PlacementStatus,
    PlacementStep,
    VolunteerProfile,
)
from .services import coordination, help_requests
from .services.placements import placement_note_add

QUEUE_PER_PAGE = 30
# A volunteer of this age or younger needs a recorded parental consent before a placement.
CONSENT_BELOW_AGE = 16


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _require_guide(user):
    if not selectors.organisations_guided_by(user).exists():
        raise PermissionDenied


# The queue


def queue_placements(user, criteria: dict, now=None):
    """The placements a guide works on, overdue ones first, then the newest."""
    organisations = selectors.organisations_guided_by(user)
    placements = selectors.placements_visible_to(user).filter(organisation__in=organisations)
    if criteria.get("status"):
        placements = placements.filter(status=criteria["status"])
    else:
        placements = placements.filter(status__in=OPEN_PLACEMENT_STATUSES)
    if criteria.get("organisation"):
        placements = placements.filter(organisation=criteria["organisation"])
    responsible = criteria.get("responsible")
    if responsible == QueueFilterForm.RESPONSIBLE_ME:
        placements = placements.filter(responsible=user)
    elif responsible == QueueFilterForm.RESPONSIBLE_NOBODY:
        placements = placements.filter(responsible__isnull=True)
    overdue = Placement.objects.overdue(now).values("pk")
    return (
        placements.annotate(
            overdue_rank=Case(
                When(pk__in=overdue, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .select_related("volunteer", "opportunity", "help_request", "organisation", "responsible")
        .order_by("overdue_rank", "-created_at", "-pk")
    )


@login_required
@vary_on_headers("HX-Request")
def queue(request):
    """Runs a constant number of queries however long the queue is (see the test)."""
    _require_guide(request.user)
    organisations = selectors.organisations_guided_by(request.user).order_by("name")
    form = QueueFilterForm(request.GET, organisations=organisations)
    now = timezone.now()
    page = Paginator(queue_placements(request.user, form.criteria(), now), QUEUE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    for placement in page:
        placement.days_since_step = (now - placement.last_step_at).days
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    if request.htmx:
        return render(request, "engagement/coordination/_queue_results.html", context)
    context["help_requests_to_check"] = (
        selectors.help_requests_with_contact_visible_to(request.user)
        .filter(status=HelpRequestStatus.NEW, organisation__in=organisations)
        .select_related("organisation")
        .order_by("created_at")
    )
    return render(request, "engagement/coordination/queue.html", context)


# One placement


def _guided_placement(request, pk) -> Placement:
    """The placement if the user guides it; 404 if they may not see it at all, and its
    volunteer is sent to their own list, which leaves out the guides' internal notes."""
    placement = get_object_or_404(
        selectors.placements_visible_to(request.user).select_related(
            "volunteer__user", "opportunity", "help_request", "organisation", "responsible"
        ),
        pk=pk,
    )
    if not request.user.has_perm("engagement.view_placement", placement):
        raise PermissionDenied
    return placement


def _needs_parental_consent(placement: Placement) -> bool:
    volunteer = placement.volunteer
    if volunteer is None or volunteer.parental_consent_recorded_at is not None:
        return False
    age = volunteer.age_on(timezone.localdate())
    return age is not None and age < CONSENT_BELOW_AGE


def _placement_page(request, placement, status=200, **forms):
    context = {
        "placement": placement,
        "steps": placement.steps.select_related("by"),
        "needs_parental_consent": _needs_parental_consent(placement),
        "age": placement.volunteer.age_on(timezone.localdate()) if placement.volunteer else None,
        "next_statuses": [step for step in PlacementStatus if step in placement.next_statuses],
        "transition_form": PlacementTransitionForm(placement=placement),
        "note_form": PlacementNoteForm(),
        "assign_form": PlacementAssignForm(placement=placement),
        "consent_form": ParentalConsentForm(),
    }
    context.update(forms)
    return render(request, "engagement/coordination/placement_detail.html", context, status=status)


@login_required
def placement_detail(request, pk):
    placement = _guided_placement(request, pk)
    if not request.user.has_perm("engagement.change_placement", placement):
        return redirect(f"{reverse('engagement:my_placements')}#placement-{placement.pk}")
    return _placement_page(request, placement)


def _changeable_placement(request, pk) -> Placement:
    placement = _guided_placement(request, pk)
    if not request.user.has_perm("engagement.change_placement", placement):
        raise PermissionDenied
    return placement


@login_required
@require_POST
def placement_transition(request, pk):
    placement = _changeable_placement(request, pk)
    form = PlacementTransitionForm(request.POST, placement=placement)
    if form.is_valid():
        try:
            placement = coordination.placement_advance(
                placement=placement,
                to_status=form.cleaned_data["to_status"],
                by=request.user,
                note=form.cleaned_data["note"],
                notify_volunteer=form.cleaned_data.get("notify_volunteer", False),
                notify_organisation=form.cleaned_data["notify_organisation"],
                base_url=_base_url(request),
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(
                request,
                _("The placement is now “%(status)s”.")
                % {"status": placement.get_status_display()},
            )
            if placement.kind == PlacementKind.HELP_OFFER and (
                placement.status == PlacementStatus.PLACED
            ):
                if form.volunteer_has_email:
                    messages.info(request, _("The helper receives the requester's contact data."))
                else:
                    messages.warning(
                        request,
                        _(
                            "The helper gave no e-mail address. Please phone them and pass on "
                            "the requester's contact data."
                        ),
                    )
            return redirect(placement)
    return _placement_page(request, placement, status=400, transition_form=form)


@login_required
@require_POST
def placement_note(request, pk):
    placement = _changeable_placement(request, pk)
    form = PlacementNoteForm(request.POST)
    if form.is_valid():
        try:
            placement_note_add(placement=placement, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error("note", _error_text(error))
        else:
            messages.success(request, _("The note was saved."))
            return redirect(placement)
    return _placement_page(request, placement, status=400, note_form=form)


@login_required
@require_POST
def placement_assign(request, pk):
    placement = _changeable_placement(request, pk)
    form = PlacementAssignForm(request.POST, placement=placement)
    if form.is_valid():
        coordination.placement_assign(
            placement=placement, responsible=form.cleaned_data["responsible"], by=request.user
        )
        messages.success(request, _("The responsibility was changed."))
        return redirect(placement)
    return _placement_page(request, placement, status=400, assign_form=form)


@login_required
@require_POST
def placement_parental_consent(request, pk):
    placement = _changeable_placement(request, pk)
    if placement.volunteer is None:
        raise PermissionDenied
    form = ParentalConsentForm(request.POST)
    if form.is_valid():
        coordination.volunteer_parental_consent_record(
            volunteer=placement.volunteer, by=request.user
        )
        messages.success(request, _("The parental consent was recorded."))
        return redirect(placement)
    return _placement_page(request, placement, status=400, consent_form=form)


# Help requests, as the coordinating organisation sees them


@login_required
def help_request_manage(request, pk):
    help_request = get_object_or_404(
        selectors.help_requests_with_contact_visible_to(request.user).select_related(
            "organisation", "municipality", "created_by"
        ),
        pk=pk,
    )
    if not request.user.has_perm("engagement.view_help_request_contact", help_request):
        raise PermissionDenied
    form = HelpRequestReviewForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            review = (
                help_requests.help_request_publish
                if form.cleaned_data["action"] == HelpRequestReviewForm.PUBLISH
                else help_requests.help_request_close
            )
            try:
                review(help_request=help_request, by=request.user)
            except ValidationError as error:
                messages.error(request, _error_text(error))
            else:
                messages.success(request, _("The help request was updated."))
            return redirect("engagement:help_request_manage", pk=help_request.pk)
        status = 400
    offers = help_request.placements.select_related("volunteer", "responsible").order_by(
        "created_at"
    )
    return render(
        request,
        "engagement/coordination/help_request_manage.html",
        {
            "help_request": help_request,
            "offers": offers,
            "can_publish": help_request.status == HelpRequestStatus.NEW,
            "can_close": help_request.status != HelpRequestStatus.CLOSED,
        },
        status=status,
    )


# The volunteer's own placements


def _status_steps():
    """Only the changes of status (the page shows the start from created_at): the guides'
    notes are internal."""
    return Prefetch(
        "steps",
        queryset=PlacementStep.objects.exclude(to_status="")
        .exclude(from_status="")
        .order_by("at", "pk"),
        to_attr="status_steps",
    )


@login_required
def my_placements(request):
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    placements = (
        Placement.objects.filter(volunteer__user=request.user)
        .select_related("opportunity", "help_request", "organisation")
        .prefetch_related(_status_steps())
        .order_by("-created_at", "-pk")
        if profile
        else Placement.objects.none()
    )
    return render(
        request,
        "engagement/coordination/my_placements.html",
        {
            "profile": profile,
            "placements": placements,
            "ended_statuses": [
                PlacementStatus.ENDED,
                PlacementStatus.DECLINED,
                PlacementStatus.WITHDRAWN,
            ],
            "matched_status": PlacementStatus.PLACED,
        },
    )


@login_required
@require_POST
def placement_withdraw(request, pk):
    placement = get_object_or_404(
        Placement.objects.filter(volunteer__user=request.user).select_related("volunteer"), pk=pk
    )
    if not request.user.has_perm("engagement.withdraw_placement", placement):
        raise PermissionDenied
    try:
        coordination.placement_withdraw_by_volunteer(
            placement=placement, by=request.user, base_url=_base_url(request)
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("You have withdrawn. The organisation has been told."))
    return redirect("engagement:my_placements")
