"""Keep each opportunity's search document current however it changes: through our
services, the Django admin, an import or the demo loader, and when the name of its
organisation, municipality or a catalogue entry it uses changes."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from directory.models import Municipality, Organisation

from .models import Activity, Field, Opportunity, TargetGroup
from .search import refresh_search_document


def _refresh_all(opportunities) -> None:
    for opportunity_id in opportunities.values_list("pk", flat=True):
        refresh_search_document(opportunity_id)


@receiver(post_save, sender=Opportunity)
def opportunity_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_document(instance.pk)


@receiver(m2m_changed, sender=Opportunity.fields.through)
@receiver(m2m_changed, sender=Opportunity.activities.through)
@receiver(m2m_changed, sender=Opportunity.target_groups.through)
def opportunity_catalogue_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            refresh_search_document(instance.pk)
        return
    # From the catalogue entry's side (field.opportunities.clear()): after a clear nobody
    # knows which opportunities had the entry, so they are noted just before.
    if action == "pre_clear":
        instance._opportunities_before_clear = list(
            instance.opportunities.values_list("pk", flat=True)
        )
    elif action == "post_clear":
        pk_set = getattr(instance, "_opportunities_before_clear", [])
    if action in {"post_add", "post_remove", "post_clear"} and pk_set:
        _refresh_all(Opportunity.objects.filter(pk__in=pk_set))


@receiver(post_save, sender=Organisation)
def organisation_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        _refresh_all(Opportunity.objects.filter(organisation=instance))


@receiver(post_save, sender=Municipality)
def municipality_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        _refresh_all(Opportunity.objects.filter(municipality=instance))


@receiver(post_save, sender=Field)
@receiver(post_save, sender=Activity)
@receiver(post_save, sender=TargetGroup)
def catalogue_entry_renamed(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        _refresh_all(instance.opportunities.all())
