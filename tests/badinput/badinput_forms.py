"""Every form and JSON operation that takes input, with a submission each app accepts and the
user who may make it. The sweep (badinput_sweep) varies these one field at a time.

`test_every_post_endpoint_is_swept` checks that every URL whose view reads a POST is here or
in NOT_SWEPT with its reason.
"""

from __future__ import annotations

import re
from typing import Any

from badinput_sweep import Endpoint, pdf
from django.utils import timezone

W = Any


def _casework() -> list[Endpoint]:
    from ieum.casework import services
    from ieum.casework.models import Queue, TelephonyAccount, Topic
    from ieum.core.models import ApiToken, Role, User
    from ieum.residents.services import ResidentData, resident_create

    def case_url(w: W, suffix: str = "") -> str:
        return f"/workspace/cases/{w['case'].pk}/{suffix}"

    def show(w: W) -> list[str]:
        return [case_url(w)]

    def take(w: W) -> None:
        services.case_assign(case=w["case"], to_user=w["users"]["counselor"], actor=w["users"]["counselor"])

    def resolved(w: W) -> None:
        take(w)
        services.case_resolve(case=w["case"], actor=w["users"]["counselor"], resolution="Paid")

    def telephony(w: W) -> None:
        system = User.objects.create_user(username="pbx", password="x" * 12, role=Role.COUNSELOR)
        TelephonyAccount.objects.create(user=system, name="PBX")
        w["pbx_key"] = ApiToken.issue(user=system, name="pbx")[1]

    def person(w: W) -> None:
        take(w)
        w["person"] = resident_create(
            data=ResidentData(name="TRAN VAN AN", preferred_language="vi"), actor=None
        )

    def wages(w: W) -> int:
        return Topic.objects.get(code="wages").pk

    def action(name: str, data, prepare=take, **extra) -> Endpoint:
        return Endpoint(
            f"casework: {name}",
            "workspace/cases/<int:case_id>/action/",
            "casework_access_world",
            "counselor",
            url=lambda w: case_url(w, "action/"),
            data=data if callable(data) else lambda w: dict(data),
            show=show,
            prepare=prepare,
            **extra,
        )

    def transition(name: str, data, prepare=take) -> Endpoint:
        return Endpoint(
            f"casework api: {name}",
            "api/v1/casework/cases/<case_id>/transition",
            "casework_access_world",
            "counselor",
            kind="json",
            url=lambda w: f"/api/v1/casework/cases/{w['case'].pk}/transition",
            data=data if callable(data) else lambda w: dict(data),
            show=show,
            prepare=prepare,
        )

    def other_queue(w: W) -> int:
        return Queue.objects.get(language="ne").pk

    return [
        Endpoint(
            "casework: open a case",
            "workspace/cases/new/",
            "casework_access_world",
            "counselor",
            url=lambda w: "/workspace/cases/new/",
            data=lambda w: {
                "channel": "walk_in",
                "topic": wages(w),
                "language": "vi",
                "urgency": "normal",
                "summary": "Wages unpaid for two months",
                "caller_phone": "010-2345-6789",
                "caller_kind": "",
                "caller_name": "",
                "caller_organisation": "",
                "sensitive": "",
                "resident": "",
                "assign_to_me": "on",
            },
            page=lambda w: "/workspace/cases/new/",
        ),
        Endpoint(
            "casework: take the next case",
            "workspace/cases/next/",
            "casework_access_world",
            "counselor",
            url=lambda w: "/workspace/cases/next/",
            data=lambda w: {"channel": "walk_in"},
            page=lambda w: "/workspace/cases/",
        ),
        Endpoint(
            "casework: a callback is done",
            "workspace/cases/callbacks/<int:callback_id>/",
            "casework_access_world",
            "counselor",
            url=lambda w: f"/workspace/cases/callbacks/{w['callback'].pk}/",
            data=lambda w: {"reached": "1", "note": "Called back, she will come on Monday"},
            page=lambda w: "/workspace/cases/callbacks/",
        ),
        action("take a case", {"action": "take"}, prepare=None),
        action("wait on someone", {"action": "wait", "on": "resident"}),
        action("resolve", {"action": "resolve", "resolution": "The employer paid"}),
        action("reopen", {"action": "reopen", "reason": "Not paid after all"}, prepare=resolved),
        action(
            "transfer",
            lambda w: {"action": "transfer", "to_user": "", "to_queue": other_queue(w), "reason": "Nepali"},
        ),
        action("link a person", lambda w: {"action": "link", "resident": w["person"].pk}, prepare=person),
        Endpoint(
            "casework: write a note",
            "workspace/cases/<int:case_id>/notes/",
            "casework_access_world",
            "counselor",
            url=lambda w: case_url(w, "notes/"),
            data=lambda w: {"text": "Checked the contract", "shareable": "on"},
            page=lambda w: case_url(w),
            show=show,
        ),
        Endpoint(
            "casework: add a task",
            "workspace/cases/<int:case_id>/tasks/",
            "casework_access_world",
            "counselor",
            url=lambda w: case_url(w, "tasks/"),
            data=lambda w: {"title": "Call the labor office", "due_on": "2026-12-01"},
            page=lambda w: case_url(w),
            show=show,
        ),
        Endpoint(
            "casework: attach a file",
            "workspace/cases/<int:case_id>/attachments/",
            "casework_access_world",
            "counselor",
            url=lambda w: case_url(w, "attachments/"),
            data=lambda w: {"file": pdf()},
            page=lambda w: case_url(w),
            show=show,
        ),
        Endpoint(
            "casework api: open a case",
            "api/v1/casework/cases",
            "casework_access_world",
            "counselor",
            kind="json",
            url=lambda w: "/api/v1/casework/cases",
            data=lambda w: {
                "channel": "walk_in",
                "topic": "wages",
                "language": "vi",
                "summary": "Wages unpaid",
                "urgency": "normal",
                "caller_phone": "010-2345-6789",
                "caller_kind": "",
                "caller_name": "",
                "caller_organisation": "",
                "resident_id": None,
                "sensitive": False,
            },
        ),
        Endpoint(
            "casework api: take the next case",
            "api/v1/casework/cases/next",
            "casework_access_world",
            "counselor",
            kind="json",
            url=lambda w: "/api/v1/casework/cases/next",
            data=lambda w: {"channel": "walk_in"},
        ),
        transition("take", {"action": "take"}, prepare=None),
        transition("wait", {"action": "wait", "on": "resident"}),
        transition("resolve", {"action": "resolve", "resolution": "Paid"}),
        transition("reopen", {"action": "reopen", "reason": "Not paid"}, prepare=resolved),
        transition(
            "transfer",
            lambda w: {"action": "transfer", "to_user": "", "to_queue": other_queue(w), "reason": "Nepali"},
        ),
        transition(
            "link a person", lambda w: {"action": "link", "resident_id": w["person"].pk}, prepare=person
        ),
        Endpoint(
            "casework api: write a note",
            "api/v1/casework/cases/<case_id>/notes",
            "casework_access_world",
            "counselor",
            kind="json",
            url=lambda w: f"/api/v1/casework/cases/{w['case'].pk}/notes",
            data=lambda w: {"text": "Checked", "shareable": False},
            show=show,
        ),
        Endpoint(
            "casework api: a call event from the telephony system",
            "api/v1/casework/cti/calls",
            "casework_access_world",
            "counselor",
            kind="json",
            url=lambda w: "/api/v1/casework/cti/calls",
            data=lambda w: {
                "event": "incoming",
                "call_id": "C-1",
                "caller_phone": "010-2345-6789",
                "ivr_language": "vi",
                "queue_id": None,
                "agent": "",
                "outcome": "",
                "duration_seconds": 0,
                "interpreter_request_id": None,
            },
            headers=lambda w: {"Authorization": f"Bearer {w['pbx_key']}"},
            prepare=telephony,
        ),
    ]


