"""A loaded form definition (pyxform's JSON) as Ieum reads it: the tree of questions, the
languages, and the server's judgement of an answer set. No Django import.

Answers are a flat dict by question name (groups do not nest; names are unique across a form,
which `${name}` references need anyway) and a repeat is a list of such dicts.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ieum.surveys import expressions as ex

SELECT_ONE = "select one"
SELECT_MULTIPLE = "select all that apply"
INPUT_TYPES = {"text", "integer", "decimal", "date", SELECT_ONE, SELECT_MULTIPLE}
CODE_IN_LANGUAGE = re.compile(r"\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)\s*$")


@dataclass
class Element:
    name: str
    type: str
    label: Any = ""
    hint: Any = ""
    bind: dict = field(default_factory=dict)
    choices: list[dict] = field(default_factory=list)
    choice_filter: str = ""
    appearance: str = ""
    children: list[Element] = field(default_factory=list)

    @property
    def is_group(self) -> bool:
        return self.type == "group"

    @property
    def is_repeat(self) -> bool:
        return self.type == "repeat"

    @property
    def is_input(self) -> bool:
        return self.type in INPUT_TYPES

    @property
    def relevant(self) -> str:
        return str(self.bind.get("relevant", "") or "")

    @property
    def constraint(self) -> str:
        return str(self.bind.get("constraint", "") or "")

    @property
    def calculation(self) -> str:
        return str(self.bind.get("calculate", "") or "")

    @property
    def required(self) -> bool:
        return str(self.bind.get("required", "")).lower() in ("yes", "true", "true()")


def _element(raw: dict) -> Element:
    return Element(
        name=raw["name"],
        type=raw.get("type", ""),
        label=raw.get("label", ""),
        hint=raw.get("hint", ""),
        bind=raw.get("bind", {}) or {},
        choices=list(raw.get("choices", []) or []),
        choice_filter=raw.get("choice_filter", "") or "",
        appearance=(raw.get("control", {}) or {}).get("appearance", ""),
        children=[_element(c) for c in raw.get("children", []) if c.get("name") != "meta"],
    )


def elements(definition: Mapping[str, Any]) -> list[Element]:
    """The form's tree, without pyxform's `meta` group."""
    return [_element(c) for c in definition.get("children", []) if c.get("name") != "meta"]


def walk(items: list[Element], repeat: str | None = None) -> Iterator[tuple[Element, str | None]]:
    """Every element with the name of the repeat it belongs to (None at top level)."""
    for item in items:
        yield item, repeat
        if item.is_group:
            yield from walk(item.children, repeat)
        elif item.is_repeat:
            yield from walk(item.children, item.name)


def data_fields(definition: Mapping[str, Any]) -> list[tuple[Element, str | None]]:
    """Questions that hold a value (inputs and calculates), in form order."""
    return [(e, r) for e, r in walk(elements(definition)) if e.is_input or e.type == "calculate"]


def repeats(definition: Mapping[str, Any]) -> list[Element]:
    return [e for e, _ in walk(elements(definition)) if e.is_repeat]


def languages(definition: Mapping[str, Any]) -> list[str]:
    """The form's language keys as written in the XLSForm columns, e.g. "Tiếng Việt (vi)"."""
    keys: dict[str, None] = {}

    def collect(item: Element) -> None:
        for text in (item.label, item.hint):
            if isinstance(text, dict):
                keys.update(dict.fromkeys(text))
        for choice in item.choices:
            if isinstance(choice.get("label"), dict):
                keys.update(dict.fromkeys(choice["label"]))

    for item, _ in walk(elements(definition)):
        collect(item)
    default = definition.get("default_language")
    ordered = sorted(keys, key=lambda k: (k != default, list(keys).index(k)))
    return ordered or ["default"]


def language_code(key: str) -> str:
    """ "Tiếng Việt (vi)" → "vi"; a column without an IANA code keeps its name."""
    match = CODE_IN_LANGUAGE.search(key)
    return match.group(1).lower() if match else key


