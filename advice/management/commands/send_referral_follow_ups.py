from advice.tasks_referrals import referrals_due_for_follow_up, send_referral_follow_up
from core.management.mailing import MailingCommand


class Command(MailingCommand):
    help = (
        "Ask advisers whether their referrals helped once the follow-up date has come. "
        "Each referral is asked about once, so run it daily from cron, e.g. "
        "`0 8 * * * manage.py send_referral_follow_ups --base-url https://example.org`."
    )

    def send(self, base_url):
        referral_ids = list(referrals_due_for_follow_up().values_list("pk", flat=True))
        for referral_id in referral_ids:
            send_referral_follow_up.enqueue(referral_id, base_url)
        self.stdout.write(f"{len(referral_ids)} referral follow-ups queued.")
