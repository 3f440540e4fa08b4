from core.management.mailing import MailingCommand
from engagement.tasks_record import placements_due_for_follow_up, send_follow_up_reminder


class Command(MailingCommand):
    help = (
        "Remind guides by e-mail to ask how a placement is going six weeks after it started. "
        "Each placement is reminded once, so run it daily from cron, e.g. "
        "`45 6 * * * manage.py send_follow_up_reminders --base-url https://example.org`."
    )

    def send(self, base_url):
        placement_ids = list(placements_due_for_follow_up().values_list("pk", flat=True))
        for placement_id in placement_ids:
            send_follow_up_reminder.enqueue(placement_id, base_url)
        self.stdout.write(f"{len(placement_ids)} follow-up reminders queued.")
