"""The Django admin of the engagement module, for platform staff: catalogues, corrections
and support. Organisations work in their own pages. Lists never show how to reach a
volunteer or a person asking for help; that stays on the change page of the record."""

from django.contrib import admin

from . import models


class CatalogueAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(models.Field, CatalogueAdmin)
admin.site.register(models.Activity, CatalogueAdmin)
admin.site.register(models.TargetGroup, CatalogueAdmin)


@admin.register(models.Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(models.Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "status",
        "municipality",
        "is_remote",
        "volunteers_wanted",
        "placed_count",
        "confirmed_at",
    ]
    list_filter = ["status", "regularity", "is_remote", "requires_police_certificate", "fields"]
    search_fields = ["title", "slug", "organisation__name", "postcode"]
    date_hierarchy = "published_at"
    list_select_related = ["organisation", "municipality"]
    autocomplete_fields = ["organisation", "place", "coordinator", "municipality"]
    filter_horizontal = ["fields", "activities", "target_groups", "languages"]
    readonly_fields = ["created_at", "updated_at", "reminder_sent_at"]


class QualificationInline(admin.TabularInline):
    model = models.Qualification
    fk_name = "volunteer"
    extra = 0
    fields = ["kind", "description", "seen_on", "valid_until", "organisation", "recorded_by"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["recorded_by"]


@admin.register(models.VolunteerProfile)
class VolunteerProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "max_distance_km", "allow_suggestions", "created_at"]
    list_filter = ["allow_suggestions", "max_distance_km", "fields"]
    search_fields = ["name"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["fields", "activities", "languages"]
    readonly_fields = ["created_at", "updated_at", "parental_consent_recorded_by"]
    inlines = [QualificationInline]


@admin.register(models.Qualification)
class QualificationAdmin(admin.ModelAdmin):
    list_display = ["kind", "seen_on", "valid_until", "organisation"]
    list_filter = ["kind"]
    list_select_related = ["organisation"]
    readonly_fields = ["recorded_by"]
    autocomplete_fields = ["volunteer", "organisation"]


@admin.register(models.HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin):
    list_display = ["category", "postcode", "organisation", "status", "created_at"]
    list_filter = ["status", "category"]
    search_fields = ["description", "postcode", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "municipality"]
    readonly_fields = ["created_at", "created_by", "consent_recorded_at"]


class PlacementStepInline(admin.TabularInline):
    model = models.PlacementStep
    extra = 0
    fields = ["at", "from_status", "to_status", "note", "by"]
    readonly_fields = ["at", "from_status", "to_status", "by"]


@admin.register(models.Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "organisation", "opportunity", "status", "last_step_at"]
    list_filter = ["status", "kind"]
    search_fields = ["organisation__name", "opportunity__title"]
    list_select_related = ["organisation", "opportunity"]
    autocomplete_fields = [
        "opportunity",
        "help_request",
        "organisation",
        "volunteer",
        "responsible",
    ]
    readonly_fields = ["created_at", "consent_recorded_at"]
    inlines = [PlacementStepInline]


@admin.register(models.HoursEntry)
class HoursEntryAdmin(admin.ModelAdmin):
    list_display = ["date", "hours", "activity", "confirmed_at"]
    list_filter = ["date"]
    search_fields = ["activity"]
    readonly_fields = ["created_at", "logged_by", "confirmed_by"]
    raw_id_fields = ["placement"]


@admin.register(models.Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "organisation",
        "period_start",
        "period_end",
        "total_hours",
        "issued_at",
    ]
    list_filter = ["issued_at"]
    search_fields = ["code", "organisation__name"]
    list_select_related = ["organisation"]
    readonly_fields = ["issued_at"]
    autocomplete_fields = ["volunteer", "organisation"]


@admin.register(models.SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["query", "confirmed_at", "last_sent_at", "created_at"]
    list_filter = ["confirmed_at"]
    search_fields = ["query"]
    readonly_fields = ["token", "created_at", "last_sent_at"]
    raw_id_fields = ["user"]
