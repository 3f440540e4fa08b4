from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import demo, privacy

        from . import personal_data

        privacy.register_exporter("events", personal_data.export_for_user)
        demo.register_demo_loader("events.demo.load_demo")
