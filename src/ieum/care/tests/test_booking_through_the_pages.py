from __future__ import annotations

import pytest

from ieum.care.models import Booking
from ieum.care.tests.conftest import make_resident
from ieum.core.testing import open_case_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def nepali(nepali, counselor):
    open_case_for(counselor, nepali)  # counselors book for the residents of their cases
    return nepali


def test_a_counselor_books_a_slot_for_a_resident(counselor_client, slot, nepali):
    response = counselor_client.post(f"/care/slots/{slot.pk}/book/", {"resident_id": nepali.pk})
    booking = Booking.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/care/bookings/{booking.pk}/"
    assert booking.booked_by.username == "counselor" and booking.interpreter_request is not None


def test_a_taken_slot_gives_a_clear_message_and_changes_nothing(counselor_client, counselor, slot, nepali):
    other = make_resident("TRAN VAN AN", "vi", "010-4444-5555")
    open_case_for(counselor, other)
    counselor_client.post(f"/care/slots/{slot.pk}/book/", {"resident_id": nepali.pk})
    response = counselor_client.post(f"/care/slots/{slot.pk}/book/", {"resident_id": other.pk})
    assert response.status_code == 200
    assert "Someone has just booked this time" in response.content.decode()
    assert Booking.objects.count() == 1


def test_the_support_check_shows_the_amount_and_the_pdf_downloads(counselor_client, slot, nepali):
    counselor_client.post(f"/care/slots/{slot.pk}/book/", {"resident_id": nepali.pk})
    booking = Booking.objects.get()
    page = counselor_client.get(
        f"/care/bookings/{booking.pk}/?care_type=surgery&cost_krw=1000000"
    ).content.decode()
    assert "900000" in page and "Certificate of admission" in page
    pdf = counselor_client.get(f"/care/bookings/{booking.pk}/support.pdf?care_type=surgery&cost_krw=1000000")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_legal_consultation_is_booked_from_a_case_of_the_same_person(client, login_staff, clinic, nepali):
    from django.core.exceptions import ValidationError

    from ieum.care.services import booking_create
    from ieum.care.tests.conftest import make_slot
    from ieum.casework import services as casework
    from ieum.casework.topics import ensure_seeded_topics
    from ieum.core.models import Role, User

    ensure_seeded_topics()
    admin = User.objects.create_user(username="admin1", password="x" * 12, role=Role.ADMIN)
    case = casework.case_open(
        channel="walk_in", topic="wages", language="ne", actor=admin, resident=nepali, auto_route=False
    )
    login_staff(client, admin)
    slot = make_slot(clinic, kind="legal")
    response = client.post(f"/care/slots/{slot.pk}/book/", {"resident_id": nepali.pk, "case_id": case.pk})
    assert response.status_code == 302
    assert Booking.objects.get().case == case
    other = make_resident("TRAN VAN AN", "vi", "010-4444-5555")
    with pytest.raises(ValidationError):
        booking_create(slot=make_slot(clinic, days=6, kind="legal"), resident=other, actor=admin, case=case)
