from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from .api import api

urlpatterns = [
    path("", include("core.urls")),
    path("verzeichnis/", include("directory.urls")),
    path("verwalten/", include("directory.manage_urls")),
    path("", include("engagement.urls")),
    path("veranstaltungen/", include("events.urls")),
    path("beratung/", include("advice.urls")),
    path("konto/", include("accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # Uploaded logos; a production web server may serve MEDIA_ROOT itself instead.
    path(
        f"{settings.MEDIA_URL.strip('/')}/<path:path>",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
]
