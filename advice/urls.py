"""The advice module under /beratung/. Each area keeps its own routes; all share the
"advice" namespace."""

from django.urls import include, path

app_name = "advice"

urlpatterns = [
    path("", include("advice.urls_intake")),
    path("termine/", include("advice.urls_appointments")),
    path("faelle/", include("advice.urls_cases")),
    path("vermittlung/", include("advice.urls_referrals")),
    path("moderation/", include("advice.urls_moderation")),
    path("team/", include("advice.urls_team")),
]
