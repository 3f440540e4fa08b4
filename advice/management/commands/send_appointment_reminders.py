from advice.tasks_appointments import appointments_due_for_reminder, send_appointment_reminder
from core.management.mailing import MailingCommand


class Command(MailingCommand):
    help = (
        "Remind everyone with an appointment tomorrow who gave an e-mail address. Each "
        "appointment is reminded once, so run it daily from cron, e.g. "
        "`0 9 * * * manage.py send_appointment_reminders --base-url https://example.org`."
    )

    def send(self, base_url):
        appointment_ids = list(appointments_due_for_reminder().values_list("pk", flat=True))
        for appointment_id in appointment_ids:
            send_appointment_reminder.enqueue(appointment_id, base_url)
        self.stdout.write(f"{len(appointment_ids)} appointment reminders queued.")
