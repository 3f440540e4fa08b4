from django.urls import path

from . import views_calendar

urlpatterns = [
    path("", views_calendar.calendar, name="calendar"),
]
