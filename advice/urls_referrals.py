from django.urls import path

from . import views_referrals as views

urlpatterns = [
    path("fall/<int:case>/neu/", views.referral_new, name="referral_new"),
    path("<int:pk>/zettel/", views.referral_slip, name="referral_slip"),
    path("<int:pk>/rueckmeldung/", views.referral_feedback, name="referral_feedback"),
    path("nachfragen/", views.referrals_due, name="referrals_due"),
]
