"""The engagement record under /nachweis/: hours, documents seen, follow-ups and the
Engagementnachweis with its public verification page."""

from django.urls import path

from . import views_record

urlpatterns = [
    path("", views_record.certificate_lookup, name="certificate_lookup"),
    path("meine/", views_record.my_record, name="my_record"),
    path("stunden/offen/", views_record.hours_pending, name="hours_pending"),
    path("stunden/bestaetigen/", views_record.hours_confirm, name="hours_confirm"),
    path("stunden/eintrag/<int:pk>/", views_record.hours_edit, name="hours_edit"),
    path("stunden/eintrag/<int:pk>/loeschen/", views_record.hours_delete, name="hours_delete"),
    path("stunden/<int:placement_pk>/", views_record.hours, name="hours"),
    path(
        "stunden/<int:placement_pk>/ausstellen/",
        views_record.certificate_create,
        name="certificate_create",
    ),
    path("dokumente/<int:placement_pk>/", views_record.qualifications, name="qualifications"),
    path("rueckmeldung/<int:placement_pk>/", views_record.follow_up, name="follow_up"),
    path("<str:code>/", views_record.certificate_verify, name="certificate_verify"),
    path("<str:code>/pdf/", views_record.certificate_pdf_download, name="certificate_pdf"),
]
