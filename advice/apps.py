from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    name = "advice"
    verbose_name = _("Advice")

    def ready(self):
        from core import demo, privacy

        from . import personal_data

        privacy.register_exporter("advice", personal_data.export_for_user)
        demo.register_demo_loader("advice.demo.load_demo")
