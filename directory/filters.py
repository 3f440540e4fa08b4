"""The directory's search form (read from the query string) and how it narrows the list of
organisations. Invalid fields get a German error and are left out; the valid ones still apply."""

import math
from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.db.models import Exists, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from core.forms import DEFAULT_RADIUS_KM, DefaultRadiusMixin, PostcodeField, radius_field
from core.geo import Point, postcode_point, squared_distance_expression

from .models import Municipality, OrganisationKind, Place, Service, Topic
from .opening import open_place_ids_among


class DirectoryFilterForm(DefaultRadiusMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("e.g. advice, neighbourhood, forms")}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds"))] + OrganisationKind.choices,
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        required=False,
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("All municipalities"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        required=False,
        queryset=Service.objects.all(),
        to_field_name="slug",
        empty_label=_("All services"),
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    postcode = PostcodeField(
        required=False, help_text=_("Shows organisations near this postcode, nearest first.")
    )
    radius_km = radius_field()

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        return postcode_point(postcode) if postcode else None

    @property
    def has_active_filters(self) -> bool:
        """Whether any filter besides the text search was given, to open the filter panel."""
        filter_names = set(self.fields) - {"q", "radius_km"}
        return any(self.data.get(name) for name in filter_names)


@dataclass(frozen=True)
class DirectoryFilter:
    """The valid part of a DirectoryFilterForm."""

    text: str = ""
    kind: str = ""
    municipality: Municipality | None = None
    topic: Topic | None = None
    service: Service | None = None
    open_now: bool = False
    step_free: bool = False
    centre: Point | None = None
    radius_km: int = DEFAULT_RADIUS_KM

    @classmethod
    def from_form(cls, form: DirectoryFilterForm) -> "DirectoryFilter":
        form.is_valid()
        data = form.cleaned_data
        return cls(
            text=data.get("q") or "",
            kind=data.get("kind") or "",
            municipality=data.get("municipality"),
            topic=data.get("topic"),
            service=data.get("service"),
            open_now=bool(data.get("open_now")),
            step_free=bool(data.get("step_free")),
            centre=data.get("postcode"),
            radius_km=data.get("radius_km") or DEFAULT_RADIUS_KM,
        )


def filter_organisations(queryset, criteria: DirectoryFilter, *, now: datetime | None = None):
    """Narrow `queryset` (organisations) by `criteria`. With a centre, each organisation is
    annotated with `distance_sq` (km²) to its nearest place and the result sorted by it."""
    if criteria.text:
        queryset = queryset.matching(criteria.text)
    if criteria.kind:
        queryset = queryset.filter(kind=criteria.kind)
    if criteria.municipality:
        queryset = queryset.filter(municipality=criteria.municipality)
    if criteria.topic:
        queryset = queryset.filter(topics=criteria.topic)
    if criteria.service:
        queryset = queryset.filter(services=criteria.service)
    if criteria.step_free:
        queryset = queryset.filter(
            Exists(Place.objects.filter(organisation=OuterRef("pk"), step_free=True))
        )
    if criteria.centre:
        nearest = (
            Place.objects.filter(organisation=OuterRef("pk"))
            .annotate(
                distance_sq=squared_distance_expression(criteria.centre, "latitude", "longitude")
            )
            .order_by("distance_sq")
            .values("distance_sq")[:1]
        )
        queryset = (
            queryset.annotate(distance_sq=Subquery(nearest))
            .filter(distance_sq__lte=criteria.radius_km**2)
            .order_by("distance_sq", "name")
        )
    if criteria.open_now:
        places = Place.objects.filter(organisation__in=queryset.values("pk"))
        open_ids = open_place_ids_among(places, now)
        queryset = queryset.filter(
            Exists(Place.objects.filter(organisation=OuterRef("pk"), pk__in=open_ids))
        )
    return queryset


def distance_km(organisation) -> float | None:
    """The distance annotated by filter_organisations, in km."""
    distance_sq = getattr(organisation, "distance_sq", None)
    return None if distance_sq is None else math.sqrt(distance_sq)
