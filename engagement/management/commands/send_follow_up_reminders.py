from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator, ValidationError

from engagement.tasks_record import placements_due_for_follow_up, send_follow_up_reminder


class Command(BaseCommand):
    help = (
        "Remind guides by e-mail to ask how a placement is going six weeks after it started. "
        "Each placement is reminded once, so run it daily from cron, e.g. "
        "`45 6 * * * manage.py send_follow_up_reminders --base-url https://example.org`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.GEMEINWERK_SITE_URL or None,
            required=not settings.GEMEINWERK_SITE_URL,
            help="Address of the platform for the links in the e-mails, e.g. https://example.org",
        )

    def handle(self, *args, base_url, **options):
        try:
            URLValidator(schemes=["http", "https"])(base_url)
        except ValidationError as error:
            raise CommandError(f"--base-url is not a web address: {base_url}") from error
        placement_ids = list(placements_due_for_follow_up().values_list("pk", flat=True))
        for placement_id in placement_ids:
            send_follow_up_reminder.enqueue(placement_id, base_url)
        self.stdout.write(f"{len(placement_ids)} follow-up reminders queued.")
