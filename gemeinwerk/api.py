"""The platform's REST API under /api/v1/ (django-ninja). Each app contributes a router.

The OpenAPI schema is at /api/v1/openapi.json, the interactive documentation at
/api/v1/docs. "ninja" is in INSTALLED_APPS so that the documentation uses the Swagger
files bundled with django-ninja (served by WhiteNoise) instead of a CDN."""

from django.http import HttpResponse
from django.template import engines
from ninja import NinjaAPI, Swagger

from advice.api import router as advice_router

# django-ninja's page, plus what it lacks for WCAG 2.1 AA: the page's language, and darker
# colours where Swagger UI's own fall below a contrast of 4.5:1.
SWAGGER_PAGE = engines["django"].from_string(
    """{% load static %}<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ api.title }}</title>
  <link rel="stylesheet" href="{% static 'ninja/swagger-ui.css' %}">
  {% include "ninja/favicons.html" %}
  <style>
    .swagger-ui .info .title small.version-stamp { background-color: #3d6b00; }
    .swagger-ui .info .url, .swagger-ui .info a { color: #1b5fab; }
    .swagger-ui .btn.authorize { color: #18744a; border-color: #18744a; }
    .swagger-ui .btn.authorize svg { fill: #18744a; }
    .swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1f66b3; }
    .swagger-ui .opblock.opblock-post .opblock-summary-method { background: #18744a; }
    .swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b00; }
    .swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0f6e5a; }
    .swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b3261e; }
    .swagger-ui .json-schema-2020-12-expand-deep-button { color: #555555; }
  </style>
</head>
<body>
  {{ swagger_settings|json_script:"swagger-settings" }}
  <div id="swagger-ui"></div>
  <script src="{% static 'ninja/swagger-ui-bundle.js' %}"></script>
  <script src="{% static 'ninja/swagger-ui-init.js' %}"></script>
</body>
</html>"""
)


class AccessibleSwagger(Swagger):
    """django-ninja's Swagger page (Swagger.render_page) drawn from SWAGGER_PAGE. The API
    is read-only and signs in by session, so "try it out" needs no CSRF token."""

    def render_page(self, request, api, **kwargs):
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": self.settings, "api": api}
        return HttpResponse(SWAGGER_PAGE.render(context, request))


api = NinjaAPI(
    title="Gemeinwerk API",
    version="1",
    urls_namespace="api",
    docs=AccessibleSwagger(
        settings={
            # No validator badge: it sends the schema's address to validator.swagger.io.
            "validatorUrl": None,
            # Deep links put a link inside each operation's button (nested controls).
            "deepLinking": False,
        }
    ),
)
api.add_router("/beratung/", advice_router)
