from .models import Invitation, NetworkRole, OrganisationRequest, OrganisationRole


def export_for_user(user) -> dict:
    return {
        "organisation_roles": [
            {
                "organisation": role.organisation.name,
                "role": role.role,
                "granted_at": role.granted_at.isoformat(),
            }
            for role in OrganisationRole.objects.filter(user=user).select_related("organisation")
        ],
        "network_roles": [
            {"network": role.network.name, "granted_at": role.granted_at.isoformat()}
            for role in NetworkRole.objects.filter(user=user).select_related("network")
        ],
        "organisation_requests": [
            {
                "organisation": request.organisation.name,
                "kind": request.kind,
                "status": request.status,
                "message": request.message,
                "created_at": request.created_at.isoformat(),
            }
            for request in OrganisationRequest.objects.filter(requested_by=user).select_related(
                "organisation"
            )
        ],
        "invitations_accepted": [
            {"organisation": invitation.organisation.name, "role": invitation.role}
            for invitation in Invitation.objects.filter(accepted_by=user).select_related(
                "organisation"
            )
        ],
    }
