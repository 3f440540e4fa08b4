"""Concerns and advice: the most sensitive data on the platform. Treat it as a
counselling service bound by professional secrecy would:

- a concern (Anliegen) is what a resident brings; the organisation's advice team
  triages it into outcomes (an advice case, an appointment, a referral, a conflict
  moderation, a help request or placement in the engagement module, an idea);
- cases and moderation cases are seen only by the advisers assigned to them and the
  organisation's advice lead (AdviceRole), never by other roles of the organisation,
  network admins or platform staff; every read and change is written to the audit log;
- free text and contact data are encrypted at rest (core.crypto, key from the settings);
- closed concerns and cases are anonymised after a retention period; what remains
  (kind, topic, month, neighbourhood, outcome) feeds anonymous statistics."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedTextField
from core.storage import private_storage


class AdviceRoleKind(models.TextChoices):
    LEAD = "lead", _("Advice lead")
    ADVISER = "adviser", _("Adviser")


class AdviceRole(models.Model):
    """Membership of an organisation's advice team. Separate from the directory's roles
    on purpose: an organisation's admin or editor does not see advice data."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advice_roles"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="advice_roles"
    )
    role = models.CharField(_("role"), max_length=16, choices=AdviceRoleKind.choices)
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("advice role")
        verbose_name_plural = _("advice roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_advice_role")
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"


