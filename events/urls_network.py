"""A network's working meetings, under /veranstaltungen/netzwerke/."""

from django.urls import path

from . import views_network

urlpatterns = [
    path("", views_network.series_list, name="series_list"),
    path("<slug:network>/reihen/<int:pk>/", views_network.series_detail, name="series_detail"),
    path(
        "<slug:network>/reihen/<int:pk>/treffen-planen/",
        views_network.series_meeting_create,
        name="series_meeting_create",
    ),
    path(
        "<slug:network>/reihen/<int:pk>/teilnahme/",
        views_network.series_attendance,
        name="series_attendance",
    ),
    path(
        "<slug:network>/aufgaben/",
        views_network.network_action_items,
        name="network_action_items",
    ),
    path(
        "treffen/<int:occurrence>/protokoll/",
        views_network.meeting_minutes,
        name="meeting_minutes",
    ),
    path(
        "aufgaben/<int:pk>/erledigt/",
        views_network.action_item_complete,
        name="action_item_complete",
    ),
    path(
        "aufgaben/<int:pk>/wieder-offen/",
        views_network.action_item_reopen,
        name="action_item_reopen",
    ),
]
