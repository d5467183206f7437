"""Message templates: loading the data file and choosing a language with fallback."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ieum.notify.models import MessageTemplate

DATA_FILE = Path(__file__).parent / "data" / "templates.toml"


class TemplateMissing(LookupError):
    pass


def fallback_chain(language: str) -> list[str]:
    """The person's language, then the configured fallbacks (default English, then Korean)."""
    chain = [language, *settings.IEUM_NOTIFY_FALLBACK_LANGUAGES]
    return [code for i, code in enumerate(chain) if code and code not in chain[:i]]


@transaction.atomic
def templates_load(path: Path = DATA_FILE) -> int:
    """Create or update every template of the data file; returns how many rows it holds. A changed
    Korean source marks that key's other languages stale until they are re-translated."""
    rows = tomllib.loads(path.read_text(encoding="utf-8")).get("template", [])
    for row in rows:
        current = MessageTemplate.objects.filter(key=row["key"], language=row["language"]).first()
        if current and row["language"] == "ko" and current.body != row["body"]:
            MessageTemplate.objects.filter(key=row["key"]).exclude(language="ko").update(stale=True)
        MessageTemplate.objects.update_or_create(
            key=row["key"],
            language=row["language"],
            defaults={
                "subject": row.get("subject", ""),
                "body": row["body"],
                "kakao_template_id": row.get("kakao_template_id", ""),
                "source": row.get("source", ""),
                "stale": False if row["language"] == "ko" or current is None else current.stale,
            },
        )
    return len(rows)


def template_resolve(key: str, language: str) -> MessageTemplate:
    """The template of `key` in the first language of the fallback chain that has it."""
    found = {t.language: t for t in MessageTemplate.objects.filter(key=key)}
    if not found and DATA_FILE.exists():
        # A fresh (or flushed test) database: the data file is the source.
        templates_load()
        found = {t.language: t for t in MessageTemplate.objects.filter(key=key)}
    for code in fallback_chain(language):
        if code in found:
            return found[code]
    raise TemplateMissing(key)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def render(text: str, context: dict) -> str:
    """Fill {name} placeholders; every placeholder must be in the context."""
    values = {name: str(context[name]) for name in placeholders(text)}
    return text.format_map(values)
