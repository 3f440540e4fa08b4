from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .models import SitePage, SitePageKind


def home(request):
    return render(request, "core/home.html")


def site_page(request, kind):
    page = SitePage.objects.filter(kind=kind).first()
    return render(
        request,
        "core/site_page.html",
        {
            "page": page,
            "fallback_title": SitePageKind(kind).label,
            "missing_text": _("The operator of this platform has not yet provided this text."),
        },
    )


@never_cache
def health(request):
    """For load balancers and monitoring: is the database reachable?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
