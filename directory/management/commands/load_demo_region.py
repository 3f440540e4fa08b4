from django.core.management.base import BaseCommand

from directory.demo.loader import demo_region_load
from directory.demo.people import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Load the demo region (Saxony and Berlin: organisations, places, office hours, "
        "networks, legal pages and demo accounts). Does nothing if it is already loaded."
    )

    def handle(self, *args, **options):
        result = demo_region_load()
        if not result.loaded:
            self.stdout.write("The demo region is already loaded; nothing was changed.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo region: {result.organisations} organisations "
                f"with {result.places} places."
            )
        )
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for line in result.accounts:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            "No staff account is created. For the admin area run "
            "`manage.py createsuperuser`; staff set up a second factor (TOTP) at first sign-in."
        )
