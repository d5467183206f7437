"""Test people for the visa programs."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from ieum.core.models import Municipality, Nationality, User, VisaStatus
from ieum.residents.documents import document_upload
from ieum.residents.services import (
    ResidentData,
    income_declare,
    korean_level_record,
    resident_create,
    visa_record_add,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CHECKLIST = ["passport", "arc", "contract", "income", "diploma", "language"]


def make_applicant(
    *,
    name: str = "NGUYEN VAN AN",
    hangul: str = "응우옌반안",
    municipality: Municipality,
    nationality: str = "VN",
    actor: User | None = None,
    documents: bool = True,
    phone: str = "",
):
    """An E-7 welder in Yeongam who meets F-2-R in 2026: TOPIK 4, income above the living wage."""
    person = resident_create(
        data=ResidentData(
            name=name,
            name_hangul=hangul,
            birth_date=dt.date(1994, 5, 1),
            sex="M",
            nationality=Nationality.objects.get(alpha2=nationality),
            preferred_language="vi",
            municipality=municipality,
            phone=phone,
        ),
        actor=actor,
    )
    visa_record_add(
        resident=person,
        status=VisaStatus.objects.get(code="E-7"),
        valid_from=dt.date(2023, 3, 1),
        municipality=municipality,
        sponsor="대불조선(주)",
        actor=actor,
    )
    korean_level_record(
        resident=person, kind="topik", level=4, achieved_on=dt.date(2024, 10, 1), certified=True, actor=actor
    )
    income_declare(
        resident=person, year=dt.date.today().year - 1, amount_krw=31_000_000, verified=True, actor=actor
    )
    if documents:
        for kind in CHECKLIST:
            document_upload(
                resident=person,
                kind=kind,
                upload=SimpleUploadedFile(f"{kind}.pdf", PDF, content_type="application/pdf"),
                actor=actor,
            )
    return person
