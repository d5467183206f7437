from django.urls import path

from ieum.care import views

app_name = "care"

urlpatterns = [
    path("", views.home, name="home"),
    path("slots/<int:slot_id>/book/", views.book, name="book"),
    path("bookings/<int:booking_id>/", views.booking_detail, name="booking"),
    path("bookings/<int:booking_id>/support.pdf", views.support_pdf, name="support-pdf"),
    path("my/", views.my_care, name="my"),
    path("my/slots/<int:slot_id>/", views.my_book, name="my-book"),
    path("my/bookings/<int:booking_id>/cancel/", views.my_cancel, name="my-cancel"),
    path("partner/", views.partner_home, name="partner"),
    path("partner/bookings/<int:booking_id>/", views.partner_booking, name="partner-booking"),
]
