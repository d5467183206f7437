"""`make screenshots`: PNGs of the staff workspace on demo data, at phone and desktop width.

Builds a throw-away SQLite database in a temporary IEUM_VAR_DIR (the checkout's var/ is not
touched), loads the demo region, residents and users, serves it with `ieum runserver`, signs in as
the demo counselor in Debian's Chromium and saves docs/screenshots/<page>-<phone|desktop>.png.

    python scripts/screenshots.py [--out docs/screenshots] [--residents 400] [--lang ko]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from ieum.lib.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
SCREENS = {"phone": (360, 800, True), "desktop": (1280, 900, False)}
COUNSELOR = "demo-counselor"
RESIDENT = "demo-resident"
# The resident portal is shown in Vietnamese, the center's most common language (facts.md §3.2).
PORTAL_LANG = "vi"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(residents: int) -> dict[str, Any]:
    """Migrate and load demo data (this process's environment points at the temporary var dir)."""
    import django
    from django.core.management import call_command

    django.setup()
    quiet = {"verbosity": 0, "stdout": io.StringIO()}
    call_command("migrate", interactive=False, **quiet)
    call_command("load-region", "jeonnam", **quiet)
    call_command("demo-data", residents=residents, seed=1, **quiet)
    call_command("demo-users", **quiet)
    return pick_examples()


def pick_examples() -> dict[str, Any]:
    """A search that lists people of several scripts, and a Myanmar resident's page."""
    from ieum.residents.models import Resident

    people = Resident.objects.active().exclude(name_hangul="").exclude(name_native="")
    page = people.filter(preferred_language="my").order_by("pk").first() or people.order_by("pk").first()
    khmer = people.filter(preferred_language="km").order_by("pk").first() or page
    if page is None or khmer is None:
        raise SystemExit("screenshots: the demo data has no resident with a Hangul and a native name")
    return {
        "query": khmer.name_hangul.split()[0][:2],
        "resident": page.pk,
        "authenticator": authenticator_key(COUNSELOR),
        "resident_session": resident_session(),
    }


def resident_session() -> str:
    """A signed-in session of the demo resident, as if they had entered their one-time code
    (the code goes to an SMS outbox this script cannot read)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from ieum.core.models import User

    user = User.objects.get(username=RESIDENT)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key or ""


def authenticator_key(username: str) -> dict[str, Any] | None:
    """The TOTP settings of the user's authenticator (made here), when the second factor is on."""
    from django.apps import apps

    if not apps.is_installed("django_otp.plugins.otp_totp"):
        return None
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ieum.core.models import User

    user = User.objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="screenshots", confirmed=True)
    return {
        "key": device.bin_key,
        "step": device.step,
        "t0": device.t0,
        "digits": device.digits,
        "drift": device.drift,
    }


def one_time_code(authenticator: dict[str, Any]) -> str:
    # Computed like the phone app does; no database here (Playwright's loop runs in this thread).
    from django_otp.oath import TOTP

    a = authenticator
    totp = TOTP(a["key"], a["step"], a["t0"], a["digits"], a["drift"])
    totp.time = time.time()
    return f"{totp.token():0{a['digits']}d}"


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("screenshots: the server stopped; see its output above")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):  # noqa: S310 (loopback)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("screenshots: the server did not answer in time")


def sign_in(page: Any, base: str, password: str, authenticator: dict[str, Any] | None) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", COUNSELOR)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    if "/accounts/two-factor/" in page.url:
        if authenticator is None:
            raise SystemExit("screenshots: the site asks for a one-time code this script cannot make")
        page.fill("#id_code", one_time_code(authenticator))
        with page.expect_navigation():
            page.press("#id_code", "Enter")


def shoot(base: str, out: Path, examples: dict[str, Any], lang: str, password: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    pages = {
        "workspace-home": "/workspace/",
        "resident-search": f"/residents/?q={urllib.request.quote(examples['query'])}",
        "resident-page": f"/residents/{examples['resident']}/",
    }
    saved = []
    signed_in = None  # one sign-in for both widths: a one-time code is accepted only once
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for screen, (width, height, mobile) in SCREENS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                is_mobile=mobile,
                has_touch=mobile,
                device_scale_factor=1,
                locale=lang,
                timezone_id="Asia/Seoul",
                storage_state=signed_in,
            )
            page = context.new_page()
            if signed_in is None:
                sign_in(page, base, password, examples["authenticator"])
                signed_in = context.storage_state()
            for name, path in pages.items():
                page.goto(base + path)
                page.evaluate("() => document.fonts.ready")
                page.evaluate("() => document.activeElement && document.activeElement.blur()")
                target = out / f"{name}-{screen}.png"
                page.screenshot(path=str(target), full_page=True, animations="disabled", caret="hide")
                saved.append(target)
            context.close()
            saved += shoot_portal(browser, base, out, examples, screen, width, height, mobile)
        browser.close()
    return saved


def shoot_portal(
    browser: Any,
    base: str,
    out: Path,
    examples: dict[str, Any],
    screen: str,
    width: int,
    height: int,
    mobile: bool,
) -> list[Path]:
    saved = []
    context = browser.new_context(
        viewport={"width": width, "height": height},
        is_mobile=mobile,
        has_touch=mobile,
        device_scale_factor=1,
        locale=PORTAL_LANG,
        timezone_id="Asia/Seoul",
    )
    host = base.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [
            {"name": "django_language", "value": PORTAL_LANG, "domain": host, "path": "/"},
        ]
    )
    page = context.new_page()
    for name, path in {"portal-signup": "/my/signup/", "portal-help": "/help/"}.items():
        saved.append(_snap(page, base + path, out / f"{name}-{screen}.png"))
    context.add_cookies(
        [{"name": "sessionid", "value": examples["resident_session"], "domain": host, "path": "/"}]
    )
    saved.append(_snap(page, base + "/my/", out / f"portal-home-{screen}.png"))
    context.close()
    return saved


def _snap(page: Any, url: str, target: Path) -> Path:
    page.goto(url)
    page.evaluate("() => document.fonts.ready")
    page.screenshot(path=str(target), full_page=True, animations="disabled", caret="hide")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--residents", type=int, default=400)
    parser.add_argument("--lang", default="ko", help="the browser's language (Accept-Language)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(
            f"screenshots: {CHROMIUM} is missing (apt-get install chromium fonts-noto-core fonts-noto-cjk)"
        )

    var = Path(tempfile.mkdtemp(prefix="ieum-screenshots-"))
    env = {
        **os.environ,
        "IEUM_VAR_DIR": str(var),
        "IEUM_DEBUG": "true",
        "DJANGO_SETTINGS_MODULE": "ieum.config.settings",
    }
    env.pop("DATABASE_URL", None)  # always the throw-away SQLite database
    os.environ.clear()
    os.environ.update(env)
    server = None
    try:
        examples = prepare_database(args.residents)
        from ieum.core.management.commands.demo_users import DEMO_PASSWORD

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        ieum = shutil.which("ieum", path=str(Path(sys.executable).parent)) or "ieum"
        log = open(var / "server.log", "w")  # noqa: SIM115 (closed with the server)
        server = subprocess.Popen(  # noqa: S603 (our own console command)
            [ieum, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(base, server)
        except SystemExit:
            print((var / "server.log").read_text(), file=sys.stderr)
            raise
        args.out.mkdir(parents=True, exist_ok=True)
        for path in shoot(base, args.out, examples, args.lang, DEMO_PASSWORD):
            print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
