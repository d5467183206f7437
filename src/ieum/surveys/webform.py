"""The respondent's web form: the definition as a flat list of blocks a template renders without
recursion, answers read back from the POST, and problem messages in the respondent's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from ieum.surveys import formdef
from ieum.surveys.formdef import Element

GENERIC = {
    "required": lambda: _("This question needs an answer."),
    "constraint": lambda: _("This answer is not accepted."),
    "type": lambda: _("This answer is not in the right format."),
    "choice": lambda: _("Choose one of the options shown."),
}


def problem_text(problem: formdef.Problem, language: str) -> str:
    own = formdef.text(problem.message, language) if problem.message else ""
    return own if own and own != "-" else GENERIC[problem.code]()


def field_name(name: str, repeat: str | None = None, index: int | None = None) -> str:
    return f"{repeat}.{index}.{name}" if repeat else name


def blocks(
    definition: Mapping[str, Any],
    answers: Mapping[str, Any],
    language: str,
    errors: Mapping[str, str],
    counts: Mapping[str, int],
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    _blocks(formdef.elements(definition), answers, language, errors, counts, out, None, None)
    return out


def _blocks(items: list[Element], answers, language, errors, counts, out, repeat, index) -> None:
    for item in items:
        label = formdef.text(item.label, language)
        if item.is_group:
            out.append({"kind": "group", "label": label, "relevant": item.relevant})
            _blocks(item.children, answers, language, errors, counts, out, repeat, index)
            out.append({"kind": "end"})
        elif item.is_repeat:
            rows = answers.get(item.name) or []
            total = max(counts.get(item.name, 0), len(rows), 1)
            for number in range(1, total + 1):
                row = rows[number - 1] if number - 1 < len(rows) else {}
                out.append({"kind": "group", "label": f"{label} ({number})", "relevant": item.relevant})
                _blocks(item.children, row, language, errors, counts, out, item.name, number)
                out.append({"kind": "end"})
            out.append({"kind": "add", "name": item.name, "label": label})
        elif item.type == "note":
            out.append({"kind": "note", "label": label, "relevant": item.relevant})
        elif item.is_input:
            name = field_name(item.name, repeat, index)
            value = answers.get(item.name, "")
            picked = value.split() if isinstance(value, str) else list(value or [])
            out.append(
                {
                    "kind": "question",
                    "type": item.type.replace(" ", "_"),
                    "name": name,
                    "qname": item.name,
                    "label": label,
                    "hint": formdef.text(item.hint, language),
                    "required": item.required,
                    "relevant": item.relevant,
                    "constraint": item.constraint,
                    "constraint_message": formdef.text(item.bind.get("jr:constraintMsg", ""), language),
                    "choice_filter": item.choice_filter,
                    "choices": [
                        {
                            "name": c["name"],
                            "label": formdef.text(c.get("label", c["name"]), language),
                            "filter": {k: v for k, v in c.items() if k not in ("name", "label")},
                            "checked": c["name"] in picked,
                        }
                        for c in item.choices
                    ],
                    "value": value if isinstance(value, str) else " ".join(value),
                    "error": errors.get(name, ""),
                }
            )


def read_answers(definition: Mapping[str, Any], post: QueryDict) -> tuple[dict[str, Any], dict[str, int]]:
    """The answers a POST carries, and how many instances of each repeat it showed."""
    answers: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for item, repeat in formdef.walk(formdef.elements(definition)):
        if item.is_repeat:
            raw = post.get(f"{item.name}.__count", "1")
            # The count comes back from a hidden field: anything but a small number reads as one.
            shown = int(raw) if raw.isdigit() and len(raw) < 4 else 1
            counts[item.name] = max(1, min(shown, 50))
            answers[item.name] = [
                {
                    child.name: _value(child, post, field_name(child.name, item.name, n))
                    for child, _r in formdef.walk(item.children)
                    if child.is_input
                }
                for n in range(1, counts[item.name] + 1)
            ]
        elif item.is_input and repeat is None:
            answers[item.name] = _value(item, post, item.name)
    return answers, counts


def _value(item: Element, post: QueryDict, name: str) -> str:
    if item.type == formdef.SELECT_MULTIPLE:
        return " ".join(v for v in post.getlist(name) if v)
    return (post.get(name) or "").strip()[:2000]


def error_map(
    problems: list[formdef.Problem], definition: Mapping[str, Any], language: str
) -> dict[str, str]:
    repeat_of = {item.name: repeat for item, repeat in formdef.walk(formdef.elements(definition))}
    return {field_name(p.name, repeat_of.get(p.name), p.index): problem_text(p, language) for p in problems}
