from django.urls import path

from . import views_moderation as views

urlpatterns = [
    path("", views.moderation_list, name="moderation_list"),
    path("neu/", views.moderation_new, name="moderation_new"),
    path("<int:pk>/", views.moderation_detail, name="moderation_detail"),
    path("<int:pk>/vermittelnde/", views.moderation_mediators, name="moderation_mediators"),
    path("<int:pk>/parteien/", views.moderation_party_add, name="moderation_party_add"),
    path(
        "<int:pk>/parteien/<int:party>/", views.moderation_party_edit, name="moderation_party_edit"
    ),
    path(
        "<int:pk>/parteien/<int:party>/entfernen/",
        views.moderation_party_remove,
        name="moderation_party_remove",
    ),
    path("<int:pk>/sitzungen/", views.moderation_session_add, name="moderation_session_add"),
    path(
        "<int:pk>/vereinbarungen/", views.moderation_agreement_add, name="moderation_agreement_add"
    ),
    path("<int:pk>/wiedervorlage/", views.moderation_follow_up, name="moderation_follow_up"),
    path("<int:pk>/abschliessen/", views.moderation_close, name="moderation_close"),
    path("<int:pk>/wieder-oeffnen/", views.moderation_reopen, name="moderation_reopen"),
]
