from __future__ import annotations

import pytest
from django.core import mail

from ieum.portal.models import SignInCode
from ieum.portal.tests.conftest import last_email_code, sign_up

pytestmark = pytest.mark.django_db


def test_sign_in_by_email_code(client):
    sign_up(client, contact="Lan@Example.com")
    client.post("/my/signout/")
    SignInCode.objects.update(created_at="2000-01-01T00:00:00Z")
    mail.outbox.clear()

    response = client.post("/my/signin/", {"contact": "lan@example.com"})
    assert response["Location"] == "/my/signin/code/"
    assert mail.outbox[0].to == ["lan@example.com"]
    assert mail.outbox[0].subject == "Your Ieum sign-in code"

    response = client.post("/my/signin/code/", {"code": last_email_code()})
    assert response["Location"] == "/my/"
    assert client.get("/my/").status_code == 200


def test_an_address_without_an_account_gets_the_same_page_and_no_message(client, outbox):
    response = client.post("/my/signin/", {"contact": "nobody@example.com"})
    assert response["Location"] == "/my/signin/code/"
    assert mail.outbox == []
    response = client.post("/my/signin/code/", {"code": "123456"})
    assert b"That code is not right." in response.content


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get("/my/documents/")
    assert response["Location"] == "/my/signin/?next=/my/documents/"
