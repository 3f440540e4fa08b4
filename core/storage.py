"""Storage for files that must not be reachable under MEDIA_URL (documents for
participants only, later case documents). Views hand them out after checking who asks."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, with no public URL. The location is read from the
    settings on every use, so that tests can point it at a temporary folder."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


private_storage = PrivateFileStorage()
