from django.core.management.base import BaseCommand

from advice.tasks_cases import anonymise_advice_records


class Command(BaseCommand):
    help = (
        "Anonymise advice concerns, cases and moderations closed longer than "
        "GEMEINWERK_ADVICE_RETENTION_MONTHS (default 12) ago. Run it daily from cron, e.g. "
        "`30 3 * * * manage.py anonymise_advice_records`."
    )

    def handle(self, *args, **options):
        result = anonymise_advice_records.enqueue()
        self.stdout.write(f"Retention job queued ({result.id}).")
