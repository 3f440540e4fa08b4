from django.urls import path, re_path

from . import views_registration

urlpatterns = [
    path(
        "<slug:slug>/<int:occurrence>/anmelden/",
        views_registration.register,
        name="register",
    ),
    path(
        "<slug:slug>/<int:occurrence>/anmelden/danke/",
        views_registration.registration_thanks,
        name="registration_thanks",
    ),
    # A signed token always holds a colon, so an event whose slug is "abmelden" keeps
    # its date pages.
    re_path(
        r"^abmelden/(?P<token>[\w.-]*:[\w.:-]*)/$",
        views_registration.cancel_registration,
        name="cancel_registration",
    ),
    path(
        "verwalten/<slug:slug>/<int:occurrence>/nachricht/",
        views_registration.occurrence_message,
        name="occurrence_message",
    ),
]
