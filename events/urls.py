"""The events module's pages under /veranstaltungen/. Each area keeps its own routes;
all share the "events" namespace."""

from django.urls import include, path

app_name = "events"

urlpatterns = [
    path("verwalten/", include("events.urls_manage")),
    path("verwalten/", include("events.urls_attendance")),
    path("netzwerke/", include("events.urls_network")),
    path("", include("events.urls_registration")),
    path("", include("events.urls_calendar")),
]
