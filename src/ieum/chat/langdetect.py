"""Which of the center's 13 languages a chat message is written in. No Django import.

Script rules decide first: Hangul, Khmer, Myanmar, Sinhala and Thai each belong to one of our
languages only, and short messages in them are where statistical detectors fail most. Then
`langid` (it ships its own model) restricted to the languages we support, so a Vietnamese
greeting is never reported as, say, Catalan. langid has no Uzbek model: Uzbek Latin is recognised
by its letters oʻ/gʻ and common words before langid is asked.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

# Our codes (settings.LANGUAGES) ← langid's codes.
_FROM_LANGID = {
    "ko": "ko",
    "en": "en",
    "vi": "vi",
    "zh": "zh-hans",
    "id": "id",
    "km": "km",
    "ne": "ne",
    "th": "th",
    "si": "si",
    "tl": "fil",
    "ru": "ru",
}
SUPPORTED = ("ko", "en", "vi", "zh-hans", "id", "km", "ne", "th", "si", "fil", "uz", "ru", "my")

# Unicode blocks whose script is used by exactly one supported language.
_SCRIPTS: list[tuple[str, re.Pattern[str]]] = [
    ("ko", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
    ("km", re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")),
    ("my", re.compile(r"[\u1000-\u109f\uaa60-\uaa7f]")),
    ("si", re.compile(r"[\u0d80-\u0dff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
]
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_UZBEK_LETTERS = re.compile(r"\b\w*[oOgG][ʻ'‘’`]\w*", re.UNICODE)
_UZBEK_WORDS = frozenset(
    {"va", "bilan", "uchun", "emas", "qanday", "yordam", "kerak", "ishlayman", "ish", "haqi"}
    | {"menga", "rahmat", "salom", "iltimos"}
)

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from langid.langid import LanguageIdentifier, model

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    identifier.set_languages(sorted(_FROM_LANGID))
    return identifier


def warm_up() -> None:
    """Load langid's model now (it takes seconds), so the first chat message is not slow."""
    with _lock:
        _identifier()


def _by_script(text: str) -> str | None:
    letters = len(_LETTER.findall(text)) or 1
    best, best_count = None, 0
    for code, pattern in _SCRIPTS:
        count = len(pattern.findall(text))
        if count > best_count:
            best, best_count = code, count
    # One Korean word in a Thai sentence is still Thai: the script must carry a third of the letters.
    if best is not None and best_count * 3 >= letters:
        return best
    return None


def _looks_uzbek(text: str) -> bool:
    words = re.findall(r"\w+", text.lower())
    hits = sum(1 for w in words if w in _UZBEK_WORDS) + len(_UZBEK_LETTERS.findall(text))
    return hits >= 2 or (hits >= 1 and len(words) <= 3)


def detect_language(text: str, *, default: str = "") -> str:
    """Our language code for `text`, or `default` when there is nothing to go on."""
    text = (text or "").strip()
    if not _LETTER.search(text):
        return default
    by_script = _by_script(text)
    if by_script:
        return by_script
    if _looks_uzbek(text):
        return "uz"
    with _lock:  # langid's identifier keeps scratch state; calls are short
        code, _score = _identifier().classify(text)
    return _FROM_LANGID.get(code, default)
