"""The engagement catalogues of the demo: fields, activities, target groups, languages."""

FIELDS = [
    "Kinder und Jugend",
    "Senioren",
    "Umwelt und Natur",
    "Kultur",
    "Sport",
    "Migration und Integration",
    "Nachbarschaftshilfe",
    "Bildung",
    "Gesundheit und Pflege",
    "Tierschutz",
    "Katastrophenschutz",
]

ACTIVITIES = [
    "Begleiten",
    "Vorlesen",
    "Hausaufgabenhilfe",
    "Fahrdienst",
    "Einkaufen",
    "Gärtnern",
    "Organisieren",
    "Handwerken",
    "Sprachpatenschaft",
    "Besuchsdienst",
    "Veranstaltungen helfen",
    "Öffentlichkeitsarbeit",
    "Beraten",
]

TARGET_GROUPS = [
    "Kinder",
    "Jugendliche",
    "Familien",
    "Ältere Menschen",
    "Menschen mit Behinderung",
    "Geflüchtete",
    "Nachbarschaft",
]

# (ISO 639-1 code, name)
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("ar", "Arabisch"),
    ("ru", "Russisch"),
    ("uk", "Ukrainisch"),
    ("tr", "Türkisch"),
    ("pl", "Polnisch"),
    ("fr", "Französisch"),
]
