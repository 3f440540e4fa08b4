"""Organisers' pages under /veranstaltungen/verwalten/. Event pages have a word after the
slug, so that single words beside them (the attendance area's pages) stay free."""

from django.urls import path

from . import views_manage as views

urlpatterns = [
    path("", views.manage_list, name="manage_list"),
    path("neu/", views.event_create, name="event_create"),
    path("referierende/", views.speakers, name="speakers"),
    path("referierende/neu/", views.speaker_create, name="speaker_create"),
    path("referierende/<int:pk>/bearbeiten/", views.speaker_edit, name="speaker_edit"),
    path("referierende/<int:pk>/loeschen/", views.speaker_delete, name="speaker_delete"),
    path("<slug:slug>/termine/", views.manage_event, name="manage_event"),
    path("<slug:slug>/bearbeiten/", views.event_edit, name="event_edit"),
    path("<slug:slug>/veroeffentlichen/", views.event_publish, name="event_publish"),
    path("<slug:slug>/absagen/", views.event_cancel, name="event_cancel"),
    path(
        "<slug:slug>/termine/<int:occurrence>/absagen/",
        views.occurrence_cancel,
        name="occurrence_cancel",
    ),
    path("<slug:slug>/programm/", views.agenda, name="agenda"),
    path(
        "<slug:slug>/programm/<int:pk>/bearbeiten/", views.agenda_item_edit, name="agenda_item_edit"
    ),
    path(
        "<slug:slug>/programm/<int:pk>/loeschen/",
        views.agenda_item_delete,
        name="agenda_item_delete",
    ),
]
