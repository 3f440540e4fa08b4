from django.urls import path

from . import views_volunteer as views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("vorschlaege/", views.matches, name="matches"),
    path("suchauftrag/", views.saved_search_create, name="saved_search_create"),
    path(
        "suchauftrag/<str:token>/bestaetigen/",
        views.saved_search_confirm,
        name="saved_search_confirm",
    ),
    path(
        "suchauftrag/<str:token>/abmelden/",
        views.saved_search_unsubscribe,
        name="saved_search_unsubscribe",
    ),
    path(
        "angebot/<slug:slug>/passende-engagierte/",
        views.suggested_volunteers,
        name="suggested_volunteers",
    ),
    path(
        "angebot/<slug:slug>/passende-engagierte/vorschlagen/",
        views.suggest,
        name="suggest",
    ),
]
