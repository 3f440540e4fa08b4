from django.core.management.base import BaseCommand
from django.db import transaction

from directory.demo.loader import demo_region_load
from directory.demo.people import DEMO_PASSWORD
from engagement.demo.loader import engagement_demo_load
from events.demo import events_demo_load


class Command(BaseCommand):
    help = (
        "Load the demo region (Saxony and Berlin: organisations, places, office hours, "
        "networks, legal pages and demo accounts) with the engagement and events demos. "
        "Does nothing if it is already loaded."
    )

    def handle(self, *args, **options):
        # The engagement and events demos build on the region: all load together, or none
        # does. An installation that loaded the region before a module existed gets that
        # module's demo on the next run.
        with transaction.atomic():
            result = demo_region_load()
            engagement = engagement_demo_load()
            events = events_demo_load()
        if not result.loaded and not engagement.loaded and not events.loaded:
            self.stdout.write("The demo region is already loaded; nothing was changed.")
            return
        if result.loaded:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded the demo region: {result.organisations} organisations "
                    f"with {result.places} places."
                )
            )
        if engagement.loaded:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded the engagement demo: {engagement.opportunities} opportunities, "
                    f"{engagement.volunteers} volunteer profiles."
                )
            )
        if events.loaded:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded the events demo: {events.counts['events']} events with "
                    f"{events.counts['dates']} dates."
                )
            )
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for line in result.accounts + engagement.accounts + events.accounts:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            "No staff account is created. For the admin area run "
            "`manage.py createsuperuser`; staff set up a second factor (TOTP) at first sign-in."
        )
