from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

CATALOGUES = sorted(
    path for locale in settings.LOCALE_PATHS for path in Path(locale).glob("*/LC_MESSAGES/*.po")
)


def test_german_catalogue_exists():
    assert any("/de/" in str(path) for path in CATALOGUES)


@pytest.mark.parametrize("po_path", CATALOGUES, ids=str)
def test_every_entry_is_translated_and_keeps_its_placeholders(po_path):
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file)
    untranslated = [
        message.id
        for message in catalog
        if message.id
        and (message.fuzzy or not (all(message.string) if message.pluralizable else message.string))
    ]
    assert not untranslated, f"{po_path}: {len(untranslated)} untranslated: {untranslated[:20]}"
    problems = [(message.id, errors) for message, errors in catalog.check()]
    assert not problems, problems
