from django.urls import path

from . import views_appointments as views

urlpatterns = [
    path("<int:pk>/", views.booking, name="booking"),
    path("<int:pk>/danke/", views.booking_thanks, name="booking_thanks"),
    path("<int:pk>/fuer/", views.booking_on_behalf, name="booking_on_behalf"),
    path("link/<str:token>/", views.booking_manage, name="booking_manage"),
    path("kalender/", views.adviser_calendar, name="adviser_calendar"),
    path("termin/<int:pk>/", views.appointment_detail, name="appointment_detail"),
    path("termin/<int:pk>/markieren/", views.appointment_mark_view, name="appointment_mark"),
    path("termin/<int:pk>/absagen/", views.appointment_cancel_view, name="appointment_cancel"),
    path("sperrzeiten/neu/", views.blocked_time_new, name="blocked_time_new"),
    path(
        "sperrzeiten/<int:pk>/loeschen/",
        views.blocked_time_delete_view,
        name="blocked_time_delete",
    ),
    path("angebote/", views.schedules, name="schedules"),
    path("angebote/neu/<int:organisation>/", views.schedule_new, name="schedule_new"),
    path("angebote/<int:pk>/bearbeiten/", views.schedule_edit, name="schedule_edit"),
]
