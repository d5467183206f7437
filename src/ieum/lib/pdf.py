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
    # Code point ranges the face is there for; empty = always loaded. Reading a font costs
    # (WenQuanYi alone ~0.4 s), so a script's face is added only when the text has that script.
    ranges: tuple[tuple[int, int], ...] = ()

    def wanted_by(self, text: str) -> bool:
        return any(lo <= ord(ch) <= hi for ch in text for lo, hi in self.ranges)


# In fallback order. Nanum first: Korean is the language of every official document.
_FACES = [
    _Face("nanum", "NanumGothic.ttf", "NanumGothicBold.ttf"),
    _Face("noto", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    _Face("noto-thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", ((0x0E00, 0x0E7F),)),
    _Face(
        "noto-khmer",
        "NotoSansKhmer-Regular.ttf",
        "NotoSansKhmer-Bold.ttf",
        ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    ),
    _Face(
        "noto-myanmar",
        "NotoSansMyanmar-Regular.ttf",
        "NotoSansMyanmar-Bold.ttf",
        ((0x1000, 0x109F), (0xAA60, 0xAA7F)),
    ),
    _Face("noto-sinhala", "NotoSansSinhala-Regular.ttf", "NotoSansSinhala-Bold.ttf", ((0x0D80, 0x0DFF),)),
    _Face(
        "noto-devanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
        ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    ),
    # CJK ideographs and punctuation Nanum lacks (simplified Chinese above all).
    _Face(
        "wqy",
        "wqy-microhei.ttc",
        None,
        (
            (0x2E80, 0x2FDF),
            (0x3000, 0x303F),
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xF900, 0xFAFF),
            (0xFF00, 0xFFEF),
        ),
    ),
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
        self._pdf = pdf
        self._families: list[str] = []
        self._pending = [face for face in _FACES if face.ranges]
        for face in _FACES:
            if not face.ranges:
                self._add(face)
        if not self._families or self._families[0] != "nanum":
            raise FontsMissing("NanumGothic.ttf not found in " + ":".join(map(str, FONT_DIRS)))
        pdf.set_fallback_fonts(self._families[1:], exact_match=False)
        pdf.set_text_shaping(True)
        pdf.add_page()
        pdf.set_font("nanum", size=11)

    def _add(self, face: _Face) -> None:
        regular = _find(face.regular)
        if regular is None:
            return
        self._pdf.add_font(face.family, "", str(regular))
        bold = _find(face.bold) if face.bold else None
        self._pdf.add_font(face.family, "B", str(bold or regular))
        self._families.append(face.family)

    def _fonts_for(self, *texts: str) -> None:
        """Add the faces of the scripts in `texts` not loaded yet."""
        self._load([face for face in self._pending if any(face.wanted_by(t) for t in texts)])

    def _load(self, faces: list[_Face]) -> None:
        """Add `faces` and set the fallback fonts again, in _FACES order."""
        if not faces:
            return
        for face in faces:
            self._pending.remove(face)
            self._add(face)
        order = [face.family for face in _FACES if face.family in self._families]
        self._pdf.set_fallback_fonts(order[1:], exact_match=False)

    @property
    def fpdf(self) -> FPDF:
        """The underlying fpdf2 document, for what the helpers here do not cover (images, lines).
        Every face is loaded first: text written directly may be in any script."""
        self._load(list(self._pending))
        return self._pdf

    def heading(self, text: str, *, level: int = 1) -> None:
        self._fonts_for(text)
        size = {1: 16, 2: 13}.get(level, 11.5)
        self._pdf.set_font("nanum", "B", size)
        self._pdf.multi_cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._pdf.ln(2)
        self._pdf.set_font("nanum", "", 11)

    def paragraph(self, text: str, *, size: float = 11, bold: bool = False) -> None:
        self._fonts_for(text)
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
        self._fonts_for(*("" if value is None else str(value) for row in rows for value in row))
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
