from django.urls import path

from . import feeds, views_calendar

urlpatterns = [
    path("", views_calendar.calendar, name="calendar"),
    path("monat/<int:year>-<int:month>/", views_calendar.month, name="month"),
    path("feed.atom", feeds.NewEventsFeed(), name="atom_feed"),
    path(
        "feeds/organisation/<slug:slug>.ics",
        views_calendar.organisation_ical,
        name="organisation_ical",
    ),
    path("feeds/netzwerk/<slug:slug>.ics", views_calendar.network_ical, name="network_ical"),
    path(
        "feeds/gemeinde/<slug:slug>.ics",
        views_calendar.municipality_ical,
        name="municipality_ical",
    ),
    path("feeds/thema/<slug:slug>.ics", views_calendar.topic_ical, name="topic_ical"),
    path("<slug:slug>.ics", views_calendar.event_ical, name="event_ical"),
    path("<slug:slug>/", views_calendar.event_detail, name="detail"),
    path("<slug:slug>/<int:occurrence>/", views_calendar.occurrence_detail, name="occurrence"),
]
