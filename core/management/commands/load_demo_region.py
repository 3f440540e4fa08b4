from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import demo_loaders


class Command(BaseCommand):
    help = (
        "Load the demo region (Saxony and Berlin: organisations, places, office hours, "
        "networks, legal pages and demo accounts) with every module's demo data. "
        "Does nothing if it is already loaded."
    )

    def handle(self, *args, **options):
        # The modules' demos build on the region: all load together, or none does. An
        # installation that loaded the region before a module existed gets that module's
        # demo on the next run.
        with transaction.atomic():
            results = [load() for load in demo_loaders()]
        loaded = [result for result in results if result.loaded]
        if not loaded:
            self.stdout.write("The demo region is already loaded; nothing was changed.")
            return
        for result in loaded:
            self.stdout.write(self.style.SUCCESS(result.summary))
        password = next((result.password for result in results if result.password), "")
        self.stdout.write(f"Demo accounts (password for all: {password}):")
        for result in results:
            for line in result.accounts:
                self.stdout.write(f"  {line}")
        self.stdout.write(
            "No staff account is created. For the admin area run "
            "`manage.py createsuperuser`; staff set up a second factor (TOTP) at first sign-in."
        )
