"""Events and meetings. An event is what organisers describe once (title, kind, place,
agenda, accessibility, registration rules); an occurrence is one date of it. A single
event has one occurrence, a recurring one (weekly dialogue day, monthly café) one per
date of its recurrence rule. People register for an occurrence, and check-in, waiting
list, attendance, minutes and documents all belong to the occurrence."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.storage import private_storage
from core.text import search_normalise

MAX_PARTY_SIZE = 10


class EventKind(models.Model):
    """An editable catalogue: working meeting, citizens' forum, future workshop, …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=110, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("event kind")
        verbose_name_plural = _("event kinds")

    def __str__(self):
        return self.name


class TargetGroup(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=110, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return self.name


class SpeakerQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public_consent=True)


class Speaker(models.Model):
    """An external expert (politics, administration, science). Shown on public pages only
    with their consent; the organisation that entered them keeps them."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="speakers",
        verbose_name=_("entered by"),
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role or position"), max_length=200, blank=True)
    affiliation = models.CharField(_("institution"), max_length=200, blank=True)
    bio = models.TextField(_("short biography"), max_length=1500, blank=True)
    public_consent = models.BooleanField(
        _("agrees to be named publicly"),
        default=False,
        help_text=_("Only then are name, role and biography shown on public pages."),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name


class WorkingMeetingSeries(models.Model):
    """A network's series of working meetings, hosted by its members in turn."""

    network = models.ForeignKey(
        "directory.Network",
        on_delete=models.CASCADE,
        related_name="meeting_series",
        verbose_name=_("network"),
    )
    title = models.CharField(_("title"), max_length=200)
    meetings_per_year = models.PositiveSmallIntegerField(
        _("meetings per year"),
        default=4,
        validators=[MinValueValidator(4), MaxValueValidator(52)],
        help_text=_("At least four."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["network__name", "title"]
        verbose_name = _("working meeting series")
        verbose_name_plural = _("working meeting series")

    def __str__(self):
        return f"{self.title} ({self.network})"


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EventStatus.PUBLISHED)


class Event(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.ForeignKey(
        EventKind, on_delete=models.PROTECT, related_name="events", verbose_name=_("kind")
    )
    organisers = models.ManyToManyField(
        "directory.Organisation", related_name="events", verbose_name=_("organisers")
    )
    series = models.ForeignKey(
        WorkingMeetingSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("working meeting series"),
    )
    host = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host"),
        help_text=_("For working meetings: the member organisation hosting this one."),
    )
    summary = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    plain_language_summary = models.TextField(
        _("in plain language"),
        blank=True,
        help_text=_("Short sentences, everyday words: what happens, for whom, what it costs."),
    )
    place = models.ForeignKey(
        "directory.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("place"),
    )
    online_url = models.URLField(_("online link"), blank=True)
    location_note = models.CharField(_("note on the location"), max_length=200, blank=True)
    # Copied from the place so that the calendar's municipality and radius filters need
    # no join.
    municipality = models.ForeignKey(
        "directory.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("municipality"),
    )
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    # RFC 5545 RRULE without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T235959Z".
    recurrence_rule = models.CharField(_("recurrence rule"), max_length=300, blank=True)
    recurrence_exceptions = models.JSONField(
        _("dates left out"), default=list, blank=True, help_text=_("ISO dates")
    )

    topics = models.ManyToManyField(
        "directory.Topic", blank=True, related_name="events", verbose_name=_("topics")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="events", verbose_name=_("target groups")
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("induction loop"), default=False)
    sign_language_on_request = models.BooleanField(
        _("sign-language interpretation on request"), default=False
    )
    accessibility_notes = models.TextField(_("further notes on accessibility"), blank=True)

    registration_required = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(
        pgettext_lazy("capacity", "places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Per date. Leave empty for no limit."),
    )
    registration_deadline_hours = models.PositiveIntegerField(
        _("registration closes (hours before the start)"),
        default=0,
        help_text=_("0: registration is open until the event starts."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The calendar's text search compares folded words ("Bürgerforum" = "buergerforum")
        # the same way on SQLite and PostgreSQL, so the folded text is kept with the event.
        self.search_text = search_normalise(
            " ".join([self.title, self.summary, self.description, self.location_note])
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence_rule)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and self.place_id is None


class AgendaItem(models.Model):
    """One point of the programme, with its time and speakers; the same for every date of
    a recurring event."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("event")
    )
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    speakers = models.ManyToManyField(
        Speaker, blank=True, related_name="agenda_items", verbose_name=_("speakers")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["starts_at", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class OccurrenceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(event__status=EventStatus.PUBLISHED, is_cancelled=False)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def with_counts(self):
        """`confirmed_people` and `waiting_people` (party sizes summed), and
        `checked_in_people`."""
        return self.annotate(
            confirmed_people=Coalesce(
                Sum("registrations__party_size", filter=Q(registrations__status="confirmed")),
                0,
            ),
            waiting_people=Coalesce(
                Sum("registrations__party_size", filter=Q(registrations__status="waiting")), 0
            ),
            checked_in_people=Coalesce(
                Sum(
                    "registrations__party_size",
                    filter=Q(
                        registrations__status="confirmed",
                        registrations__checked_in_at__isnull=False,
                    ),
                ),
                0,
            ),
        )

    def with_free_places(self):
        counted = self.with_counts()
        return counted.filter(
            Q(event__capacity__isnull=True) | Q(event__capacity__gt=F("confirmed_people"))
        )


class Occurrence(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="occurrences", verbose_name=_("event")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    minutes = models.TextField(_("minutes"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="one_occurrence_per_start"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="occurrence_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.event} ({timezone.localtime(self.starts_at):%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("events:occurrence", kwargs={"slug": self.event.slug, "occurrence": self.pk})

    @property
    def registration_closes_at(self):
        return self.starts_at - timedelta(hours=self.event.registration_deadline_hours)

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.event.registration_required
            and self.event.status == EventStatus.PUBLISHED
            and not self.is_cancelled
            and now < self.registration_closes_at
        )

    @cached_property
    def confirmed_count(self) -> int:
        """People (party sizes summed) with a confirmed place."""
        if hasattr(self, "confirmed_people"):
            return self.confirmed_people
        return self.registrations.filter(status=RegistrationStatus.CONFIRMED).aggregate(
            total=Coalesce(Sum("party_size"), 0)
        )["total"]

    @property
    def free_places(self) -> int | None:
        if self.event.capacity is None:
            return None
        return max(self.event.capacity - self.confirmed_count, 0)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def waiting_in_order(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("date"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    party_size = models.PositiveSmallIntegerField(
        _("number of people"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTY_SIZE)],
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    # For working meetings: which member organisation the person comes for.
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("organisation"),
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices)
    consent_text = models.TextField(_("consent wording"))
    consent_at = models.DateTimeField(_("consent given"))
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [
            models.Index(fields=["occurrence", "status", "created_at"]),
            # Sums of party sizes per date and status (free places, counts) from the
            # index alone, without reading the rows (docs/performance.md, "Events").
            models.Index(
                fields=["occurrence", "status", "party_size"], name="registration_people_idx"
            ),
        ]

    def __str__(self):
        return f"{self.name} · {self.occurrence}"


class DocumentKind(models.TextChoices):
    MINUTES = "minutes", _("Minutes")
    SLIDES = "slides", _("Slides")
    OTHER = "other", _("Other document")


class DocumentVisibility(models.TextChoices):
    PARTICIPANTS = "participants", _("Participants only")
    PUBLIC = "public", _("Everyone")


class EventDocument(models.Model):
    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, related_name="documents", verbose_name=_("date")
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    file = models.FileField(_("file"), upload_to="event-documents/%Y/", storage=private_storage)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    visibility = models.CharField(
        _("visible to"),
        max_length=16,
        choices=DocumentVisibility.choices,
        default=DocumentVisibility.PARTICIPANTS,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class ActionItem(models.Model):
    """A task agreed in a working meeting's minutes; the network sees it until done."""

    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.CASCADE,
        related_name="action_items",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_action_items",
        verbose_name=_("responsible organisation"),
    )
    owner_name = models.CharField(_("responsible person"), max_length=150, blank=True)
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self):
        return self.title


class EventMessage(models.Model):
    """An e-mail organisers sent to everyone registered for a date; kept as a record."""

    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, related_name="messages", verbose_name=_("date")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    include_waiting_list = models.BooleanField(_("also to the waiting list"), default=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recipient_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self):
        return self.subject
