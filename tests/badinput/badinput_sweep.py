"""The sweep: post a valid submission, then hostile variants of it, one field at a time, and
judge each answer (ieum issue 11, "Bad input").

Each attempt runs in a savepoint that is rolled back, so every variant starts from the same
world and an accepted variant does not change what the next one meets.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from badinput_values import (
    BILLION_LAUGHS,
    ELF,
    EXE,
    JSON_TYPE_VARIANTS,
    RAW_JSON_BODIES,
    SCRIPT,
    TEXT_VARIANTS,
    json_body,
    xlsx_bomb,
    zip_bomb,
)
from badinput_watch import clear, stored_files, writes
from django.conf import settings
from django.contrib.messages import constants
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
World = Any


def pdf(name: str = "paper.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@dataclass(frozen=True)
class Endpoint:
    """One form (or JSON operation) and a submission of it that the app accepts."""

    name: str  # shown in test ids: "<app>: <what the form does>"
    pattern: str  # the URL pattern as get_resolver prints it
    world: str  # the fixture that builds the objects and users
    role: str  # who may use the form: a key of world["users"]
    url: Callable[[World], str]
    data: Callable[[World], dict[str, Any]]
    kind: str = "form"  # "form" (urlencoded or multipart) or "json"
    # Where the form is shown: fields found there that `data` lacks are swept too.
    page: Callable[[World], str] | None = None
    # Pages that show what was stored; each is read after an accepted variant.
    show: Callable[[World], list[str]] | None = None
    # False for forms that only answer (a screening, a revealed number): they write nothing.
    writes: bool = True
    headers: Callable[[World], dict[str, str]] | None = None
    # Puts the world in the state the form needs (a case taken before it can be resolved);
    # may add objects to the world dict.
    prepare: Callable[[World], None] | None = None
    # Fields left out of the sweep, each with the reason.
    skip: dict[str, str] = field(default_factory=dict)
    # Writes a refused attempt may make here, table -> operations, e.g. a one-time-code device
    # counting wrong codes: {"otp_totp_totpdevice": {"update"}}. Say why at the endpoint.
    allowed: dict[str, set[str]] = field(default_factory=dict)
    # Fields whose hostile values may be ignored without a message, each with the reason.
    silent_ok: dict[str, str] = field(default_factory=dict)
    # (dotted name, stand-in) pairs patched while a hostile variant runs, for a costly step the
    # sweep does not test (say why at the endpoint). Never for the valid submission, nor for a
    # variant that carries a script tag: the pages it is looked for on are the real ones.
    patch: tuple[tuple[str, Any], ...] = ()


@dataclass
class Attempt:
    status: int
    refused: bool
    said_why: bool
    written: Counter[str]
    new_files: set[str]
    error: str = ""
    said: str = ""
    unescaped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [str(self.status)]
        if self.error:
            parts.append(self.error)
        if self.refused:
            parts.append("refused" + ("" if self.said_why else " without saying why"))
            if self.said:
                parts.append(f"“{self.said[:160]}”")
        if self.written:
            parts.append("wrote " + ", ".join(f"{k}×{v}" for k, v in sorted(self.written.items())))
        if self.new_files:
            parts.append(f"stored {len(self.new_files)} file(s)")
        if self.unescaped:
            parts.append("raw <script> on " + ", ".join(self.unescaped))
        return "; ".join(parts)


# ---- reading answers ------------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects the error markers of a page and the fields of its forms."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.errors = 0
        self.texts: list[str] = []
        self._errorlist_depth = 0
        self.forms: list[tuple[str, list[str]]] = []  # (action, field names)
        self._alert_depth = 0
        self._alert_text = ""
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "errorlist" in classes:
            self.errors += 1
            self._errorlist_depth = 1
        elif self._errorlist_depth:
            self._errorlist_depth += 1
        if a.get("role") == "alert" and "hidden" not in a:
            self._alert_depth = 1
            self._alert_text = ""
        elif self._alert_depth:
            self._alert_depth += 1
        if tag == "form":
            self.forms.append((a.get("action") or "", []))
        elif (
            tag in ("input", "select", "textarea", "button")
            and self.forms
            and a.get("name") not in (None, "", "csrfmiddlewaretoken")
        ):
            self.forms[-1][1].append(a["name"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._errorlist_depth:
            self._errorlist_depth -= 1
        if self._alert_depth:
            self._alert_depth -= 1
            if not self._alert_depth and self._alert_text.strip():
                self.errors += 1
                self.texts.append(" ".join(self._alert_text.split()))

    def handle_data(self, data: str) -> None:
        if self._alert_depth:
            self._alert_text += data
        elif self._errorlist_depth and data.strip():
            self.texts.append(data.strip())


def _is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def _page(response) -> _Page:
    parser = _Page()
    if _is_html(response):
        parser.feed(response.content.decode(errors="replace"))
    return parser


def _json_says_why(response) -> bool:
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    return isinstance(body, dict) and any(body.get(k) for k in ("detail", "errors", "message"))


def _queued_errors(response) -> list[str]:
    """Error messages this request added. The messages cookie is dropped before each attempt,
    so what the storage loaded (a rendered page moves its new messages there) is this
    request's too."""
    storage = getattr(response.wsgi_request, "_messages", None)
    if storage is None:
        return []
    found = [*getattr(storage, "_queued_messages", []), *getattr(storage, "_loaded_messages", [])]
    return [str(m) for m in found if m.level >= constants.ERROR]


