"""Which answers fit a case's text: a small, fast relevance score. No Django import.

Words and character trigrams of the case text against each answer's title (counted double) and
body. Trigrams carry scripts without spaces (Thai, Khmer, Myanmar, Chinese) and Korean, whose
particles glue onto nouns ("월급을", "월급이" share "월급"). Filtering by topic, status of stay,
region and date happens before (selectors); this only orders what is left.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    # Latin letters with and without diacritics match (Vietnamese typed without accents).
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not 0x300 <= ord(ch) <= 0x36F)


def features(text: str) -> set[str]:
    words = _WORD.findall(_normalise(text))
    grams: set[str] = {f"w:{w}" for w in words if len(w) > 1}
    for word in words:
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


@dataclass(frozen=True)
class Doc:
    id: int
    title: str
    body: str


def rank(
    query: str, docs: Iterable[Doc], *, limit: int = 5, minimum: float = 0.05
) -> list[tuple[int, float]]:
    """(doc id, score) best first; score is the share of the query's features the doc has,
    title features weighing double."""
    wanted = features(query)
    if not wanted:
        return []
    scored = []
    for doc in docs:
        title, body = features(doc.title), features(doc.body)
        hits = sum(2.0 if f in title else 1.0 if f in body else 0.0 for f in wanted)
        score = hits / (2.0 * len(wanted))
        if score >= minimum:
            scored.append((doc.id, round(score, 4)))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]
