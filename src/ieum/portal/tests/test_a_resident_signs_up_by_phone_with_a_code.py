from __future__ import annotations

import pytest

from ieum.core.models import Role, User
from ieum.portal.models import SignInCode
from ieum.portal.tests.conftest import last_sms_code
from ieum.privacy.models import Consent
from ieum.residents.models import DuplicateFlag, Resident
from ieum.residents.services import ResidentData, resident_create

pytestmark = pytest.mark.django_db


def test_sign_up_sends_a_code_and_the_code_makes_the_account(client, outbox):
    response = client.post(
        "/my/signup/",
        {"name": "Nguyen Thi Lan", "contact": "010-1234-5678", "language": "vi", "consent": "on"},
    )
    assert response["Location"] == "/my/signin/code/"
    assert [m.to for m in outbox] == ["+821012345678"]
    assert not User.objects.filter(role=Role.RESIDENT).exists()  # nothing until the code is right

    response = client.post("/my/signin/code/", {"code": last_sms_code()})

    assert response.status_code == 302 and response["Location"] == "/my/"
    user = User.objects.get(role=Role.RESIDENT)
    assert not user.has_usable_password()
    resident = Resident.objects.get(user=user)
    assert (resident.name, resident.phone, resident.preferred_language) == (
        "Nguyen Thi Lan",
        "+821012345678",
        "vi",
    )
    assert resident.consents.get().kind == Consent.Kind.COLLECTION
    assert client.get("/my/").status_code == 200


def test_the_message_is_a_sentence_in_the_chosen_language_and_no_code_is_stored(client, outbox):
    client.post("/my/signup/", {"name": "Lan", "contact": "01012345678", "language": "en", "consent": "on"})
    code = last_sms_code()
    assert outbox[0].text.startswith(f"Your Ieum sign-in code is {code}.")
    row = SignInCode.objects.get()
    assert code not in row.code_hash and "1012345678" not in row.destination_hash


def test_sign_up_needs_the_consent_and_a_valid_number(client, outbox):
    response = client.post("/my/signup/", {"name": "Lan", "contact": "12", "language": "en"})
    assert response.status_code == 200
    assert b"Enter a mobile phone number or an e-mail address." in response.content
    assert b"The center needs your agreement" in response.content
    assert outbox == []


def test_a_phone_already_on_a_staff_made_record_is_flagged_as_a_duplicate(client):
    staff_made = resident_create(data=ResidentData(name="NGUYEN THI LAN", phone="010-1234-5678"), actor=None)
    client.post(
        "/my/signup/",
        {"name": "Nguyen Thi Lan", "contact": "010-1234-5678", "language": "vi", "consent": "on"},
    )
    client.post("/my/signin/code/", {"code": last_sms_code()})
    mine = Resident.objects.get(user__isnull=False)
    assert DuplicateFlag.objects.filter(resident=staff_made, other=mine, reason="phone").exists()


def test_signing_up_again_with_the_same_number_signs_in_to_the_same_account(client, outbox):
    client.post("/my/signup/", {"name": "Lan", "contact": "010-1234-5678", "language": "vi", "consent": "on"})
    client.post("/my/signin/code/", {"code": last_sms_code()})
    client.post("/my/signout/")
    SignInCode.objects.update(created_at="2000-01-01T00:00:00Z")  # past the resend throttle

    client.post(
        "/my/signup/", {"name": "Someone", "contact": "010-1234-5678", "language": "en", "consent": "on"}
    )
    response = client.post("/my/signin/code/", {"code": last_sms_code()})

    assert response["Location"] == "/my/"
    assert User.objects.filter(role=Role.RESIDENT).count() == 1
