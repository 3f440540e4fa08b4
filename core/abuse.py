"""Protection of public forms against bots without third-party captchas: a honeypot field
that people never see, and a fixed-window limit of submissions per address."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


def honeypot_field() -> forms.CharField:
    """Add as `website = honeypot_field()`; a filled-in value means a bot."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        template_name="core/forms/_honeypot_field.html",
    )


class HoneypotMixin:
    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


def _key(request, scope: str) -> str:
    # REMOTE_ADDR, not X-Forwarded-For: a header the sender chooses limits nothing.
    return f"submissions:{scope}:{request.META.get('REMOTE_ADDR', '')}"


def submissions_exhausted(request, scope: str, limit: int) -> bool:
    """Whether this address has used up its submissions of `scope` for now."""
    return cache.get(_key(request, scope), 0) >= limit


def submission_count(request, scope: str, window_seconds: int) -> int:
    """Count one submission of `scope` from this address; returns the count in the window."""
    key = _key(request, scope)
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.set(key, 1, window_seconds)
        return 1


def within_limit(request, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count this submission and say whether it is still within `limit` per window."""
    return submission_count(request, scope, window_seconds) <= limit
