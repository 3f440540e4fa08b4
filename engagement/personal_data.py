from .models import HoursEntry, Placement, SavedSearch, VolunteerProfile


def export_for_user(user) -> dict:
    profile = VolunteerProfile.objects.filter(user=user).first()
    data = {
        "saved_searches": [
            {
                "email": search.email,
                "query": search.query,
                "created_at": search.created_at.isoformat(),
            }
            for search in SavedSearch.objects.filter(user=user)
        ],
        "volunteer_profile": None,
        "placements": [],
        "hours": [],
    }
    if profile is None:
        return data
    data["volunteer_profile"] = {
        "name": profile.name,
        "phone": profile.phone,
        "birth_date": profile.birth_date.isoformat() if profile.birth_date else None,
        "postcode": profile.postcode,
        "max_distance_km": profile.max_distance_km,
        "skills": profile.skills,
        "fields": [field.name for field in profile.fields.all()],
        "activities": [activity.name for activity in profile.activities.all()],
        "languages": [language.name for language in profile.languages.all()],
        "time_slots": profile.time_slots,
        "allow_suggestions": profile.allow_suggestions,
        "qualifications": [
            {
                "kind": qualification.kind,
                "seen_on": qualification.seen_on.isoformat(),
                "valid_until": qualification.valid_until.isoformat()
                if qualification.valid_until
                else None,
            }
            for qualification in profile.qualifications.all()
        ],
    }
    placements = Placement.objects.filter(volunteer=profile).select_related(
        "opportunity", "organisation"
    )
    data["placements"] = [
        {
            "organisation": placement.organisation.name,
            "opportunity": placement.opportunity.title if placement.opportunity_id else None,
            "status": placement.status,
            "message": placement.message,
            "created_at": placement.created_at.isoformat(),
        }
        for placement in placements
    ]
    data["hours"] = [
        {
            "date": entry.date.isoformat(),
            "hours": str(entry.hours),
            "activity": entry.activity,
            "confirmed": entry.confirmed_at is not None,
        }
        for entry in HoursEntry.objects.filter(placement__volunteer=profile)
    ]
    return data
