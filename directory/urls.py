from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("netzwerke/", views.network_list, name="networks"),
    path("netzwerke/<slug:slug>/", views.network_detail, name="network"),
    path("orte/<int:pk>/", views.place_detail, name="place"),
    path("kontakte/<int:pk>.vcf", views.contact_vcard_download, name="contact_vcard"),
    path("<slug:slug>/", views.organisation_detail, name="organisation"),
]
