from core.management.mailing import MailingCommand
from engagement.models import SavedSearch
from engagement.services.volunteers import saved_searches_purge_unconfirmed
from engagement.tasks_volunteer import send_saved_search_digest


class Command(MailingCommand):
    help = (
        "Queue the daily e-mail of new matching opportunities for every confirmed saved "
        "search, and delete saved searches nobody confirmed within a week. Run it once a "
        "day from cron, e.g. `30 6 * * * manage.py send_saved_search_digests "
        "--base-url https://gemeinwerk.example`."
    )

    def send(self, base_url):
        purged = saved_searches_purge_unconfirmed()
        search_ids = list(
            SavedSearch.objects.filter(confirmed_at__isnull=False).values_list("pk", flat=True)
        )
        for search_id in search_ids:
            send_saved_search_digest.enqueue(search_id, base_url)
        self.stdout.write(
            f"{len(search_ids)} saved searches checked, {purged} unconfirmed ones deleted."
        )
