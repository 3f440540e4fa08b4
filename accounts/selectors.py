from django.db.models import Count, Q

from directory.models import Organisation, OrganisationRoleKind


def organisations_losing_last_admin(user):
    """Organisations in which `user` is the only administrator: deleting the account leaves
    them without anyone who can manage their team."""
    administered = Organisation.objects.filter(
        roles__user=user, roles__role=OrganisationRoleKind.ADMIN
    ).values("pk")
    return (
        Organisation.objects.filter(pk__in=administered)
        .annotate(admin_count=Count("roles", filter=Q(roles__role=OrganisationRoleKind.ADMIN)))
        .filter(admin_count=1)
        .order_by("name")
    )
