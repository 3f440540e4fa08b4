"""The engagement database: opportunities, volunteers, help requests, placements and the
record of what volunteers did. Personal data lives only in VolunteerProfile, in the
contact fields of Placement (for people without an account) and of HelpRequest; who may
read it is decided in engagement/selectors.py and engagement/rules.py."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Municipality, Organisation, OrganisationStatus, Place

# A published opportunity its organisation has not confirmed for this long is hidden.
CONFIRMATION_DAYS = 90


class CatalogueEntry(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=110, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Field(CatalogueEntry):
    """Einsatzbereich: children & youth, seniors, environment, …"""

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("field")
        verbose_name_plural = _("fields")


class Activity(CatalogueEntry):
    """Tätigkeit: accompanying, tutoring, driving, gardening, …"""

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")


class TargetGroup(CatalogueEntry):
    class Meta(CatalogueEntry.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("ISO 639-1"))
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name


class Regularity(models.TextChoices):
    ONE_OFF = "one_off", _("One-off")
    REGULAR = "regular", _("Regular")


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    PAUSED = "paused", _("Paused")
    FILLED = "filled", _("Filled")
    ARCHIVED = "archived", _("Archived")


class OpportunityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            status=OpportunityStatus.PUBLISHED,
            organisation__status=OrganisationStatus.PUBLISHED,
        )

    def confirmed_recently(self, now=None):
        cutoff = (now or timezone.now()) - timedelta(days=CONFIRMATION_DAYS)
        return self.filter(confirmed_at__gte=cutoff)

    def public(self, now=None):
        """What residents see: published, of a published organisation, confirmed within
        the last 90 days, and not ended."""
        today = timezone.localdate(now) if now else timezone.localdate()
        return (
            self.published()
            .confirmed_recently(now)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        )

    def with_free_places(self):
        return self.filter(placed_count__lt=F("volunteers_wanted"))


class Opportunity(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"))
    plain_language_summary = models.TextField(
        _("summary in plain language (Leichte Sprache)"), blank=True
    )
    place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("place"),
    )
    is_remote = models.BooleanField(_("remote (from home)"), default=False)
    # Copied from the place when saved, so search by distance needs no join.
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("municipality"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    fields = models.ManyToManyField(Field, related_name="opportunities", verbose_name=_("fields"))
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="opportunities", verbose_name=_("activities")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="opportunities", verbose_name=_("target groups")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="opportunities", verbose_name=_("languages")
    )
    regularity = models.CharField(
        _("one-off or regular"),
        max_length=10,
        choices=Regularity.choices,
        default=Regularity.REGULAR,
    )
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    time_slots = models.PositiveIntegerField(
        _("weekdays and times of day"),
        default=0,
        help_text=_("Weekday × time-of-day grid, see engagement/availability.py."),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    volunteers_wanted = models.PositiveSmallIntegerField(
        _("number of volunteers wanted"), default=1, validators=[MinValueValidator(1)]
    )
    placed_count = models.PositiveSmallIntegerField(_("volunteers placed"), default=0)
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )

    suitable_for_young_people = models.BooleanField(_("suitable for young people"), default=False)
    suitable_for_seniors = models.BooleanField(_("suitable for seniors"), default=False)
    suitable_for_families = models.BooleanField(_("suitable for families"), default=False)
    little_german_needed = models.BooleanField(_("little German needed"), default=False)
    step_free = models.BooleanField(_("step-free"), default=False)

    requires_police_certificate = models.BooleanField(
        _("extended police certificate required"), default=False
    )
    other_requirements = models.TextField(_("other requirements"), blank=True)

    offers_insurance = models.BooleanField(_("insurance"), default=False)
    offers_expenses = models.BooleanField(_("reimbursement of expenses"), default=False)
    offers_training = models.BooleanField(_("training"), default=False)
    offers_certificate = models.BooleanField(_("certificate"), default=False)

    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_opportunities",
        verbose_name=_("contact coordinator"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=OpportunityStatus.choices,
        default=OpportunityStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("last confirmed"),
        null=True,
        blank=True,
        help_text=_("When the organisation last confirmed that the offer is still current."),
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    search_document = models.TextField(editable=False, default="")
    # The search document normalised and stemmed, for the text search on SQLite (PostgreSQL
    # uses its german configuration instead); see engagement/search.py.
    search_stems = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        indexes = [
            models.Index(fields=["status", "confirmed_at"]),
            models.Index(fields=["latitude", "longitude"]),
            models.Index(fields=["municipality", "status"]),
            # Matching ranks the newest remote offers; without it PostgreSQL reads all rows.
            models.Index(
                F("published_at").desc(),
                condition=Q(is_remote=True),
                name="opportunity_remote_newest",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="opportunity_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("engagement:opportunity", kwargs={"slug": self.slug})

    @property
    def free_places(self) -> int:
        return max(0, self.volunteers_wanted - self.placed_count)


class TravelDistance(models.IntegerChoices):
    KM_2 = 2, _("2 km")
    KM_5 = 5, _("5 km")
    KM_10 = 10, _("10 km")
    KM_25 = 25, _("25 km")
    KM_50 = 50, _("50 km")


class VolunteerProfile(models.Model):
    """Someone who wants more than a one-time "I'm interested": an account with interests,
    availability and how far they would travel."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    birth_date = models.DateField(
        _("date of birth"),
        null=True,
        blank=True,
        help_text=_("Only needed for people under 18: some offers have a minimum age."),
    )
    parental_consent_recorded_at = models.DateTimeField(
        _("parental consent recorded"), null=True, blank=True
    )
    parental_consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    fields = models.ManyToManyField(
        Field, blank=True, related_name="volunteers", verbose_name=_("fields")
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="volunteers", verbose_name=_("activities")
    )
    skills = models.TextField(_("skills and experience"), blank=True)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="volunteers", verbose_name=_("languages")
    )
    time_slots = models.PositiveIntegerField(_("availability"), default=0)
    postcode = models.CharField(_("postcode"), max_length=5)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    max_distance_km = models.PositiveSmallIntegerField(
        _("how far I would travel"), choices=TravelDistance.choices, default=TravelDistance.KM_10
    )
    allow_suggestions = models.BooleanField(
        _("engagement guides may suggest opportunities to me"), default=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")
        indexes = [
            models.Index(fields=["allow_suggestions", "latitude", "longitude"]),
        ]

    def __str__(self):
        return self.name

    def age_on(self, day) -> int | None:
        if not self.birth_date:
            return None
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))


