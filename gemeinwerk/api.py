"""The platform's REST API under /api/v1/ (django-ninja). Each app contributes a router.

The OpenAPI schema is at /api/v1/openapi.json, the interactive documentation at
/api/v1/docs. "ninja" is in INSTALLED_APPS so that the documentation uses the Swagger
files bundled with django-ninja (served by WhiteNoise) instead of a CDN."""

from ninja import NinjaAPI

from advice.api import router as advice_router

api = NinjaAPI(title="Gemeinwerk API", version="1", urls_namespace="api")
api.add_router("/beratung/", advice_router)
