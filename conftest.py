import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _german():
    """The platform speaks German unless a test asks for another language."""
    with translation.override("de"):
        yield


@pytest.fixture
def user(db):
    from directory.tests.factories import UserFactory

    return UserFactory()
