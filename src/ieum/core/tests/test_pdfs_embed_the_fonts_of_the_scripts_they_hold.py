"""ieum.lib.pdf loads a script's font only when the document has text in that script: every
letter, certificate and statement used to read all eight faces (about 1.5 s of CPU each time)
and embed them. Text in every script must still come out readable."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from ieum.lib.pdf import PdfDocument, _find

pytestmark = pytest.mark.skipif(_find("NanumGothic.ttf") is None, reason="fonts-nanum is not installed")

SAMPLES = {
    "noto-thai": "สวัสดี",
    "noto-khmer": "សួស្តី",
    "noto-myanmar": "မင်္ဂလာပါ",
    "noto-sinhala": "ආයුබෝවන්",
    "noto-devanagari": "नमस्ते",
    "wqy": "欢迎来到全罗南道",
}


def _embedded(data: bytes) -> set[str]:
    """Names of the font programs the file carries (every FontDescriptor, used on a page or not:
    fpdf2 embeds each font that was added)."""
    return {name.decode().lower() for name in re.findall(rb"/FontName /([^\s/>\]]+)", data)}


def _has(names: set[str], family: str) -> bool:
    key = {"wqy": "microhei", "noto-thai": "thai", "noto-khmer": "khmer", "noto-myanmar": "myanmar"}.get(
        family, family.removeprefix("noto-")
    )
    return any(key in name for name in names)


def test_a_korean_document_embeds_no_font_of_another_script():
    doc = PdfDocument(title="추천서")
    doc.heading("지역특화형 비자 추천서")
    doc.paragraph("성명: 응우옌 반 안 (Nguyễn Văn An)")
    doc.table([["항목", "내용"], ["번호", "JN-2026-0001"]])
    names = _embedded(doc.output())
    assert any("nanum" in name for name in names)
    assert not [family for family in SAMPLES if _find_family(family) and _has(names, family)]


def _find_family(family: str) -> bool:
    from ieum.lib.pdf import _FACES

    face = next(f for f in _FACES if f.family == family)
    return _find(face.regular) is not None


@pytest.mark.parametrize("family", sorted(SAMPLES))
def test_text_in_a_script_loads_its_font_wherever_it_is_written(family):
    if not _find_family(family):
        pytest.skip(f"the {family} font is not installed")
    text = SAMPLES[family]
    for write in ("heading", "paragraph", "table"):
        doc = PdfDocument(title="x")
        doc.paragraph("안내")
        if write == "table":
            doc.table([["항목", "내용"], ["인사", text]])
        else:
            getattr(doc, write)(text)
        data = doc.output()
        assert _has(_embedded(data), family), f"{family} missing when written by {write}"
    if family == "wqy":
        extracted = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
        assert "全罗南道" in extracted


def test_drawing_on_the_page_directly_has_every_font_ready():
    doc = PdfDocument(title="x")
    pdf = doc.fpdf
    pdf.cell(text=SAMPLES["wqy"])  # cells fall back to other fonts (fpdf's text() does not)
    assert _has(_embedded(doc.output()), "wqy")
