from django.urls import path

from ieum.referrals import views

app_name = "referrals"

urlpatterns = [
    path("new/<int:resident_id>/", views.referral_create, name="create"),
    path("sent/", views.sent, name="sent"),
    path("<int:referral_id>/", views.detail, name="detail"),
    path("<int:referral_id>/close/", views.close, name="close"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:referral_id>/", views.inbox_detail, name="inbox-detail"),
    path("inbox/<int:referral_id>/accept/", views.inbox_accept, name="inbox-accept"),
    path("inbox/<int:referral_id>/decline/", views.inbox_decline, name="inbox-decline"),
    path("inbox/<int:referral_id>/appointment/", views.inbox_appointment, name="inbox-appointment"),
    path("inbox/<int:referral_id>/outcome/", views.inbox_outcome, name="inbox-outcome"),
]
