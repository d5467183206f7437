"""Every message in every one of the 13 catalogues is translated, none is fuzzy, placeholders
match, and each catalogue records that it awaits review by a native-speaking counselor."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def _catalogue(code: str) -> polib.POFile:
    path = LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing catalogue {path}"
    return polib.pofile(str(path))


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def test_all_thirteen_languages_are_offered():
    assert sorted(LANGUAGES) == sorted(
        ["ko", "en", "vi", "zh-hans", "id", "km", "ne", "th", "si", "fil", "uz", "ru", "my"]
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    catalogue = _catalogue(code)
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_named_placeholder(code):
    wrong = []
    for entry in _catalogue(code).translated_entries():
        expected = _placeholders(entry.msgid)
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            if _placeholders(text) != expected and not (
                entry.msgid_plural and _placeholders(text) < expected
            ):
                wrong.append((entry.msgid, text))
    assert not wrong, f"{code}: placeholders differ in {wrong[:3]}"


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_each_catalogue_records_that_it_awaits_review(code):
    metadata = _catalogue(code).metadata
    assert "native-speaking counselor" in metadata.get("X-Review-Status", "")
    assert metadata.get("Language") == to_locale(code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_python_format_translations_format_without_error(code):
    """A lone % in a translation ("10% of …") breaks %-formatting at run time and msgfmt's
    compile; the source writes %% and so must every translation."""
    broken = []
    for entry in _catalogue(code).translated_entries():
        if "python-format" not in entry.flags:
            continue
        # 1 formats as %s and as %02d alike.
        names = dict.fromkeys(re.findall(r"%\((\w+)\)", entry.msgid), 1)
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            try:
                text % names
            except (ValueError, TypeError, KeyError):
                broken.append(text)
    assert not broken, f"{code}: not a valid format string: {broken[:3]}"
