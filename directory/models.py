from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.text import search_normalise

from .validators import validate_logo


class FederalState(models.Model):
    code = models.CharField(_("code"), max_length=2, unique=True, help_text=_("e.g. SN"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("federal state")
        verbose_name_plural = _("federal states")

    def __str__(self):
        return self.name


class District(models.Model):
    """A county (Landkreis) or a county-free city."""

    name = models.CharField(_("name"), max_length=150)
    state = models.ForeignKey(
        FederalState, on_delete=models.PROTECT, related_name="districts", verbose_name=_("state")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["state", "name"], name="district_unique_per_state")
        ]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("district"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class Neighbourhood(models.Model):
    name = models.CharField(_("name"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="neighbourhoods",
        verbose_name=_("municipality"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="neighbourhood_unique_per_municipality"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.municipality.name})"


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=110, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Service(models.Model):
    """An entry of the editable catalogue of services organisations offer."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name


class Funder(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    def __str__(self):
        return self.name


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    INITIATIVE = "initiative", _("Initiative")
    MUNICIPALITY = "municipality", _("Municipality")
    PARISH = "parish", _("Parish")
    EDUCATION = "education", _("Educational institution")
    WELFARE = "welfare", _("Welfare association")
    NEIGHBOURHOOD_CENTRE = "neighbourhood_centre", _("Neighbourhood centre")
    VOLUNTEER_AGENCY = "volunteer_agency", _("Volunteer agency")
    COMPETENCE_CENTRE = "competence_centre", _("Competence centre")
    NEIGHBOURHOOD_MANAGEMENT = "neighbourhood_management", _("Neighbourhood management")
    CONSULTANCY = "consultancy", _("Consultancy")
    OTHER = "other", _("Other")


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class OrganisationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=OrganisationStatus.PUBLISHED)

    def matching(self, text: str):
        """Every word of `text` must occur in the organisation's search text."""
        queryset = self
        for word in search_normalise(text).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=210, unique=True)
    kind = models.CharField(
        _("kind"), max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    summary = models.CharField(
        _("short description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in lists."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True, validators=[validate_logo])
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="organisations", verbose_name=_("topics")
    )
    services = models.ManyToManyField(
        Service, blank=True, related_name="organisations", verbose_name=_("services")
    )
    funders = models.ManyToManyField(
        Funder, blank=True, related_name="organisations", verbose_name=_("funders")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("provider"),
        help_text=_("The organisation that runs this one, if any (Träger)."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.PENDING,
    )
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["status", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:organisation", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == OrganisationStatus.PUBLISHED


class PlaceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(organisation__status=OrganisationStatus.PUBLISHED)


class Place(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="places",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5)
    city = models.CharField(_("town"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="places",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        related_name="places",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
    )
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessible_parking = models.BooleanField(_("disabled parking"), default=False)
    accessibility_notes = models.TextField(_("further notes on accessibility"), blank=True)
    by_appointment = models.BooleanField(_("further dates by appointment"), default=False)
    office_hours_note = models.CharField(_("note on office hours"), max_length=300, blank=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:place", kwargs={"pk": self.pk})

    @property
    def address_line(self):
        parts = [self.street, f"{self.postcode} {self.city}".strip()]
        return ", ".join(part for part in parts if part)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OfficeHourRule(models.Model):
    """A weekly opening slot of a place; a day may have several."""

    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, related_name="office_hours", verbose_name=_("place")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("office hours")
        verbose_name_plural = _("office hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="office_hours_close_after_open"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Office hours must end after they start.")})


class Closure(models.Model):
    """Days on which a place stays closed (holidays of its own, renovation, …)."""

    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, related_name="closures", verbose_name=_("place")
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="closure_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.starts_on}–{self.ends_on}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})


class ExtraOpening(models.Model):
    """A single additional date on which a place is open."""

    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, related_name="extra_openings", verbose_name=_("place")
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "opens"]
        verbose_name = _("extra date")
        verbose_name_plural = _("extra dates")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="extra_opening_close_after_open"
            )
        ]

    def __str__(self):
        return f"{self.date} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Office hours must end after they start.")})


class ContactPersonQuerySet(models.QuerySet):
    def public(self):
        """Contacts who agreed to be shown, of published organisations."""
        return self.filter(public_consent=True, organisation__status=OrganisationStatus.PUBLISHED)


class ContactPerson(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("place"),
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    public_consent = models.BooleanField(
        _("may be shown publicly"),
        default=False,
        help_text=_("Only tick this if the person has agreed to be listed publicly."),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name


class Network(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=210, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    coordinating_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_networks",
        verbose_name=_("coordinating organisation"),
    )
    members = models.ManyToManyField(
        Organisation,
        through="NetworkMembership",
        related_name="networks",
        verbose_name=_("members"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:network", kwargs={"slug": self.slug})


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class NetworkMembership(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.REQUESTED,
    )
    since = models.DateField(_("member since"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"], name="membership_unique_per_network"
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.network}"


class OrganisationRoleKind(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    EDITOR = "editor", _("Editor")
    COORDINATOR = "coordinator", _("Coordinator")


class OrganisationRole(models.Model):
    """What a person may do for one organisation. A person may hold roles in several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_roles",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="roles", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=16, choices=OrganisationRoleKind.choices)
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("organisation role")
        verbose_name_plural = _("organisation roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_role_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class NetworkRole(models.Model):
    """A network administrator manages the members of one network."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_roles",
        verbose_name=_("person"),
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="roles", verbose_name=_("network")
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("network administrator")
        verbose_name_plural = _("network administrators")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="one_role_per_network")
        ]

    def __str__(self):
        return f"{self.user} – {self.network}"


class RequestKind(models.TextChoices):
    PROPOSAL = "proposal", _("New organisation")
    CLAIM = "claim", _("Claim of a listed organisation")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class OrganisationRequest(models.Model):
    """A signed-in person proposes a new organisation or claims a listed one.

    Platform staff, or an admin of the network named in the request, decide; on approval
    the organisation is published and the requester becomes its admin.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=RequestKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="requests",
        verbose_name=_("organisation"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_requests",
        verbose_name=_("requested by"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisation_requests",
        verbose_name=_("network to join"),
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("organisation request")
        verbose_name_plural = _("organisation requests")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "requested_by"],
                condition=Q(status="pending"),
                name="one_pending_request_per_person",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.organisation}"


class Invitation(models.Model):
    """An invitation, sent by e-mail, to join an organisation with a role."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=OrganisationRoleKind.choices)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"
