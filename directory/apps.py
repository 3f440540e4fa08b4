from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from core import demo, privacy

        from . import personal_data, signals  # noqa: F401

        privacy.register_exporter("directory", personal_data.export_for_user)
        demo.register_demo_loader("directory.demo.loader.load_demo")
