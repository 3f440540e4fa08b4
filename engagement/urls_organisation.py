from django.urls import path, re_path

from . import views_organisation as views

urlpatterns = [
    path("<slug:org_slug>/", views.org_dashboard, name="org_dashboard"),
    path("<slug:org_slug>/neu/", views.opportunity_create, name="opportunity_create"),
    path("<slug:org_slug>/import/", views.opportunity_import, name="opportunity_import"),
    re_path(
        r"^(?P<org_slug>[-\w]+)/export\.(?P<format>csv|json)$",
        views.opportunity_export,
        name="opportunity_export",
    ),
    path(
        "<slug:org_slug>/<slug:slug>/bearbeiten/",
        views.opportunity_edit,
        name="opportunity_edit",
    ),
    path(
        "<slug:org_slug>/<slug:slug>/status/",
        views.opportunity_status,
        name="opportunity_status",
    ),
    path(
        "<slug:org_slug>/<slug:slug>/bestaetigen/",
        views.opportunity_confirm,
        name="opportunity_confirm",
    ),
]
