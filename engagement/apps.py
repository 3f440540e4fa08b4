from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Engagement")

    def ready(self):
        from core import demo, handoffs, privacy

        from . import personal_data

        privacy.register_exporter("engagement", personal_data.export_for_user)
        demo.register_demo_loader("engagement.demo.loader.load_demo")
        from . import signals_search  # noqa: F401  (connects the search document upkeep)

        # advice: intake hand-offs (a concern passed on as a help request or an offer of help)
        handoffs.register_handoff("help_request", "engagement.handoffs.help_request_from_handoff")
        handoffs.register_handoff(
            "help_request_forms", "engagement.handoffs.forms_help_request_from_handoff"
        )
        handoffs.register_handoff("volunteering", "engagement.handoffs.offer_of_help_from_handoff")
        # end advice: intake hand-offs
