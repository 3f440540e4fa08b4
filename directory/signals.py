"""Keep the search text current however an organisation changes: through our services,
the Django admin or the demo loader."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Organisation, Place
from .search import refresh_search_text


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_text(instance.pk)


@receiver(post_save, sender=Place)
@receiver(post_delete, sender=Place)
def place_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_text(instance.organisation_id)


@receiver(m2m_changed, sender=Organisation.topics.through)
@receiver(m2m_changed, sender=Organisation.services.through)
def organisation_tags_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Organisation):
        refresh_search_text(instance.pk)
