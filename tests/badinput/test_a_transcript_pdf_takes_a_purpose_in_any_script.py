"""The one real PDF of the sweep: a chat transcript whose purpose mixes a script tag, Latin,
Cyrillic look-alikes, Hangul, Arabic and right-to-left marks renders (the sweep's transcript
variants use a stand-in for the PDF; see badinput_forms)."""

from __future__ import annotations

import io

import pytest
from badinput_values import RTL_NAME, SCRIPT
from pypdf import PdfReader

from ieum.core.testing import client_for


@pytest.mark.django_db
def test_a_transcript_pdf_takes_a_purpose_in_any_script(chat_access_world):
    world = chat_access_world
    url = f"/chat/workspace/{world['conversation'].pk}/transcript/"
    response = client_for(world["users"]["counselor"]).post(url, {"purpose": f"{SCRIPT} {RTL_NAME}"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "script" in text and "응우옌" in text
