"""Name parts per origin: the passport spelling, the native script and a Hangul transcription.

Each table is a block of lines "LATIN | native | 한글". Hangul follows the National Institute of
Korean Language's loanword rules where one exists (Vietnamese Nguyễn → 응우옌, Chinese by
Mandarin reading, ethnic-Korean surnames by their Korean reading); elsewhere the usual press form.
Only small, common lists: enough to give a realistic mix, not a census of names.
"""

from __future__ import annotations

Part = tuple[str, str, str]


def parse(block: str) -> tuple[Part, ...]:
    rows = []
    for line in block.strip().splitlines():
        latin, native, hangul = (cell.strip() for cell in line.split("|"))
        rows.append((latin, native or latin.title(), hangul))
    return tuple(rows)