def _records() -> list[Endpoint]:
    """The resident record (workspace) and the portal, and signing in."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ieum.core.models import Nationality
    from ieum.notify import sms

    def detail(w: W) -> list[str]:
        return [f"/residents/{w['a'].pk}/"]

    def mine(*urls: str):
        return lambda w: list(urls)

    def csv_file() -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        body = "name,birth_date,nationality,phone\nTRAN THI MAI,1995-03-14,VN,010-5555-6666\n"
        return SimpleUploadedFile("people.csv", body.encode(), content_type="text/csv")

    def staff_half_signed_in(w: W) -> None:
        # Password given, one-time code not yet: the session is not verified.
        user = w["users"]["counselor"]
        w["device"] = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
        w["client"].force_login(user)

    def staff_first_sign_in(w: W) -> None:
        user = w["users"]["counselor"]
        w["client"].force_login(user)
        w["client"].get("/accounts/two-factor/setup/")  # makes the unconfirmed device
        w["device"] = TOTPDevice.objects.get(user=user, confirmed=False)

    def code_of(w: W) -> str:
        device = w["device"]
        return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(
            device.digits
        )

    def code_sent(w: W) -> None:
        w["client"].post("/my/signin/", {"contact": "010-2222-3333"})
        w["sms_code"] = re.search(r"\d{6}", sms.outbox[-1].text).group(0)

    def account_for_a(w: W) -> None:
        # resident_self's account signs in with A's phone number.
        w["users"]["resident_self"].phone = "+821022223333"
        w["users"]["resident_self"].save()
        code_sent(w)

    # Counting wrong codes is the point of a one-time code: the device notes each failure.
    otp_counts = {"otp_totp_totpdevice": {"update"}, "otp_static_staticdevice": {"update"}}
    languages = "a language switch that meets an unknown language leaves the page as it was"
    return [
        Endpoint(
            "residents: a new record",
            "residents/new/",
            "records_world",
            "officer",
            url=lambda w: "/residents/new/",
            data=lambda w: {
                "name": "TRAN THI MAI",
                "name_native": "Trần Thị Mai",
                "name_hangul": "쩐티마이",
                "birth_date": "1995-03-14",
                "sex": "F",
                "nationality": Nationality.objects.get(alpha2="VN").pk,
                "preferred_language": "vi",
                "phone": "010-5555-6666",
                "email": "mai@example.com",
                "address": "삼호읍 1",
                "municipality": w["yeongam"].pk,
                "arn": "",
                "passport": "",
            },
            page=lambda w: "/residents/new/",
        ),
        Endpoint(
            "residents: merge two records",
            "residents/merge/",
            "records_world",
            "officer",
            url=lambda w: "/residents/merge/",
            data=lambda w: {"survivor": w["a"].pk, "merged": w["b"].pk},
            show=detail,
        ),
        Endpoint(
            "residents: reveal an identifier",
            "residents/<int:resident_id>/reveal/",
            "records_world",
            "officer",
            url=lambda w: f"/residents/{w['a'].pk}/reveal/",
            data=lambda w: {"kind": "arn", "purpose": "visa form"},
            page=lambda w: f"/residents/{w['a'].pk}/",
        ),
        Endpoint(
            "residents: upload a document",
            "residents/<int:resident_id>/documents/",
            "records_world",
            "officer",
            url=lambda w: f"/residents/{w['a'].pk}/documents/",
            data=lambda w: {"kind": "passport", "file": pdf()},
            page=lambda w: f"/residents/{w['a'].pk}/",
            show=detail,
        ),
        Endpoint(
            "residents: import a file",
            "residents/import/",
            "records_world",
            "officer",
            url=lambda w: "/residents/import/",
            data=lambda w: {"file": csv_file()},
            page=lambda w: "/residents/import/",
        ),
        Endpoint(
            "accounts: sign in",
            "accounts/login/",
            "records_world",
            "anonymous",
            url=lambda w: "/accounts/login/",
            data=lambda w: {"username": "counselor", "password": "x" * 12, "next": "/workspace/"},
            page=lambda w: "/accounts/login/",
            allowed={"axes_accessattempt": {"insert", "update", "delete"}},
            silent_ok={"next": "an unsafe next address is replaced by the home page (Django's LoginView)"},
        ),
        Endpoint(
            "accounts: the one-time code",
            "accounts/two-factor/",
            "records_world",
            "anonymous",
            url=lambda w: "/accounts/two-factor/",
            data=lambda w: {"code": code_of(w), "next": "/workspace/"},
            prepare=staff_half_signed_in,
            allowed=otp_counts,
            silent_ok={"next": "an unsafe next address is replaced by the workspace (_next_url)"},
        ),
        Endpoint(
            "accounts: the first one-time code",
            "accounts/two-factor/setup/",
            "records_world",
            "anonymous",
            url=lambda w: "/accounts/two-factor/setup/",
            data=lambda w: {"code": code_of(w), "next": "/workspace/"},
            prepare=staff_first_sign_in,
            allowed=otp_counts,
            silent_ok={"next": "an unsafe next address is replaced by the workspace (_next_url)"},
        ),
        Endpoint(
            "portal: sign up",
            "my/signup/",
            "records_world",
            "anonymous",
            url=lambda w: "/my/signup/",
            data=lambda w: {
                "name": "TRAN THI MAI",
                "contact": "010-7777-8888",
                "language": "vi",
                "consent": "on",
            },
            page=lambda w: "/my/signup/",
        ),
        Endpoint(
            "portal: sign in",
            "my/signin/",
            "records_world",
            "anonymous",
            url=lambda w: "/my/signin/",
            data=lambda w: {"contact": "010-2222-3333"},
            page=lambda w: "/my/signin/",
            prepare=lambda w: (
                setattr(w["users"]["resident_self"], "phone", "+821022223333")
                or w["users"]["resident_self"].save()
            ),
        ),
        Endpoint(
            "portal: the code sent",
            "my/signin/code/",
            "records_world",
            "anonymous",
            url=lambda w: "/my/signin/code/",
            data=lambda w: {"code": w["sms_code"]},
            page=lambda w: "/my/signin/code/",
            prepare=account_for_a,
            # A wrong code is counted on the code, so guessing ends (portal.services).
            allowed={"portal_signincode": {"update"}},
        ),
        Endpoint(
            "portal: choose a language",
            "my/language/",
            "records_world",
            "resident_self",
            url=lambda w: "/my/language/",
            data=lambda w: {"language": "en", "next": "/my/"},
            silent_ok={"language": languages, "next": "an unsafe next address is replaced by /my/"},
        ),
        Endpoint(
            "core: choose a language",
            "i18n/setlang/",
            "records_world",
            "counselor",
            url=lambda w: "/i18n/setlang/",
            data=lambda w: {"language": "en", "next": "/workspace/"},
            silent_ok={"language": languages, "next": "an unsafe next address is replaced (Django)"},
        ),
        Endpoint(
            "portal: my profile",
            "my/profile/",
            "records_world",
            "resident_self",
            url=lambda w: "/my/profile/",
            data=lambda w: {
                "name": "NGUYEN VAN AN",
                "name_native": "Nguyễn Văn An",
                "name_hangul": "응우옌반안",
                "phone": "010-2222-3333",
                "email": "an@example.com",
                "municipality": w["yeongam"].pk,
                "address": "삼호읍 2",
                "preferred_language": "vi",
                "languages": ["ko", "en"],
            },
            page=lambda w: "/my/profile/",
            show=lambda w: ["/my/profile/", "/my/", f"/residents/{w['a'].pk}/"],
        ),
        Endpoint(
            "portal: give a consent",
            "my/consents/",
            "records_world",
            "resident_self",
            url=lambda w: "/my/consents/",
            data=lambda w: {"kind": "identifiers"},
            page=lambda w: "/my/consents/",
        ),
        Endpoint(
            "portal: upload a document",
            "my/documents/",
            "records_world",
            "resident_self",
            url=lambda w: "/my/documents/",
            data=lambda w: {"kind": "passport", "file": pdf()},
            page=lambda w: "/my/documents/",
            show=mine("/my/documents/"),
        ),
        Endpoint(
            "portal: ask for a correction",
            "my/requests/",
            "records_world",
            "resident_self",
            url=lambda w: "/my/requests/",
            data=lambda w: {"kind": "correction", "detail": "My name is spelled wrong"},
            page=lambda w: "/my/requests/",
            show=mine("/my/requests/", "/my/"),
        ),
    ]


def _chat() -> list[Endpoint]:
    def talk(w: W) -> str:
        return f"/chat/{w['conversation'].pk}/"

    def staff(w: W) -> str:
        return f"/chat/workspace/{w['conversation'].pk}/"

    return [
        Endpoint(
            "chat: start a chat",
            "chat/",
            "chat_access_world",
            "resident_self",
            url=lambda w: "/chat/",
            data=lambda w: {"topic": w["conversation"].case.topic_id, "text": "Xin chào"},
            page=lambda w: "/chat/",
            show=lambda w: ["/chat/", "/chat/workspace/"],
        ),
        Endpoint(
            "chat: a resident writes",
            "chat/<int:conversation_id>/",
            "chat_access_world",
            "resident_self",
            url=talk,
            data=lambda w: {"text": "Còn đó không?"},
            page=talk,
            show=lambda w: [talk(w)],
        ),
        Endpoint(
            "chat: a counselor writes",
            "chat/workspace/<int:conversation_id>/",
            "chat_access_world",
            "counselor",
            url=staff,
            data=lambda w: {"text": "네, 말씀하세요"},
            page=staff,
            show=lambda w: [staff(w)],
        ),
        Endpoint(
            "chat: correct a translation",
            "chat/workspace/<int:conversation_id>/messages/<int:message_id>/translation/",
            "chat_access_world",
            "counselor",
            url=lambda w: staff(w) + f"messages/{w['message'].pk}/translation/",
            data=lambda w: {"language": "ko", "text": "안녕하세요"},
            page=staff,
            show=lambda w: [staff(w)],
        ),
        Endpoint(
            "chat: a transcript for a purpose",
            "chat/workspace/<int:conversation_id>/transcript/",
            "chat_access_world",
            "counselor",
            url=lambda w: staff(w) + "transcript/",
            data=lambda w: {"purpose": "labor office hearing"},
            page=lambda w: staff(w) + "transcript/",
            writes=False,
            # Each transcript PDF loads sixteen fonts (about 3 s); the variants test what the view
            # does with the purpose, and test_a_transcript_pdf_takes_a_purpose_in_any_script
            # renders a real PDF with the hostile purpose once.
            patch=(("ieum.chat.views.transcript_pdf", lambda conversation, **kw: kw["purpose"].encode()),),
        ),
    ]


def _interpreting() -> list[Endpoint]:
    base = "/workspace/interpreting"

    def registry_data(w: W) -> dict[str, Any]:
        return {
            "name": "LE THI HOA",
            "phone": "010-3333-4444",
            "kind": "contracted",
            "account": "",
            "languages": "vi:3, km:2",
            "modalities": ["phone", "video"],
            "windows": "1 09:00-18:00\n3 09:00-12:00",
            "on_call": "on",
            "confidentiality_signed_on": "2026-01-05",
            "rate_per_hour": "30000",
            "rate_per_call": "5000",
            "active": "on",
        }

    def request_data(w: W) -> dict[str, Any]:
        return {
            "language": "vi",
            "modality": "phone",
            "mode": "scheduled",
            "scheduled_for": "2026-12-01T10:00",
            "expected_minutes": "30",
            "urgent": "",
            "topic": "wages",
            "caller_label": "An",
        }

    return [
        Endpoint(
            "interpreting: raise a request",
            "workspace/interpreting/requests/new/",
            "interpreting_w",
            "counselor",
            url=lambda w: f"{base}/requests/new/",
            data=request_data,
            page=lambda w: f"{base}/requests/new/",
        ),
        Endpoint(
            "interpreting: offer a request to an interpreter",
            "workspace/interpreting/requests/<int:request_id>/offer/",
            "interpreting_w",
            "coordinator",
            url=lambda w: f"{base}/requests/{w['ids']['cancel']}/offer/",
            data=lambda w: {"interpreter": w["ids"]["theirs"]},
            page=lambda w: f"{base}/requests/{w['ids']['cancel']}/",
        ),
        Endpoint(
            "interpreting: log a session",
            "workspace/interpreting/requests/<int:request_id>/session/",
            "interpreting_w",
            "interpreter",
            url=lambda w: f"{base}/requests/{w['ids']['request']}/session/",
            data=lambda w: {
                "started_at": "2026-11-20T10:00",
                "ended_at": "2026-11-20T10:25",
                "outcome": "completed",
                "three_way_call": "on",
            },
            page=lambda w: f"{base}/requests/{w['ids']['request']}/session/",
        ),
        Endpoint(
            "interpreting: a new interpreter",
            "workspace/interpreting/registry/new/",
            "interpreting_w",
            "coordinator",
            url=lambda w: f"{base}/registry/new/",
            data=registry_data,
            page=lambda w: f"{base}/registry/new/",
            show=lambda w: [f"{base}/registry/"],
        ),
        Endpoint(
            "interpreting: edit an interpreter",
            "workspace/interpreting/registry/<int:interpreter_id>/",
            "interpreting_w",
            "coordinator",
            url=lambda w: f"{base}/registry/{w['ids']['theirs']}/",
            data=registry_data,
            page=lambda w: f"{base}/registry/{w['ids']['theirs']}/",
            show=lambda w: [f"{base}/registry/"],
        ),
        Endpoint(
            "interpreting api: accept an offer",
            "api/v1/interpreting/offers/<offer_id>/accept",
            "interpreting_w",
            "interpreter",
            kind="json",
            url=lambda w: f"/api/v1/interpreting/offers/{w['ids']['api_accept_offer']}/accept",
            data=lambda w: {},
        ),
        Endpoint(
            "interpreting api: decline an offer",
            "api/v1/interpreting/offers/<offer_id>/decline",
            "interpreting_w",
            "interpreter",
            kind="json",
            url=lambda w: f"/api/v1/interpreting/offers/{w['ids']['api_decline_offer']}/decline",
            data=lambda w: {},
        ),
    ]


def _knowledge() -> list[Endpoint]:
    def answer_data(w: W) -> dict[str, Any]:
        return {
            "kind": "answer",
            "topic": w["topic"].pk,
            "visa_status": "",
            "municipality": "",
            "valid_from": "2026-01-01",
            "valid_to": "2026-12-31",
            "title": "임금 체불 진정",
            "body": "노동청에 진정합니다.",
            "source_note": "고용노동부",
            "published": "on",
        }

    answer = "/workspace/knowledge/{}/"
    return [
        Endpoint(
            "knowledge: a new answer",
            "workspace/knowledge/new/",
            "knowledge_access_world",
            "counselor",
            url=lambda w: "/workspace/knowledge/new/",
            data=answer_data,
            page=lambda w: "/workspace/knowledge/new/",
            show=lambda w: ["/workspace/knowledge/"],
        ),
        Endpoint(
            "knowledge: edit an answer",
            "workspace/knowledge/<int:answer_id>/",
            "knowledge_access_world",
            "counselor",
            url=lambda w: answer.format(w["answer"].pk),
            data=answer_data,
            page=lambda w: answer.format(w["answer"].pk),
            show=lambda w: ["/workspace/knowledge/", answer.format(w["answer"].pk)],
        ),
        Endpoint(
            "knowledge: translate an answer",
            "workspace/knowledge/<int:answer_id>/<str:language>/",
            "knowledge_access_world",
            "counselor",
            url=lambda w: answer.format(w["answer"].pk) + "vi/",
            data=lambda w: {"title": "Nợ lương", "body": "Khiếu nại lên Sở Lao động."},
            page=lambda w: answer.format(w["answer"].pk) + "vi/",
            show=lambda w: [answer.format(w["answer"].pk), answer.format(w["answer"].pk) + "vi/"],
        ),
    ]


def _referrals() -> list[Endpoint]:
    inbox = "/referrals/inbox/{}/"

    def on(key: str, suffix: str):
        return lambda w: inbox.format(w["ids"][key]) + suffix

    def shown(key: str):
        return lambda w: [inbox.format(w["ids"][key]), f"/referrals/{w['ids'][key]}/"]

    def accepted(key: str):
        def prepare(w: W) -> None:
            from ieum.referrals.models import Referral
            from ieum.referrals.services import referral_accept

            referral_accept(referral=Referral.objects.get(pk=w["ids"][key]), actor=w["users"]["partner"])

        return prepare

    return [
        Endpoint(
            "referrals: refer a person",
            "referrals/new/<int:resident_id>/",
            "referrals_w",
            "admin",
            url=lambda w: f"/referrals/new/{w['resident'].pk}/",
            data=lambda w: {
                "partner": w["hospital"].pk,
                "purpose": "medical",
                "items": ["name", "case_summary"],
                "message": "Please see her this week",
            },
            page=lambda w: f"/referrals/new/{w['resident'].pk}/",
            show=lambda w: ["/referrals/sent/"],
        ),
        Endpoint(
            "referrals: a partner declines",
            "referrals/inbox/<int:referral_id>/decline/",
            "referrals_w",
            "partner",
            url=on("decline", "decline/"),
            data=lambda w: {"decline_reason": "We are full this month"},
            page=on("decline", ""),
            show=shown("decline"),
        ),
        Endpoint(
            "referrals: a partner sets an appointment",
            "referrals/inbox/<int:referral_id>/appointment/",
            "referrals_w",
            "partner",
            url=on("appointment", "appointment/"),
            data=lambda w: {"appointment_at": "2026-12-20T10:00", "place": "Room 3"},
            page=on("appointment", ""),
            show=shown("appointment"),
            prepare=accepted("appointment"),
        ),
        Endpoint(
            "referrals: a partner reports the outcome",
            "referrals/inbox/<int:referral_id>/outcome/",
            "referrals_w",
            "partner",
            url=on("outcome", "outcome/"),
            data=lambda w: {"outcome": "Seen, medicine given"},
            page=on("outcome", ""),
            show=shown("outcome"),
            prepare=accepted("outcome"),
        ),
    ]


def _visas() -> list[Endpoint]:
    def application(key: str, suffix: str = ""):
        return lambda w: f"/visas/applications/{w[key].pk}/{suffix}"

    def alert(w: W) -> None:
        import datetime as dt

        from ieum.visas.models import Obligation, ObligationAlert

        issued = w["issued"]
        obligation = Obligation.objects.create(
            application=issued,
            resident=issued.resident,
            program=issued.program,
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2028, 1, 1),
            first_area_until=dt.date(2028, 1, 1),
            municipality=issued.municipality,
        )
        w["alert"] = ObligationAlert.objects.create(obligation=obligation, kind="moved")

    def with_documents(w: W) -> None:
        from ieum.visas import services
        from ieum.visas.tests.people import make_applicant

        person = make_applicant(name="LE VAN BINH", municipality=w["a"].municipality)
        w["waiting"] = services.application_create(
            resident=person,
            program="f2r",
            actor=w["users"]["officer"],
            employer_brn="1234567891",
            documents={d.kind: d for d in person.documents.all()},
        )

    return [
        Endpoint(
            "visas: start an application",
            "visas/residents/<int:resident_id>/screen/",
            "visas_access_world",
            "officer",
            url=lambda w: f"/visas/residents/{w['a'].pk}/screen/",
            data=lambda w: {
                "program": "f4r",
                "employer_name": "Samho Shipyard",
                "employer_brn": "1234567891",
            },
            page=lambda w: f"/visas/residents/{w['a'].pk}/screen/",
        ),
        Endpoint(
            "visas: the county's review",
            "visas/applications/<int:application_id>/review/",
            "visas_access_world",
            "county_officer",
            url=application("waiting", "review/"),
            data=lambda w: {"decision": "recommend", "note": "Documents complete"},
            page=application("waiting"),
            show=lambda w: [f"/visas/applications/{w['waiting'].pk}/"],
            prepare=with_documents,
        ),
        Endpoint(
            "visas: filing with the immigration office",
            "visas/applications/<int:application_id>/filing/",
            "visas_access_world",
            "officer",
            url=application("issued", "filing/"),
            data=lambda w: {"step": "file", "office": "목포출장소", "day": "2026-11-26"},
            page=application("issued"),
            show=lambda w: [f"/visas/applications/{w['issued'].pk}/"],
        ),
        Endpoint(
            "visas: set a quota",
            "visas/quotas/",
            "visas_access_world",
            "officer",
            url=lambda w: "/visas/quotas/",
            data=lambda w: {
                "program": "f2r",
                "year": "2026",
                "municipality": w["a"].municipality_id,
                "amount": "5",
                "source": "2026 plan",
            },
            page=lambda w: "/visas/quotas/",
        ),
        Endpoint(
            "visas: change a parameter",
            "visas/parameters/",
            "visas_access_world",
            "officer",
            url=lambda w: "/visas/parameters/",
            data=lambda w: {
                "name": "f2r.repeat_years",
                "value": "5",
                "valid_from": "2027-01-01",
                "source": "Ministry notice 2026-12",
            },
            page=lambda w: "/visas/parameters/",
        ),
        Endpoint(
            "visas: design a track",
            "visas/tracks/",
            "visas_access_world",
            "officer",
            url=lambda w: "/visas/tracks/",
            data=lambda w: {
                "code": "e7-welders",
                "name": "E-7 welders",
                "base_status": "E-7",
                "feeder_statuses": "E-9, D-2",
                "ksco_codes": "7430",
                "korean_min": "2",
                "income_min": "30000000",
                "valid_from": "2027-01-01",
                "source": "Province plan",
            },
            page=lambda w: "/visas/tracks/",
            show=lambda w: ["/visas/tracks/"],
        ),
        Endpoint(
            "visas: a track's quota",
            "visas/tracks/<int:track_id>/",
            "visas_access_world",
            "officer",
            url=lambda w: f"/visas/tracks/{w['track'].pk}/",
            data=lambda w: {
                "year": "2026",
                "municipality": w["a"].municipality_id,
                "industry": "31",
                "amount": "10",
            },
            page=lambda w: f"/visas/tracks/{w['track'].pk}/",
        ),
        Endpoint(
            "visas: close an obligation alert",
            "visas/obligations/",
            "visas_access_world",
            "officer",
            url=lambda w: "/visas/obligations/",
            data=lambda w: {"alert": w["alert"].pk},
            page=lambda w: "/visas/obligations/",
            prepare=alert,
        ),
        Endpoint(
            "visas: a resident applies",
            "visas/my/eligibility/",
            "visas_access_world",
            "resident_self",
            url=lambda w: "/visas/my/eligibility/",
            data=lambda w: {"program": "f4r"},
            page=lambda w: "/visas/my/eligibility/",
        ),
    ]


def _grants() -> list[Endpoint]:
    def other(w: W):
        from ieum.residents.models import Resident

        return Resident.objects.get(user=w["users"]["resident_other"])

    def account(w: W) -> dict[str, Any]:
        return {
            "program": w["program"].pk,
            "bank_code": "034",
            "account_number": "110-234-567890",
            "account_holder": "TRAN VAN",
            "document": pdf(),
        }

    def prepared(w: W) -> None:
        from ieum.grants.services import application_prepare
        from ieum.grants.tests.conftest import officer_user

        application_prepare(application=w["pending"], actor=officer_user("third-officer"))

    def sent_batch(w: W) -> None:
        from ieum.grants.payments import bank_file_render

        bank_file_render(batch=w["batch"], actor=w["users"]["officer"])

    def result_file(w: W) -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        key = w["batch"].payments.get().idempotency_key
        return SimpleUploadedFile("result.csv", f"R,{key},600000,OK,\r\n".encode(), content_type="text/csv")

    def gift(w: W) -> None:
        from ieum.grants.services import application_approve
        from ieum.grants.tests.conftest import officer_user, prepared_application

        application = prepared_application(w["program"], officer_user("gift-preparer"), county="46830")
        entitlement = application_approve(application=application, actor=w["users"]["officer"])
        w["gift_payment"] = entitlement.payments.get()

    def application_page(key: str):
        return lambda w: f"/grants/applications/{w[key].pk}/"

    def decide(action: str, prepare=None) -> Endpoint:
        return Endpoint(
            f"grants: {action} an application",
            f"grants/applications/<int:application_id>/{action}/",
            "grants_access_world",
            "officer",
            url=lambda w: f"/grants/applications/{w['pending'].pk}/{action}/",
            data=lambda w: {"note": "Checked the bank book"},
            page=application_page("pending"),
            show=lambda w: [f"/grants/applications/{w['pending'].pk}/"],
            prepare=prepare,
        )

    return [
        Endpoint(
            "grants: a budget entry",
            "grants/budget/<int:line_id>/entries/",
            "grants_access_world",
            "officer",
            url=lambda w: f"/grants/budget/{w['line'].pk}/entries/",
            data=lambda w: {
                "kind": "commitment",
                "amount": "1000",
                "decision": "Contract 2026-11",
                "from_commitment": "",
            },
            page=lambda w: f"/grants/budget/{w['line'].pk}/",
            show=lambda w: [f"/grants/budget/{w['line'].pk}/", "/grants/ledger/"],
        ),
        Endpoint(
            "grants: correct a ledger entry",
            "grants/ledger/<int:entry_id>/reverse/",
            "grants_access_world",
            "officer",
            url=lambda w: f"/grants/ledger/{w['entry'].pk}/reverse/",
            data=lambda w: {"reason": "Posted twice"},
            page=lambda w: f"/grants/budget/{w['line'].pk}/",
            show=lambda w: [f"/grants/budget/{w['line'].pk}/", "/grants/ledger/"],
        ),
        Endpoint(
            "grants: file an application for a person",
            "grants/applications/new/<int:resident_id>/",
            "grants_access_world",
            "officer",
            url=lambda w: f"/grants/applications/new/{other(w).pk}/",
            data=account,
            page=lambda w: f"/grants/applications/new/{other(w).pk}/",
        ),
        decide("prepare"),
        decide("approve", prepare=prepared),
        decide("reject"),
        Endpoint(
            "grants: a payment batch",
            "grants/batches/",
            "grants_access_world",
            "officer",
            url=lambda w: "/grants/batches/",
            data=lambda w: {"program": w["program"].pk, "method": "gift"},
            page=lambda w: "/grants/batches/",
            prepare=gift,
        ),
        Endpoint(
            "grants: the bank's result file",
            "grants/batches/<int:batch_id>/",
            "grants_access_world",
            "officer",
            url=lambda w: f"/grants/batches/{w['batch'].pk}/",
            data=lambda w: {"file": result_file(w)},
            page=lambda w: f"/grants/batches/{w['batch'].pk}/",
            prepare=sent_batch,
        ),
        Endpoint(
            "grants: hand over gift certificates",
            "grants/payments/<int:payment_id>/hand-over/",
            "grants_access_world",
            "officer",
            url=lambda w: f"/grants/payments/{w['gift_payment'].pk}/hand-over/",
            data=lambda w: {"serials": "\n".join(f"S{n}" for n in range(6)), "face_value": "100000"},
            page=lambda w: f"/grants/applications/{w['gift_payment'].entitlement.application_id}/",
            prepare=gift,
        ),
        Endpoint(
            "grants: claw a grant back",
            "grants/entitlements/<int:entitlement_id>/clawback/",
            "grants_access_world",
            "officer",
            url=lambda w: f"/grants/entitlements/{w['entitlement'].pk}/clawback/",
            data=lambda w: {"broken_on": str(timezone.localdate()), "reason": "Moved to Seoul"},
            page=application_page("application"),
            show=lambda w: [f"/grants/applications/{w['application'].pk}/"],
        ),
        Endpoint(
            "grants: a resident applies",
            "grants/my/apply/<int:program_id>/",
            "grants_access_world",
            "resident_other",
            url=lambda w: f"/grants/my/apply/{w['program'].pk}/",
            data=lambda w: {k: v for k, v in account(w).items() if k != "program"},
            page=lambda w: f"/grants/my/apply/{w['program'].pk}/",
            show=lambda w: ["/grants/my/"],
        ),
    ]


def _jobs() -> list[Endpoint]:
    def profile(w: W) -> dict[str, Any]:
        return {
            "ksco_1": "7430",
            "years_1": "3",
            "ksco_2": "",
            "years_2": "",
            "wanted_wage": "10030",
            "skills": "welding, forklift",
            "certificates": "forklift",
            "industries": "31",
            "counties": [w["jobs"].employer_a.municipality_id],
            "available_from": "2026-12-01",
            "needs_housing": "on",
        }

    def new_employer(w: W) -> None:
        from ieum.core.models import Role, User

        w["users"]["employer_new"] = User.objects.create_user(
            username="employer-new", password="x" * 12, role=Role.EMPLOYER
        )

    def vacancy(w: W) -> str:
        return f"/jobs/employer/vacancies/{w['jobs'].vacancy_a.pk}/"

    seeker_page = "/jobs/workspace/seekers/{}/"
    from ieum.jobs.forms import ProfileForm

    profile_fields = tuple(ProfileForm.base_fields)
    # The page that shows a profile recommends vacancies, and each vacancy shown counts it
    # (jobs.recommend: the congestion report), whatever the form's fate.
    shown_counts = {"jobs_vacancy": {"update"}}
    no_recommendations = (
        ("ieum.jobs.recommend.for_seeker", lambda *args, **kwargs: []),
        ("ieum.jobs.recommend.excluded_for_seeker", lambda *args, **kwargs: []),
    )
    return [
        Endpoint(
            "jobs: register a business",
            "jobs/employer/",
            "jobs_w",
            "employer_new",
            url=lambda w: "/jobs/employer/",
            data=lambda w: {
                "name": "Samho Welding",
                "brn": "123-45-67891",
                "ksic_code": "31111",
                "municipality": w["jobs"].employer_a.municipality_id,
                "size": "small",
                "dormitory": "on",
                "housing_note": "Two-person rooms",
                "contact_name": "Kim",
                "contact_phone": "061-123-4567",
                "contact_email": "kim@example.com",
                "languages": "ko, vi",
            },
            page=lambda w: "/jobs/employer/",
            prepare=new_employer,
            show=lambda w: ["/jobs/employer/"],
        ),
        Endpoint(
            "jobs: post a vacancy",
            "jobs/employer/vacancies/new/",
            "jobs_w",
            "employer",
            url=lambda w: "/jobs/employer/vacancies/new/",
            data=lambda w: {
                "title": "Welder",
                "ksco_code": "7430",
                "ksic_code": "31111",
                "municipality": w["jobs"].employer_a.municipality_id,
                "wage_hourly": "12000",
                "hours_per_week": "40",
                "shifts": "day",
                "housing": "on",
                "korean_required": "2",
                "skills": "welding",
                "certificates": "",
                "start_date": "2026-12-01",
                "headcount": "3",
                "statuses": "",
            },
            page=lambda w: "/jobs/employer/vacancies/new/",
            show=lambda w: ["/jobs/employer/"],
        ),
        Endpoint(
            "jobs: move a candidate on",
            "jobs/employer/vacancies/<int:vacancy_id>/candidates/<int:seeker_id>/",
            "jobs_w",
            "employer",
            url=lambda w: vacancy(w) + f"candidates/{w['jobs'].consented.pk}/",
            data=lambda w: {"stage": "offered", "left_on": "", "workplace_change": ""},
            page=vacancy,
            show=lambda w: [vacancy(w)],
        ),
        Endpoint(
            "jobs: my job search profile",
            "jobs/my/",
            "jobs_w",
            "resident_self",
            url=lambda w: "/jobs/my/",
            data=profile,
            page=lambda w: "/jobs/my/",
            allowed=shown_counts,
            # The page shown again after a refusal recommends vacancies (a third of a second of
            # queries each time); the form is what is swept, the recommendations have their tests.
            patch=no_recommendations,
        ),
        Endpoint(
            "jobs: give consent to be found",
            "jobs/my/consent/",
            "jobs_w",
            "resident_other",
            url=lambda w: "/jobs/my/consent/",
            data=lambda w: {"give": "1"},
            page=lambda w: "/jobs/my/",
            silent_ok={
                "give": "any answer but 1 is read as the withdraw button, the privacy-safe reading; "
                "the page says the consent was withdrawn"
            },
        ),
        Endpoint(
            "jobs: a counselor fills in a profile",
            "jobs/workspace/seekers/<int:resident_id>/",
            "jobs_w",
            "officer",
            url=lambda w: seeker_page.format(w["jobs"].consented.resident_id),
            data=lambda w: {**profile(w), "consent": ""},
            page=lambda w: seeker_page.format(w["jobs"].consented.resident_id),
            allowed=shown_counts,
            # The same ProfileForm and _save_profile as jobs/my/, swept there field by field
            # (each render of this page costs a third of a second); here the helper's own field.
            skip={name: "swept on jobs/my/" for name in profile_fields},
        ),
        Endpoint(
            "jobs: a matching round",
            "jobs/workspace/rounds/",
            "jobs_w",
            "officer",
            url=lambda w: "/jobs/workspace/rounds/",
            data=lambda w: {"name": "December round"},
            page=lambda w: "/jobs/workspace/rounds/",
            show=lambda w: ["/jobs/workspace/rounds/"],
        ),
    ]


def _care() -> list[Endpoint]:
    def me(w: W) -> int:
        return w["me"].pk

    def past(w: W) -> None:
        # An outcome is reported after the appointment.
        import datetime as dt

        slot = w["booking"].slot
        slot.starts_at -= dt.timedelta(days=5)
        slot.ends_at -= dt.timedelta(days=5)
        slot.save()

    return [
        Endpoint(
            "care: book a slot for a person",
            "care/slots/<int:slot_id>/book/",
            "care_access_world",
            "admin",
            url=lambda w: f"/care/slots/{w['free'].pk}/book/",
            data=lambda w: {"resident_id": me(w), "case_id": "", "referral_id": "", "participant_ids": ""},
            page=lambda w: f"/care/slots/{w['free'].pk}/book/",
        ),
        Endpoint(
            "care: the desk reports the outcome",
            "care/bookings/<int:booking_id>/",
            "care_access_world",
            "admin",
            url=lambda w: f"/care/bookings/{w['booking'].pk}/",
            data=lambda w: {"status": "attended", "note": "Seen", "follow_up_on": "2026-12-20"},
            page=lambda w: f"/care/bookings/{w['booking'].pk}/",
            show=lambda w: [f"/care/bookings/{w['booking'].pk}/"],
            prepare=past,
        ),
        Endpoint(
            "care: a resident books",
            "care/my/slots/<int:slot_id>/",
            "care_access_world",
            "resident_self",
            url=lambda w: f"/care/my/slots/{w['free'].pk}/",
            data=lambda w: {"consent": "on"},
            page=lambda w: f"/care/my/slots/{w['free'].pk}/",
        ),
        Endpoint(
            "care: a partner adds a slot",
            "care/partner/",
            "care_access_world",
            "partner",
            url=lambda w: "/care/partner/",
            data=lambda w: {
                "kind": "clinic",
                "starts_at": "2027-01-05T10:00",
                "minutes": "30",
                "group": "",
                "place": "Room 2",
                "partner": "",
            },
            page=lambda w: "/care/partner/",
            show=lambda w: ["/care/partner/"],
        ),
        Endpoint(
            "care: a partner reports the outcome",
            "care/partner/bookings/<int:booking_id>/",
            "care_access_world",
            "partner",
            url=lambda w: f"/care/partner/bookings/{w['booking'].pk}/",
            data=lambda w: {"status": "attended", "note": "Seen", "follow_up_on": "2026-12-20"},
            page=lambda w: f"/care/partner/bookings/{w['booking'].pk}/",
            show=lambda w: ["/care/partner/"],
            prepare=past,
        ),
    ]


def _learning_and_events() -> list[Endpoint]:
    return [
        Endpoint(
            "learning: record attendance",
            "learning/courses/<int:course_id>/",
            "learning_access_world",
            "counselor",
            url=lambda w: f"/learning/courses/{w['course'].pk}/",
            data=lambda w: {"enrollment": w["enrollment"].pk, "on": "2026-11-20", "present": "on"},
            page=lambda w: f"/learning/courses/{w['course'].pk}/",
        ),
        Endpoint(
            "events: check a person in",
            "events/manage/<int:event_id>/",
            "events_w",
            "counselor",
            url=lambda w: f"/events/manage/{w['event'].pk}/",
            data=lambda w: {"registration": w["event"].registrations.get().pk},
            page=lambda w: f"/events/manage/{w['event'].pk}/",
        ),
    ]


def _surveys() -> list[Endpoint]:
    from ieum.surveys.tests.conftest import GOOD_ANSWERS, household_form

    def answers() -> dict[str, Any]:
        data: dict[str, Any] = {"action": "submit"}
        for name, value in GOOD_ANSWERS.items():
            if isinstance(value, list):
                data[f"{name}.__count"] = str(len(value))
                for index, row in enumerate(value, start=1):
                    data.update({f"{name}.{index}.{k}": v for k, v in row.items()})
            elif name == "needs":
                data[name] = value.split()
            else:
                data[name] = str(value)
        return data

    def xlsform(version: str = "2") -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        return SimpleUploadedFile("household.xlsx", household_form(version=version))

    def odk(w: W) -> None:
        import base64

        from ieum.core.models import ApiToken

        officer = w["users"]["officer"]
        key = ApiToken.issue(user=officer, name="ODK Collect")[1]
        w["odk"] = "Basic " + base64.b64encode(f"{officer.username}:{key}".encode()).decode()

    def instance() -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        xml = (
            '<data id="household" version="1"><age>40</age><works>yes</works><employer>Samho</employer>'
            "<region>west</region><county>yeongam</county><needs>korean housing</needs><adult>yes</adult>"
            "<meta><instanceID>uuid:6f1c0a52-0000-4000-8000-000000000009</instanceID></meta></data>"
        )
        return SimpleUploadedFile("submission.xml", xml.encode(), content_type="text/xml")

    manage = "/surveys/manage/{}/"
    return [
        Endpoint(
            "surveys: upload a new form",
            "surveys/manage/",
            "surveys_w",
            "officer",
            url=lambda w: "/surveys/manage/",
            data=lambda w: {"xlsform": xlsform(), "audience": "anyone"},
            page=lambda w: "/surveys/manage/",
        ),
        Endpoint(
            "surveys: a new version of a form",
            "surveys/manage/<int:survey_id>/",
            "surveys_w",
            "officer",
            url=lambda w: manage.format(w["survey"].pk),
            data=lambda w: {"xlsform": xlsform(), "audience": "anyone"},
            page=lambda w: manage.format(w["survey"].pk),
        ),
        Endpoint(
            "surveys: review submissions",
            "surveys/manage/<int:survey_id>/review/",
            "surveys_w",
            "officer",
            url=lambda w: manage.format(w["survey"].pk) + "review/",
            data=lambda w: {"ids": [w["own"].pk], "status": "approved"},
            page=lambda w: manage.format(w["survey"].pk),
            silent_ok={"ids": "the answer counts the submissions it changed: 0"},
        ),
        Endpoint(
            "surveys: correct a submission",
            "surveys/manage/<int:survey_id>/submissions/<int:submission_id>/",
            "surveys_w",
            "officer",
            url=lambda w: manage.format(w["survey"].pk) + f"submissions/{w['own'].pk}/",
            data=lambda w: {**answers(), "age": "35", "note": "Age corrected by phone"},
            page=lambda w: manage.format(w["survey"].pk) + f"submissions/{w['own'].pk}/",
            show=lambda w: [manage.format(w["survey"].pk) + f"submissions/{w['own'].pk}/"],
        ),
        Endpoint(
            "surveys: export",
            "surveys/manage/<int:survey_id>/export/",
            "surveys_w",
            "analyst",
            url=lambda w: manage.format(w["survey"].pk) + "export/",
            data=lambda w: {"format": "csv", "language": ""},
            page=lambda w: manage.format(w["survey"].pk),
        ),
        Endpoint(
            "surveys: answer a survey",
            "surveys/answer/<str:token>/",
            "surveys_w",
            "anonymous",
            url=lambda w: f"/surveys/answer/{w['survey'].token}/",
            data=lambda w: answers(),
            page=lambda w: f"/surveys/answer/{w['survey'].token}/",
        ),
        Endpoint(
            "surveys: an OpenRosa submission",
            "surveys/openrosa/submission",
            "surveys_w",
            "anonymous",
            url=lambda w: "/surveys/openrosa/submission",
            data=lambda w: {"xml_submission_file": instance()},
            headers=lambda w: {"Authorization": w["odk"]},
            prepare=odk,
        ),
    ]


def _insights() -> list[Endpoint]:
    return [
        Endpoint(
            "insights: a policy scenario",
            "workspace/insights/scenarios/",
            "insights_w",
            "analyst",
            url=lambda w: "/workspace/insights/scenarios/",
            data=lambda w: {
                "name": "Quota up",
                "start_year": "2026",
                "years": "2",
                "quotas": "E-7-4R C31 46830 10",
                "fill_rate": "1",
                "retention_e74r": "0.9",
                "retention_f2r": "0.9",
                "retention_province": "0.9",
                "grant_reach": "0",
                "grant_effect": "0",
                "korean_seats": "0",
                "korean_completion": "0",
                "gap": "C31 10",
            },
            page=lambda w: "/workspace/insights/scenarios/",
            show=lambda w: ["/workspace/insights/scenarios/"],
        ),
    ]


def _api() -> list[Endpoint]:
    """JSON operations of the resident record, consent and rights requests, and the provider's
    delivery reports."""

    def a(w: W) -> int:
        return w["a"].pk

    def delivery(w: W) -> None:
        from ieum.notify.services import message_send

        w["settings"].IEUM_NOTIFY_WEBHOOK_SECRET = "s3cret-shared"
        context = {"partner": "Hanaro Clinic", "when": "2026-12-03 14:00"}
        w["delivery"] = message_send(recipient=w["a"], template="care.booked", context=context, urgent=True)

    return [
        Endpoint(
            "residents api: a new record",
            "api/v1/residents/",
            "records_world",
            "officer",
            kind="json",
            url=lambda w: "/api/v1/residents/",
            data=lambda w: {
                "name": "TRAN THI MAI",
                "name_native": "Trần Thị Mai",
                "name_hangul": "쩐티마이",
                "birth_date": "1995-03-14",
                "sex": "F",
                "nationality": "VN",
                "preferred_language": "vi",
                "phone": "010-5555-6666",
                "email": "mai@example.com",
                "address": "삼호읍 1",
                "municipality": "46830",
                "arn": "",
                "passport": "",
                "passport_country": "",
            },
            show=lambda w: ["/residents/?q=TRAN"],
        ),
        Endpoint(
            "residents api: look up an identifier",
            "api/v1/residents/lookup",
            "records_world",
            "officer",
            kind="json",
            url=lambda w: "/api/v1/residents/lookup",
            data=lambda w: {"arn": "950314-5123456", "passport": "", "purpose": "visa form"},
            writes=False,
        ),
        Endpoint(
            "residents api: reveal an identifier",
            "api/v1/residents/<resident_id>/reveal",
            "records_world",
            "officer",
            kind="json",
            url=lambda w: f"/api/v1/residents/{a(w)}/reveal",
            data=lambda w: {"kind": "arn", "purpose": "visa form"},
        ),
        Endpoint(
            "privacy api: record a consent",
            "api/v1/residents/<resident_id>/consents",
            "records_world",
            "officer",
            kind="json",
            url=lambda w: f"/api/v1/residents/{a(w)}/consents",
            data=lambda w: {
                "kind": "identifiers",
                "channel": "web",
                "language": "vi",
                "recipient_kind": "",
                "recipient_id": "",
                "recipient_name": "",
                "purpose": "",
                "items": [],
                "retention": "",
            },
        ),
        Endpoint(
            "privacy api: withdraw a consent",
            "api/v1/residents/<resident_id>/consents/<consent_id>/withdraw",
            "records_world",
            "resident_self",
            kind="json",
            url=lambda w: f"/api/v1/residents/{a(w)}/consents/{w['consent'].pk}/withdraw",
            data=lambda w: {},
        ),
        Endpoint(
            "privacy api: ask for a correction",
            "api/v1/me/requests",
            "records_world",
            "resident_self",
            kind="json",
            url=lambda w: "/api/v1/me/requests",
            data=lambda w: {"kind": "correction", "detail": "My name is spelled wrong"},
            show=lambda w: ["/my/requests/"],
        ),
        Endpoint(
            "notify api: delivery reports",
            "api/v1/notify/delivery-reports",
            "records_world",
            "anonymous",
            kind="json",
            url=lambda w: "/api/v1/notify/delivery-reports",
            data=lambda w: [{"messageId": w["delivery"].provider_message_id, "statusCode": "4000"}],
            headers=lambda w: {"X-Webhook-Secret": "s3cret-shared"},
            prepare=delivery,
            silent_ok={
                "messageId": "the provider is told how many reports matched (updated: 0); it has no "
                "one to show a message to",
            },
        ),
    ]


ENDPOINTS: list[Endpoint] = [
    *_casework(),
    *_records(),
    *_chat(),
    *_interpreting(),
    *_knowledge(),
    *_referrals(),
    *_visas(),
    *_grants(),
    *_jobs(),
    *_care(),
    *_learning_and_events(),
    *_surveys(),
    *_insights(),
    *_api(),
]