def language_key(definition: Mapping[str, Any], code: str) -> str:
    """The form's language for a site language code ("zh-hans" finds "中文 (zh-Hans)")."""
    keys = languages(definition)
    wanted = (code or "").lower()
    for key in keys:
        if language_code(key) == wanted:
            return key
    for key in keys:
        if language_code(key).split("-")[0] == wanted.split("-")[0]:
            return key
    return keys[0]


def text(value: Any, key: str) -> str:
    """A label/hint/message in one language, falling back to the first one written."""
    if isinstance(value, dict):
        return str(value.get(key) or next((v for v in value.values() if v and v != "-"), ""))
    return str(value or "")


def allowed_choices(item: Element, values: Mapping[str, object]) -> list[dict]:
    if not item.choice_filter:
        return item.choices
    node = ex.parse(item.choice_filter)
    return [c for c in item.choices if ex.truthy(ex.evaluate(node, values, columns=c))]


@dataclass(frozen=True)
class Problem:
    """One answer the server refuses: `code` is required/constraint/type/choice; `message` is the
    form's own text for it (a dict by language) when the XLSForm gave one."""

    name: str
    code: str
    message: Any = ""
    index: int | None = None  # the repeat instance, counted from 1


TYPE_PATTERNS = {
    "integer": re.compile(r"-?\d{1,15}"),
    "decimal": re.compile(r"-?(\d{1,15}(\.\d*)?|\.\d+)"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
}


def judge(definition: Mapping[str, Any], answers: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The server's verdict: the cleaned answers (irrelevant ones dropped, calculates computed)
    and the problems. The browser runs the same rules, but only this one decides."""
    clean: dict[str, Any] = {}
    problems: list[Problem] = []
    _judge_items(elements(definition), answers, clean, clean, problems, None)
    return clean, problems


def _judge_items(
    items: list[Element],
    given: Mapping[str, Any],
    out: dict[str, Any],
    scope: Mapping[str, Any],
    problems: list[Problem],
    index: int | None,
) -> None:
    for item in items:
        context: Mapping[str, Any] = ChainMap(out, dict(scope)) if out is not scope else out
        if item.relevant and not ex.check(item.relevant, context):
            continue
        if item.is_group:
            _judge_items(item.children, given, out, scope, problems, index)
        elif item.is_repeat:
            instances = given.get(item.name) or []
            kept = []
            for number, instance in enumerate(instances if isinstance(instances, list) else [], start=1):
                row: dict[str, Any] = {}
                _judge_items(item.children, instance, row, ChainMap(out, dict(scope)), problems, number)
                kept.append(row)
            out[item.name] = kept
        elif item.type == "calculate":
            if item.calculation:
                out[item.name] = ex.as_text(ex.evaluate(ex.parse(item.calculation), context))
        elif item.is_input:
            _judge_value(item, given, out, context, problems, index)


def _judge_value(item, given, out, context, problems, index) -> None:
    raw = given.get(item.name, "")
    value = " ".join(raw) if isinstance(raw, list) else str(raw or "").strip()
    if value == "":
        if item.required:
            problems.append(Problem(item.name, "required", item.bind.get("jr:requiredMsg", ""), index))
        return
    pattern = TYPE_PATTERNS.get(item.type)
    if pattern and not pattern.fullmatch(value):
        problems.append(Problem(item.name, "type", "", index))
        return
    if item.type in (SELECT_ONE, SELECT_MULTIPLE):
        names = {c["name"] for c in allowed_choices(item, context)}
        picked = value.split() if item.type == SELECT_MULTIPLE else [value]
        if not picked or any(p not in names for p in picked) or len(set(picked)) != len(picked):
            problems.append(Problem(item.name, "choice", "", index))
            return
        value = " ".join(picked)
    if item.constraint and not ex.check(item.constraint, context, value):
        problems.append(Problem(item.name, "constraint", item.bind.get("jr:constraintMsg", ""), index))
        return
    out[item.name] = value
