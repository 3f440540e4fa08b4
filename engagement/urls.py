"""The engagement module's pages. Each area keeps its own list of routes in a module of
its own; all share the "engagement" namespace."""

from django.urls import include, path

app_name = "engagement"

urlpatterns = [
    path("mitmachen/", include("engagement.urls_search")),
    path("nachbarschaftshilfe/", include("engagement.urls_help")),
    path("engagiert/", include("engagement.urls_volunteer")),
    path("koordination/", include("engagement.urls_coordination")),
    path("angebote/", include("engagement.urls_organisation")),
    path("nachweis/", include("engagement.urls_certificates")),
]