class AdviceTopic(models.Model):
    """An editable catalogue: everyday questions, forms and applications, housing, …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=110, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("advice topic")
        verbose_name_plural = _("advice topics")

    def __str__(self):
        return self.name


class ConcernKind(models.TextChoices):
    QUESTION = "question", _("A question or everyday problem")
    FORMS = "forms", _("Help with forms or applications")
    CONFLICT = "conflict", _("A conflict with neighbours")
    NEED_HELP = "need_help", _("I need help")
    OFFER_HELP = "offer_help", _("I want to help")
    IDEA = "idea", _("An idea for the neighbourhood")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online form")
    PHONE = "phone", _("Phone")
    WALK_IN = "walk_in", _("In person")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")


class ConcernStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ConcernQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ConcernStatus.DONE)

    def in_triage_order(self, today=None):
        """Overdue follow-ups first, then new ones, then by follow-up date and age."""
        today = today or timezone.localdate()
        return self.annotate(
            is_overdue=models.Case(
                models.When(follow_up_on__lt=today, then=models.Value(0)),
                default=models.Value(1),
            )
        ).order_by("is_overdue", "follow_up_on", "created_at")


class Concern(models.Model):
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="concerns",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("what it is about"), max_length=16, choices=ConcernKind.choices)
    topic = models.ForeignKey(
        AdviceTopic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("topic"),
    )
    description = EncryptedTextField(_("the concern"))
    contact_name = EncryptedTextField(_("name"), blank=True)
    contact_email = EncryptedTextField(_("e-mail address"), blank=True)
    contact_phone = EncryptedTextField(_("phone"), blank=True)
    channel = models.CharField(_("received by"), max_length=16, choices=Channel.choices)
    neighbourhood = models.ForeignKey(
        "directory.Neighbourhood",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("neighbourhood"),
    )
    is_first_contact = models.BooleanField(_("first contact"), default=True)
    consent_text = models.TextField(_("consent wording"))
    consent_at = models.DateTimeField(_("consent given"))
    status = models.CharField(
        _("status"), max_length=16, choices=ConcernStatus.choices, default=ConcernStatus.NEW
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")
        indexes = [models.Index(fields=["organisation", "status", "follow_up_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"


class OutcomeKind(models.TextChoices):
    CASE = "case", _("Advice case")
    APPOINTMENT = "appointment", _("Appointment")
    REFERRAL = "referral", _("Referral to a counselling service")
    MODERATION = "moderation", _("Conflict moderation")
    HELP_REQUEST = "help_request", _("Help request (neighbourly help)")
    PLACEMENT = "placement", _("Volunteering")
    IDEA = "idea", _("Idea for a participation process")


class ConcernOutcome(models.Model):
    """What a concern became. Outcomes in other modules (help requests, placements,
    ideas) are kept by kind and a link, since advice does not import those modules."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("outcome"), max_length=16, choices=OutcomeKind.choices)
    case = models.ForeignKey(
        "AdviceCase", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    appointment = models.ForeignKey(
        "Appointment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    referral = models.ForeignKey(
        "Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderation = models.ForeignKey(
        "ModerationCase", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    external_url = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return self.get_kind_display()


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AdviceCase(models.Model):
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="advice_cases"
    )
    concern = models.ForeignKey(
        Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases"
    )
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="advice_cases", verbose_name=_("advisers")
    )
    topics = models.ManyToManyField(AdviceTopic, related_name="cases", verbose_name=_("topics"))
    person_name = EncryptedTextField(_("name or pseudonym"), blank=True)
    contact = EncryptedTextField(_("how to reach them"), blank=True)
    next_steps = EncryptedTextField(_("next steps"), blank=True)
    neighbourhood = models.ForeignKey(
        "directory.Neighbourhood",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_first_contact = models.BooleanField(_("first contact"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("advice case")
        verbose_name_plural = _("advice cases")

    def __str__(self):
        return _("Case %(number)s") % {"number": self.pk}


class CaseNote(models.Model):
    case = models.ForeignKey(AdviceCase, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    contact_on = models.DateField(_("date"), default=timezone.localdate)
    text = EncryptedTextField(_("note"))
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-contact_on", "-written_at"]
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")

    def __str__(self):
        return f"{self.case} · {self.contact_on}"


class CaseDocument(models.Model):
    """The file's bytes are encrypted before they are stored (core.crypto)."""

    case = models.ForeignKey(AdviceCase, on_delete=models.CASCADE, related_name="documents")
    title = EncryptedTextField(_("title"))
    file = models.FileField(upload_to="advice/", storage=private_storage)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")

    def __str__(self):
        return f"{self.case} · {self.pk}"


class AppointmentSchedule(models.Model):
    """Bookable appointments at a place, cut from its office hours (directory): each
    office-hour window is divided into appointments of `length` with `buffer` between."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="appointment_schedules"
    )
    place = models.ForeignKey(
        "directory.Place",
        on_delete=models.CASCADE,
        related_name="appointment_schedules",
        verbose_name=_("place"),
    )
    title = models.CharField(_("name"), max_length=150)
    length_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("buffer between appointments (minutes)"),
        default=0,
        validators=[MaxValueValidator(120)],
    )
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="appointment_schedules", verbose_name=_("advisers")
    )
    topics = models.ManyToManyField(
        AdviceTopic, related_name="appointment_schedules", verbose_name=_("topics")
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("bookable how far ahead (days)"),
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
    )
    notice_hours = models.PositiveSmallIntegerField(
        _("earliest booking before the appointment (hours)"),
        default=2,
        validators=[MaxValueValidator(168)],
    )
    is_active = models.BooleanField(_("bookable"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("appointment schedule")
        verbose_name_plural = _("appointment schedules")

    def __str__(self):
        return self.title


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no_show", _("Did not come")
    ATTENDED = "attended", _("Attended")


class Appointment(models.Model):
    schedule = models.ForeignKey(
        AppointmentSchedule, on_delete=models.PROTECT, related_name="appointments"
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advice_appointments"
    )
    topic = models.ForeignKey(
        AdviceTopic, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("topic")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    name = EncryptedTextField(_("name or pseudonym"))
    email = EncryptedTextField(_("e-mail address"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.BOOKED,
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("An adviser booking on a resident's behalf."),
    )
    concern = models.ForeignKey(
        Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="appointments"
    )
    consent_text = models.TextField()
    consent_at = models.DateTimeField()
    # Part of the signed link: changes when the appointment is moved, so an old link is void.
    link_version = models.PositiveIntegerField(default=1)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            # The last line of defence against double booking: one booked appointment
            # per adviser and start, enforced by the database.
            models.UniqueConstraint(
                fields=["adviser", "starts_at"],
                condition=Q(status="booked"),
                name="one_booking_per_adviser_and_start",
            )
        ]

    def __str__(self):
        return f"{self.schedule} · {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"


class BlockedTime(models.Model):
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocked_times"
    )
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("blocked time")
        verbose_name_plural = _("blocked times")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="blocked_time_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.adviser} · {self.starts_at:%d.%m.%Y}"


class ReferralOutcome(models.TextChoices):
    PENDING = "pending", _("Not asked yet")
    APPOINTMENT_MADE = "appointment_made", _("Appointment made")
    SOLVED = "solved", _("Problem solved")
    NOT_REACHED = "not_reached", _("Service not reached")


class Referral(models.Model):
    """A case referred to a counselling service from the directory. Only the fact of the
    referral is kept; no case note leaves the organisation."""

    case = models.ForeignKey(AdviceCase, on_delete=models.CASCADE, related_name="referrals")
    service_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("counselling service"),
    )
    topic = models.ForeignKey(
        AdviceTopic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent_text = models.TextField()
    consent_at = models.DateTimeField()
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    referred_at = models.DateTimeField(default=timezone.now)
    ask_on = models.DateField(_("ask whether it helped on"))
    reminded_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        _("did it help?"),
        max_length=20,
        choices=ReferralOutcome.choices,
        default=ReferralOutcome.PENDING,
    )
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-referred_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self):
        return f"{self.case} → {self.service_organisation}"


class ModerationCase(models.Model):
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="moderation_cases"
    )
    concern = models.ForeignKey(
        Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="moderations"
    )
    mediators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="moderation_cases", verbose_name=_("mediators")
    )
    subject = EncryptedTextField(_("what the conflict is about"))
    neighbourhood = models.ForeignKey(
        "directory.Neighbourhood",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("conflict moderation")
        verbose_name_plural = _("conflict moderations")

    def __str__(self):
        return _("Moderation %(number)s") % {"number": self.pk}


class ModerationParty(models.Model):
    """A household taking part."""

    moderation = models.ForeignKey(ModerationCase, on_delete=models.CASCADE, related_name="parties")
    label = EncryptedTextField(_("household"))
    contact = EncryptedTextField(_("how to reach them"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return f"{self.moderation} · {self.pk}"


class ModerationSession(models.Model):
    moderation = models.ForeignKey(
        ModerationCase, on_delete=models.CASCADE, related_name="sessions"
    )
    held_on = models.DateField(_("date"))
    notes = EncryptedTextField(_("notes"), blank=True)

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.moderation} · {self.held_on}"


class ModerationAgreement(models.Model):
    moderation = models.ForeignKey(
        ModerationCase, on_delete=models.CASCADE, related_name="agreements"
    )
    text = EncryptedTextField(_("agreement"))
    reached_on = models.DateField(_("reached on"))
    review_on = models.DateField(_("review on"), null=True, blank=True)

    class Meta:
        ordering = ["reached_on", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return f"{self.moderation} · {self.reached_on}"


class AuditAction(models.TextChoices):
    READ = "read", _("Read")
    CREATE = "create", _("Created")
    CHANGE = "change", _("Changed")
    DELETE = "delete", _("Deleted")
    DOWNLOAD = "download", _("Downloaded")
    ANONYMISE = "anonymise", _("Anonymised")


class AuditEntry(models.Model):
    """Who read or changed which confidential record, and when. Append-only; the
    organisation's advice lead reads it."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="advice_audit"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    record_type = models.CharField(max_length=40)
    record_id = models.PositiveIntegerField()
    detail = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["organisation", "-at"]),
            # Covers the audit log's choices of record types and people.
            models.Index(
                fields=["organisation", "record_type", "user"], name="audit_org_type_user_idx"
            ),
        ]

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.action} {self.record_type} {self.record_id}"
