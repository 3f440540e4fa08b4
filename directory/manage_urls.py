from django.urls import path

from . import manage_views

app_name = "manage"

urlpatterns = [
    path("vorschlagen/", manage_views.organisation_propose, name="propose"),
]