class QualificationKind(models.TextChoices):
    POLICE_CERTIFICATE = "police_certificate", _("Extended police certificate")
    FIRST_AID = "first_aid", _("First aid course")
    JULEICA = "juleica", _("Youth leader card (Juleica)")
    DRIVING_LICENCE = "driving_licence", _("Driving licence")
    OTHER = "other", _("Other")


# An extended police certificate must be seen again after this many years.
POLICE_CERTIFICATE_VALID_YEARS = 5


class Qualification(models.Model):
    """A document or qualification a coordinator has seen (never a copy of it)."""

    volunteer = models.ForeignKey(
        VolunteerProfile,
        on_delete=models.CASCADE,
        related_name="qualifications",
        verbose_name=_("volunteer"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=QualificationKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    seen_on = models.DateField(_("seen on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["-seen_on"]
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.seen_on})"


class HelpCategory(models.TextChoices):
    SHOPPING = "shopping", _("Shopping")
    LIFT = "lift", _("A lift (e.g. to the doctor)")
    COMPANY = "company", _("Company and conversation")
    FORMS = "forms", _("Help with forms")
    GARDEN = "garden", _("A hand in the garden")
    HOUSEHOLD = "household", _("Small jobs at home")
    TECHNOLOGY = "technology", _("Phone and computer")
    OTHER = "other", _("Something else")


class HelpRequestStatus(models.TextChoices):
    NEW = "new", _("New, not yet checked")
    OPEN = "open", _("Looking for a helper")
    MATCHED = "matched", _("Helper found")
    CLOSED = "closed", _("Closed")


class HelpRequest(models.Model):
    """A resident asks for help. The public sees only category, description, place and
    time; who asked is visible to the coordinating organisation alone."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="help_requests",
        verbose_name=_("coordinating organisation"),
    )
    category = models.CharField(_("what help"), max_length=16, choices=HelpCategory.choices)
    description = models.TextField(
        _("description"), help_text=_("Shown publicly without your name. Do not add contact data.")
    )
    postcode = models.CharField(_("postcode"), max_length=5)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    when = models.CharField(_("when"), max_length=200, blank=True)
    requester_name = models.CharField(_("name"), max_length=150)
    requester_email = models.EmailField(_("e-mail address"), blank=True)
    requester_phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent_recorded_at = models.DateTimeField(_("consent recorded"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=HelpRequestStatus.choices, default=HelpRequestStatus.NEW
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")

    def __str__(self):
        return f"{self.get_category_display()} ({self.postcode})"

    def get_absolute_url(self):
        return reverse("engagement:help_request", kwargs={"pk": self.pk})


class PlacementKind(models.TextChoices):
    INTEREST = "interest", _("Expression of interest")
    HELP_OFFER = "help_offer", _("Offer of help")
    SUGGESTION = "suggestion", _("Suggestion by a guide")


class PlacementStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    FIRST_MEETING = "first_meeting", _("First meeting")
    PLACED = "placed", _("Placed")
    ENDED = "ended", _("Ended")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Which step may follow which; the workflow in engagement/services.py enforces it.
PLACEMENT_TRANSITIONS = {
    PlacementStatus.NEW: {
        PlacementStatus.CONTACTED,
        PlacementStatus.FIRST_MEETING,
        PlacementStatus.PLACED,
        PlacementStatus.DECLINED,
        PlacementStatus.WITHDRAWN,
    },
    PlacementStatus.CONTACTED: {
        PlacementStatus.FIRST_MEETING,
        PlacementStatus.PLACED,
        PlacementStatus.DECLINED,
        PlacementStatus.WITHDRAWN,
    },
    PlacementStatus.FIRST_MEETING: {
        PlacementStatus.PLACED,
        PlacementStatus.DECLINED,
        PlacementStatus.WITHDRAWN,
    },
    PlacementStatus.PLACED: {PlacementStatus.ENDED, PlacementStatus.WITHDRAWN},
    PlacementStatus.ENDED: set(),
    PlacementStatus.DECLINED: set(),
    PlacementStatus.WITHDRAWN: set(),
}
OPEN_PLACEMENT_STATUSES = [
    PlacementStatus.NEW,
    PlacementStatus.CONTACTED,
    PlacementStatus.FIRST_MEETING,
]
# A placement with no step for this long is overdue in the coordinator's queue.
OVERDUE_AFTER_DAYS = 7
FOLLOW_UP_AFTER_DAYS = 42


class PlacementQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_PLACEMENT_STATUSES)

    def overdue(self, now=None):
        cutoff = (now or timezone.now()) - timedelta(days=OVERDUE_AFTER_DAYS)
        return self.open().filter(last_step_at__lt=cutoff)


class Placement(models.Model):
    """Vermittlung: an expression of interest or an offer of help, accompanied from the
    first contact to the end of the engagement."""

    kind = models.CharField(_("kind"), max_length=12, choices=PlacementKind.choices)
    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("opportunity"),
    )
    help_request = models.ForeignKey(
        HelpRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("help request"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="placements",
        verbose_name=_("organisation"),
    )
    volunteer = models.ForeignKey(
        VolunteerProfile,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("volunteer"),
    )
    # For people without an account: only what they gave us to get in touch.
    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), blank=True)
    consent_recorded_at = models.DateTimeField(_("consent recorded"))

    status = models.CharField(
        _("status"), max_length=16, choices=PlacementStatus.choices, default=PlacementStatus.NEW
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_placements",
        verbose_name=_("responsible"),
    )
    last_step_at = models.DateTimeField(_("last step"), default=timezone.now)
    started_on = models.DateField(_("started"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    follow_up_reminded_at = models.DateTimeField(
        _("follow-up reminder sent"), null=True, blank=True
    )
    follow_up_answer = models.TextField(_("how it is going"), blank=True)
    follow_up_recorded_at = models.DateTimeField(_("follow-up recorded"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["last_step_at"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        indexes = [models.Index(fields=["organisation", "status", "last_step_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(opportunity__isnull=False) | Q(help_request__isnull=False),
                name="placement_has_subject",
            ),
            models.CheckConstraint(
                condition=Q(volunteer__isnull=False) | ~Q(contact_email="") | ~Q(contact_phone=""),
                name="placement_can_reach_volunteer",
            ),
        ]

    def __str__(self):
        return f"{self.person_name} → {self.opportunity or self.help_request}"

    def get_absolute_url(self):
        return reverse("engagement:placement", kwargs={"pk": self.pk})

    @property
    def person_name(self) -> str:
        return self.volunteer.name if self.volunteer_id else self.contact_name

    @property
    def next_statuses(self) -> set[str]:
        return PLACEMENT_TRANSITIONS[PlacementStatus(self.status)]


class PlacementStep(models.Model):
    """One dated entry in the history of a placement: a status change or a note."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="steps", verbose_name=_("placement")
    )
    from_status = models.CharField(max_length=16, choices=PlacementStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=PlacementStatus.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("placement step")
        verbose_name_plural = _("placement steps")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class HoursEntry(models.Model):
    """Time a volunteer gave, logged by them or the organisation, confirmed by the
    organisation before it counts on a certificate."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="hours", verbose_name=_("placement")
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(0.25), MaxValueValidator(24)],
    )
    activity = models.CharField(_("activity"), max_length=200)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("hours entry")
        verbose_name_plural = _("hours entries")

    def __str__(self):
        return f"{self.date}: {self.hours} h"


class Certificate(models.Model):
    """Engagementnachweis: what was issued, so anyone can check a printed one by its code."""

    volunteer = models.ForeignKey(
        VolunteerProfile,
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificates",
        verbose_name=_("volunteer"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="certificates"
    )
    volunteer_name = models.CharField(_("name"), max_length=150)
    activities = models.TextField(_("activities"))
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    total_hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("volunteering certificate")
        verbose_name_plural = _("volunteering certificates")

    def __str__(self):
        return f"{self.volunteer_name} – {self.organisation} ({self.code})"

    def get_absolute_url(self):
        return reverse("engagement:certificate_verify", kwargs={"code": self.code})


class SavedSearch(models.Model):
    """A search someone wants to hear about: new matching opportunities by e-mail once a
    day, with a link that unsubscribes in one click."""

    email = models.EmailField(_("e-mail address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="saved_searches",
    )
    query = models.CharField(_("search"), max_length=1000, help_text=_("The query string."))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self):
        return f"{self.email}: {self.query}"