def form_fields(client: Client, page_url: str, target: str) -> list[str]:
    """Names of the fields of every form on `page_url` that posts to `target`."""
    response = client.get(page_url)
    names: list[str] = []
    target_path = urlsplit(target).path
    for action, fields in _page(response).forms:
        path = urlsplit(action).path or urlsplit(page_url).path
        if path == target_path:
            names += [f for f in fields if f not in names]
    return names


# ---- posting --------------------------------------------------------------------------------


class _Exceptions:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, sender, request=None, **kwargs) -> None:
        import sys

        exc = sys.exc_info()[1]
        self.seen.append(f"{type(exc).__name__}: {str(exc)[:200]}")


def _post(client: Client, endpoint: Endpoint, url: str, body: dict | bytes, headers: dict[str, str]):
    if endpoint.kind == "json":
        raw = body if isinstance(body, bytes) else json_body(body)
        return client.post(url, raw, content_type="application/json", headers=headers)
    return client.post(url, body, headers=headers)


def attempt(client: Client, endpoint: Endpoint, world: World, body: dict | bytes) -> Attempt:
    """Post `body` in a savepoint, judge the answer, read the pages that show what was stored,
    and roll everything back."""
    cache.clear()  # rate limits kept in the cache would refuse later attempts for another reason
    client.cookies.pop("messages", None)
    # A sign-in gives the client a new session whose row the rollback removes: each attempt
    # starts with the cookies the client had before.
    cookies = copy.deepcopy(client.cookies)
    headers = endpoint.headers(world) if endpoint.headers else {}
    url = endpoint.url(world)
    files_before = stored_files()
    clear()  # forget what the world's set-up and earlier page reads wrote
    exceptions = _Exceptions()
    got_request_exception.connect(exceptions)
    try:
        with transaction.atomic():
            response = _post(client, endpoint, url, body, headers)
            status = response.status_code
            if status >= 500:
                # The transaction may be broken (PostgreSQL): read nothing more.
                transaction.set_rollback(True)
                return Attempt(status, False, False, Counter(), set(), "; ".join(exceptions.seen) or "5xx")
            page = _page(response)
            errors = _queued_errors(response)
            refused = status >= 400 or page.errors > 0 or bool(errors)
            if endpoint.kind == "json" and status >= 400:
                said_why = _json_says_why(response)
            else:
                said_why = (
                    page.errors > 0 or bool(errors) or (status >= 400 and bool(response.content.strip()))
                )
            written = Counter(
                {
                    k: n
                    for k, n in writes().items()
                    if k.split()[1] not in endpoint.allowed.get(k.split()[0], ())
                }
            )
            result = Attempt(status, refused, said_why, written, stored_files() - files_before)
            result.said = " | ".join([*errors, *page.texts]) or (
                response.content[:160].decode(errors="replace") if status >= 400 else ""
            )
            if not refused and carries_script(body):
                result.unescaped = _unescaped(client, endpoint, world, response)
            transaction.set_rollback(True)
            return result
    finally:
        got_request_exception.disconnect(exceptions)
        client.cookies = cookies


def carries_script(body: dict | list | bytes) -> bool:
    if isinstance(body, bytes):
        return SCRIPT.encode() in body
    return SCRIPT in str(body)


