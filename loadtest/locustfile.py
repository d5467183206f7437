"""A busy evening at the center, for locust (started by loadtest/run.py, not by hand).

Counselors work their queues through the API (search by name, phone and ARN, open records and
timelines, register a walk-in and record the consent), residents open the public help page and
the portal's sign-in pages, and one analyst pulls the de-identified county table (the "export").

Every create the server acknowledged (201 with an id) is appended to LOADTEST_ACKS as one JSON
line, so run.py can check afterwards that none of them was lost.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import threading

from locust import HttpUser, between, task

FIXTURE = json.loads(open(os.environ["LOADTEST_FIXTURE"], encoding="utf-8").read())  # noqa: SIM115
ACKS_PATH = os.environ["LOADTEST_ACKS"]
TIMEOUT = 30
_acks = open(ACKS_PATH, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
_acks_lock = threading.Lock()
_serial = itertools.count(1)
RUN = FIXTURE["run"]
WITH_ARN = [r for r in FIXTURE["residents"] if r["arn"]] or FIXTURE["residents"]


def _ack(record: dict) -> None:
    with _acks_lock:
        _acks.write(json.dumps(record) + "\n")
        _acks.flush()


class Counselor(HttpUser):
    weight = 6
    wait_time = between(0.5, 2.5)

    def on_start(self) -> None:
        token = random.choice(FIXTURE["counselor_tokens"])
        self.client.headers["Authorization"] = f"Bearer {token}"

    def _sample(self) -> dict:
        return random.choice(FIXTURE["residents"])

    @task(4)
    def search_name(self) -> None:
        name = self._sample()["name"].split()[0]
        self.client.get("/api/v1/residents/", params={"q": name}, name="api: search by name", timeout=TIMEOUT)

    @task(2)
    def search_phone(self) -> None:
        phone = self._sample()["phone"]
        self.client.get(
            "/api/v1/residents/", params={"q": phone}, name="api: search by phone", timeout=TIMEOUT
        )

    @task(1)
    def lookup_arn(self) -> None:
        arn = random.choice(WITH_ARN)["arn"]
        self.client.post(
            "/api/v1/residents/lookup",
            json={"arn": arn, "purpose": "load test: caller identification"},
            name="api: lookup by ARN",
            timeout=TIMEOUT,
        )

    @task(3)
    def open_record(self) -> None:
        resident = self._sample()
        self.client.get(
            f"/api/v1/residents/{resident['id']}",
            params={"purpose": "load test: counseling"},
            name="api: resident record",
            timeout=TIMEOUT,
        )

    @task(2)
    def open_timeline(self) -> None:
        resident = self._sample()
        self.client.get(
            f"/api/v1/residents/{resident['id']}/timeline", name="api: resident timeline", timeout=TIMEOUT
        )

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
        with self.client.post(
            "/api/v1/residents/",
            json=payload,
            name="api: create resident",
            timeout=TIMEOUT,
            catch_response=True,
        ) as response:
            if response.status_code != 201:
                response.failure(f"status {response.status_code}")
                return
            resident_id = response.json()["resident"]["id"]
            _ack({"kind": "resident", "id": resident_id, "name": name})
        consent = {"kind": "collection", "channel": "phone"}
        with self.client.post(
            f"/api/v1/residents/{resident_id}/consents",
            json=consent,
            name="api: record consent",
            timeout=TIMEOUT,
            catch_response=True,
        ) as response:
            if response.status_code != 201:
                response.failure(f"status {response.status_code}")
                return
            _ack({"kind": "consent", "id": response.json()["id"], "resident": resident_id})


class Resident(HttpUser):
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


class Analyst(HttpUser):
    fixed_count = 1
    wait_time = between(3, 6)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {FIXTURE['analyst_token']}"

    @task
    def county_table(self) -> None:
        self.client.get(
            "/api/v1/insights/residents-by-county", name="export: residents by county", timeout=TIMEOUT
        )
