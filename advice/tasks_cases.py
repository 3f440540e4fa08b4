"""The retention job, run in the background: queued daily by the management command
`anonymise_advice_records` (cron)."""

import logging

from django_tasks import task

from .services.retention import advice_records_anonymise_due

logger = logging.getLogger(__name__)


@task()
def anonymise_advice_records() -> dict:
    counts = advice_records_anonymise_due()
    # Counts only: the log must never name a person or a record's content.
    logger.info(
        "Advice retention: %s concerns, %s cases, %s moderations anonymised.",
        counts.concerns,
        counts.cases,
        counts.moderations,
    )
    return {"concerns": counts.concerns, "cases": counts.cases, "moderations": counts.moderations}
