"""Appointments: residents book without an account and cancel or move by the e-mailed
link; advisers see their day and week, block time, mark attendance, cancel and book on a
resident's behalf; the advice lead sets up the schedules.

Lists (the calendar) show time, topic and status only; the resident's name and contact
appear on the appointment's own page, which is written to the audit log."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.abuse import within_limit
from core.forms import add_service_errors
from directory.models import Organisation
from directory.opening import OfficeHours, local_zone

from . import selectors
from .audit import audit_record
from .forms_appointments import (
    BlockedTimeForm,
    BookingForm,
    BookingOnBehalfForm,
    MarkForm,
    MoveForm,
    ScheduleForm,
)
from .models import (
    AdviceRole,
    Appointment,
    AppointmentSchedule,
    AppointmentStatus,
    AuditAction,
    BlockedTime,
)
from .rules import may
from .services.appointments import (
    appointment_book,
    appointment_cancel,
    appointment_mark,
    appointment_move,
    blocked_time_create,
    blocked_time_delete,
    booked_overlapping,
    schedule_save,
)
from .slots import (
    appointment_when,
    day_text,
    earliest_start,
    format_week,
    free_slots,
    last_bookable_day,
    parse_day,
    parse_week,
    place_text,
    slots_by_day,
    time_range_text,
    week_start,
)

BOOKING_RATE_LIMIT = 10
BOOKING_RATE_WINDOW_SECONDS = 600
THANKS_SESSION_KEY = "advice_booking_thanks"
# Database ids are 64-bit; anything larger in a query string is nobody's id.
LARGEST_ID = 2**63 - 1


def _id(value) -> int | None:
    if value is None or not str(value).isdigit():
        return None
    number = int(value)
    return number if 0 < number <= LARGEST_ID else None


def _get(queryset, pk):
    if _id(pk) is None:
        raise Http404
    return get_object_or_404(queryset, pk=pk)


# --- the list of free times, shared by booking, booking on behalf and moving ------------


def _slot_list(request, schedule, *, selected=None, respect_notice=True, ignore=None) -> dict:
    """The free times of the week asked for (?woche=2026-W48), grouped by day, with the
    neighbouring weeks that can still be booked."""
    now = timezone.now()
    today = timezone.localdate(now, local_zone())
    this_week = week_start(today)
    first_day = timezone.localdate(
        earliest_start(schedule, now) if respect_notice else now, local_zone()
    )
    last_day = last_bookable_day(schedule, now)
    monday = parse_week(request.GET.get("woche"))
    if monday is None:
        # Open on the first week that has a free time, not on an empty one.
        upcoming = free_slots(
            schedule,
            max(first_day, today),
            last_day,
            now=now,
            ignore_appointment=ignore,
            respect_notice=respect_notice,
        )
        first_free = timezone.localdate(upcoming[0].starts, local_zone()) if upcoming else first_day
        monday = week_start(first_free)
    monday = max(this_week, min(monday, week_start(last_day)))
    sunday = monday + timedelta(days=6)
    slots = free_slots(
        schedule,
        max(monday, today),
        sunday,
        now=now,
        ignore_appointment=ignore,
        respect_notice=respect_notice,
    )
    selected_value = selected.isoformat() if selected else None
    days = [
        {
            "label": day_text(slot_day.day),
            "slots": [
                {
                    "value": slot.value,
                    "id": f"slot-{timezone.localtime(slot.starts, local_zone()):%Y%m%d-%H%M}",
                    "label": time_range_text(slot.starts, slot.ends),
                    "checked": slot.value == selected_value,
                }
                for slot in slot_day.slots
            ],
        }
        for slot_day in slots_by_day(slots)
    ]
    return {
        "slot_days": days,
        "week": format_week(monday),
        "week_label": f"{day_text(monday)} – {day_text(sunday)}",
        "previous_week": format_week(monday - timedelta(days=7)) if monday > this_week else "",
        "next_week": format_week(monday + timedelta(days=7)) if sunday < last_day else "",
    }


def _chosen_topic(schedule_topics, value):
    pk = _id(value)
    return next((topic for topic in schedule_topics if topic.pk == pk), None)


def _render_booking_page(request, template, context, slot_context):
    if request.htmx and request.htmx.target == "slots":
        return render(request, "advice/appointments/_slots.html", {**context, **slot_context})
    return render(request, template, {**context, **slot_context})


# --- residents ---------------------------------------------------------------------------


def _public_schedule(pk) -> AppointmentSchedule:
    return _get(
        selectors.schedules_public()
        .select_related("place", "organisation")
        .prefetch_related("place__office_hours", "place__closures", "place__extra_openings"),
        pk,
    )


@require_http_methods(["GET", "POST"])
def booking(request, pk):
    schedule = _public_schedule(pk)
    topics = list(schedule.topics.all())
    topic = _chosen_topic(topics, request.POST.get("topic") or request.GET.get("thema"))
    form = None
    if request.method == "POST":
        if not within_limit(
            request,
            "advice_booking",
            limit=BOOKING_RATE_LIMIT,
            window_seconds=BOOKING_RATE_WINDOW_SECONDS,
        ):
            return render(
                request,
                "advice/appointments/rate_limited.html",
                {"schedule": schedule, "minutes": BOOKING_RATE_WINDOW_SECONDS // 60},
                status=429,
            )
        form = BookingForm(request.POST, schedule=schedule)
        if form.is_valid():
            thanks = redirect("advice:booking_thanks", pk=schedule.pk)
            if form.is_bot:
                request.session.pop(THANKS_SESSION_KEY, None)
                return thanks
            data = form.cleaned_data
            try:
                appointment = appointment_book(
                    schedule=schedule,
                    topic=data["topic"],
                    starts_at=data["starts_at"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    consent_text=form.consent_text,
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                request.session[THANKS_SESSION_KEY] = appointment.pk
                return thanks
    elif topic is not None:
        form = BookingForm(initial={"topic": topic.pk}, schedule=schedule)
    selected = form.cleaned_data.get("starts_at") if form is not None and form.is_bound else None
    context = {
        "schedule": schedule,
        "place": schedule.place,
        "where": place_text(schedule.place),
        "walk_in_hours": OfficeHours(schedule.place).weekly_summary(),
        "topics": topics,
        "topic": topic,
        "form": form,
        "page_url": reverse("advice:booking", kwargs={"pk": schedule.pk}),
    }
    slot_context = _slot_list(request, schedule, selected=selected) if topic else {}
    return _render_booking_page(request, "advice/appointments/booking.html", context, slot_context)


def booking_thanks(request, pk):
    schedule = _public_schedule(pk)
    appointment = (
        Appointment.objects.filter(
            schedule=schedule, pk=_id(request.session.get(THANKS_SESSION_KEY))
        )
        .select_related("topic")
        .first()
    )
    return render(
        request,
        "advice/appointments/thanks.html",
        {
            "schedule": schedule,
            "appointment": appointment,
            "when": appointment_when(appointment.starts_at, appointment.ends_at)
            if appointment
            else "",
            "where": place_text(schedule.place),
        },
    )


@require_http_methods(["GET", "POST"])
def booking_manage(request, token):
    """GET only shows the appointment and the choices; cancelling and moving take a POST."""
    appointment = selectors.appointment_by_manage_token(token)
    if appointment is None:
        return render(request, "advice/appointments/manage_invalid.html", status=400)
    schedule = appointment.schedule
    move_form = MoveForm()
    error = None
    if request.method == "POST":
        base_url = request.build_absolute_uri("/")
        if request.POST.get("action") == "cancel":
            try:
                appointment_cancel(appointment=appointment, base_url=base_url)
            except ValidationError as refused:
                error = refused.messages[0]
            else:
                audit_record(
                    user=None,
                    action=AuditAction.CHANGE,
                    record=appointment,
                    detail="cancelled by the resident's link",
                )
                return redirect(
                    reverse("advice:booking_manage", kwargs={"token": token}) + "?erledigt=1"
                )
        else:
            move_form = MoveForm(request.POST)
            if move_form.is_valid():
                try:
                    moved = appointment_move(
                        appointment=appointment,
                        starts_at=move_form.cleaned_data["starts_at"],
                        base_url=base_url,
                    )
                except ValidationError as refused:
                    add_service_errors(move_form, refused)
                else:
                    audit_record(
                        user=None,
                        action=AuditAction.CHANGE,
                        record=moved,
                        detail="moved by the resident's link",
                    )
                    return redirect(
                        reverse(
                            "advice:booking_manage",
                            kwargs={"token": selectors.appointment_manage_token(moved)},
                        )
                        + "?verschoben=1"
                    )
    is_changeable = (
        appointment.status == AppointmentStatus.BOOKED and appointment.starts_at > timezone.now()
    )
    context = {
        "appointment": appointment,
        "schedule": schedule,
        "when": appointment_when(appointment.starts_at, appointment.ends_at),
        "where": place_text(schedule.place),
        "is_changeable": is_changeable,
        "just_cancelled": request.GET.get("erledigt") == "1",
        "just_moved": request.GET.get("verschoben") == "1",
        "error": error,
        "form": move_form,
        "page_url": reverse("advice:booking_manage", kwargs={"token": token}),
    }
    slot_context = (
        _slot_list(
            request,
            schedule,
            selected=move_form.cleaned_data.get("starts_at") if move_form.is_bound else None,
            ignore=appointment.pk,
        )
        if is_changeable
        else {}
    )
    return _render_booking_page(request, "advice/appointments/manage.html", context, slot_context)


# --- advisers ----------------------------------------------------------------------------


def _require_team(user) -> None:
    if not selectors.organisations_advised_by(user).exists():
        raise PermissionDenied


@login_required
def adviser_calendar(request):
    """One week (?woche=2026-W48) or one day of it (?tag=2026-11-24); by default the
    person's own appointments, with ?ansicht=team those of everyone in their teams."""
    _require_team(request.user)
    today = timezone.localdate(timezone.now(), local_zone())
    day = parse_day(request.GET.get("tag"))
    monday = week_start(day) if day else parse_week(request.GET.get("woche")) or week_start(today)
    first, last = (day, day) if day else (monday, monday + timedelta(days=6))
    zone = local_zone()
    starts = datetime.combine(first, time.min, zone)
    ends = datetime.combine(last + timedelta(days=1), time.min, zone)
    team_view = request.GET.get("ansicht") == "team"
    appointments = (
        selectors.appointments_visible_to(request.user)
        .filter(starts_at__gte=starts, starts_at__lt=ends)
        .select_related("topic", "adviser", "schedule__place")
        .only(
            "pk",
            "starts_at",
            "ends_at",
            "status",
            "topic__name",
            "adviser__display_name",
            "adviser__email",
            "schedule__title",
            "schedule__place__name",
        )
        .order_by("starts_at", "pk")
    )
    blocked = BlockedTime.objects.filter(starts_at__lt=ends, ends_at__gt=starts).order_by(
        "starts_at"
    )
    if team_view:
        colleagues = AdviceRole.objects.filter(
            organisation__in=selectors.organisations_advised_by(request.user)
        ).values("user")
        blocked = blocked.filter(adviser__in=colleagues).select_related("adviser")
    else:
        appointments = appointments.filter(adviser=request.user)
        blocked = blocked.filter(adviser=request.user).select_related("adviser")
    days = []
    by_day = {}
    for offset in range((last - first).days + 1):
        current = first + timedelta(days=offset)
        entry = {"day": current, "label": day_text(current), "appointments": [], "blocked": []}
        by_day[current] = entry
        days.append(entry)
    for appointment in appointments:
        local_day = timezone.localtime(appointment.starts_at, zone).date()
        appointment.time_label = time_range_text(appointment.starts_at, appointment.ends_at)
        by_day[local_day]["appointments"].append(appointment)
    for blocked_time in blocked:
        for current, entry in by_day.items():
            day_starts = datetime.combine(current, time.min, zone)
            if blocked_time.starts_at < day_starts + timedelta(days=1) and (
                blocked_time.ends_at > day_starts
            ):
                entry["blocked"].append(blocked_time)
    query = "&ansicht=team" if team_view else ""
    return render(
        request,
        "advice/appointments/calendar.html",
        {
            "days": days,
            "day": day,
            "team_view": team_view,
            "week": format_week(monday),
            "week_label": f"{day_text(monday)} – {day_text(monday + timedelta(days=6))}",
            "previous_week": format_week(monday - timedelta(days=7)),
            "next_week": format_week(monday + timedelta(days=7)),
            "view_query": query,
            "today": today,
        },
    )


