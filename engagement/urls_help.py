from django.urls import path

from . import views_help as views

urlpatterns = [
    path("", views.help_request_list, name="help_requests"),
    path("neu/", views.help_request_create, name="help_request_create"),
    path("<int:pk>/", views.help_request_detail, name="help_request"),
    path("<int:pk>/helfen/", views.help_offer, name="help_offer"),
]
