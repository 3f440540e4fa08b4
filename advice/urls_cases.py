"""Advice cases, deletion on request, the audit log and statistics. Mounted under
/beratung/faelle/."""

from django.urls import path

from . import views_cases as views

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("neu/", views.case_new, name="case_new"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/bearbeiten/", views.case_update, name="case_update"),
    path("<int:pk>/team/", views.case_assign, name="case_assign"),
    path("<int:pk>/vermerke/", views.case_note_add, name="case_note_add"),
    path("<int:pk>/dokumente/", views.case_document_upload, name="case_document_upload"),
    path("<int:pk>/abschliessen/", views.case_close, name="case_close"),
    path("<int:pk>/wieder-oeffnen/", views.case_reopen, name="case_reopen"),
    path("<int:pk>/anonymisieren/", views.case_anonymise_now, name="case_anonymise_now"),
    path("dokumente/<int:pk>/", views.case_document_download, name="case_document_download"),
    path("dokumente/<int:pk>/loeschen/", views.case_document_delete, name="case_document_delete"),
    path("anliegen/<int:pk>/anonymisieren/", views.concern_anonymise, name="concern_anonymise"),
    path("protokoll/", views.audit_log, name="audit_log"),
    path("statistik/", views.statistics, name="statistics"),
]
