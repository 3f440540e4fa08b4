import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core.cache import cache

from directory.tests.factories import UserFactory

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and used TOTP codes live in the cache; every test starts afresh."""
    cache.clear()
    yield
    cache.clear()


def make_verified_user(**kwargs):
    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def verified_user(db):
    return make_verified_user()


def current_totp_code(secret: str) -> str:
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def activate_totp(user) -> str:
    """Give `user` an authenticator app; returns the plain secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def sign_in(client, user, password=PASSWORD):
    return client.post("/konto/login/", {"login": user.email, "password": password})


def confirm_password(client, password=PASSWORD):
    """allauth asks for the password again before security settings change."""
    return client.post("/konto/reauthenticate/", {"password": password})
