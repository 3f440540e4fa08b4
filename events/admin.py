from django.contrib import admin

from .models import (
    ActionItem,
    AgendaItem,
    Event,
    EventDocument,
    EventKind,
    Occurrence,
    Speaker,
    TargetGroup,
    WorkingMeetingSeries,
)


@admin.register(EventKind)
class EventKindAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organisation", "public_consent"]
    search_fields = ["name", "affiliation"]


@admin.register(WorkingMeetingSeries)
class WorkingMeetingSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "meetings_per_year"]


class OccurrenceInline(admin.TabularInline):
    model = Occurrence
    fields = ["starts_at", "ends_at", "is_cancelled"]
    extra = 0


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["starts_at", "ends_at", "title", "speakers", "position"]
    filter_horizontal = ["speakers"]
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    # Registrations hold participants' contact data: organisers see them in their own
    # pages, platform staff do not browse them here.
    list_display = ["title", "kind", "starts_at", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["organisers", "topics", "target_groups"]
    raw_id_fields = ["place", "host", "municipality"]
    inlines = [AgendaItemInline, OccurrenceInline]


@admin.register(EventDocument)
class EventDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "visibility", "uploaded_at"]


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "due_on", "done_at"]
