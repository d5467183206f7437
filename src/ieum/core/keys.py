"""Identifier encryption bound to the configured keys (settings → ieum.lib.crypto)."""

from __future__ import annotations

from django.conf import settings

from ieum.lib import crypto


def keyring() -> crypto.Keyring:
    return crypto.cached_keyring(settings.IEUM_ENCRYPTION_KEYS)


def encrypt(plaintext: str) -> str:
    return crypto.encrypt(keyring(), plaintext)


def decrypt(token: str) -> str:
    return crypto.decrypt(keyring(), token)


def rotate(token: str) -> str:
    return crypto.rotate(keyring(), token)


def blind_index(kind: str, normalized_value: str) -> str:
    return crypto.blind_index(settings.IEUM_BLIND_INDEX_KEY, kind, normalized_value)