def _visible_appointment(user, pk) -> Appointment:
    return _get(
        selectors.appointments_visible_to(user).select_related(
            "topic", "adviser", "schedule__place", "concern"
        ),
        pk,
    )


@login_required
def appointment_detail(request, pk):
    appointment = _visible_appointment(request.user, pk)
    if not may(request.user, "advice.manage_appointments", appointment):
        raise PermissionDenied
    audit_record(user=request.user, action=AuditAction.READ, record=appointment)
    concern = (
        selectors.concerns_visible_to(request.user).filter(pk=appointment.concern_id).first()
        if appointment.concern_id
        else None
    )
    now = timezone.now()
    return render(
        request,
        "advice/appointments/appointment_detail.html",
        {
            "appointment": appointment,
            "concern": concern,
            "when": appointment_when(appointment.starts_at, appointment.ends_at),
            "where": place_text(appointment.schedule.place),
            "can_mark": appointment.status != AppointmentStatus.CANCELLED
            and appointment.starts_at <= now,
            "can_cancel": appointment.status == AppointmentStatus.BOOKED
            and appointment.starts_at > now,
            "mark_form": MarkForm(),
        },
    )


@login_required
@require_POST
def appointment_mark_view(request, pk):
    appointment = _visible_appointment(request.user, pk)
    if not may(request.user, "advice.manage_appointments", appointment):
        raise PermissionDenied
    form = MarkForm(request.POST)
    if form.is_valid():
        try:
            appointment_mark(appointment=appointment, status=form.cleaned_data["status"])
        except ValidationError as refused:
            messages.error(request, refused.messages[0])
        else:
            audit_record(
                user=request.user,
                action=AuditAction.CHANGE,
                record=appointment,
                detail=form.cleaned_data["status"],
            )
            messages.success(request, _("The appointment has been marked."))
    else:
        messages.error(request, _("Please choose attended or did not come."))
    return redirect("advice:appointment_detail", pk=appointment.pk)