def _unescaped(client: Client, endpoint: Endpoint, world: World, response) -> list[str]:
    """Pages (the answer, where it redirects, the endpoint's `show` pages) that carry a raw
    <script> tag."""
    pages = [("answer", response)]
    location = response.get("Location", "") if response.status_code in (301, 302, 303) else ""
    urls = ([location] if location.startswith("/") else []) + (endpoint.show(world) if endpoint.show else [])
    for url in dict.fromkeys(urls):
        pages.append((url, client.get(url)))
    return [
        name
        for name, page in pages
        if page.status_code < 500 and _is_html(page) and SCRIPT.encode() in page.content
    ]


# ---- variants ---------------------------------------------------------------------------------


def _upload_limit() -> int:
    return int(settings.IEUM_UPLOAD_MAX_BYTES)


def file_variants() -> Iterator[tuple[str, Callable[[], Any]]]:
    yield "oversized file", lambda: SimpleUploadedFile("big.pdf", PDF + bytes(_upload_limit() + 1))
    yield "ELF executable named .pdf", lambda: SimpleUploadedFile("scan.pdf", ELF, "application/pdf")
    yield "Windows .exe named .pdf", lambda: SimpleUploadedFile("scan.pdf", EXE, "application/pdf")
    yield "empty file", lambda: SimpleUploadedFile("empty.pdf", b"", "application/pdf")
    yield "zip bomb", lambda: SimpleUploadedFile("data.zip", zip_bomb(), "application/zip")
    yield "xlsx zip bomb", lambda: SimpleUploadedFile("book.xlsx", xlsx_bomb(), "application/octet-stream")
    yield "XML billion laughs", lambda: SimpleUploadedFile("submission.xml", BILLION_LAUGHS, "text/xml")
    yield "text instead of a file", lambda: "<script>alert(1)</script>"


def variants(endpoint: Endpoint, base: dict[str, Any] | list) -> Iterator[tuple[str, str, Callable[[], Any]]]:
    """(field, variant name, make the body) for every hostile variant of `base`.

    A JSON body that is a list of one object (a webhook's batch) has the object's fields varied.
    """
    if isinstance(base, list):
        for name, label, make in variants(endpoint, base[0]):
            if name == "(body)":
                yield name, label, make
            else:
                yield name, label, lambda make=make: [make()]
        return
    for name, value in base.items():
        if name in endpoint.skip:
            continue
        if isinstance(value, SimpleUploadedFile):
            for label, make in file_variants():
                yield name, label, lambda name=name, make=make: {**base, name: make()}
            continue
        values: dict[str, Any] = dict(TEXT_VARIANTS)
        if endpoint.kind == "json":
            values.update(JSON_TYPE_VARIANTS)
        for label, hostile in values.items():
            if isinstance(value, list) and endpoint.kind == "form":
                hostile = [hostile]
            yield name, label, lambda name=name, hostile=hostile: {**base, name: hostile}
    if endpoint.kind == "json":
        for label, raw in RAW_JSON_BODIES.items():
            yield "(body)", label, lambda raw=raw: raw


def judge(endpoint: Endpoint, field_name: str, result: Attempt) -> str:
    """What is wrong with the answer to a hostile variant ("" when nothing is)."""
    if result.status >= 500:
        return f"server error: {result.summary()}"
    if result.refused:
        if result.written or result.new_files:
            return f"refused but changed data: {result.summary()}"
        if not result.said_why:
            return f"refused without saying why: {result.summary()}"
        return ""
    if result.unescaped:
        return f"stored and shown unescaped: {result.summary()}"
    if endpoint.writes and not result.written and field_name not in endpoint.silent_ok:
        return f"neither refused with a message nor stored: {result.summary()}"
    if not endpoint.writes and (result.written or result.new_files):
        return f"an answering form changed data: {result.summary()}"
    return ""


def baseline_problem(endpoint: Endpoint, result: Attempt) -> str:
    """What is wrong with the answer to the valid submission ("" when nothing is)."""
    if result.status >= 500 or result.refused:
        return f"the valid submission is not accepted: {result.summary()}"
    if endpoint.writes and not result.written:
        return f"the valid submission changed nothing: {result.summary()}"
    if not endpoint.writes and result.written:
        return f"the valid submission of an answering form wrote: {result.summary()}"
    return ""
