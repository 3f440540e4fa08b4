from django.urls import path

from . import views_search

urlpatterns = [
    path("", views_search.opportunity_search, name="search"),
    path("<slug:slug>/", views_search.opportunity_detail, name="opportunity"),
    path("<slug:slug>/interesse/", views_search.interest, name="interest"),
    path("<slug:slug>/interesse/danke/", views_search.interest_thanks, name="interest_thanks"),
]
