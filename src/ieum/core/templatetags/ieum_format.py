"""Template filters that write dates, numbers and won in the reader's language:
{{ person.birth_date|local_date }}, {{ event.at|local_datetime }}, {{ amount|krw }}."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone, translation

from ieum.lib import formatting

register = template.Library()


@register.filter
def local_date(value):
    # A moment is dated in the center's time zone, not UTC (23:30 KST is still "today").
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value).date()
    return formatting.local_date(value, translation.get_language())


@register.filter
def local_datetime(value):
    return formatting.local_datetime(value, translation.get_language(), timezone.get_current_timezone())


@register.filter
def local_number(value):
    return formatting.local_number(value, translation.get_language())


@register.filter
def krw(value):
    return formatting.krw(value, translation.get_language())


@register.filter
def language_name(code):
    return formatting.language_name(code, translation.get_language())


@register.filter
def bdi(value):
    """A person's name, isolated from the text around it: a right-to-left name (Arabic, Urdu …)
    must not reorder the numbers and punctuation beside it. For names placed inside a translated
    sentence ({% blocktranslate with name=person.name|bdi %}); elsewhere write <bdi> directly."""
    from django.utils.html import format_html

    return format_html("<bdi>{}</bdi>", value)
