from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator, ValidationError

from engagement.tasks_organisation import send_confirmation_reminders


class Command(BaseCommand):
    help = (
        "Remind organisations by e-mail of published opportunities they have not confirmed "
        "for 83 days (a week before they disappear from search) or longer. Each opportunity "
        "is included once until it is confirmed again, so run it daily from cron, e.g. "
        "`15 6 * * * manage.py remind_unconfirmed_opportunities --base-url https://example.org`."
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
        result = send_confirmation_reminders.enqueue(base_url)
        self.stdout.write(f"Reminder job queued ({result.id}).")
