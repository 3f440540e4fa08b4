"""Encryption at rest for confidential text and files (advice notes, case documents).

Keys come from the setting ENCRYPTION_KEYS (environment variable GEMEINWERK_ENCRYPTION_KEYS:
comma-separated Fernet keys). The first key encrypts; all of them decrypt, so a key can
be rotated by putting a new one first. Values are Fernet tokens (AES-128-CBC with
HMAC-SHA256), so the raw database row holds no plaintext and a changed row is detected."""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db import models

PREFIX = "fernet:"


def derived_development_key(secret_key: str) -> str:
    """A key derived from SECRET_KEY, for development and tests only (the deploy check
    asks for real keys)."""
    digest = hashlib.sha256(("gemeinwerk-encryption:" + secret_key).encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


@cache
def _fernet() -> MultiFernet:
    keys = list(settings.ENCRYPTION_KEYS) or [derived_development_key(settings.SECRET_KEY)]
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "GEMEINWERK_ENCRYPTION_KEYS must hold Fernet keys (32 url-safe base64 bytes); "
            "make one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        ) from error


def _forget_keys(*, setting, **kwargs):
    if setting in {"ENCRYPTION_KEYS", "SECRET_KEY"}:
        _fernet.cache_clear()


setting_changed.connect(_forget_keys)


def encrypt_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _fernet().decrypt(token)


def encrypt_text(text: str) -> str:
    return PREFIX + _fernet().encrypt(text.encode()).decode()


def decrypt_text(stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise InvalidToken
    return _fernet().decrypt(stored[len(PREFIX) :].encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored encrypted. It cannot be searched or ordered by in the database; an
    empty value stays empty (so "no phone number" is visible, the number is not)."""

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return decrypt_text(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt_text(value)
