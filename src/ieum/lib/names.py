"""Names across scripts: search tokens and similarity for duplicate detection.

A resident has one name as in the passport plus native-script and Hangul forms (style.md:
no first/last split). To find "Nguyễn Văn An" by typing "nguyen", "응우옌" or the Cyrillic
"Иванов" by typing "ivanov", every form is folded (case, diacritics) and romanized (anyascii).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii
from rapidfuzz import fuzz

TOKEN_MAX = 64
_SPLIT = re.compile(r"[\s,.\-_'’/()·]+")
# Marks that change nothing visible but break matching (zero-width, bidi controls).
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_name(value: str) -> str:
    """Strip invisible and bidi control characters and fold whitespace (NFC)."""
    value = _INVISIBLE.sub("", unicodedata.normalize("NFC", value or ""))
    return " ".join(value.split())


def fold(value: str) -> str:
    """Casefold and strip combining marks from Latin-like letters; keep other scripts intact."""
    decomposed = unicodedata.normalize("NFKD", clean_name(value).casefold())
    kept: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and _is_latin_mark_context(kept):
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).replace("đ", "d")


def _is_latin_mark_context(kept: list[str]) -> bool:
    # Only drop marks after Latin letters (Vietnamese tones, accents). Cyrillic й, and the vowel
    # signs of Thai, Khmer, Myanmar, Devanagari and Sinhala, are combining marks that carry meaning.
    if not kept:
        return False
    return kept[-1] < "\u0250" or "\u1e00" <= kept[-1] <= "\u1eff"


def romanize(value: str) -> str:
    return anyascii(clean_name(value)).lower()


def _words(value: str) -> list[str]:
    return [w for w in _SPLIT.split(value) if w]


def name_tokens(forms: Iterable[str]) -> set[str]:
    """Search tokens for all name forms: each word, the joined name, folded and romanized."""
    tokens: set[str] = set()
    for form in forms:
        if not form:
            continue
        for variant in {fold(form), romanize(form)}:
            words = _words(variant)
            tokens.update(w[:TOKEN_MAX] for w in words)
            if len(words) > 1:
                tokens.add("".join(words)[:TOKEN_MAX])
    return {t for t in tokens if t}


def query_tokens(query: str) -> list[str]:
    """Tokens of a search query; each must prefix-match some name token of the person."""
    # A Hangul name typed without spaces ("응우옌반안") still matches: name_tokens also indexes
    # each name form with its words joined.
    return _words(fold(query))


def similarity(a_forms: Iterable[str], b_forms: Iterable[str]) -> float:
    """Best similarity (0–100) between any two name forms, comparing folded and romanized words
    in sorted order, so that "Van An Nguyen" and "Nguyễn Văn An" match."""
    a_variants = _variants(a_forms)
    b_variants = _variants(b_forms)
    best = 0.0
    for a in a_variants:
        for b in b_variants:
            best = max(best, fuzz.token_sort_ratio(a, b))
    return best


def _variants(forms: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for form in forms:
        if form and form.strip():
            out.add(" ".join(_words(fold(form))))
            out.add(" ".join(_words(romanize(form))))
    return {v for v in out if v}
