from django.urls import path

from . import views_team

urlpatterns = [
    path("", views_team.my_teams, name="my_teams"),
    path("<slug:slug>/", views_team.team, name="team"),
    path("<slug:slug>/<int:pk>/rolle/", views_team.team_role_change, name="team_role_change"),
    path("<slug:slug>/<int:pk>/entfernen/", views_team.team_role_revoke, name="team_role_revoke"),
]
