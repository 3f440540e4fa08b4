import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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
