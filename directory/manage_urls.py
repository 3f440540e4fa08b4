from django.urls import path

from . import manage_views as views

app_name = "manage"

# Fixed first segments come before "<slug>/"; services.RESERVED_SLUGS keeps them free.
urlpatterns = [
    path("vorschlagen/", views.organisation_propose, name="propose"),
    path("anfragen/", views.request_list, name="requests"),
    path("anfragen/<int:pk>/annehmen/", views.request_approve, name="request_approve"),
    path("anfragen/<int:pk>/ablehnen/", views.request_reject, name="request_reject"),
    path("einladung/<str:token>/", views.invitation_accept, name="invitation"),
    path("netzwerke/<slug:slug>/", views.network_manage, name="network"),
    path(
        "netzwerke/<slug:slug>/mitglieder/<int:pk>/bestaetigen/",
        views.network_membership_approve,
        name="membership_approve",
    ),
    path(
        "netzwerke/<slug:slug>/mitglieder/<int:pk>/beenden/",
        views.network_membership_end,
        name="membership_end",
    ),
    path("<slug:slug>/", views.organisation_overview, name="organisation"),
    path("<slug:slug>/beanspruchen/", views.organisation_claim, name="claim"),
    path("<slug:slug>/profil/", views.organisation_profile, name="profile"),
    path("<slug:slug>/orte/", views.place_list, name="places"),
    path("<slug:slug>/orte/neu/", views.place_create, name="place_create"),
    path("<slug:slug>/orte/<int:pk>/", views.place_update, name="place_update"),
    path("<slug:slug>/orte/<int:pk>/loeschen/", views.place_delete, name="place_delete"),
    path("<slug:slug>/orte/<int:pk>/sprechzeiten/", views.office_hours_edit, name="office_hours"),
    path(
        "<slug:slug>/orte/<int:pk>/sprechzeiten/zeile/",
        views.office_hour_row,
        name="office_hour_row",
    ),
    path("<slug:slug>/kontakte/", views.contact_list, name="contacts"),
    path("<slug:slug>/kontakte/neu/", views.contact_create, name="contact_create"),
    path("<slug:slug>/kontakte/<int:pk>/", views.contact_update, name="contact_update"),
    path("<slug:slug>/kontakte/<int:pk>/loeschen/", views.contact_delete, name="contact_delete"),
    path("<slug:slug>/team/", views.team, name="team"),
    path("<slug:slug>/team/<int:pk>/rolle/", views.team_role_change, name="role_change"),
    path("<slug:slug>/team/<int:pk>/entfernen/", views.team_member_remove, name="member_remove"),
    path(
        "<slug:slug>/einladungen/<int:pk>/zurueckziehen/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]
