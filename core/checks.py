from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def encryption_keys_set(app_configs, **kwargs):
    """Confidential data must not be encrypted with a key derived from SECRET_KEY in
    production: rotating the secret key would make it unreadable."""
    if settings.ENCRYPTION_KEYS:
        return []
    return [
        Warning(
            "GEMEINWERK_ENCRYPTION_KEYS is not set; confidential data is encrypted with a "
            "key derived from SECRET_KEY.",
            hint="Generate one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'",
            id="gemeinwerk.W001",
        )
    ]
