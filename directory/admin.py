"""The Django admin for platform staff. Organisations manage themselves under /verwalten/;
this is for corrections, catalogues (topics, services, places of the region) and support."""

from django.contrib import admin

from . import models


@admin.register(models.FederalState)
class FederalStateAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(models.District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "state"]
    list_filter = ["state"]
    search_fields = ["name"]


class NeighbourhoodInline(admin.TabularInline):
    model = models.Neighbourhood
    extra = 0


@admin.register(models.Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "district"]
    list_filter = ["district__state", "district"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NeighbourhoodInline]


@admin.register(models.Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name", "municipality__name"]


@admin.register(models.Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Funder)
class FunderAdmin(admin.ModelAdmin):
    list_display = ["name", "website"]
    search_fields = ["name"]


class PlaceInline(admin.StackedInline):
    model = models.Place
    extra = 0
    show_change_link = True
    fields = ["name", "street", "postcode", "city", "municipality", "latitude", "longitude"]
    autocomplete_fields = ["municipality"]


class ContactPersonInline(admin.TabularInline):
    model = models.ContactPerson
    extra = 0
    fields = ["name", "role", "email", "phone", "public_consent", "consent_recorded_at"]
    readonly_fields = ["consent_recorded_at"]


class OrganisationRoleInline(admin.TabularInline):
    model = models.OrganisationRole
    extra = 0
    autocomplete_fields = ["user"]


class NetworkMembershipInline(admin.TabularInline):
    model = models.NetworkMembership
    extra = 0
    autocomplete_fields = ["network", "organisation"]


@admin.register(models.Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "status", "updated_at"]
    list_filter = ["status", "kind", "municipality__district", "topics"]
    search_fields = ["name", "slug", "summary", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality", "parent"]
    filter_horizontal = ["topics", "services", "funders"]
    date_hierarchy = "created_at"
    inlines = [PlaceInline, ContactPersonInline, OrganisationRoleInline, NetworkMembershipInline]


class OfficeHourRuleInline(admin.TabularInline):
    model = models.OfficeHourRule
    extra = 0


class ClosureInline(admin.TabularInline):
    model = models.Closure
    extra = 0


class ExtraOpeningInline(admin.TabularInline):
    model = models.ExtraOpening
    extra = 0


@admin.register(models.Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "postcode", "city", "step_free"]
    list_filter = ["step_free", "accessible_toilet", "by_appointment", "municipality"]
    search_fields = ["name", "organisation__name", "street", "postcode", "city"]
    autocomplete_fields = ["organisation", "municipality", "neighbourhood"]
    inlines = [OfficeHourRuleInline, ClosureInline, ExtraOpeningInline]


@admin.register(models.OfficeHourRule)
class OfficeHourRuleAdmin(admin.ModelAdmin):
    list_display = ["place", "weekday", "opens", "closes", "note"]
    list_filter = ["weekday"]
    search_fields = ["place__name", "place__organisation__name"]
    autocomplete_fields = ["place"]


@admin.register(models.Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["place", "starts_on", "ends_on", "reason"]
    search_fields = ["place__name", "reason"]
    autocomplete_fields = ["place"]


@admin.register(models.ExtraOpening)
class ExtraOpeningAdmin(admin.ModelAdmin):
    list_display = ["place", "date", "opens", "closes"]
    search_fields = ["place__name", "note"]
    autocomplete_fields = ["place"]


@admin.register(models.ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "role", "public_consent", "consent_recorded_at"]
    list_filter = ["public_consent"]
    search_fields = ["name", "email", "organisation__name"]
    autocomplete_fields = ["organisation", "place"]
    readonly_fields = ["consent_recorded_at"]


class NetworkRoleInline(admin.TabularInline):
    model = models.NetworkRole
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(models.Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "coordinating_organisation"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["coordinating_organisation"]
    inlines = [NetworkMembershipInline, NetworkRoleInline]


@admin.register(models.NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "network", "status", "since"]
    list_filter = ["status", "network"]
    search_fields = ["organisation__name", "network__name"]
    autocomplete_fields = ["network", "organisation"]


@admin.register(models.OrganisationRole)
class OrganisationRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__display_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(models.NetworkRole)
class NetworkRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "granted_at"]
    list_filter = ["network"]
    search_fields = ["user__email", "user__display_name", "network__name"]
    autocomplete_fields = ["user", "network"]


@admin.register(models.OrganisationRequest)
class OrganisationRequestAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "requested_by", "network", "status", "created_at"]
    list_filter = ["status", "kind", "network"]
    search_fields = ["organisation__name", "requested_by__email", "message"]
    autocomplete_fields = ["organisation", "requested_by", "network", "decided_by"]
    readonly_fields = ["created_at", "decided_at"]


@admin.register(models.Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["token", "invited_by", "created_at", "accepted_at", "accepted_by"]
