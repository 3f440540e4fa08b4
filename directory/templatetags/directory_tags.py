import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from directory.opening import format_moment, format_time, format_time_ranges

register = template.Library()

# The characters that could end a <script> element or start markup inside it.
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict):
    """A <script type="application/ld+json"> element; text in `data` cannot close it."""
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.inclusion_tag("directory/_opening_status.html")
def opening_status(status, detailed=False):
    """A badge with the words "open now" or "closed" (never colour alone) and, when closed,
    when the place opens next. `status` is an opening.OpeningStatus or None."""
    return {"status": status, "detailed": detailed}


@register.filter
def moment(value):
    """When a place opens next, as people say it: "today, 15 Uhr", "tomorrow, 10 Uhr"."""
    return format_moment(value) if value else ""


@register.filter
def clock(value):
    """A time of day in German form: "18 Uhr", "16:30 Uhr"."""
    return format_time(value) if value else ""


@register.simple_tag
def time_range(opens, closes):
    """ "14–18 Uhr" in German, "14:00–18:00" otherwise."""
    return format_time_ranges([(opens, closes)])
