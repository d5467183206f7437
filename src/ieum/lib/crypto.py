"""Authenticated encryption of identifiers at rest, with key rotation, and a keyed blind index.

PIPA asks that alien registration and passport numbers be encrypted when stored (facts.md §5,
"Encryption at rest"). We use Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`) through
MultiFernet: the first key encrypts, every listed key decrypts, and `rotate()` re-encrypts a token
under the first key. Exact lookup works through a separate HMAC-SHA256 "blind index" of the
normalized value, so the database never needs the plaintext to find a person.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class KeyConfigError(ValueError):
    pass


class DecryptionError(ValueError):
    pass


@dataclass(frozen=True)
class Keyring:
    key_ids: tuple[str, ...]
    fernet: MultiFernet

    @property
    def current_key_id(self) -> str:
        return self.key_ids[0]


def parse_keyring(spec: str) -> Keyring:
    """Parse "id1:key1,id2:key2"; each key is 32 bytes in url-safe base64 (Fernet.generate_key())."""
    key_ids: list[str] = []
    fernets: list[Fernet] = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        key_id, sep, key = part.partition(":")
        if not sep or not key_id or not key:
            raise KeyConfigError("each encryption key must be written as keyid:base64key")
        try:
            fernets.append(Fernet(key.encode()))
        except (ValueError, TypeError):
            raise KeyConfigError(f"encryption key {key_id!r} is not 32 bytes of url-safe base64") from None
        if key_id in key_ids:
            raise KeyConfigError(f"encryption key id {key_id!r} is listed twice")
        key_ids.append(key_id)
    if not fernets:
        raise KeyConfigError("no encryption key configured")
    return Keyring(tuple(key_ids), MultiFernet(fernets))


def encrypt(keyring: Keyring, plaintext: str) -> str:
    return keyring.fernet.encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(keyring: Keyring, token: str) -> str:
    try:
        return keyring.fernet.decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise DecryptionError("ciphertext cannot be decrypted with the configured keys") from None


def rotate(keyring: Keyring, token: str) -> str:
    """Re-encrypt a token under the current (first) key."""
    try:
        return keyring.fernet.rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken:
        raise DecryptionError("ciphertext cannot be decrypted with the configured keys") from None


def blind_index(key: str, kind: str, normalized_value: str) -> str:
    """Keyed HMAC of a normalized identifier; `kind` separates ARN and passport domains."""
    message = f"{kind}\x00{normalized_value}".encode()
    digest = hmac.new(key.encode("utf-8"), message, hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=").lower()


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


@lru_cache(maxsize=4)
def cached_keyring(spec: str) -> Keyring:
    return parse_keyring(spec)
