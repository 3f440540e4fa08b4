from core.management.mailing import MailingCommand
from engagement.tasks_organisation import send_confirmation_reminders


class Command(MailingCommand):
    help = (
        "Remind organisations by e-mail of published opportunities they have not confirmed "
        "for 83 days (a week before they disappear from search) or longer. Each opportunity "
        "is included once until it is confirmed again, so run it daily from cron, e.g. "
        "`15 6 * * * manage.py remind_unconfirmed_opportunities --base-url https://example.org`."
    )

    def send(self, base_url):
        result = send_confirmation_reminders.enqueue(base_url)
        self.stdout.write(f"Reminder job queued ({result.id}).")
