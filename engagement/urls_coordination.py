from django.urls import path

from . import views_coordination as views

urlpatterns = [
    path("", views.queue, name="queue"),
    path("vermittlungen/<int:pk>/", views.placement_detail, name="placement"),
    path("vermittlungen/<int:pk>/status/", views.placement_transition, name="placement_transition"),
    path("vermittlungen/<int:pk>/notiz/", views.placement_note, name="placement_note"),
    path(
        "vermittlungen/<int:pk>/verantwortlich/",
        views.placement_assign,
        name="placement_assign",
    ),
    path(
        "vermittlungen/<int:pk>/einverstaendnis/",
        views.placement_parental_consent,
        name="placement_parental_consent",
    ),
    path(
        "vermittlungen/<int:pk>/zurueckziehen/",
        views.placement_withdraw,
        name="placement_withdraw",
    ),
    path("meine-vermittlungen/", views.my_placements, name="my_placements"),
    path("hilfegesuche/<int:pk>/", views.help_request_manage, name="help_request_manage"),
]
