"""`ieum check --deploy` is clean with production settings and secrets from the environment."""

from __future__ import annotations

import base64
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path


def test_check_deploy_passes_with_production_settings(tmp_path):
    beside_python = Path(sys.executable).with_name("ieum")
    ieum = str(beside_python) if beside_python.exists() else shutil.which("ieum")
    assert ieum, "the ieum console command is not installed"
    env = {
        **os.environ,
        "IEUM_DEBUG": "false",
        "IEUM_SECRET_KEY": secrets.token_urlsafe(50),
        "IEUM_ENCRYPTION_KEYS": "k1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "IEUM_BLIND_INDEX_KEY": secrets.token_urlsafe(32),
        "IEUM_ALLOWED_HOSTS": "ieum.example.kr",
        "IEUM_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "ieum.config.settings",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [ieum, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
