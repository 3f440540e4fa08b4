"""German full-text search over opportunities.

Every opportunity keeps a search document (its texts and the names of its catalogue entries,
organisation and municipality). PostgreSQL searches it with its german text search
configuration through a GIN expression index (migration 0002); elsewhere, SQLite in
development and tests, the same words are matched against `search_stems`, the document
normalised (core.text.search_normalise) and reduced to Snowball German stems. On both,
every word of the query must match the beginning of a word, so "Kinder" finds "Kindern"
and "Lese" finds "Lesepatenschaft", and matches in the title rank higher."""

import math
import re
import threading
from dataclasses import dataclass

import snowballstemmer
from django.db import connection, models
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _

from core.forms import DEFAULT_RADIUS_KM
from core.geo import Point, bounding_box, squared_distance_expression
from core.text import search_normalise

from .availability import TIMES_OF_DAY, WEEKDAYS, slots_from_pairs
from .models import Opportunity

# Longer queries are cut to this many words: enough for any real search, and the SQL stays
# small whatever is typed into the box.
MAX_QUERY_WORDS = 8

# Marks the stems of the title inside `search_stems`; search_normalise never produces it.
TITLE_MARK = "~"
TITLE_WEIGHT = 2

# Function words that say nothing about an opportunity; PostgreSQL's german configuration
# drops the same ones, so both databases treat "Hilfe für die Tafel" alike.
STOP_WORDS = frozenset(
    search_normalise(word)
    for word in (  # noqa: SIM905
        "aber alle als am an auch auf aus bei bin bis bist da damit dann das dein dem "
        "den der des die dies diese dieser doch du durch ein eine einem einen einer "
        "eines er es etwas für hat hier ich ihr im in ist kann kein mein mit nach nicht "
        "noch nur ob oder sich sie sind so über um und uns unter vom von vor war was wie "
        "wir wird zu zum zur"
    ).split()
)

_WORD = re.compile(r"[^\W_]+")
_local = threading.local()


def _stemmer():
    # Snowball stemmers keep state while stemming, so each thread gets its own.
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("german")
    return _local.stemmer


def stems(text: str) -> list[str]:
    """The Snowball German stems of the words of `text`, after search_normalise."""
    return _stemmer().stemWords(search_normalise(text).split())


def query_words(text: str) -> list[str]:
    """The words of a query worth searching for: letters and digits only, no stop words."""
    words = [word for word in _WORD.findall(text or "") if search_normalise(word) not in STOP_WORDS]
    return words[:MAX_QUERY_WORDS]


def opportunity_search_document(opportunity: Opportunity) -> str:
    """`opportunity` should have its organisation and municipality selected."""
    parts = [
        opportunity.title,
        opportunity.summary,
        opportunity.description,
        opportunity.plain_language_summary,
        *(field.name for field in opportunity.fields.all()),
        *(activity.name for activity in opportunity.activities.all()),
        *(group.name for group in opportunity.target_groups.all()),
        opportunity.organisation.name,
        opportunity.municipality.name if opportunity.municipality_id else "",
    ]
    return "\n".join(part for part in parts if part)


def search_stems_of(document: str, title: str) -> str:
    """Each stem follows a space, so a query stem matches the start of a word; the title's
    stems are repeated after TITLE_MARK to tell title matches apart."""
    body = "".join(f" {stem}" for stem in stems(document))
    title_part = "".join(f" {TITLE_MARK}{stem}" for stem in stems(title))
    return f"{body}{title_part} "


def refresh_search_document(opportunity_id: int) -> None:
    opportunity = (
        Opportunity.objects.select_related("organisation", "municipality")
        .filter(pk=opportunity_id)
        .first()
    )
    if opportunity is None:
        return
    document = opportunity_search_document(opportunity)
    Opportunity.objects.filter(pk=opportunity_id).update(
        search_document=document, search_stems=search_stems_of(document, opportunity.title)
    )


def search_opportunities(queryset, text: str):
    """The opportunities of `queryset` matching every word of `text`, annotated with
    `relevance` (higher is better). A query without searchable words changes nothing."""
    words = query_words(text)
    if not words:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, words)
    return _search_stems(queryset, words)


