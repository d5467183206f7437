"""An XForm instance (the XML ODK Collect, Enketo and Ieum's web form submit) to and from the
flat answers Ieum keeps. Untrusted XML is read with defusedxml. No Django import."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # nosec B405 - only to build XML; parsing goes through defusedxml
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree as SafeET

from ieum.surveys.formdef import Element, elements


class InstanceInvalid(ValueError):
    pass


@dataclass(frozen=True)
class Instance:
    id_string: str
    version: str
    instance_id: str
    answers: dict[str, Any]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read(node: Any, items: list[Element], out: dict[str, Any]) -> None:
    children: dict[str, list[Any]] = {}
    for child in node:
        children.setdefault(_local(child.tag), []).append(child)
    for item in items:
        found = children.get(item.name, [])
        if item.is_group:
            for group in found[:1]:
                _read(group, item.children, out)
        elif item.is_repeat:
            rows = []
            for instance in found:
                row: dict[str, Any] = {}
                _read(instance, item.children, row)
                rows.append(row)
            out[item.name] = rows
        elif found:
            out[item.name] = (found[0].text or "").strip()


def parse_instance(xml: bytes | str, definition: Mapping[str, Any] | None = None) -> Instance:
    """The header (form id, version, instanceID); the answers too when the definition is given."""
    try:
        root = SafeET.fromstring(xml)
    except Exception as exc:  # defusedxml raises several kinds, all meaning "not acceptable XML"
        raise InstanceInvalid(str(exc)) from None
    meta = next((c for c in root if _local(c.tag) == "meta"), None)
    instance_id = ""
    if meta is not None:
        found = next((c for c in meta if _local(c.tag) == "instanceID"), None)
        instance_id = (found.text or "").strip() if found is not None else ""
    if not instance_id:
        raise InstanceInvalid("meta/instanceID missing")
    answers: dict[str, Any] = {}
    if definition is not None:
        _read(root, elements(definition), answers)
    return Instance(root.get("id", ""), root.get("version", ""), instance_id[:100], answers)


def _write(parent: ET.Element, items: list[Element], answers: Mapping[str, Any]) -> None:
    for item in items:
        if item.is_group:
            _write(ET.SubElement(parent, item.name), item.children, answers)
        elif item.is_repeat:
            for row in answers.get(item.name) or []:
                _write(ET.SubElement(parent, item.name), item.children, row)
        elif item.type != "note":
            ET.SubElement(parent, item.name).text = str(answers.get(item.name, "") or "")


def build_instance(
    definition: Mapping[str, Any], answers: Mapping[str, Any], *, version: str, instance_id: str
) -> str:
    root = ET.Element(definition.get("name") or "data", {"id": definition.get("id_string", "")})
    if version:
        root.set("version", version)
    _write(root, elements(definition), answers)
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "instanceID").text = instance_id
    return ET.tostring(root, encoding="unicode")
