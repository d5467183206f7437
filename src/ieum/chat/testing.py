"""Fake translation servers on loopback for tests (no test reaches the internet).

`FakeTranslationServer(dictionary)` answers LibreTranslate's POST /translate and Papago's
POST /nmt/v1/translation from a small dictionary {(source, target, text): translation}; unknown
text comes back as "[target] text". `delay` makes it slow (timeouts), `status` makes it fail.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeTranslationServer:
    def __init__(self, dictionary: dict[tuple[str, str, str], str] | None = None) -> None:
        self.dictionary = dictionary or {}
        self.delay = 0.0
        self.status = 200
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    fields = json.loads(raw or "{}")
                else:
                    fields = {k: v[0] for k, v in parse_qs(raw).items()}
                server.requests.append({"path": self.path, "headers": dict(self.headers), "fields": fields})
                if server.delay:
                    time.sleep(server.delay)
                if server.status != 200:
                    self._answer(server.status, {"error": "broken"})
                    return
                text = fields.get("q", fields.get("text", ""))
                source, target = fields.get("source", ""), fields.get("target", "")
                out = server.dictionary.get((source, target, text), f"[{target}] {text}")
                if self.path.startswith("/nmt/"):
                    body: dict = {
                        "message": {
                            "result": {"srcLangType": source, "tarLangType": target, "translatedText": out}
                        }
                    }
                else:
                    body = {"translatedText": out}
                self._answer(200, body)

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up (timeout test)
                    self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeTranslationServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
