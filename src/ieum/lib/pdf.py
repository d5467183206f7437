"""PDF documents with Hangul and every script the center writes in (letters, certificates,
transcripts, statements, reports). No Django import.

Fonts come from the operating system (Debian packages fonts-nanum, fonts-noto-core,
fonts-wqy-microhei; `.ci/run` and the README's production notes install them), so no font file is
copied into the repository. The first font that has a glyph draws it: Nanum Gothic for Hangul and
Latin, then Noto Sans for Vietnamese and Cyrillic, then one Noto font per script, then WenQuanYi
Micro Hei for Chinese. Text is shaped with HarfBuzz, which Khmer, Myanmar, Sinhala and Devanagari
need.

    doc = PdfDocument(title="추천서")
    doc.heading("지역특화형 비자 추천서")
    doc.paragraph("성명: 응우옌 반 안 (Nguyễn Văn An)")
    doc.table([["항목", "내용"], ["번호", "JN-2026-0001"]])
    data: bytes = doc.output()
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

# fontTools explains every table it drops while subsetting a font; none of it is actionable.
logging.getLogger("fontTools").setLevel(logging.ERROR)

FONT_DIRS = [
    Path(p)
    for p in os.environ.get(
        "IEUM_PDF_FONT_DIRS",
        "/usr/share/fonts/truetype/nanum:/usr/share/fonts/truetype/noto:/usr/share/fonts/truetype/wqy",
    ).split(":")
    if p
]


@dataclass(frozen=True)
class _Face:
    family: str
    regular: str
    bold: str | None


# In fallback order. Nanum first: Korean is the language of every official document.
_FACES = [
    _Face("nanum", "NanumGothic.ttf", "NanumGothicBold.ttf"),
    _Face("noto", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    _Face("noto-thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    _Face("noto-khmer", "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"),
    _Face("noto-myanmar", "NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf"),
    _Face("noto-sinhala", "NotoSansSinhala-Regular.ttf", "NotoSansSinhala-Bold.ttf"),
    _Face("noto-devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    _Face("wqy", "wqy-microhei.ttc", None),
]


class FontsMissing(RuntimeError):
    """The Hangul font is not installed (Debian: apt-get install fonts-nanum)."""


def _find(name: str) -> Path | None:
    for folder in FONT_DIRS:
        candidate = folder / name
        if candidate.exists():
            return candidate
    return None


class PdfDocument:
    """An A4 document with headings, paragraphs and tables; `output()` gives the bytes."""

    def __init__(self, *, title: str, author: str = "Ieum", margin_mm: float = 18) -> None:
        pdf = FPDF(format="A4")
        pdf.set_margins(margin_mm, margin_mm, margin_mm)
        pdf.set_auto_page_break(True, margin=margin_mm)
        pdf.set_title(title)
        pdf.set_author(author)
        pdf.set_creator("Ieum")
        families = []
        for face in _FACES:
            regular = _find(face.regular)
            if regular is None:
                continue
            pdf.add_font(face.family, "", str(regular))
            bold = _find(face.bold) if face.bold else None
            pdf.add_font(face.family, "B", str(bold or regular))
            families.append(face.family)
        if not families or families[0] != "nanum":
            raise FontsMissing("NanumGothic.ttf not found in " + ":".join(map(str, FONT_DIRS)))
        pdf.set_fallback_fonts(families[1:], exact_match=False)
        pdf.set_text_shaping(True)
        pdf.add_page()
        pdf.set_font("nanum", size=11)
        self._pdf = pdf

    @property
    def fpdf(self) -> FPDF:
        """The underlying fpdf2 document, for what the helpers here do not cover (images, lines)."""
        return self._pdf

    def heading(self, text: str, *, level: int = 1) -> None:
        size = {1: 16, 2: 13}.get(level, 11.5)
        self._pdf.set_font("nanum", "B", size)
        self._pdf.multi_cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._pdf.ln(2)
        self._pdf.set_font("nanum", "", 11)

    def paragraph(self, text: str, *, size: float = 11, bold: bool = False) -> None:
        self._pdf.set_font("nanum", "B" if bold else "", size)
        self._pdf.multi_cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._pdf.ln(1.5)
        self._pdf.set_font("nanum", "", 11)

    def spacer(self, mm: float = 4) -> None:
        self._pdf.ln(mm)

    def table(
        self,
        rows: Sequence[Sequence[object]],
        *,
        header: bool = True,
        col_widths: Sequence[float] | None = None,
        size: float = 9.5,
    ) -> None:
        """Rows of cells (the first row a header when `header`); numbers are right-aligned."""
        self._pdf.set_font("nanum", "", size)
        kwargs = {"col_widths": tuple(col_widths)} if col_widths else {}
        with self._pdf.table(first_row_as_headings=header, line_height=size * 0.6, **kwargs) as table:
            for row in rows:
                cells = table.row()
                for value in row:
                    cells.cell("" if value is None else str(value))
        self._pdf.ln(2)
        self._pdf.set_font("nanum", "", 11)

    def output(self) -> bytes:
        return bytes(self._pdf.output())
