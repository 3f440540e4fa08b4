from django.urls import path

from . import views_intake as views

urlpatterns = [
    path("", views.index, name="index"),
    path("anliegen/", views.concern_new, name="concern_new"),
    path("anliegen/danke/", views.concern_thanks, name="concern_thanks"),
    path("anliegen/erfassen/", views.concern_record, name="concern_record"),
    path("anliegen/eingang/", views.triage, name="triage"),
    path("anliegen/<int:pk>/", views.concern_detail, name="concern_detail"),
    path("anliegen/<int:pk>/ergebnis/", views.concern_outcome_add, name="concern_outcome_add"),
]
