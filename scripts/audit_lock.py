"""pip-audit over requirements.lock, failing on any known vulnerability — and never passing quietly
when nothing could be checked.

pip-audit asks PyPI's JSON API for each pinned version (`https://pypi.org/pypi/<name>/<version>/json`,
whose `vulnerabilities` come from the PyPA advisory database). Where that endpoint does not answer
(a mirror that serves only the simple index answers 404), pip-audit reports every package as
"not found", says "No known vulnerabilities found" and exits 0. This script treats that as what it
is: NOT AUDITED. It prints so loudly, and fails when IEUM_AUDIT_REQUIRED=1 (set it in CI where the
service is reachable). A package skipped while others were checked fails the run.

Accepted advisories, each with a reason and a date to look again, go in AUDIT_IGNORE below.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
# {"GHSA-…": "why it does not apply to Ieum; look again by YYYY-MM-DD"}
AUDIT_IGNORE: dict[str, str] = {}


def service_answers() -> str:
    """'' when PyPI's per-version JSON answers for the first locked package, else why not."""
    first = next(line for line in LOCK.read_text().splitlines() if line and not line.startswith("#"))
    name, version = first.split("==")
    url = f"https://pypi.org/pypi/{name}/{version}/json"
    try:
        with urllib.request.urlopen(url, timeout=15):  # noqa: S310 (a fixed https URL)
            return ""
    except (urllib.error.URLError, TimeoutError) as exc:
        return f"{url} answered {exc}"


def run_pip_audit() -> tuple[list[dict], str]:
    command = [sys.executable, "-m", "pip_audit", "--requirement", str(LOCK), "--no-deps"]
    command += ["--format", "json", "--progress-spinner", "off", "--vulnerability-service", "pypi"]
    for vuln_id in AUDIT_IGNORE:
        command += ["--ignore-vuln", vuln_id]
    done = subprocess.run(command, capture_output=True, text=True)  # noqa: S603
    try:
        return json.loads(done.stdout)["dependencies"], done.stderr
    except (json.JSONDecodeError, KeyError):
        return [], done.stdout + done.stderr


def not_audited(reason: str) -> None:
    print("pip-audit: NOT AUDITED —", reason)
    print("  pip-audit needs https://pypi.org/pypi/<name>/<version>/json (or https://api.osv.dev).")
    print("  Run `make hygiene` where it is reachable; IEUM_AUDIT_REQUIRED=1 makes this a failure.")
    sys.exit(1 if os.environ.get("IEUM_AUDIT_REQUIRED") == "1" else 0)


def main() -> None:
    # Checked first: where it fails, pip-audit would spend half a minute to report nothing.
    unreachable = service_answers()
    if unreachable:
        not_audited(unreachable)
    deps, errors = run_pip_audit()
    if not deps:
        not_audited("pip-audit gave no result:\n" + errors.strip()[-2000:])
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if d.get("skip_reason")]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            print(f"{dep['name']}=={dep['version']}: {vuln['id']} (fixed in {fixed})")
    if vulnerable:
        sys.exit(f"pip-audit: {len(vulnerable)} of {len(deps)} locked packages have known vulnerabilities.")
    if len(skipped) == len(deps):
        not_audited(f"the vulnerability service answered for none of the {len(deps)} locked packages.")
    if skipped:
        for dep in skipped:
            print(f"{dep['name']}=={dep['version']}: {dep['skip_reason']}")
        sys.exit(f"pip-audit: {len(skipped)} of {len(deps)} locked packages could not be audited.")
    print(f"pip-audit: {len(deps)} locked packages, no known vulnerabilities.")


if __name__ == "__main__":
    main()
