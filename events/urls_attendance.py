"""On the day and after: registrations, check-in, attendance list, documents, figures.
Mounted under /veranstaltungen/verwalten/."""

from django.urls import path

from . import views_attendance as views

OCCURRENCE = "<slug:slug>/<int:occurrence>/"

urlpatterns = [
    path(OCCURRENCE + "teilnehmende/", views.registrations, name="registrations"),
    path(OCCURRENCE + "einlass/", views.check_in, name="check_in"),
    path(OCCURRENCE + "einlass/ohne-anmeldung/", views.walk_in_add, name="walk_in_add"),
    path(
        OCCURRENCE + "einlass/<int:registration>/",
        views.check_in_registration,
        name="check_in_registration",
    ),
    path(
        OCCURRENCE + "einlass/<int:registration>/rueckgaengig/",
        views.check_in_registration,
        {"undo": True},
        name="check_in_undo",
    ),
    path(OCCURRENCE + "anwesenheitsliste/", views.attendance_pdf, name="attendance_pdf"),
    path(OCCURRENCE + "dokumente/", views.documents, name="documents"),
    path(
        OCCURRENCE + "dokumente/<int:document>/loeschen/",
        views.document_delete,
        name="document_delete",
    ),
    path("dokumente/<int:pk>/", views.document_download, name="document_download"),
    path("zahlen/", views.attendance_figures, name="attendance_figures"),
    path("zahlen/csv/", views.attendance_figures_csv, name="attendance_figures_csv"),
]
