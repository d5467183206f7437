"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Never a downloaded browser (no `playwright install`): the tests skip with a message when
/usr/bin/chromium is missing (`apt-get install chromium fonts-noto-core fonts-noto-cjk`).
Every test that takes `browser_page` runs twice, at phone (360 px) and desktop (1280 px) width.
"""

from __future__ import annotations

import subprocess
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps

from ieum.lib.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "src" / "ieum" / "static" / "vendor"
PASSWORD = "correct-horse-battery-9"
# Pages whose scripts are off: axe cannot run there (its timers never fire).
_NO_SCRIPT_PAGES: weakref.WeakSet[Any] = weakref.WeakSet()
FAIL_IMPACTS = ("serious", "critical")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int
    mobile: bool


PHONE = Screen("phone", 360, 800, True)
DESKTOP = Screen("desktop", 1280, 900, False)


def _ensure_vendor() -> None:
    """Build static/vendor from node_modules when `npm ci` ran but `npm run build` did not."""
    if (VENDOR / "htmx" / "htmx.min.js").exists() or not (ROOT / "node_modules").is_dir():
        return
    subprocess.run(["node", "scripts/build-assets.mjs"], cwd=ROOT, check=False, capture_output=True)


@pytest.fixture(scope="module")
def _browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core fonts-noto-cjk")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[dev]'")
    _ensure_vendor()
    # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django
    # refuse ORM calls from the test body; allowed only while this module's browser is up.
    patch = pytest.MonkeyPatch()
    patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        patch.undo()


@pytest.fixture(params=[PHONE, DESKTOP], ids=lambda screen: screen.name)
def screen(request: pytest.FixtureRequest) -> Screen:
    return request.param


@pytest.fixture
def browser_context_options(screen: Screen) -> dict[str, Any]:
    """Override in a test module to change the context (e.g. java_script_enabled=False)."""
    return {}


@pytest.fixture
def browser_page(_browser, live_server, screen: Screen, browser_context_options) -> Iterator[Any]:
    options: dict[str, Any] = {
        "base_url": live_server.url,
        "viewport": {"width": screen.width, "height": screen.height},
        "is_mobile": screen.mobile,
        "has_touch": screen.mobile,
        # English, so the tests read the same whatever translations exist.
        "locale": "en-US",
        "timezone_id": "Asia/Seoul",
        **browser_context_options,
    }
    context = _browser.new_context(**options)
    context.set_default_timeout(10_000)
    # axe-core on every page before the page's own scripts: injected through the DevTools
    # protocol, so a Content-Security-Policy cannot block it.
    context.add_init_script(script=_axe_source())
    page = context.new_page()
    if not options.get("java_script_enabled", True):
        _NO_SCRIPT_PAGES.add(page)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # A style or script the Content-Security-Policy blocks is a page that half works.
    page.on("console", lambda msg: "Content Security Policy" in msg.text and errors.append(msg.text))
    yield page
    context.close()
    assert not errors, f"JavaScript or Content-Security-Policy errors on the page: {errors}"


@pytest.fixture
def sign_in(live_server) -> Callable[..., None]:
    """`sign_in(page, user)`: the whole staff sign-in, in one place for every browser test.

    Password first; then, where the account needs one, the one-time code of an authenticator
    that this helper gives the user (as if set up earlier), computed like the phone app would.
    """

    def _sign_in(page: Any, user: Any, password: str = PASSWORD, *, check: bool = True) -> None:
        authenticator = _authenticator_for(user)
        page.goto("/accounts/login/")
        if check and page not in _NO_SCRIPT_PAGES:
            axe_check(page)
        page.fill("#id_username", user.get_username())
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.press("#id_password", "Enter")
        if urlsplit(page.url).path.startswith("/accounts/two-factor/") and authenticator is not None:
            if check and page not in _NO_SCRIPT_PAGES:
                axe_check(page)
            page.fill("#id_code", _current_code(authenticator))
            with page.expect_navigation():
                page.press("#id_code", "Enter")

    return _sign_in


def _authenticator_for(user: Any) -> Any:
    if not apps.is_installed("django_otp.plugins.otp_totp"):
        return None
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="browser test phone", confirmed=True)


def _current_code(device: Any) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def _axe_source() -> str:
    for path in (VENDOR / "axe" / "axe.min.js", ROOT / "node_modules" / "axe-core" / "axe.min.js"):
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("axe-core is missing, so accessibility cannot be checked: run `make assets`")


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def axe_check(page: Any, *, disable: tuple[str, ...] = ()) -> dict[str, Any]:
    """Run axe-core on the page; fail listing every serious or critical violation."""
    if page in _NO_SCRIPT_PAGES:
        raise pytest.UsageError("axe_check needs JavaScript: check the same page in a test with scripts on")
    if not page.evaluate("() => typeof window.axe === 'object'"):  # a page not from browser_page
        page.add_script_tag(content=_axe_source())
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {r: {"enabled": False} for r in disable},
    }
    result = page.evaluate("options => window.axe.run(document, options)", options)
    bad = [v for v in result["violations"] if v["impact"] in FAIL_IMPACTS]
    if bad:
        pytest.fail(
            f"axe found {len(bad)} serious or critical problem(s) on {page.url}:\n{format_violations(bad)}"
        )
    return result


@pytest.fixture(name="axe_check")
def axe_check_fixture() -> Callable[..., dict[str, Any]]:
    return axe_check
