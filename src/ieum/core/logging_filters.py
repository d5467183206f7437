"""A logging filter that removes identifiers before anything is written to a log.

Never log a secret or an identifier: this is the net under that rule, not a licence to try.
"""

from __future__ import annotations

import logging
import re

_PATTERNS = [
    re.compile(r"\b\d{6}-?[1-8]\d{6}\b"),  # alien/resident registration numbers
    re.compile(r"\b[A-Z]{1,2}\d{7,8}\b"),  # passport numbers in common layouts
    re.compile(r"ieum_[A-Za-z0-9_\-]{20,}"),  # API tokens
    re.compile(r"\+\d{8,15}\b"),  # phone numbers in E.164, as stored
    re.compile(r"\b0\d{1,2}-?\d{3,4}-?\d{4}\b"),  # Korean phone numbers as typed
    re.compile(r"(?i)(password|secret|token|key)=\S+"),
]


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub("[redacted]", text)
    return text


class RedactIdentifiers(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True