@login_required
@require_POST
def appointment_cancel_view(request, pk):
    appointment = _visible_appointment(request.user, pk)
    if not may(request.user, "advice.manage_appointments", appointment):
        raise PermissionDenied
    try:
        appointment_cancel(
            appointment=appointment,
            cancelled_by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        audit_record(
            user=request.user, action=AuditAction.CHANGE, record=appointment, detail="cancelled"
        )
        messages.success(request, _("The appointment has been cancelled."))
    return redirect("advice:appointment_detail", pk=appointment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def booking_on_behalf(request, pk):
    schedule = _get(
        selectors.schedules_visible_to(request.user).select_related("place", "organisation"), pk
    )
    if not may(request.user, "advice.manage_appointments", schedule):
        raise PermissionDenied
    concern = None
    if "concern" in request.GET:
        concern = _get(
            selectors.concerns_visible_to(request.user).filter(
                organisation=schedule.organisation_id
            ),
            request.GET["concern"],
        )
    topics = list(schedule.topics.all())
    topic = _chosen_topic(topics, request.POST.get("topic") or request.GET.get("thema"))
    form = None
    if request.method == "POST":
        form = BookingOnBehalfForm(request.POST, schedule=schedule)
        if form.is_valid():
            data = form.cleaned_data
            try:
                appointment = appointment_book(
                    schedule=schedule,
                    topic=data["topic"],
                    starts_at=data["starts_at"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    consent_text=form.consent_text,
                    booked_by=request.user,
                    concern=concern,
                    adviser=data["adviser"],
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                audit_record(user=request.user, action=AuditAction.CREATE, record=appointment)
                messages.success(request, _("The appointment has been booked."))
                return redirect("advice:appointment_detail", pk=appointment.pk)
    elif topic is not None:
        initial = {"topic": topic.pk}
        if concern is not None:
            initial.update(
                name=concern.contact_name, email=concern.contact_email, phone=concern.contact_phone
            )
        form = BookingOnBehalfForm(initial=initial, schedule=schedule)
    selected = form.cleaned_data.get("starts_at") if form is not None and form.is_bound else None
    page_url = reverse("advice:booking_on_behalf", kwargs={"pk": schedule.pk})
    context = {
        "schedule": schedule,
        "where": place_text(schedule.place),
        "topics": topics,
        "topic": topic,
        "form": form,
        "concern": concern,
        "page_url": page_url,
        "extra_query": f"concern={concern.pk}" if concern else "",
    }
    slot_context = (
        _slot_list(request, schedule, selected=selected, respect_notice=False) if topic else {}
    )
    return _render_booking_page(
        request, "advice/appointments/booking_on_behalf.html", context, slot_context
    )


@login_required
@require_http_methods(["GET", "POST"])
def blocked_time_new(request):
    _require_team(request.user)
    if request.method == "POST":
        form = BlockedTimeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                blocked_time_create(
                    adviser=request.user,
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    reason=data["reason"],
                    confirmed=data["confirm_overlap"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The time is blocked."))
                monday = week_start(timezone.localdate(data["starts_at"], local_zone()))
                return redirect(
                    reverse("advice:adviser_calendar") + f"?woche={format_week(monday)}"
                )
    else:
        form = BlockedTimeForm()
    overlapping = []
    if form.is_bound and form.errors.get("confirm_overlap"):
        data = form.cleaned_data
        overlapping = [
            {
                "pk": appointment.pk,
                "when": appointment_when(appointment.starts_at, appointment.ends_at),
            }
            for appointment in booked_overlapping(request.user, data["starts_at"], data["ends_at"])
        ]
    return render(
        request,
        "advice/appointments/blocked_time_form.html",
        {"form": form, "overlapping": overlapping},
    )


@login_required
@require_POST
def blocked_time_delete_view(request, pk):
    blocked_time = _get(BlockedTime.objects.filter(adviser=request.user), pk)
    monday = week_start(timezone.localdate(blocked_time.starts_at, local_zone()))
    blocked_time_delete(blocked_time=blocked_time)
    messages.success(request, _("The blocked time has been removed."))
    return redirect(reverse("advice:adviser_calendar") + f"?woche={format_week(monday)}")


# --- schedules (the advice lead) -----------------------------------------------------------


@login_required
def schedules(request):
    _require_team(request.user)
    visible = list(
        selectors.schedules_visible_to(request.user)
        .select_related("organisation", "place")
        .order_by("organisation__name", "title")
    )
    led = set(selectors.organisations_led_by(request.user).values_list("organisation", flat=True))
    return render(
        request,
        "advice/appointments/schedules.html",
        {
            "schedules": visible,
            "led_organisations": Organisation.objects.filter(pk__in=led).order_by("name"),
            "led_ids": led,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule_new(request, organisation):
    organisation = _get(
        Organisation.objects.filter(pk__in=selectors.organisations_advised_by(request.user)),
        organisation,
    )
    if not may(request.user, "advice.manage_schedules", organisation):
        raise PermissionDenied
    return _schedule_form(request, AppointmentSchedule(organisation=organisation), organisation)


@login_required
@require_http_methods(["GET", "POST"])
def schedule_edit(request, pk):
    schedule = _get(selectors.schedules_visible_to(request.user).select_related("organisation"), pk)
    if not may(request.user, "advice.manage_schedules", schedule):
        raise PermissionDenied
    return _schedule_form(request, schedule, schedule.organisation)


def _schedule_form(request, schedule, organisation):
    if request.method == "POST":
        form = ScheduleForm(request.POST, instance=schedule, organisation=organisation)
        if form.is_valid():
            try:
                schedule_save(
                    schedule=form.save(commit=False),
                    advisers=form.cleaned_data["advisers"],
                    topics=form.cleaned_data["topics"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The schedule has been saved."))
                return redirect("advice:schedules")
    else:
        form = ScheduleForm(instance=schedule, organisation=organisation)
    return render(
        request,
        "advice/appointments/schedule_form.html",
        {"form": form, "schedule": schedule, "organisation": organisation},
    )
