"""Hand a language's untranslated and fuzzy messages to a translator as JSON, and take them back.

    python scripts/po_todo.py export vi > todo-vi.json
    python scripts/po_todo.py import vi done-vi.json

The export lists objects {"msgid", "msgid_plural", "msgctxt", "nplurals", "comment"}; the import
takes the same objects with "msgstr" (a string) or "msgstr_plural" (a list, one per plural form)
added. An imported translation whose placeholders differ from the source's is refused and
listed, so a catalogue never gains a string that would crash or mislead at run time.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"
PLACEHOLDER = re.compile(r"%\([a-zA-Z0-9_]+\)[sdif]|%[sdif]|\{[a-zA-Z0-9_]*\}")


def _catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"), wrapwidth=0)


def _nplurals(po: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def export(lang: str) -> list[dict]:
    po = _catalogue(lang)
    todo = []
    for entry in po:
        if entry.obsolete:
            continue
        missing = not entry.translated() or "fuzzy" in entry.flags
        if missing:
            todo.append(
                {
                    "msgid": entry.msgid,
                    "msgid_plural": entry.msgid_plural or None,
                    "msgctxt": entry.msgctxt,
                    "nplurals": _nplurals(po),
                    "comment": entry.comment or None,
                }
            )
    return todo


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def import_(lang: str, items: list[dict]) -> list[str]:
    po = _catalogue(lang)
    problems = []
    for item in items:
        entry = po.find(item["msgid"], msgctxt=item.get("msgctxt"))
        if entry is None:
            problems.append(f"not in catalogue: {item['msgid'][:60]!r}")
            continue
        wanted = _placeholders(item["msgid"])
        if item.get("msgid_plural"):
            forms = item.get("msgstr_plural") or []
            if not forms or any(not f for f in forms):
                problems.append(f"no plural forms: {item['msgid'][:60]!r}")
                continue
            # A form may leave out the count (e.g. languages without plurals), not add others.
            if any(set(_placeholders(f)) - set(wanted + _placeholders(item["msgid_plural"])) for f in forms):
                problems.append(f"placeholders differ: {item['msgid'][:60]!r}")
                continue
            entry.msgstr_plural = {i: f for i, f in enumerate(forms)}
        else:
            text = item.get("msgstr") or ""
            if not text:
                problems.append(f"empty: {item['msgid'][:60]!r}")
                continue
            if _placeholders(text) != wanted:
                problems.append(f"placeholders differ: {item['msgid'][:60]!r}")
                continue
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
    po.save()
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in {"export", "import"}:
        print(__doc__)
        return 2
    if argv[0] == "export":
        json.dump(export(argv[1]), sys.stdout, ensure_ascii=False, indent=1)
        return 0
    problems = import_(argv[1], json.loads(Path(argv[2]).read_text(encoding="utf-8")))
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
