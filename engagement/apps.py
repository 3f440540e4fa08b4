from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Engagement")

    def ready(self):
        from core import demo, privacy

        from . import personal_data

        privacy.register_exporter("engagement", personal_data.export_for_user)
        demo.register_demo_loader("engagement.demo.loader.load_demo")
        from . import signals_search  # noqa: F401  (connects the search document upkeep)
