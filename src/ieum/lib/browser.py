"""How Ieum starts a browser for its browser tests and screenshots (no Django here)."""

from __future__ import annotations

import os
from pathlib import Path

# Debian's Chromium, for the browser tests and `make screenshots` (never a downloaded browser).
CHROMIUM = Path(os.environ.get("IEUM_CHROMIUM", "/usr/bin/chromium"))
# Headless, and nothing that reaches out: this machine has no internet and Chromium would keep
# retrying Google's hosts in the background.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
