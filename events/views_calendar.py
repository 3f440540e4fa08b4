from django.shortcuts import render

from . import selectors


def calendar(request):
    occurrences = selectors.occurrences_public().upcoming().select_related("event")[:20]
    return render(request, "events/calendar/calendar.html", {"occurrences": occurrences})
