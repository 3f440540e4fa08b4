from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator, ValidationError


class MailingCommand(BaseCommand):
    """A scheduled job that sends e-mails with links to the platform: it needs the
    platform's public address, from --base-url or the GEMEINWERK_SITE_URL setting."""

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
        self.send(base_url)

    def send(self, base_url: str) -> None:
        raise NotImplementedError
