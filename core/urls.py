from django.urls import path

from . import views
from .models import SitePageKind

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("impressum/", views.site_page, {"kind": SitePageKind.IMPRINT}, name="imprint"),
    path("datenschutz/", views.site_page, {"kind": SitePageKind.PRIVACY}, name="privacy"),
    path(
        "barrierefreiheit/",
        views.site_page,
        {"kind": SitePageKind.ACCESSIBILITY},
        name="accessibility",
    ),
]