def _search_postgresql(queryset, words: list[str]):
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        SearchVector,
        SearchVectorExact,
    )

    # Each word becomes a quoted prefix term: the words hold only letters and digits, so
    # the raw tsquery is always valid, and the german configuration stems each of them.
    query = SearchQuery(
        " & ".join(f"'{word}':*" for word in words), search_type="raw", config="german"
    )
    document = SearchVector("search_document", config="german")
    title = SearchVector("title", config="german")
    title_bonus = Case(
        When(SearchVectorExact(title, query), then=Value(float(TITLE_WEIGHT))),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return queryset.filter(SearchVectorExact(document, query)).annotate(
        relevance=ExpressionWrapper(
            SearchRank(document, query) + title_bonus, output_field=FloatField()
        )
    )


def _search_stems(queryset, words: list[str]):
    word_stems = [stem for word in words for stem in stems(word)]
    if not word_stems:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    title_matches = [
        Case(
            When(search_stems__contains=f" {TITLE_MARK}{stem}", then=Value(float(TITLE_WEIGHT))),
            default=Value(0.0),
            output_field=FloatField(),
        )
        for stem in word_stems
    ]
    matches_all = Q()
    for stem in word_stems:
        matches_all &= Q(search_stems__contains=f" {stem}")
    return queryset.filter(matches_all).annotate(
        relevance=ExpressionWrapper(
            Value(float(len(word_stems))) + sum(title_matches[1:], title_matches[0]),
            output_field=FloatField(),
        )
    )


# --- filters, sorting and facets of the public search -------------------------------------


# Query-string value → model field, for the yes/no filters offered as checkboxes.
SUITABILITY_FIELDS = {
    "young_people": "suitable_for_young_people",
    "seniors": "suitable_for_seniors",
    "families": "suitable_for_families",
    "little_german": "little_german_needed",
    "step_free": "step_free",
}
OFFER_FIELDS = {
    "expenses": "offers_expenses",
    "insurance": "offers_insurance",
    "training": "offers_training",
    "certificate": "offers_certificate",
}

# The catalogue facets: query-string name → (many-to-many field, column in its through table).
CATALOGUE_FACETS = {
    "field": ("fields", "field_id"),
    "activity": ("activities", "activity_id"),
    "target_group": ("target_groups", "targetgroup_id"),
}


class SortOrder(models.TextChoices):
    RELEVANCE = "relevance", _("Best match")
    DISTANCE = "distance", _("Nearest first")
    NEWEST = "newest", _("Newest first")


@dataclass(frozen=True)
class OpportunitySearch:
    """What a visitor searches for; built from the valid part of OpportunitySearchForm."""

    text: str = ""
    field: frozenset[int] = frozenset()
    activity: frozenset[int] = frozenset()
    target_group: frozenset[int] = frozenset()
    regularity: str = ""
    weekday: int | None = None
    time_of_day: int | None = None
    suitable: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    language_id: int | None = None
    remote: bool = False
    no_police_certificate: bool = False
    municipality_id: int | None = None
    centre: Point | None = None
    radius_km: int = DEFAULT_RADIUS_KM
    sort: str = ""

    @property
    def sort_order(self) -> str:
        """The order asked for if it applies, else the one that fits the search best."""
        available = {SortOrder.NEWEST}
        if query_words(self.text):
            available.add(SortOrder.RELEVANCE)
        if self.centre:
            available.add(SortOrder.DISTANCE)
        if self.sort in available:
            return self.sort
        for order in (SortOrder.RELEVANCE, SortOrder.DISTANCE):
            if order in available:
                return order
        return SortOrder.NEWEST


def time_slot_mask(weekday: int | None, time_of_day: int | None) -> int:
    """The grid cells that satisfy a weekday and/or a time of day (0 when neither)."""
    if weekday is None and time_of_day is None:
        return 0
    weekdays = range(len(WEEKDAYS)) if weekday is None else [weekday]
    times = range(len(TIMES_OF_DAY)) if time_of_day is None else [time_of_day]
    return slots_from_pairs((day, time) for day in weekdays for time in times)


def filter_opportunities(queryset, criteria: OpportunitySearch, *, ignore: frozenset = frozenset()):
    """Narrow `queryset` by `criteria`, leaving out the catalogue facets named in `ignore`
    (to count what each of their options would give). Annotates `relevance`, and with a
    centre `distance_sq` (km²)."""
    queryset = search_opportunities(queryset, criteria.text)
    for name, (relation, column) in CATALOGUE_FACETS.items():
        ids = getattr(criteria, name)
        if ids and name not in ignore:
            through = getattr(Opportunity, relation).through
            queryset = queryset.filter(
                Exists(
                    through.objects.filter(opportunity_id=OuterRef("pk"), **{f"{column}__in": ids})
                )
            )
    if criteria.regularity:
        queryset = queryset.filter(regularity=criteria.regularity)
    mask = time_slot_mask(criteria.weekday, criteria.time_of_day)
    if mask:
        # No times given means "by arrangement", which fits any day.
        queryset = queryset.alias(slots_matching=F("time_slots").bitand(mask)).filter(
            Q(slots_matching__gt=0) | Q(time_slots=0)
        )
    for key in criteria.suitable:
        queryset = queryset.filter(**{SUITABILITY_FIELDS[key]: True})
    for key in criteria.offers:
        queryset = queryset.filter(**{OFFER_FIELDS[key]: True})
    if criteria.language_id:
        queryset = queryset.filter(
            Exists(
                Opportunity.languages.through.objects.filter(
                    opportunity_id=OuterRef("pk"), language_id=criteria.language_id
                )
            )
        )
    if criteria.no_police_certificate:
        queryset = queryset.filter(requires_police_certificate=False)
    if criteria.municipality_id:
        queryset = queryset.filter(municipality_id=criteria.municipality_id)
    if criteria.centre:
        nearby = Q(distance_sq__lte=criteria.radius_km**2)
        # The rectangle around the circle can use the index on the coordinates.
        nearby &= bounding_box(criteria.centre, criteria.radius_km)
        queryset = queryset.annotate(
            distance_sq=squared_distance_expression(criteria.centre, "latitude", "longitude")
        ).filter(nearby | Q(is_remote=True) if criteria.remote else nearby)
    elif criteria.remote:
        queryset = queryset.filter(is_remote=True)
    return queryset


def order_opportunities(queryset, criteria: OpportunitySearch):
    order = criteria.sort_order
    if order == SortOrder.RELEVANCE:
        return queryset.order_by("-relevance", F("published_at").desc(nulls_last=True), "pk")
    if order == SortOrder.DISTANCE:
        return queryset.order_by(F("distance_sq").asc(nulls_last=True), "title", "pk")
    return queryset.order_by(F("published_at").desc(nulls_last=True), "title", "pk")


def search_results(queryset, criteria: OpportunitySearch):
    """The opportunities of `queryset` (the public ones, usually) matching `criteria`, in
    the order asked for."""
    return order_opportunities(filter_opportunities(queryset, criteria), criteria)


@dataclass
class FacetCounts:
    """How many results each option of a filter would give with the other filters kept:
    catalogue facets by entry id, the yes/no filters by their query-string value."""

    catalogue: dict[str, dict[int, int]]
    suitable: dict[str, int]
    offers: dict[str, int]
    no_police_certificate: int
    total: int | None = None  # the number of results, when their ids were fetched


# Up to this many results, the facets are counted over their ids, fetched once, instead of
# repeating the whole filter (text, radius, catalogues) in every facet query.
FACET_IDS_LIMIT = 5000


def facet_counts(queryset, criteria: OpportunitySearch) -> FacetCounts:
    """One GROUP BY query per catalogue facet and one query for all yes/no filters, plus
    one query for the ids of the results."""
    matching = filter_opportunities(queryset, criteria)
    ids = list(matching.order_by().values_list("pk", flat=True)[: FACET_IDS_LIMIT + 1])
    results = ids if len(ids) <= FACET_IDS_LIMIT else matching.values("pk")
    catalogue = {}
    for name, (relation, column) in CATALOGUE_FACETS.items():
        # A facet's own choice is left out, so each option shows what it would add.
        base = (
            filter_opportunities(queryset, criteria, ignore=frozenset({name})).values("pk")
            if getattr(criteria, name)
            else results
        )
        rows = (
            getattr(Opportunity, relation)
            .through.objects.filter(opportunity_id__in=base)
            .values(column)
            .annotate(count=Count("opportunity_id"))
            .order_by()
        )
        catalogue[name] = {row[column]: row["count"] for row in rows}
    # The yes/no filters narrow the results further, so each count is taken within them.
    flags = {
        f"suitable_{key}": Count("pk", filter=Q(**{field: True}))
        for key, field in SUITABILITY_FIELDS.items()
    }
    flags |= {
        f"offers_{key}": Count("pk", filter=Q(**{field: True}))
        for key, field in OFFER_FIELDS.items()
    }
    flags["no_police_certificate"] = Count("pk", filter=Q(requires_police_certificate=False))
    totals = Opportunity.objects.filter(pk__in=results).aggregate(**flags)
    return FacetCounts(
        catalogue=catalogue,
        suitable={key: totals[f"suitable_{key}"] for key in SUITABILITY_FIELDS},
        offers={key: totals[f"offers_{key}"] for key in OFFER_FIELDS},
        no_police_certificate=totals["no_police_certificate"],
        total=len(ids) if results is ids else None,
    )


def distance_km(opportunity) -> float | None:
    """The distance annotated by filter_opportunities, in km."""
    distance_sq = getattr(opportunity, "distance_sq", None)
    return None if distance_sq is None else math.sqrt(distance_sq)
