from core.management.mailing import MailingCommand
from events.tasks_registration import registrations_due_for_reminder, send_registration_reminder


class Command(MailingCommand):
    help = (
        "Remind everyone with a confirmed place of a date that starts tomorrow. Each "
        "registration is reminded once, so run it daily from cron, e.g. "
        "`0 9 * * * manage.py send_event_reminders --base-url https://example.org`."
    )

    def send(self, base_url):
        registration_ids = list(registrations_due_for_reminder().values_list("pk", flat=True))
        for registration_id in registration_ids:
            send_registration_reminder.enqueue(registration_id, base_url)
        self.stdout.write(f"{len(registration_ids)} event reminders queued.")
