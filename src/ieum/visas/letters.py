"""The numbered recommendation letter (추천서) as PDF: Korean, with a summary in the resident's
language (facts.md §1.2 'Process')."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from ieum.lib.pdf import PdfDocument
from ieum.visas.engine import PROGRAMS
from ieum.visas.models import Application

PROGRAM_KO = {
    "f2r": "지역특화형 우수인재 (F-2-R)",
    "e74r": "지역특화 숙련기능인력 (E-7-4R)",
    "f4r": "지역특화동포 (F-4-R)",
    "f31r": "지역특화형 우수인재 동반가족 (F-3-1R)",
}


def program_label(application: Application) -> str:
    if application.program in PROGRAMS:
        return PROGRAMS[application.program].status
    return application.track.name if application.track else application.program


def letter_pdf(application: Application) -> bytes:
    resident = application.resident
    municipality = application.municipality
    issued = application.letter_issued_at.date().isoformat() if application.letter_issued_at else ""
    program_ko = PROGRAM_KO.get(application.program) or program_label(application)
    doc = PdfDocument(title=f"추천서 {application.letter_number}")
    doc.heading("지역특화형 비자 추천서")
    doc.paragraph(f"문서번호: {application.letter_number}", bold=True)
    doc.table(
        [
            ["항목", "내용"],
            ["성명", resident.name_hangul or resident.name],
            ["여권상 성명", resident.name],
            ["국적", resident.nationality.name_ko if resident.nationality else ""],
            ["생년월일", resident.birth_date.isoformat() if resident.birth_date else ""],
            ["추천 사증", program_ko],
            ["추천 시·군", municipality.name_ko],
            ["근무처", application.employer_name],
            ["발급일", issued],
        ],
        col_widths=(40, 134),
    )
    doc.paragraph(
        f"위 사람을 {municipality.name_ko}의 {application.year}년 지역특화형 비자 배정 인원 내에서 "
        f"{program_ko} 체류자격 변경 대상자로 추천합니다."
    )
    doc.paragraph("전라남도지사 (전남이민외국인종합지원센터 경유)")
    doc.spacer(6)
    with translation.override(resident.preferred_language or "ko"):
        doc.heading(_("Summary in your language"), level=2)
        doc.paragraph(
            _(
                "Recommendation letter %(number)s: %(city)s recommends %(name)s for the status %(program)s "
                "within its %(year)s quota. Take this letter to the immigration office to apply for the "
                "change of status."
            )
            % {
                "number": application.letter_number,
                "city": municipality.name_en,
                "name": resident.name,
                "program": program_label(application),
                "year": application.year,
            }
        )
    return doc.output()
