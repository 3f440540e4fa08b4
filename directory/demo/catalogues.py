"""Topics, the editable service catalogue and funders of the demo region."""

TOPICS = [
    "Nachbarschaft",
    "Senioren",
    "Kinder und Jugend",
    "Familie",
    "Integration",
    "Inklusion",
    "Engagement",
    "Bildung",
    "Beteiligung",
    "Kultur",
    "Umwelt",
    "Gesundheit",
    "Existenzsicherung",
    "Wohnen und Quartier",
    "Sport",
]

# (name, description)
SERVICES = [
    (
        "Beratung in Alltagsfragen",
        "Ein offenes Ohr und erste Orientierung bei Fragen rund um Alltag, Wohnen und Ämter.",
    ),
    (
        "Konfliktmoderation in der Nachbarschaft",
        "Neutrale Vermittlung bei Streit im Haus oder im Wohngebiet, damit alle Seiten "
        "wieder miteinander reden können.",
    ),
    (
        "Hilfe bei Formularen und Anträgen",
        "Gemeinsames Ausfüllen von Formularen und Anträgen, etwa für Wohngeld oder Kita-Plätze.",
    ),
    (
        "Vermittlung zu Beratungsstellen",
        "Wir finden mit Ihnen die passende Fachberatung und stellen den Kontakt her.",
    ),
    (
        "Vermittlung ins Ehrenamt",
        "Wer sich engagieren möchte, findet hier passende Aufgaben und Freiwilligendienste.",
    ),
    (
        "Förderung von Selbsthilfe",
        "Unterstützung für Menschen, die sich selbst organisieren und gegenseitig helfen wollen.",
    ),
    (
        "Veranstaltungen und Feste",
        "(Mit-)Organisation von Stadtteilfesten, Nachbarschaftstreffen und Aktionstagen.",
    ),
    (
        "Weiterbildung für Multiplikator:innen",
        "Fortbildungen für Engagierte, Fachkräfte, Verwaltung und Kommunalpolitik.",
    ),
    ("Projektentwicklung", "Von der Idee zum Projekt: Konzeption, Planung und Umsetzung."),
    ("Mittelakquise", "Beratung zu Fördermitteln, Anträgen und Verwendungsnachweisen."),
    ("Öffentlichkeitsarbeit", "Unterstützung bei Pressearbeit, Flyern und sozialen Medien."),
    ("Moderation", "Moderation von Sitzungen, Workshops und öffentlichen Veranstaltungen."),
    (
        "Bürgerforen und Zukunftswerkstätten",
        "Öffentliche Foren, Zukunfts- und Generationenwerkstätten mit Bürgerbeteiligung.",
    ),
    (
        "Offener Treffpunkt",
        "Ein Ort zum Ankommen, Kaffeetrinken und Ins-Gespräch-Kommen – ohne Anmeldung.",
    ),
    (
        "Willkommenskultur",
        "Angebote, mit denen neu Zugezogene in der Nachbarschaft ankommen.",
    ),
    (
        "Vernetzung und Austausch",
        "Arbeitstreffen, Runde Tische und Kooperation von Vereinen, Verwaltung, Initiativen.",
    ),
    (
        "Reflexionsworkshops",
        "Standortbestimmung: Was haben wir erreicht, wo stehen wir, wo wollen wir hin?",
    ),
    (
        "Beteiligungsstrategie für Kommunen",
        "Konzepte für die Beteiligung von Bürgerinnen und Bürgern in der eigenen Kommune.",
    ),
    (
        "Aufbau von Ehrenamtsbüros",
        "Begleitung beim Aufbau dauerhafter Beteiligungs- und Engagementstrukturen vor Ort.",
    ),
    (
        "Leitbildentwicklung",
        "Entwicklung von Zukunftsleitbildern und fachpolitischen Zielen mit allen Beteiligten.",
    ),
    ("Hausaufgabenhilfe", "Ehrenamtliche Lernbegleitung für Schulkinder."),
    ("Sprachcafé", "Deutsch üben im Gespräch, in entspannter Runde."),
    (
        "Begleitung von Engagierten",
        "Engagementlotsen begleiten Freiwillige vom ersten Kontakt bis zur Anerkennung.",
    ),
    ("Besuchsdienst", "Ehrenamtliche besuchen ältere oder alleinlebende Menschen zu Hause."),
    ("Migrationsberatung", "Beratung für Zugewanderte zu Aufenthalt, Arbeit, Sprache und Familie."),
    ("Mieterberatung", "Erste Hilfe bei Fragen zu Miete, Nebenkosten und Wohnungssuche."),
    (
        "Nachbarschaftshilfe im Alltag",
        "Einkaufshilfe, Begleitung zu Terminen und kleine Hilfen unter Nachbarn.",
    ),
    (
        "Räume für Gruppen und Initiativen",
        "Gruppen und Initiativen können Räume für Treffen nutzen.",
    ),
]

# (name, website)
FUNDERS = [
    ("Europäischer Sozialfonds (ESF)", "https://www.esf.de/"),
    ("Stadt Chemnitz", "https://www.chemnitz.de/"),
    ("LEADER / ELER", ""),
    ("Freistaat Sachsen", "https://www.sachsen.de/"),
    ("Land Berlin", "https://www.berlin.de/"),
    ("Erzgebirgskreis", ""),
    ("Stadt Leipzig", "https://www.leipzig.de/"),
]
