"""Only catalogues and the advice team are in the admin. Concerns, cases, notes,
appointments, referrals and moderations are not registered on purpose: platform staff
must not read confidential data."""

from django.contrib import admin

from .models import AdviceRole, AdviceTopic


@admin.register(AdviceTopic)
class AdviceTopicAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AdviceRole)
class AdviceRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "granted_at"]
    list_filter = ["role"]
    raw_id_fields = ["user", "organisation"]
