"""A busy evening at the center, for locust (started by loadtest/run.py, not by hand).

Who is on line (the fixture, loadtest/fixture.py, gives each an account of their own):

- Counselors work their queues through the API: they find callers (search by name and phone,
  lookup by ARN), open cases for known residents and for unidentified callers (intake), pull the
  next waiting case (auto-assignment), work their cases (start, notes, waiting and back, link a
  caller to a record, resolve, close), register walk-ins with their consent, and read the records,
  timelines and consents of the residents they reach: those they opened a case for, were given a
  case of, or registered. (Since the narrowing of counselors' reach a record outside that answers
  404, which counts as an error here like any other.) In the workspace pages they look at their
  queue and answer web chats (the plain-form path, as without JavaScript).
- Residents chat with the center from the portal: start a chat (which opens a web-chat case),
  write, and poll for answers, in their own language. Other residents open the public pages.
- Program officers prepare and approve grant applications (four eyes: nobody approves what they
  prepared); one of them makes payment batches, downloads the bank file and reads the bank's
  result file back, which pays the grants.
- One analyst pulls the de-identified county table and exports the casework report (XLSX).

Every write the server acknowledged is appended to LOADTEST_ACKS as one JSON line, so run.py can
check afterwards that none was lost: residents and consents (201 with an id), cases (201), case
steps and notes (200/201), chats and messages (the 302 after the form post), grant preparations
and approvals (the application page read back after the post), payment batches (the 302 to the
new batch), payments sent (the bank file) and paid (the batch page after the result file).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import random
import re
import threading
from collections import deque
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlparse

from locust import HttpUser, between, task

FIXTURE = json.loads(open(os.environ["LOADTEST_FIXTURE"], encoding="utf-8").read())  # noqa: SIM115
ACKS_PATH = os.environ["LOADTEST_ACKS"]
TIMEOUT = 30
_acks = open(ACKS_PATH, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
_acks_lock = threading.Lock()
_serial = itertools.count(1)
RUN = FIXTURE["run"]
WITH_ARN = [r for r in FIXTURE["residents"] if r["arn"]] or FIXTURE["residents"]
CHANNELS = ["phone"] * 4 + ["walk_in"] * 2 + ["email"] * 2 + ["web_form", "messenger"]
PULLED = ["phone", "walk_in", "email", "web_form", "messenger", "web_chat"]

# Each kind of account is handed out once per locust user, in turn.
_counselor_no = itertools.count()
_resident_no = itertools.count()
_officer_no = itertools.count()

# Grant applications waiting for a first officer, and prepared ones waiting for a second.
_submitted: deque[int] = deque(FIXTURE["grants"]["applications"])
_prepared: deque[tuple[int, str]] = deque()

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOPIC_OPTION = re.compile(r'<option value="(\d+)"')
MESSAGE_ID = re.compile(r'data-id="(\d+)"')
MY_CASES = re.compile(r'aria-labelledby="mine-title">.*?</section>', re.S)
CASE_LINK = re.compile(r'href="/workspace/cases/(\d+)/"')
CHAT_ROW = re.compile(r'<tr><td><a href="/chat/workspace/(\d+)/">.*?</tr>', re.S)
APPLICATION_STATUS = re.compile(r'<dd id="application-status">([^<]*)</dd>')
PREPARED_BY = re.compile(r"<dt>Prepared by</dt><dd>([^<]*)</dd>")
APPROVED_BY = re.compile(r"<dt>Approved by</dt><dd>([^<]*)</dd>")
BATCH_URL = re.compile(r"/grants/batches/(\d+)/$")
CHAT_URL = re.compile(r"/chat/(\d+)/$")
PAYMENT_ROW = re.compile(r"<td>([^<]*)</td><td><code>([0-9a-f]{32})</code></td>")

# What residents write, in their language (the detector sees real text); a unique tag follows.
PHRASES = {
    "ko": "안녕하세요, 비자 연장 때문에 문의드립니다.",
    "en": "Hello, I have a question about extending my visa.",
    "vi": "Xin chào, tôi muốn hỏi về việc gia hạn visa.",
    "zh-hans": "你好，我想问一下签证延期的事情。",
    "id": "Halo, saya mau bertanya tentang perpanjangan visa.",
    "km": "សួស្តី ខ្ញុំចង់សួរអំពីការបន្តទិដ្ឋាការ។",
    "ne": "नमस्ते, मलाई भिसा थप्ने बारेमा सोध्नु छ।",
    "th": "สวัสดีครับ ผมอยากสอบถามเรื่องการต่อวีซ่า",
    "si": "ආයුබෝවන්, මට වීසා දීර්ඝ කිරීම ගැන අහන්න ඕනේ.",
    "fil": "Magandang araw po, may tanong ako tungkol sa pag-renew ng visa.",
    "uz": "Assalomu alaykum, vizani uzaytirish haqida so'ramoqchiman.",
    "ru": "Здравствуйте, у меня вопрос о продлении визы.",
    "my": "မင်္ဂလာပါ ဗီဇာသက်တမ်းတိုးဖို့ မေးချင်ပါတယ်။",
}
COUNSELOR_REPLY = "확인해 보겠습니다. 필요한 서류를 안내해 드릴게요."


def _ack(record: dict) -> None:
    with _acks_lock:
        _acks.write(json.dumps(record) + "\n")
        _acks.flush()


def _tag() -> str:
    """A tag no other message of any run carries; run.py finds acknowledged messages by it."""
    return f"[LOAD {RUN} {os.getpid()}-{next(_serial)}]"


# Production marks its cookies Secure (a TLS proxy stands in front of uvicorn there); locust
# speaks plain HTTP to uvicorn on loopback, so this process's cookie jars send them over it.
# (requests copies a session's jar into a fresh one per request, so a per-jar policy would not
# last: the default policy itself is changed, in the locust process only.)
DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True  # type: ignore[method-assign]


class Browser:
    """A signed-in browser session: the session cookie from the fixture, the CSRF token taken
    from the last form page, as a person's browser would."""

    def use_session(self, session_key: str) -> None:
        self.client.cookies.set("sessionid", session_key, domain=urlparse(self.host).hostname, path="/")
        self.csrf = ""

    def page(self, path: str, name: str, **params: object) -> str | None:
        """A page that must answer 200 (a redirect means the session or the page failed)."""
        with self.client.get(
            path, params=params or None, name=name, timeout=TIMEOUT, allow_redirects=False,
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return None
            found = CSRF.search(response.text)
            if found:
                self.csrf = found.group(1)
            return response.text

    def post_form(self, path: str, data: dict, name: str, files: dict | None = None):
        """A form post that must answer with a redirect (Django's post/redirect/get); the
        redirect's target, or None."""
        with self.client.post(
            path, data={**data, "csrfmiddlewaretoken": self.csrf}, files=files, name=name,
            timeout=TIMEOUT, allow_redirects=False, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")
                return None
            return response.headers.get("Location", "")


class Counselor(Browser, HttpUser):
    weight = 8
    wait_time = between(1, 4)

    def on_start(self) -> None:
        accounts = FIXTURE["counselors"]
        account = accounts[next(_counselor_no) % len(accounts)]
        self.username = account["username"]
        self.language = account["language"]
        self.api = {"Authorization": f"Bearer {account['token']}"}
        self.use_session(account["session"])
        # Residents whose record this counselor may open: cases opened or given, walk-ins registered.
        self.reach: list[int] = []
        # Cases assigned to this counselor and not yet closed: id -> status.
        self.cases: dict[int, str] = {}

    # ---- API helpers -----------------------------------------------------------------------

    def _get(self, path: str, name: str, **params: object):
        with self.client.get(
            path, params=params or None, headers=self.api, name=name, timeout=TIMEOUT, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return None
            return response.json()

    def _post(self, path: str, payload: dict, name: str, expect: tuple[int, ...] = (200, 201)):
        with self.client.post(
            path, json=payload, headers=self.api, name=name, timeout=TIMEOUT, catch_response=True
        ) as response:
            if response.status_code not in expect:
                response.failure(f"status {response.status_code}")
                return None
            return response

    def _took(self, case: dict) -> None:
        """Note a case that came back assigned to this counselor (pushed or pulled)."""
        if case.get("assignee") == self.username:
            self.cases[case["id"]] = case["status"]
            if case.get("resident_id"):
                self._reaches(case["resident_id"])

    def _reaches(self, resident_id: int) -> None:
        if resident_id not in self.reach:
            self.reach.append(resident_id)
            del self.reach[:-200]

    # ---- finding people and intake -----------------------------------------------------------

    @task(3)
    def search_name(self) -> None:
        name = random.choice(FIXTURE["residents"])["name"].split()[0]
        self._get("/api/v1/residents/", "api: search by name", q=name)

    @task(1)
    def lookup_arn(self) -> None:
        arn = random.choice(WITH_ARN)["arn"]
        self._post(
            "/api/v1/residents/lookup",
            {"arn": arn, "purpose": "load test: caller identification"},
            "api: lookup by ARN",
            expect=(200,),
        )

    @task(3)
    def intake_known_caller(self) -> None:
        """A caller gives their phone number; the counselor finds them and opens a case."""
        caller = random.choice(FIXTURE["residents"])
        found = self._get("/api/v1/residents/", "api: search by phone", q=caller["phone"])
        if not found:
            return
        person = next((r for r in found if r["id"] == caller["id"]), found[0])
        self._open_case(
            {"resident_id": person["id"], "language": person["preferred_language"] or "ko"},
            "case: open (known resident)",
        )

    @task(1)
    def intake_unidentified_caller(self) -> None:
        payload = {
            "caller_phone": f"010-7{random.randint(0, 999):03d}-{random.randint(0, 9999):04d}",
            "language": random.choice(["ko", self.language]),
        }
        self._open_case(payload, "case: open (unidentified caller)")

    def _open_case(self, payload: dict, name: str) -> None:
        payload = {
            "channel": random.choice(CHANNELS),
            "topic": random.choice(FIXTURE["topics"]),
            "summary": f"load test {RUN}",
            **payload,
        }
        response = self._post("/api/v1/casework/cases", payload, name, expect=(201,))
        if response is None:
            return
        case = response.json()
        _ack({"kind": "case", "id": case["id"], "number": case["number"]})
        if case["resident_id"]:
            self._reaches(case["resident_id"])  # the opener reaches the case's resident
        self._took(case)

    @task(1)
    def register_walk_in(self) -> None:
        n = next(_serial)
        name = f"LOAD {RUN} WALKIN {os.getpid()}-{n}"
        payload = {
            "name": name,
            "birth_date": f"19{random.randint(70, 99)}-0{random.randint(1, 9)}-1{random.randint(0, 9)}",
            "sex": random.choice(["M", "F"]),
            "nationality": "VN",
            "preferred_language": "vi",
            "phone": f"+82109{random.randint(0, 9999999):07d}",
            "municipality": random.choice(FIXTURE["municipalities"]),
        }
        response = self._post("/api/v1/residents/", payload, "api: create resident", expect=(201,))
        if response is None:
            return
        resident_id = response.json()["resident"]["id"]
        _ack({"kind": "resident", "id": resident_id, "name": name})
        self._reaches(resident_id)  # the counselor registered them
        consent = {"kind": "collection", "channel": "phone"}
        response = self._post(
            f"/api/v1/residents/{resident_id}/consents", consent, "api: record consent", expect=(201,)
        )
        if response is not None:
            _ack({"kind": "consent", "id": response.json()["id"], "resident": resident_id})

    # ---- records within reach ------------------------------------------------------------

    @task(3)
    def open_record(self) -> None:
        if not self.reach:
            return self.intake_known_caller()
        resident_id = random.choice(self.reach)
        self._get(f"/api/v1/residents/{resident_id}", "api: resident record", purpose="load test: counseling")

    @task(2)
    def open_timeline(self) -> None:
        if not self.reach:
            return self.intake_known_caller()
        self._get(f"/api/v1/residents/{random.choice(self.reach)}/timeline", "api: resident timeline")

    @task(1)
    def open_consents(self) -> None:
        if not self.reach:
            return self.intake_known_caller()
        self._get(f"/api/v1/residents/{random.choice(self.reach)}/consents", "api: resident consents")

    # ---- the queue -------------------------------------------------------------------------

    @task(2)
    def pull_next(self) -> None:
        response = self._post(
            "/api/v1/casework/cases/next",
            {"channel": random.choice(PULLED)},
            "case: next (auto-assign)",
            expect=(200, 204),
        )
        if response is not None and response.status_code == 200:
            case = response.json()
            _ack({"kind": "case_step", "case": case["id"], "event": "case.assigned"})
            self._took(case)

    @task(6)
    def work_case(self) -> None:
        """The next step of one of this counselor's cases, read afresh first (as on its page)."""
        if not self.cases:
            self.queue_page()
        if not self.cases:
            return self.pull_next()
        case_id = random.choice(list(self.cases))
        case = self._get(f"/api/v1/casework/cases/{case_id}", "case: detail")
        if case is None or case.get("assignee") != self.username:
            self.cases.pop(case_id, None)
            return
        status = case["status"]
        if status == "assigned":
            self._step(case, {"action": "start"}, "case.started")
        elif status == "in_progress":
            roll = random.random()
            if roll < 0.35:
                note = {"text": f"load test note {RUN}: called back, documents explained", "shareable": False}
                response = self._post(f"/api/v1/casework/cases/{case_id}/notes", note, "case: note", (201,))
                if response is not None:
                    _ack({"kind": "case_note", "id": response.json()["id"], "case": case_id})
            elif roll < 0.45 and not case["resident_id"]:
                resident = random.choice(FIXTURE["residents"])
                self._step(case, {"action": "link", "resident_id": resident["id"]}, "case.resident_linked")
            elif roll < 0.55:
                self._step(case, {"action": "wait", "on": "resident"}, "case.waiting")
            else:
                self._step(case, {"action": "resolve", "resolution": "explained"}, "case.resolved")
        elif status == "waiting":
            self._step(case, {"action": "resume"}, "case.resumed")
        elif status == "resolved":
            self._step(case, {"action": "close"}, "case.closed")
        else:
            self.cases.pop(case_id, None)

    def _step(self, case: dict, payload: dict, event: str) -> None:
        response = self._post(f"/api/v1/casework/cases/{case['id']}/transition", payload, "case: transition")
        if response is None:
            return
        after = response.json()
        _ack({"kind": "case_step", "case": case["id"], "event": event})
        if after["resident_id"]:
            self._reaches(after["resident_id"])
        if after["status"] == "closed":
            self.cases.pop(case["id"], None)
        else:
            self.cases[case["id"]] = after["status"]

    @task(2)
    def queue_page(self) -> None:
        """The queue page: the cases assigned to this counselor (pushed to them at intake, when they
        were the free counselor of the language) and those waiting in their queues."""
        text = self.page("/workspace/cases/", "workspace: case queue page")
        mine = MY_CASES.search(text or "")
        for case_id in CASE_LINK.findall(mine.group(0) if mine else ""):
            self.cases.setdefault(int(case_id), "")

    # ---- web chat ----------------------------------------------------------------------------

    @task(4)
    def answer_chat(self) -> None:
        """Open the chat list, answer a resident who is waiting (else the newest chat)."""
        listing = self.page("/chat/workspace/", "chat: counselor list")
        if listing is None:
            return
        rows = [(m.group(1), "<strong>" in m.group(0)) for m in CHAT_ROW.finditer(listing)]
        if not rows:
            return
        waiting = [conversation for conversation, waits in rows if waits]
        conversation = random.choice(waiting[:10]) if waiting else rows[0][0]
        path = f"/chat/workspace/{conversation}/"
        if self.page(path, "chat: counselor page") is None:
            return
        tag = _tag()
        if self.post_form(path, {"text": f"{COUNSELOR_REPLY} {tag}"}, "chat: counselor sends") is not None:
            _ack({"kind": "message", "conversation": int(conversation), "tag": tag})


class ChattingResident(Browser, HttpUser):
    weight = 7
    wait_time = between(3, 10)

    def on_start(self) -> None:
        accounts = FIXTURE["chat_residents"]
        account = accounts[next(_resident_no) % len(accounts)]
        self.language = account["language"]
        self.use_session(account["session"])
        self.conversations: list[int] = []
        self.last_seen: dict[int, int] = {}

    def _text(self, tag: str) -> str:
        return f"{PHRASES.get(self.language, PHRASES['en'])} {tag}"

    @task(1)
    def start_chat(self) -> None:
        if len(self.conversations) >= 3:
            return self.write()
        home = self.page("/chat/", "chat: resident home")
        if home is None:
            return
        topics = TOPIC_OPTION.findall(home)
        tag = _tag()
        data = {"topic": random.choice(topics), "text": self._text(tag)}
        target = self.post_form("/chat/", data, "chat: start")
        found = CHAT_URL.search(target or "")
        if not found:
            return
        conversation = int(found.group(1))
        _ack({"kind": "conversation", "id": conversation})
        _ack({"kind": "message", "conversation": conversation, "tag": tag})
        self.conversations.append(conversation)
        self._read(conversation)

    @task(5)
    def write(self) -> None:
        if not self.conversations:
            return self.start_chat()
        conversation = random.choice(self.conversations)
        if not self.csrf and self._read(conversation) is None:
            return
        tag = _tag()
        target = self.post_form(f"/chat/{conversation}/", {"text": self._text(tag)}, "chat: resident sends")
        if target is None:
            return
        _ack({"kind": "message", "conversation": conversation, "tag": tag})
        self._read(conversation)

    def _read(self, conversation: int) -> str | None:
        text = self.page(f"/chat/{conversation}/", "chat: resident page")
        if text is not None:
            ids = [int(i) for i in MESSAGE_ID.findall(text)]
            self.last_seen[conversation] = max(ids, default=0)
        return text

    @task(4)
    def poll(self) -> None:
        """What the page's script does when WebSockets fail: ask for messages after the last."""
        if not self.conversations:
            return
        conversation = random.choice(self.conversations)
        after = self.last_seen.get(conversation, 0)
        with self.client.get(
            f"/chat/{conversation}/messages/",
            params={"after": after},
            name="chat: poll",
            timeout=TIMEOUT,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return
            ids = [int(i) for i in MESSAGE_ID.findall(response.text)]
            self.last_seen[conversation] = max([after, *ids])


class PortalVisitor(HttpUser):
    """Residents who are not signed in: the help page and the sign-in and sign-up pages."""

    weight = 3
    wait_time = between(2, 6)

    @task(3)
    def help_page(self) -> None:
        self.client.get("/help/", name="portal: help", timeout=TIMEOUT)

    @task(2)
    def sign_in_page(self) -> None:
        self.client.get("/my/signin/", name="portal: sign-in", timeout=TIMEOUT)

    @task(1)
    def sign_up_page(self) -> None:
        self.client.get("/my/signup/", name="portal: sign-up", timeout=TIMEOUT)


class Officer(Browser, HttpUser):
    """A province program officer: prepares applications, and approves those another prepared."""

    fixed_count = 6
    wait_time = between(1, 3)

    def on_start(self) -> None:
        officers = FIXTURE["officers"]
        # The last officer account is the treasurer's (batches); officers take the others.
        account = officers[next(_officer_no) % (len(officers) - 1)]
        self.username = account["username"]
        self.use_session(account["session"])

    def _decide(self, application: int, action: str, name: str) -> str | None:
        """Post the decision; the application page read back afterwards, or None."""
        path = f"/grants/applications/{application}/"
        if self.page(path, "grants: application page") is None:
            return None
        note = {"note": "load test: residence and status checked"}
        if self.post_form(f"{path}{action}/", note, name) is None:
            return None
        return self.page(path, "grants: application page")

    @task(3)
    def prepare(self) -> None:
        try:
            application = _submitted.popleft()
        except IndexError:
            return self.applications_page()
        text = self._decide(application, "prepare", "grants: prepare")
        if text is None:
            return
        status = APPLICATION_STATUS.search(text)
        by = PREPARED_BY.search(text)
        if status and status.group(1).startswith("prepared") and by and by.group(1) == self.username:
            _ack({"kind": "grant_prepared", "application": application, "by": self.username})
            _prepared.append((application, self.username))

    @task(3)
    def approve(self) -> None:
        # Four eyes: take the oldest application someone else prepared.
        mine = []
        chosen = None
        while _prepared:
            application, preparer = _prepared.popleft()
            if preparer != self.username:
                chosen = application
                break
            mine.append((application, preparer))
        _prepared.extendleft(reversed(mine))
        if chosen is None:
            return self.applications_page()
        text = self._decide(chosen, "approve", "grants: approve")
        if text is None:
            return
        status = APPLICATION_STATUS.search(text)
        by = APPROVED_BY.search(text)
        if status and status.group(1) == "approved" and by and by.group(1) == self.username:
            _ack({"kind": "grant_approved", "application": chosen, "by": self.username})

    @task(1)
    def applications_page(self) -> None:
        self.page("/grants/applications/", "grants: applications page", status="submitted")


class Treasurer(Browser, HttpUser):
    """The province officer who pays: a batch of what was approved, its bank file, and the bank's
    result file read back (every line paid)."""

    fixed_count = 1
    wait_time = between(4, 8)

    def on_start(self) -> None:
        self.use_session(FIXTURE["officers"][-1]["session"])
        self.program = FIXTURE["grants"]["program"]

    @task
    def pay_a_batch(self) -> None:
        if self.page(f"/grants/programs/{self.program}/", "grants: program page") is None:
            return
        target = self.post_form(
            "/grants/batches/", {"program": self.program, "method": "bank"}, "grants: create batch"
        )
        found = BATCH_URL.search(target or "")
        if not found:
            return  # nothing was waiting for a batch (the page says so)
        batch = int(found.group(1))
        _ack({"kind": "grant_batch", "id": batch})
        path = f"/grants/batches/{batch}/"
        if self.page(path, "grants: batch page") is None:
            return
        with self.client.get(
            f"{path}bank-file/", name="grants: bank file", timeout=TIMEOUT, allow_redirects=False,
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 200 or not response.text.startswith("H,"):
                response.failure(f"status {response.status_code}")
                return
            lines = [cells for cells in csv.reader(io.StringIO(response.text)) if cells[:1] == ["D"]]
        for cells in lines:
            _ack({"kind": "grant_sent", "key": cells[-1]})
        result = "".join(f"R,{cells[-1]},{cells[-2]},OK,load test\r\n" for cells in lines)
        with self.client.post(
            path, data={"csrfmiddlewaretoken": self.csrf},
            files={"file": (f"result-{batch}.csv", result.encode(), "text/csv")},
            name="grants: result file", timeout=TIMEOUT, allow_redirects=False, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return
            for status, key in PAYMENT_ROW.findall(response.text):
                if status == "paid":
                    _ack({"kind": "grant_paid", "key": key})


class Analyst(Browser, HttpUser):
    fixed_count = 1
    wait_time = between(5, 10)

    def on_start(self) -> None:
        self.api = {"Authorization": f"Bearer {FIXTURE['analyst']['token']}"}
        self.use_session(FIXTURE["analyst"]["session"])

    @task(2)
    def county_table(self) -> None:
        self.client.get(
            "/api/v1/insights/residents-by-county",
            headers=self.api,
            name="export: residents by county",
            timeout=TIMEOUT,
        )

    @task(1)
    def casework_report(self) -> None:
        with self.client.get(
            "/workspace/cases/reports/export.xlsx", name="export: casework report (xlsx)",
            timeout=TIMEOUT, allow_redirects=False, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 200 or not response.content.startswith(b"PK"):
                response.failure(f"status {response.status_code}")
