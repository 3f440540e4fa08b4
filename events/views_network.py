"""A network's working meetings under /veranstaltungen/netzwerke/: the series, whose turn
it is to host, planning the next meeting, minutes with action items, and attendance per
member organisation. Network admins run all of it; the organisers of one meeting (its
host) keep that meeting's minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from directory.models import MembershipStatus, Network, Organisation

from . import selectors
from .formatting import date_range_text
from .forms_network import ActionItemForm, MeetingPlanForm, MinutesForm, SeriesForm
from .models import ActionItem, EventStatus, Occurrence, WorkingMeetingSeries
from .rules import may
from .services import series as series_services

# ?year= outside this range falls back to the current year.
EARLIEST_YEAR = 2000
LATEST_YEAR = 2100


def _network_for(request, slug: str) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not may(request.user, "events.manage_series", network):
        raise PermissionDenied
    return network


def _series_for(request, network_slug: str, pk: int) -> WorkingMeetingSeries:
    network = _network_for(request, network_slug)
    series = get_object_or_404(WorkingMeetingSeries, pk=pk, network=network)
    series.network = network
    return series


def _active_members(network: Network):
    return Organisation.objects.filter(
        network_memberships__network=network,
        network_memberships__status=MembershipStatus.ACTIVE,
    ).order_by("name")


@login_required
def series_list(request):
    networks = list(selectors.networks_administered_by(request.user))
    if not networks:
        raise PermissionDenied
    form = SeriesForm(request.POST or None, networks=networks)
    if request.method == "POST" and form.is_valid():
        try:
            series = series_services.series_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The series has been created."))
            return redirect("events:series_detail", network=series.network.slug, pk=series.pk)
    return render(
        request,
        "events/network/series_list.html",
        {"networks": networks, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def series_detail(request, network, pk):
    series = _series_for(request, network, pk)
    now = timezone.now()
    rotation = selectors.series_host_rotation(series, now=now)
    meetings = list(selectors.series_meetings(series))
    for meeting in meetings:
        meeting.when = date_range_text(meeting.starts_at, meeting.ends_at)
        meeting.is_past = meeting.starts_at < now
    this_year = timezone.localdate(now).year
    planned_this_year = sum(
        1
        for meeting in meetings
        if not meeting.is_cancelled
        and meeting.event.status != EventStatus.CANCELLED
        and timezone.localtime(meeting.starts_at).year == this_year
    )
    action_items = list(selectors.action_items_open_for_network(series.network))
    today = timezone.localdate(now)
    for item in action_items:
        item.is_overdue = item.due_on < today
    return render(
        request,
        "events/network/series_detail.html",
        {
            "network": series.network,
            "series": series,
            "rotation": rotation,
            "due_next": rotation[0] if rotation and rotation[0].due_next else None,
            "past_meetings": [meeting for meeting in reversed(meetings) if meeting.is_past],
            "upcoming_meetings": [meeting for meeting in meetings if not meeting.is_past],
            "this_year": this_year,
            "planned_this_year": planned_this_year,
            "meets_target": planned_this_year >= series.meetings_per_year,
            "action_items": action_items,
        },
    )


@login_required
def series_meeting_create(request, network, pk):
    series = _series_for(request, network, pk)
    members = _active_members(series.network)
    rotation = selectors.series_host_rotation(series)
    due_next = rotation[0].organisation if rotation and rotation[0].due_next else None
    form = MeetingPlanForm(
        request.POST or None,
        members=members,
        initial={"host": due_next, "registration_required": True},
    )
    form.fields["title"].widget.attrs["placeholder"] = series_services.default_meeting_title(
        series, timezone.localdate().year
    )
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.moments()
        data = form.cleaned_data
        try:
            event = series_services.series_meeting_plan(
                series=series,
                host=data["host"],
                starts_at=starts_at,
                ends_at=ends_at,
                place=data["place"],
                online_url=data["online_url"],
                title=data["title"],
                description=data["description"],
                capacity=data["capacity"],
                registration_required=data["registration_required"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The meeting “%(title)s” has been planned and published.") % {"title": event},
            )
            return redirect("events:series_detail", network=series.network.slug, pk=series.pk)
    return render(
        request,
        "events/network/meeting_form.html",
        {"network": series.network, "series": series, "form": form, "due_next": due_next},
        status=400 if form.errors else 200,
    )


def _meeting_for(request, occurrence_pk: int) -> Occurrence:
    occurrence = get_object_or_404(
        Occurrence.objects.select_related("event__series__network", "event__host", "event__place"),
        pk=occurrence_pk,
        event__series__isnull=False,
    )
    if not may(request.user, "events.change_event", occurrence.event):
        raise PermissionDenied
    return occurrence


@login_required
def meeting_minutes(request, occurrence):
    meeting = _meeting_for(request, occurrence)
    network = meeting.event.series.network
    members = _active_members(network)
    minutes_form = MinutesForm(initial={"minutes": meeting.minutes})
    item_form = ActionItemForm(members=members)
    failed = False
    if request.method == "POST":
        if request.POST.get("form_name") == "action_item":
            item_form = ActionItemForm(request.POST, members=members)
            if item_form.is_valid():
                try:
                    series_services.action_item_add(
                        occurrence=meeting, by=request.user, **item_form.cleaned_data
                    )
                except ValidationError as error:
                    add_service_errors(item_form, error)
                else:
                    messages.success(request, _("The action item has been added."))
                    return redirect("events:meeting_minutes", occurrence=meeting.pk)
        else:
            minutes_form = MinutesForm(request.POST)
            if minutes_form.is_valid():
                series_services.occurrence_minutes_save(
                    occurrence=meeting, by=request.user, **minutes_form.cleaned_data
                )
                messages.success(request, _("The minutes have been saved."))
                return redirect("events:meeting_minutes", occurrence=meeting.pk)
        failed = True
    items = list(meeting.action_items.select_related("owner"))
    today = timezone.localdate()
    for item in items:
        item.is_overdue = item.done_at is None and item.due_on < today
    return render(
        request,
        "events/network/minutes.html",
        {
            "meeting": meeting,
            "when": date_range_text(meeting.starts_at, meeting.ends_at),
            "network": network,
            "series": meeting.event.series,
            "can_manage_series": may(request.user, "events.manage_series", network),
            "minutes_form": minutes_form,
            "item_form": item_form,
            "items": items,
        },
        status=400 if failed else 200,
    )


def _action_item_for(request, pk: int) -> ActionItem:
    item = get_object_or_404(ActionItem.objects.select_related("occurrence__event__series"), pk=pk)
    if not may(request.user, "events.change_event", item.occurrence.event):
        raise PermissionDenied
    return item


def _back(request, item: ActionItem):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("events:meeting_minutes", occurrence=item.occurrence_id)


@login_required
@require_POST
def action_item_complete(request, pk):
    item = _action_item_for(request, pk)
    series_services.action_item_complete(item=item, by=request.user)
    messages.success(request, _("Marked as done."))
    return _back(request, item)


@login_required
@require_POST
def action_item_reopen(request, pk):
    item = _action_item_for(request, pk)
    series_services.action_item_reopen(item=item, by=request.user)
    messages.success(request, _("Marked as open again."))
    return _back(request, item)


@login_required
def network_action_items(request, network):
    network = _network_for(request, network)
    items = list(selectors.action_items_open_for_network(network))
    today = timezone.localdate()
    for item in items:
        item.is_overdue = item.due_on < today
    return render(
        request,
        "events/network/action_items.html",
        {"network": network, "items": items},
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if EARLIEST_YEAR <= year <= LATEST_YEAR else timezone.localdate().year


@login_required
def series_attendance(request, network, pk):
    series = _series_for(request, network, pk)
    year = _year(request)
    attendance = selectors.series_attendance(series, year)
    return render(
        request,
        "events/network/attendance.html",
        {
            "network": series.network,
            "series": series,
            "attendance": attendance,
            "previous_year": year - 1 if year > EARLIEST_YEAR else None,
            "next_year": year + 1 if year < LATEST_YEAR else None,
        },
    )
