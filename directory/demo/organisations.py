"""Organisations, places, contacts and networks of the demo region.

Format of an organisation: topics, services and funders are names from catalogues.py;
`municipality` and `parent` are slugs. A place's `hours` are weekly rules such as
"Mo-Fr 9-12, 13-15; Sa 10-12 (Familiencafé)"; `closures` are (first day, last day, reason)
and `extras` are (day, "10-14", note), with days counted from the day the demo is loaded.
`access` names the accessibility flags of Place that are true.

Real are only the five organisations of the source pages, their public postal addresses
and what they publicly say they do. Streets marked "invented" and every other organisation,
person, e-mail address and phone number are made up for the demo.
"""

STEP_FREE = "step_free"
TOILET = "accessible_toilet"
LOOP = "hearing_loop"
PARKING = "accessible_parking"
FULL_ACCESS = (STEP_FREE, TOILET, PARKING)

# The demo counts as loaded when this organisation exists.
MARKER_SLUG = "gemeinwesenkoordination-chemnitz-sued"

ORGANISATIONS = [
    # --- Seed 000 -------------------------------------------------------------------------
    {
        "slug": "kge-erzgebirge",
        "name": "KGE – Kompetenzzentrum für Gemeinwesenarbeit und Engagement e.V.",
        "kind": "competence_centre",
        "municipality": "aue-bad-schlema",
        "summary": (
            "Dienstleistungen und Beratung für alle im Erzgebirgskreis, die sich im Gemeinwesen "
            "engagieren, das Zusammenleben mitgestalten oder Austausch und Dialog suchen."
        ),
        "description": (
            "Gemeinwesen sind für uns Kommunen, Kirchgemeinden, Vereine und Initiativen, "
            "Bildungseinrichtungen und Wohnquartiere. Das KGE vernetzt Verwaltungen, örtliche "
            "Institutionen, Vereine, Initiativen und engagierte Einzelpersonen, damit die "
            "Ressourcen eines Gemeinwesens genutzt werden.\n\n"
            "Für Multiplikatorinnen und Multiplikatoren aus allen Bereichen des "
            "gesellschaftlichen Lebens, aus Verwaltung und Politik bieten wir Weiterbildung, "
            "Austausch, Kooperation und Vernetzung, Projektentwicklung und -umsetzung, "
            "Mittelakquise, Öffentlichkeitsarbeit, Veranstaltungsmanagement und Moderation.\n\n"
            "Bewohnerinnen und Bewohner, die mit einer Situation in ihrem Quartier unzufrieden "
            "sind und selbst etwas verbessern möchten, beraten und unterstützen wir gern. "
            "Jeden Dienstag lädt das Dialogbüro zum Offenen Dialogtag ein: zuhören, miteinander "
            "reden, Ideen entwickeln.\n\n"
            "Postanschrift: KGE e.V., Postfach 1402, 08273 Aue-Bad Schlema."
        ),
        "topics": ["Engagement", "Beteiligung", "Nachbarschaft", "Bildung"],
        "services": [
            "Weiterbildung für Multiplikator:innen",
            "Vernetzung und Austausch",
            "Projektentwicklung",
            "Mittelakquise",
            "Öffentlichkeitsarbeit",
            "Moderation",
            "Veranstaltungen und Feste",
            "Beratung in Alltagsfragen",
        ],
        "funders": ["Erzgebirgskreis", "Freistaat Sachsen"],
        "places": [
            {
                "name": "Dialogbüro Aue",
                # Invented: the source page only gives the PO box 08273 Aue-Bad Schlema.
                "street": "Schneeberger Straße 21",
                "postcode": "08280",
                "hours": "Di 10-18 (Offener Dialogtag)",
                "by_appointment": True,
                "hours_note": "Gespräche an anderen Tagen nach Vereinbarung.",
                "access": (STEP_FREE, TOILET),
                "extras": [(12, "10-14", "Infotag für Vereine und Initiativen")],
            }
        ],
        "contacts": [
            ("Ronja Beispiel", "Gemeinwesenarbeit, Dialogbüro", True),
            ("Frank Platzhalter", "Geschäftsführung", False),
        ],
    },
    # --- Seed 001 -------------------------------------------------------------------------
    {
        "slug": "lag-quartiersmanagement-sachsen",
        "name": "LAG Quartiersmanagement und Gemeinwesenarbeit Sachsen e.V.",
        "kind": "association",
        "municipality": "chemnitz",
        "summary": (
            "Landesarbeitsgemeinschaft der Quartiersmanagements und Gemeinwesenprojekte in "
            "Sachsen: fachlicher Austausch, Arbeitstreffen reihum in den Mitgliedsstädten."
        ),
        "description": (
            "Am 7. Dezember 2000 in Chemnitz als Arbeitsgemeinschaft der Quartiersmanager/-innen "
            "in Sachsen gegründet, seit dem 12. November 2007 ein gemeinnütziger eingetragener "
            "Verein.\n\n"
            "Mindestens viermal im Jahr finden Arbeitstreffen statt, deren Organisation die "
            "Quartiersmanagements und Projekte abwechselnd übernehmen – jedes Mal in einer "
            "anderen Stadt und mit externen Referentinnen und Referenten aus Politik, "
            "Verwaltung und Wissenschaft."
        ),
        "topics": ["Wohnen und Quartier", "Beteiligung", "Nachbarschaft"],
        "services": ["Vernetzung und Austausch", "Weiterbildung für Multiplikator:innen"],
        "funders": ["Freistaat Sachsen"],
        "places": [
            {
                "name": "Geschäftsstelle",
                "street": "Reitbahnstraße 23",  # invented
                "postcode": "09111",
                "neighbourhood": "Zentrum",
                "by_appointment": True,
                "hours_note": "Die Geschäftsstelle ist ehrenamtlich besetzt; Termine per E-Mail.",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Holger Muster", "Vorstand", True)],
    },
    {
        "slug": "neue-arbeit-chemnitz",
        "name": "Neue Arbeit Chemnitz e.V.",
        "kind": "welfare",
        "municipality": "chemnitz",
        "summary": (
            "Gemeinnütziger Träger von Beschäftigungs-, Bildungs- und Stadtteilprojekten in "
            "Chemnitz, darunter die Gemeinwesenkoordination Chemnitz Süd."
        ),
        "description": (
            "Der Verein verbindet Arbeitsförderung mit Stadtteilarbeit: Er trägt Projekte, die "
            "Menschen beim Wiedereinstieg in Arbeit begleiten, und die Gemeinwesenkoordination "
            "im Chemnitzer Süden."
        ),
        "topics": ["Existenzsicherung", "Bildung", "Wohnen und Quartier"],
        "services": ["Vermittlung zu Beratungsstellen", "Projektentwicklung"],
        "funders": ["Europäischer Sozialfonds (ESF)", "Stadt Chemnitz"],
        "places": [
            {
                "name": "Verwaltung",
                "street": "Zwickauer Straße 94",  # invented
                "postcode": "09112",
                "neighbourhood": "Kaßberg",
                "hours": "Mo-Do 8-16; Fr 8-13",
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Sabine Exempel", "Bereichsleitung Stadtteilarbeit", False)],
    },
    {
        "slug": MARKER_SLUG,
        "name": "Gemeinwesenkoordination Chemnitz Süd",
        "kind": "neighbourhood_management",
        "municipality": "chemnitz",
        "parent": "neue-arbeit-chemnitz",
        "summary": (
            "Ansprechpartnerin für die Menschen in Helbersdorf, Markersdorf, Hutholz und "
            "Bernsdorf: Beratung, Konfliktmoderation, Vermittlung und Stadtteilfeste."
        ),
        "description": (
            "Gemeinwesenkoordination zielt darauf ab, dass sich die Lebensqualität im Stadtteil "
            "verbessert. Die Koordinatorin setzt sich dafür ein, dass soziale Probleme im Gebiet "
            "beseitigt oder zumindest verringert werden, und arbeitet dafür eng mit lokalen "
            "Einrichtungen, Initiativen, Bürgerinnen und Bürgern und Behörden zusammen.\n\n"
            "Sie pflegt den Kontakt zu den Bewohnerinnen und Bewohnern und unterstützt sie "
            "darin, sich für ihren Stadtteil einzubringen – zum Beispiel bei der "
            "(Mit-)Organisation von Veranstaltungen und Festen.\n\n"
            "Die Gemeinwesenkoordination ist ein Projekt der Neuen Arbeit Chemnitz e.V. und "
            "wird durch die Stadt Chemnitz und den ESF gefördert."
        ),
        "topics": [
            "Nachbarschaft",
            "Beteiligung",
            "Engagement",
            "Wohnen und Quartier",
            "Existenzsicherung",
        ],
        "services": [
            "Beratung in Alltagsfragen",
            "Konfliktmoderation in der Nachbarschaft",
            "Hilfe bei Formularen und Anträgen",
            "Vermittlung zu Beratungsstellen",
            "Vermittlung ins Ehrenamt",
            "Förderung von Selbsthilfe",
            "Veranstaltungen und Feste",
        ],
        "funders": ["Stadt Chemnitz", "Europäischer Sozialfonds (ESF)"],
        "places": [
            {
                "name": "Stadtteilbüro Chemnitz Süd",
                "street": "Albert-Köhler-Straße 44",
                "postcode": "09122",
                "neighbourhood": "Helbersdorf",
                "hours": "Di 15-18; Mi 10-13",
                "by_appointment": True,
                "access": (STEP_FREE,),
                "accessibility_notes": "Eingang über die Rampe an der Hofseite.",
                "extras": [(19, "14-18", "Infostand beim Stadtteilfest")],
            }
        ],
        "contacts": [("Maren Beispiel", "Gemeinwesenkoordinatorin", True)],
    },
    {
        "slug": "gemeinwesenkoordination-chemnitz-sonnenberg",
        "name": "Gemeinwesenkoordination Chemnitz Sonnenberg",
        "kind": "neighbourhood_management",
        "municipality": "chemnitz",
        "summary": (
            "Stadtteilarbeit auf dem Sonnenberg: Beratung, Beteiligung und ein offenes "
            "Stadtteilbüro für alle Generationen."
        ),
        "description": (
            "Das Stadtteilbüro bringt Bewohnerinnen und Bewohner, Vereine, Wohnungsunternehmen "
            "und Verwaltung an einen Tisch. Es unterstützt Nachbarschaftsprojekte, vermittelt bei "
            "Konflikten und organisiert die Stadtteilrunde."
        ),
        "topics": ["Nachbarschaft", "Integration", "Wohnen und Quartier", "Beteiligung"],
        "services": [
            "Beratung in Alltagsfragen",
            "Konfliktmoderation in der Nachbarschaft",
            "Vernetzung und Austausch",
            "Veranstaltungen und Feste",
            "Willkommenskultur",
        ],
        "funders": ["Stadt Chemnitz", "Europäischer Sozialfonds (ESF)"],
        "places": [
            {
                "name": "Stadtteilbüro Sonnenberg",
                "street": "Zietenstraße 40",  # invented
                "postcode": "09130",
                "neighbourhood": "Sonnenberg",
                "hours": "Mo 14-17; Do 9-12, 13-16",
                "access": (STEP_FREE, TOILET),
                "closures": [(21, 34, "Sommerpause")],
            }
        ],
        "contacts": [("Deniz Muster", "Quartiersmanagement", True)],
    },
    {
        "slug": "quartiersbuero-leipzig-volkmarsdorf",
        "name": "Quartiersbüro Volkmarsdorf",
        "kind": "neighbourhood_management",
        "municipality": "leipzig",
        "summary": (
            "Anlaufstelle im Leipziger Osten für Nachbarschaft, Integration und "
            "Stadtteilentwicklung."
        ),
        "description": (
            "Im Quartiersbüro erhalten Sie Rat bei Alltagsfragen, Unterstützung für eigene "
            "Ideen im Viertel und Kontakt zu Beratungsstellen. Donnerstags treffen sich im "
            "Sprachcafé Alteingesessene und Neuzugezogene."
        ),
        "topics": ["Nachbarschaft", "Integration", "Wohnen und Quartier"],
        "services": [
            "Beratung in Alltagsfragen",
            "Konfliktmoderation in der Nachbarschaft",
            "Vermittlung zu Beratungsstellen",
            "Sprachcafé",
            "Willkommenskultur",
        ],
        "funders": ["Stadt Leipzig", "Europäischer Sozialfonds (ESF)"],
        "places": [
            {
                "name": "Quartiersbüro",
                "street": "Eisenbahnstraße 121",  # invented
                "postcode": "04315",
                "neighbourhood": "Volkmarsdorf",
                "hours": "Mo 13-17; Do 10-12, 14-18 (Sprachcafé ab 16 Uhr)",
                "access": (STEP_FREE, TOILET, LOOP),
            }
        ],
        "contacts": [("Lea Vorlage", "Quartiersmanagerin", True)],
    },
    {
        "slug": "stadtteilladen-leipzig-gruenau",
        "name": "Stadtteilladen Grünau",
        "kind": "neighbourhood_management",
        "municipality": "leipzig",
        "summary": "Offener Stadtteilladen in Grünau mit Beratung, Besuchsdienst und Kiezcafé.",
        "description": (
            "Der Stadtteilladen ist Treffpunkt, Beratungsstelle und Ideenwerkstatt. Ehrenamtliche "
            "besuchen ältere Nachbarinnen und Nachbarn und organisieren das Kiezcafé."
        ),
        "topics": ["Senioren", "Nachbarschaft", "Wohnen und Quartier"],
        "services": ["Offener Treffpunkt", "Beratung in Alltagsfragen", "Besuchsdienst"],
        "funders": ["Stadt Leipzig"],
        "places": [
            {
                "name": "Stadtteilladen",
                "street": "Stuttgarter Allee 16",  # invented
                "postcode": "04209",
                "neighbourhood": "Grünau",
                "hours": "Di 10-16; Do 10-16",
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Uwe Platzhalter", "Stadtteilarbeit", False)],
    },
    {
        "slug": "quartiersbuero-dresden-prohlis",
        "name": "Quartiersbüro Prohlis",
        "kind": "neighbourhood_management",
        "municipality": "dresden",
        "summary": (
            "Quartiersmanagement in Dresden-Prohlis: Mieterfragen, Nachbarschaftskonflikte und "
            "Mitmachaktionen im Stadtteil."
        ),
        "description": (
            "Wir vermitteln bei Konflikten im Haus, beraten zu Miet- und Nebenkostenfragen und "
            "laden zu Stadtteilfesten und Beteiligungsrunden ein."
        ),
        "topics": ["Wohnen und Quartier", "Nachbarschaft", "Beteiligung"],
        "services": [
            "Konfliktmoderation in der Nachbarschaft",
            "Mieterberatung",
            "Veranstaltungen und Feste",
            "Bürgerforen und Zukunftswerkstätten",
        ],
        "funders": ["Freistaat Sachsen", "Europäischer Sozialfonds (ESF)"],
        "places": [
            {
                "name": "Quartiersbüro",
                "street": "Prohliser Allee 10",  # invented
                "postcode": "01239",
                "neighbourhood": "Prohlis",
                "hours": "Mo 10-12; Mi 14-18; Fr 10-12",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Katrin Mustermann", "Quartiersmanagerin", True)],
    },
    {
        "slug": "stadtteilbuero-zwickau-neuplanitz",
        "name": "Stadtteilbüro Neuplanitz",
        "kind": "neighbourhood_management",
        "municipality": "zwickau",
        "summary": "Stadtteilbüro im Zwickauer Plattenbaugebiet Neuplanitz.",
        "description": (
            "Das Stadtteilbüro begleitet Nachbarschaftsinitiativen, hilft bei Anträgen und "
            "organisiert gemeinsam mit Schulen und Vereinen den Neuplanitzer Frühlingsmarkt."
        ),
        "topics": ["Nachbarschaft", "Familie", "Wohnen und Quartier"],
        "services": [
            "Hilfe bei Formularen und Anträgen",
            "Förderung von Selbsthilfe",
            "Veranstaltungen und Feste",
        ],
        "funders": ["Freistaat Sachsen"],
        "places": [
            {
                "name": "Stadtteilbüro",
                "street": "Max-Planck-Straße 5",  # invented
                "postcode": "08062",
                "neighbourhood": "Neuplanitz",
                "hours": "Di 9-12; Do 13-17",
                "access": (STEP_FREE, PARKING),
            }
        ],
        "contacts": [("Nico Exempel", "Stadtteilkoordination", True)],
    },
    {
        "slug": "quartiersmanagement-aue-zelle",
        "name": "Quartiersmanagement Aue-Zelle",
        "kind": "neighbourhood_management",
        "municipality": "aue-bad-schlema",
        "summary": "Quartiersmanagement für den Stadtteil Zelle: Beratung, Feste, Beteiligung.",
        "description": (
            "Das Quartiersmanagement unterstützt Nachbarschaftsinitiativen in Zelle und bereitet "
            "mit den Bewohnerinnen und Bewohnern die Umgestaltung des Spielplatzes vor."
        ),
        "topics": ["Nachbarschaft", "Beteiligung", "Kinder und Jugend"],
        "services": [
            "Beratung in Alltagsfragen",
            "Bürgerforen und Zukunftswerkstätten",
            "Veranstaltungen und Feste",
        ],
        "funders": ["Erzgebirgskreis", "Europäischer Sozialfonds (ESF)"],
        "places": [
            {
                "name": "Quartiersbüro Zelle",
                "street": "Lessingstraße 8",  # invented
                "postcode": "08280",
                "neighbourhood": "Aue-Zelle",
                "hours": "Mi 13-17",
                "by_appointment": True,
                "access": (),
                "accessibility_notes": "Drei Stufen am Eingang, Klingel für Hilfe vorhanden.",
            }
        ],
        "contacts": [("Jana Musterfrau", "Quartiersmanagerin", False)],
    },
    # --- Seed 002 -------------------------------------------------------------------------
    {
        "slug": "werkstatt-buergerbeteiligung-sachsen",
        "name": "Werkstatt Bürgerbeteiligung Sachsen",
        "kind": "consultancy",
        "municipality": "leipzig",
        "summary": (
            "Begleitet Kommunen praxisnah bei Beteiligungsprojekten: vom Zukunftsleitbild über "
            "Bürgerforen bis zum eigenen Ehrenamtsbüro."
        ),
        "description": (
            "Bürgerschaftliches Engagement in seiner Vielfalt – Ehrenamt, Freiwilligenarbeit, "
            "Selbsthilfe – hält Kommunen, Stadtteile und Nachbarschaften zusammen. Es braucht "
            "aber Erfahrung in Politik und Verwaltung und nachhaltige Infrastrukturen.\n\n"
            "Wir entwickeln mit Ihnen Zukunftsleitbilder und fachpolitische Ziele, beraten und "
            "schulen Gemeinderäte und Bürger, konzipieren und moderieren Beteiligungsprozesse, "
            "Bürgerforen, Zukunfts- und Generationenwerkstätten, begleiten Reflexionsworkshops "
            "zur Standortbestimmung, bauen Beteiligungsstrukturen wie Ehrenamtsbüros auf und "
            "erarbeiten eine Beteiligungsstrategie für Ihre Kommune. Beteiligungsseminare gibt "
            "es zu Schwerpunkten wie Seniorenpolitik und Leben im Alter."
        ),
        "topics": ["Beteiligung", "Engagement", "Senioren", "Bildung"],
        "services": [
            "Leitbildentwicklung",
            "Bürgerforen und Zukunftswerkstätten",
            "Reflexionsworkshops",
            "Beteiligungsstrategie für Kommunen",
            "Aufbau von Ehrenamtsbüros",
            "Weiterbildung für Multiplikator:innen",
            "Moderation",
        ],
        "funders": [],
        "places": [
            {
                "name": "Büro Leipzig",
                "street": "Karl-Heine-Straße 50",  # invented
                "postcode": "04229",
                "neighbourhood": "Plagwitz",
                "by_appointment": True,
                "hours_note": "Wir kommen zu Ihnen – Termine nur nach Vereinbarung.",
                "access": (STEP_FREE, TOILET),
            }
        ],
        "contacts": [
            ("Jonas Exempel", "Prozessbegleitung", True),
            ("Ute Vorlage", "Moderation und Seminare", True),
        ],
    },
    # --- Seed 003 -------------------------------------------------------------------------
    {
        "slug": "diakonie-berlin-brandenburg",
        "name": "Diakonisches Werk Berlin-Brandenburg-schlesische Oberlausitz e.V.",
        "kind": "welfare",
        "municipality": "berlin",
        "summary": (
            "Wohlfahrtsverband der evangelischen Kirche; trägt Stadtteilzentren und "
            "Gemeinwesenarbeit in Berliner Kiezen."
        ),
        "description": (
            "Gemeinwesenarbeit rückt den sozialen Raum in den Vordergrund. In vielen Berliner "
            "Stadtteilen gibt es hohe Langzeitarbeitslosigkeit, Kinderarmut, Einsamkeit und "
            "psychische Erkrankungen. Die Stadtteilzentren stellen die Bedürfnisse der Menschen "
            "und ihr Miteinander in den Mittelpunkt und beziehen die Bürger:innen aktiv ein."
        ),
        "topics": ["Nachbarschaft", "Integration", "Inklusion", "Existenzsicherung"],
        "services": ["Vernetzung und Austausch", "Projektentwicklung"],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Bereich Gemeinwesenorientierung",
                "street": "Turmstraße 21",  # invented
                "postcode": "10559",
                "neighbourhood": "Moabit",
                "by_appointment": True,
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Tamara Platzhalter", "Referentin Gemeinwesenorientierung", False)],
    },
    {
        "slug": "stadtteilzentrum-neukoelln-nord",
        "name": "Diakonie-Stadtteilzentrum Neukölln-Nord",
        "kind": "neighbourhood_centre",
        "municipality": "berlin",
        "parent": "diakonie-berlin-brandenburg",
        "summary": (
            "Offener Treffpunkt im Reuterkiez mit Sprachcafé, Hausaufgabenhilfe und "
            "Migrationsberatung."
        ),
        "description": (
            "Das Stadtteilzentrum ist parteipolitisch und konfessionell unabhängig und offen für "
            "alle. Hier treffen sich Nachbar:innen unterschiedlicher Herkunft und Generationen; "
            "neu Angekommene finden Orientierung und Anschluss."
        ),
        "topics": ["Integration", "Nachbarschaft", "Kinder und Jugend", "Engagement"],
        "services": [
            "Offener Treffpunkt",
            "Willkommenskultur",
            "Sprachcafé",
            "Migrationsberatung",
            "Hausaufgabenhilfe",
            "Vermittlung ins Ehrenamt",
        ],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Stadtteilzentrum",
                "street": "Hobrechtstraße 40",  # invented
                "postcode": "12047",
                "neighbourhood": "Neukölln-Nord",
                "hours": "Mo-Do 10-18; Fr 10-15; Sa 11-15 (Familiencafé)",
                "access": (STEP_FREE, TOILET),
                "extras": [(9, "15-20", "Kiezfest im Hof")],
            },
            {
                "name": "Lernwerkstatt",
                "street": "Weserstraße 88",  # invented
                "postcode": "12045",
                "neighbourhood": "Neukölln-Nord",
                "hours": "Mo-Do 14-17 (Hausaufgabenhilfe)",
                "access": (),
                "accessibility_notes": "Zugang über zwei Stufen; mobile Rampe auf Nachfrage.",
                "closures": [(28, 41, "Sommerferien")],
            },
        ],
        "contacts": [
            ("Aylin Beispiel", "Leitung Stadtteilzentrum", True),
            ("Paul Muster", "Koordination Ehrenamt", False),
        ],
    },
    {
        "slug": "stadtteilzentrum-wedding",
        "name": "Diakonie-Stadtteilzentrum Wedding",
        "kind": "neighbourhood_centre",
        "municipality": "berlin",
        "parent": "diakonie-berlin-brandenburg",
        "summary": "Nachbarschaftshaus im Brüsseler Kiez: Begegnung, Beratung und Engagement.",
        "description": (
            "Räume für Begegnung zwischen Menschen mit verschiedensten sozialen und kulturellen "
            "Hintergründen, Sozialberatung, Selbsthilfegruppen und ein Nachbarschaftsrat."
        ),
        "topics": ["Nachbarschaft", "Inklusion", "Beteiligung", "Engagement"],
        "services": [
            "Offener Treffpunkt",
            "Beratung in Alltagsfragen",
            "Förderung von Selbsthilfe",
            "Räume für Gruppen und Initiativen",
            "Vermittlung ins Ehrenamt",
        ],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Nachbarschaftshaus",
                "street": "Utrechter Straße 25",  # invented
                "postcode": "13347",
                "neighbourhood": "Wedding",
                "hours": "Mo 9-13, 14-18; Mi 9-13, 14-18; Fr 9-14",
                "by_appointment": True,
                "access": (STEP_FREE, TOILET, LOOP),
                "accessibility_notes": "Aufzug ins Obergeschoss; Induktionsschleife im Saal.",
            }
        ],
        "contacts": [("Ole Exempel", "Sozialarbeit", True)],
    },
    {
        "slug": "stadtteilzentrum-marzahn",
        "name": "Diakonie-Stadtteilzentrum Marzahn",
        "kind": "neighbourhood_centre",
        "municipality": "berlin",
        "parent": "diakonie-berlin-brandenburg",
        "summary": "Stadtteilzentrum an der Promenade: Familien, Senioren, Ankommen in Marzahn.",
        "description": (
            "Familiencafé, Seniorensport, Beratung für Neu-Berliner:innen und ein Netzwerk von "
            "Ehrenamtlichen, die bei Behördengängen begleiten."
        ),
        "topics": ["Familie", "Senioren", "Integration", "Inklusion"],
        "services": [
            "Offener Treffpunkt",
            "Willkommenskultur",
            "Hilfe bei Formularen und Anträgen",
            "Nachbarschaftshilfe im Alltag",
        ],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Stadtteilzentrum",
                "street": "Marzahner Promenade 30",  # invented
                "postcode": "12679",
                "neighbourhood": "Marzahn",
                "hours": "Mo-Fr 9-17; Sa 10-13",
                "access": FULL_ACCESS,
            },
            {
                "name": "Familientreff am Park",
                "street": "Allee der Kosmonauten 140",  # invented
                "postcode": "12681",
                "neighbourhood": "Marzahn",
                "hours": "Di 9-12 (Krabbelgruppe); Do 15-18",
                "access": (STEP_FREE,),
            },
        ],
        "contacts": [("Birgit Musterfrau", "Leitung", True)],
    },
    {
        "slug": "stadtteilzentrum-moabit",
        "name": "Diakonie-Stadtteilzentrum Moabit",
        "kind": "neighbourhood_centre",
        "municipality": "berlin",
        "parent": "diakonie-berlin-brandenburg",
        "summary": "Kiezzentrum in Moabit mit Sozialberatung, Sprachkursen und Kiezküche.",
        "description": (
            "Das Stadtteilzentrum fördert Teilhabe von Gruppen, die bisher wenig von bestehenden "
            "Angeboten profitieren: offene Kiezküche, Sprachkurse, Beratung und Räume für "
            "Initiativen."
        ),
        "topics": ["Integration", "Existenzsicherung", "Nachbarschaft"],
        "services": [
            "Migrationsberatung",
            "Sprachcafé",
            "Beratung in Alltagsfragen",
            "Räume für Gruppen und Initiativen",
        ],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Kiezzentrum",
                "street": "Waldstraße 40",  # invented
                "postcode": "10551",
                "neighbourhood": "Moabit",
                "hours": "Di 10-14; Mi 14-19 (Kiezküche); Do 10-14",
                "access": (STEP_FREE, TOILET),
                "closures": [(14, 20, "Renovierung")],
            }
        ],
        "contacts": [("Selin Vorlage", "Sozialberatung", False)],
    },
    # --- Seed 004 -------------------------------------------------------------------------
    {
        "slug": "gems-netzwerk",
        "name": "GEMS – gemeinsam engagiert macht stark",
        "kind": "volunteer_agency",
        "municipality": "delitzsch",
        "summary": (
            "Netzwerk für bürgerschaftliches Engagement in der LEADER-Region Delitzscher Land: "
            "macht sichtbar, wo und wie man sich beteiligen kann."
        ),
        "description": (
            "Wir machen die vielfältigen ehrenamtlichen Angebote in den zehn Kommunen der "
            "LEADER-Region Delitzscher Land sichtbar, entwickeln sie weiter und gewinnen neue "
            "Engagierte. Wir helfen beim Wissenstransfer, bei Schulungen und beim Austausch.\n\n"
            "Mit Kommunen, Vereinen und Institutionen haben wir erarbeitet, was gut läuft, wo "
            "Unterstützung nötig ist und woran wir gemeinsam arbeiten. Engagementlotsen begleiten "
            "Freiwillige; über die Engagementdatenbank finden Hilfesuchende zu Hilfegebenden. "
            "Besonders wichtig ist uns, Kinder und Jugendliche für Verantwortung im Ort zu "
            "gewinnen.\n\n"
            "Jede(r) Engagierte kann mitmachen – trägerübergreifend, neutral und nahbar."
        ),
        "topics": ["Engagement", "Beteiligung", "Kinder und Jugend", "Bildung"],
        "services": [
            "Vermittlung ins Ehrenamt",
            "Begleitung von Engagierten",
            "Vernetzung und Austausch",
            "Weiterbildung für Multiplikator:innen",
            "Öffentlichkeitsarbeit",
            "Projektentwicklung",
        ],
        "funders": ["LEADER / ELER"],
        "places": [
            {
                "name": "Netzwerkstelle Delitzsch",
                "street": "Schulze-Delitzsch-Straße 14",  # invented
                "postcode": "04509",
                "hours": "Mo 9-12; Do 13-18",
                "by_appointment": True,
                "access": (STEP_FREE, PARKING),
            },
            {
                "name": "Engagementsprechstunde Taucha",
                "street": "Schloßstraße 5",  # invented
                "postcode": "04425",
                "municipality": "taucha",
                "hours": "Mi 14-17",
                "access": (STEP_FREE, TOILET),
                "closures": [(7, 13, "Urlaub")],
            },
        ],
        "contacts": [
            ("Carla Beispiel", "Projektleitung", True),
            ("Mats Muster", "Engagementlotse", True),
        ],
    },
    # --- Chemnitz -------------------------------------------------------------------------
    {
        "slug": "miteinander-in-helbersdorf",
        "name": "Miteinander in Helbersdorf e.V.",
        "kind": "association",
        "municipality": "chemnitz",
        "summary": "Seniorenbegegnung mit Mittagstisch, Gedächtnistraining und Besuchsdienst.",
        "description": (
            "Ehrenamtliche und zwei Hauptamtliche gestalten ein Programm für ältere Menschen im "
            "Chemnitzer Süden. Wer nicht mehr gut zu Fuß ist, bekommt Besuch."
        ),
        "topics": ["Senioren", "Nachbarschaft", "Gesundheit"],
        "services": ["Offener Treffpunkt", "Besuchsdienst", "Veranstaltungen und Feste"],
        "funders": ["Stadt Chemnitz"],
        "places": [
            {
                "name": "Begegnungsstätte Helbersdorf",
                "street": "Helbersdorfer Straße 36",  # invented
                "postcode": "09120",
                "neighbourhood": "Helbersdorf",
                "hours": "Mo-Do 9-16; Fr 9-12",
                "access": FULL_ACCESS,
                "closures": [(24, 37, "Sommerpause")],
            }
        ],
        "contacts": [("Gisela Muster", "Leitung Begegnungsstätte", True)],
    },
    {
        "slug": "jugendtreff-markersdorf",
        "name": "Jugendtreff Markersdorf",
        "kind": "association",
        "municipality": "chemnitz",
        "summary": "Offener Kinder- und Jugendtreff mit Hausaufgabenhilfe und Jugendbeteiligung.",
        "description": (
            "Billard, Kochen, Musikraum – und ein Jugendrat, der über Projekte im Stadtteil "
            "mitentscheidet. Nachmittags helfen Ehrenamtliche bei den Hausaufgaben."
        ),
        "topics": ["Kinder und Jugend", "Beteiligung", "Bildung"],
        "services": ["Offener Treffpunkt", "Hausaufgabenhilfe", "Veranstaltungen und Feste"],
        "funders": ["Stadt Chemnitz"],
        "places": [
            {
                "name": "Jugendtreff",
                "street": "Wladimir-Sagorski-Straße 22",  # invented
                "postcode": "09122",
                "neighbourhood": "Markersdorf",
                "hours": "Mo-Fr 14-19; Sa 13-17",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Tim Platzhalter", "Jugendsozialarbeit", True)],
    },
    {
        "slug": "familienzentrum-bernsdorf",
        "name": "Familienzentrum Bernsdorf",
        "kind": "association",
        "municipality": "chemnitz",
        "summary": "Treffpunkt für Familien: Elterncafé, Krabbelgruppe, Erziehungsberatung.",
        "description": (
            "Eltern tauschen sich aus, Kinder spielen, Fachkräfte beraten. Die Krabbelgruppe "
            "trifft sich wöchentlich, Beratung gibt es auch nach Vereinbarung."
        ),
        "topics": ["Familie", "Kinder und Jugend", "Bildung"],
        "services": [
            "Offener Treffpunkt",
            "Vermittlung zu Beratungsstellen",
            "Hilfe bei Formularen und Anträgen",
        ],
        "funders": ["Stadt Chemnitz", "Freistaat Sachsen"],
        "places": [
            {
                "name": "Familienzentrum",
                "street": "Bernsdorfer Straße 60",  # invented
                "postcode": "09126",
                "neighbourhood": "Bernsdorf",
                "hours": "Mo 9-12; Di 14-17:30; Mi 9-12; Do 14-17:30",
                "by_appointment": True,
                "access": FULL_ACCESS,
                "extras": [(16, "10-13", "Familienflohmarkt (Samstag)")],
            }
        ],
        "contacts": [("Nadine Exempel", "Familienberatung", True)],
    },
    {
        "slug": "nachbarschaftsgarten-kassberg",
        "name": "Nachbarschaftsgarten Kaßberg",
        "kind": "initiative",
        "municipality": "chemnitz",
        "summary": "Gemeinschaftsgarten im Hinterhof: gärtnern, ernten, Nachbarn kennenlernen.",
        "description": (
            "Eine Initiative von Anwohnenden pflegt Hochbeete, Kräuterspirale und Insektenhotel. "
            "Samstags ist Gartentag – wer mitmachen will, kommt einfach vorbei."
        ),
        "topics": ["Umwelt", "Nachbarschaft", "Engagement"],
        "services": ["Offener Treffpunkt", "Vermittlung ins Ehrenamt"],
        "funders": [],
        "places": [
            {
                "name": "Gemeinschaftsgarten",
                "street": "Weststraße 30",  # invented
                "postcode": "09112",
                "neighbourhood": "Kaßberg",
                "hours": "Sa 10-14 (Gartentag)",
                "hours_note": "Von April bis Oktober.",
                "access": (),
                "accessibility_notes": "Kieswege; die Hochbeete sind mit dem Rollstuhl erreichbar.",
            }
        ],
        "contacts": [("Ben Vorlage", "Ansprechpartner Garten", True)],
    },
    {
        "slug": "internationales-begegnungszentrum-chemnitz",
        "name": "Internationales Begegnungszentrum Chemnitz e.V.",
        "kind": "association",
        "municipality": "chemnitz",
        "summary": "Migrationsberatung, Sprachcafé und Willkommenspatenschaften in der Innenstadt.",
        "description": (
            "Wir beraten Zugewanderte in mehreren Sprachen, helfen bei Anträgen und vermitteln "
            "Patenschaften mit Chemnitzerinnen und Chemnitzern."
        ),
        "topics": ["Integration", "Bildung", "Engagement"],
        "services": [
            "Migrationsberatung",
            "Sprachcafé",
            "Willkommenskultur",
            "Hilfe bei Formularen und Anträgen",
        ],
        "funders": ["Freistaat Sachsen", "Stadt Chemnitz"],
        "places": [
            {
                "name": "Begegnungszentrum",
                "street": "Straße der Nationen 12",  # invented
                "postcode": "09111",
                "neighbourhood": "Zentrum",
                "hours": "Mo 9-12; Di 13-17; Do 9-12, 13-17",
                "access": (STEP_FREE, TOILET, LOOP),
            }
        ],
        "contacts": [("Yusuf Beispiel", "Migrationsberatung", True)],
    },
    {
        "slug": "freiwilligenzentrum-chemnitz",
        "name": "Freiwilligenzentrum Chemnitz",
        "kind": "volunteer_agency",
        "municipality": "chemnitz",
        "summary": "Findet mit Ihnen das passende Ehrenamt und berät Vereine zur Gewinnung.",
        "description": (
            "In einem Erstgespräch klären wir Interessen und Zeit, dann stellen wir den Kontakt "
            "zu Vereinen und Einrichtungen her. Für Vereine bieten wir Schulungen zur "
            "Freiwilligenkoordination an."
        ),
        "topics": ["Engagement", "Bildung"],
        "services": [
            "Vermittlung ins Ehrenamt",
            "Begleitung von Engagierten",
            "Weiterbildung für Multiplikator:innen",
        ],
        "funders": ["Stadt Chemnitz"],
        "places": [
            {
                "name": "Freiwilligenzentrum",
                "street": "Innere Klosterstraße 6",  # invented
                "postcode": "09111",
                "neighbourhood": "Zentrum",
                "hours": "Di 10-13; Do 14-18",
                "by_appointment": True,
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Hanna Mustermann", "Beratung", True)],
    },
    {
        "slug": "kulturverein-kassberg",
        "name": "Kulturverein Kaßberg e.V.",
        "kind": "association",
        "municipality": "chemnitz",
        "summary": "Lesungen, Hofkonzerte und offene Werkstätten im Gründerzeitviertel.",
        "description": (
            "Der Verein organisiert das Kaßberg-Hoffest, lädt zu Lesungen ein und vermietet "
            "seinen Vereinsraum an Initiativen."
        ),
        "topics": ["Kultur", "Nachbarschaft"],
        "services": ["Veranstaltungen und Feste", "Räume für Gruppen und Initiativen"],
        "funders": ["Stadt Chemnitz"],
        "places": [
            {
                "name": "Vereinsraum",
                "street": "Barbarossastraße 40",  # invented
                "postcode": "09112",
                "neighbourhood": "Kaßberg",
                "hours": "Mi 16-20; Sa 10-13",
                "access": (),
                "accessibility_notes": "Souterrain mit fünf Stufen.",
                "extras": [(23, "18-22", "Hofkonzert")],
            }
        ],
        "contacts": [("Lutz Exempel", "Vorstand", False)],
    },
    {
        "slug": "selbsthilfekontaktstelle-chemnitz",
        "name": "Selbsthilfekontaktstelle Chemnitz",
        "kind": "welfare",
        "municipality": "chemnitz",
        "summary": "Informiert über Selbsthilfegruppen und hilft bei der Gründung neuer Gruppen.",
        "description": (
            "Rund 200 Selbsthilfegruppen gibt es in der Region. Wir vermitteln Kontakte, stellen "
            "Gruppenräume bereit und unterstützen Neugründungen."
        ),
        "topics": ["Gesundheit", "Inklusion"],
        "services": [
            "Förderung von Selbsthilfe",
            "Vermittlung zu Beratungsstellen",
            "Räume für Gruppen und Initiativen",
        ],
        "funders": ["Stadt Chemnitz"],
        "places": [
            {
                "name": "Kontaktstelle",
                "street": "Rosenhof 14",  # invented
                "postcode": "09111",
                "neighbourhood": "Zentrum",
                "hours": "Mo 9-12; Di 14-18; Do 9-12",
                "access": (STEP_FREE, TOILET, LOOP, PARKING),
            }
        ],
        "contacts": [("Petra Platzhalter", "Beratung", True)],
    },
    {
        "slug": "kirchgemeinde-chemnitz-sued",
        "name": "Ev.-Luth. Kirchgemeinde Chemnitz-Süd",
        "kind": "parish",
        "municipality": "chemnitz",
        "summary": "Seniorenkreis, Besuchsdienst, Familiengottesdienste und Kirchencafé.",
        "description": (
            "Die Gemeinde öffnet ihr Gemeindehaus für Nachbarinnen und Nachbarn: Kirchencafé "
            "nach dem Gottesdienst, Seniorenkreis am Dienstag, ehrenamtlicher Besuchsdienst."
        ),
        "topics": ["Senioren", "Familie", "Nachbarschaft"],
        "services": ["Besuchsdienst", "Offener Treffpunkt"],
        "funders": [],
        "places": [
            {
                "name": "Gemeindehaus Hutholz",
                "street": "Irkutsker Straße 10",  # invented
                "postcode": "09119",
                "neighbourhood": "Hutholz",
                "hours": "Di 9-12; Do 9-12",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Ruth Vorlage", "Gemeindebüro", False)],
    },
    {
        "slug": "buergerbeteiligung-stadt-chemnitz",
        "name": "Bürgerbeteiligung der Stadt Chemnitz",
        "kind": "municipality",
        "municipality": "chemnitz",
        "summary": "Koordiniert Beteiligungsverfahren und die Bürgerplattformen der Stadtteile.",
        "description": (
            "Die Koordinierungsstelle begleitet Beteiligungsverfahren der Stadtverwaltung, "
            "unterstützt die Bürgerplattformen und lädt zu Bürgerforen ein."
        ),
        "topics": ["Beteiligung", "Wohnen und Quartier"],
        "services": ["Bürgerforen und Zukunftswerkstätten", "Moderation"],
        "funders": ["Stadt Chemnitz"],
        "places": [
            {
                "name": "Rathaus",
                "street": "Markt 1",
                "postcode": "09111",
                "neighbourhood": "Zentrum",
                "hours": "Mo 9-12; Di 9-12, 13-18; Do 9-12, 13-16",
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Stefan Muster", "Koordinierungsstelle Bürgerbeteiligung", True)],
    },
    {
        "slug": "teilhabe-fuer-alle-chemnitz",
        "name": "Teilhabe für alle e.V.",
        "kind": "association",
        "municipality": "chemnitz",
        "summary": "Unabhängige Teilhabeberatung von Menschen mit Behinderung für alle.",
        "description": (
            "Menschen mit Behinderung beraten andere Menschen mit Behinderung und ihre "
            "Angehörigen: zu Assistenz, Wohnen, Arbeit und Anträgen. Beratung auch in "
            "Leichter Sprache und mit Gebärdensprachdolmetschung nach Absprache."
        ),
        "topics": ["Inklusion", "Gesundheit", "Existenzsicherung"],
        "services": [
            "Beratung in Alltagsfragen",
            "Hilfe bei Formularen und Anträgen",
            "Förderung von Selbsthilfe",
        ],
        "funders": ["Freistaat Sachsen"],
        "places": [
            {
                "name": "Beratungsstelle",
                "street": "Reichenhainer Straße 31",  # invented
                "postcode": "09126",
                "neighbourhood": "Bernsdorf",
                "hours": "Mo 10-14; Mi 13-18",
                "by_appointment": True,
                "access": (STEP_FREE, TOILET, LOOP, PARKING),
                "accessibility_notes": "Leitsystem für blinde Menschen bis zur Beratungsstelle.",
            }
        ],
        "contacts": [("Lars Beispiel", "Peer-Beratung", True)],
    },
    # --- Erzgebirgskreis ------------------------------------------------------------------
    {
        "slug": "mehrgenerationenhaus-schwarzenberg",
        "name": "Mehrgenerationenhaus Schwarzenberg",
        "kind": "neighbourhood_centre",
        "municipality": "schwarzenberg",
        "summary": "Offenes Haus für Jung und Alt: Mittagstisch, Lernhilfe, Reparaturtreff.",
        "description": (
            "Im Mehrgenerationenhaus begegnen sich Generationen: Großeltern lesen vor, "
            "Jugendliche erklären das Smartphone, Ehrenamtliche reparieren Fahrräder."
        ),
        "topics": ["Senioren", "Familie", "Kinder und Jugend", "Engagement"],
        "services": [
            "Offener Treffpunkt",
            "Hausaufgabenhilfe",
            "Veranstaltungen und Feste",
            "Vermittlung ins Ehrenamt",
        ],
        "funders": ["Erzgebirgskreis"],
        "places": [
            {
                "name": "Mehrgenerationenhaus",
                "street": "Straße der Einheit 12",  # invented
                "postcode": "08340",
                "hours": "Mo-Fr 9-12, 13-17; Sa 10-12 (Reparaturtreff)",
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Heike Exempel", "Koordination", True)],
    },
    {
        "slug": "jugendclub-aue",
        "name": "Jugendclub Aue e.V.",
        "kind": "association",
        "municipality": "aue-bad-schlema",
        "summary": "Freizeit, Bandprobenraum und Jugendbeteiligung in Aue.",
        "description": (
            "Der Jugendclub wird von Jugendlichen mitverwaltet. Es gibt einen Probenraum, "
            "Sportangebote und Projekte, mit denen Jugendliche ihre Stadt mitgestalten."
        ),
        "topics": ["Kinder und Jugend", "Beteiligung", "Kultur"],
        "services": ["Offener Treffpunkt", "Veranstaltungen und Feste"],
        "funders": ["Erzgebirgskreis"],
        "places": [
            {
                "name": "Jugendclub",
                "street": "Lößnitzer Straße 40",  # invented
                "postcode": "08280",
                "neighbourhood": "Aue-Zelle",
                "hours": "Di-Fr 14-20; Sa 14-22",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Max Muster", "Jugendarbeit", False)],
    },
    {
        "slug": "seniorentreff-bad-schlema",
        "name": "Seniorentreff Bad Schlema",
        "kind": "initiative",
        "municipality": "aue-bad-schlema",
        "summary": "Kaffeenachmittage, Spaziergänge im Kurpark und Gedächtnistraining.",
        "description": (
            "Eine ehrenamtliche Gruppe lädt Seniorinnen und Senioren zum Austausch ein und "
            "organisiert gemeinsame Ausflüge."
        ),
        "topics": ["Senioren", "Gesundheit", "Nachbarschaft"],
        "services": ["Offener Treffpunkt", "Nachbarschaftshilfe im Alltag"],
        "funders": [],
        "places": [
            {
                "name": "Treff im Kulturhaus",
                "street": "Richard-Friedrich-Straße 18",  # invented
                "postcode": "08301",
                "municipality": "aue-bad-schlema",
                "city": "Aue-Bad Schlema",
                "neighbourhood": "Bad Schlema",
                "hours": "Mi 14-17",
                "access": (STEP_FREE, TOILET),
                "closures": [(30, 44, "Sommerpause")],
            }
        ],
        "contacts": [("Ingrid Platzhalter", "Sprecherin", True)],
    },
    {
        "slug": "ehrenamtsbuero-annaberg-buchholz",
        "name": "Ehrenamtsbüro Annaberg-Buchholz",
        "kind": "volunteer_agency",
        "municipality": "annaberg-buchholz",
        "summary": "Vermittelt Ehrenamtliche an Vereine im oberen Erzgebirge und berät Vereine.",
        "description": (
            "Das Ehrenamtsbüro ist im Rathaus angesiedelt. Es vermittelt, berät Vereine zu "
            "Versicherung und Fördermitteln und verleiht die Ehrenamtskarte."
        ),
        "topics": ["Engagement"],
        "services": ["Vermittlung ins Ehrenamt", "Mittelakquise", "Begleitung von Engagierten"],
        "funders": ["Freistaat Sachsen"],
        "places": [
            {
                "name": "Ehrenamtsbüro im Rathaus",
                "street": "Markt 1",  # invented
                "postcode": "09456",
                "hours": "Di 9-12; Do 14-17",
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Sandra Vorlage", "Ehrenamtskoordination", True)],
    },
    {
        "slug": "familienzentrum-stollberg",
        "name": "Familienzentrum Stollberg",
        "kind": "association",
        "municipality": "stollberg",
        "summary": "Eltern-Kind-Gruppen, Familienberatung und Ferienangebote.",
        "description": (
            "Das Familienzentrum begleitet Familien von der Schwangerschaft bis zur "
            "Einschulung und bietet in den Ferien Tagesausflüge an."
        ),
        "topics": ["Familie", "Kinder und Jugend"],
        "services": ["Offener Treffpunkt", "Vermittlung zu Beratungsstellen"],
        "funders": ["Erzgebirgskreis"],
        "places": [
            {
                "name": "Familienzentrum",
                "street": "Hohensteiner Straße 20",  # invented
                "postcode": "09366",
                "hours": "Mo 9-12; Mi 9-12, 14-17; Fr 9-12",
                "access": (STEP_FREE, TOILET),
            }
        ],
        "contacts": [("Doreen Musterfrau", "Familienberatung", False)],
    },
    {
        "slug": "umweltinitiative-erzgebirge",
        "name": "Umweltinitiative Erzgebirge",
        "kind": "initiative",
        "municipality": "aue-bad-schlema",
        "summary": "Bachpatenschaften, Müllsammelaktionen und Streuobstwiesen im Erzgebirge.",
        "description": (
            "Ehrenamtliche pflegen Streuobstwiesen, betreuen Bachpatenschaften und laden "
            "Schulklassen zu Naturerkundungen ein."
        ),
        "topics": ["Umwelt", "Engagement", "Bildung"],
        "services": ["Vermittlung ins Ehrenamt", "Veranstaltungen und Feste"],
        "funders": [],
        "places": [
            {
                "name": "Naturschutzstation",
                "street": "Am Floßgraben 3",  # invented
                "postcode": "08301",
                "city": "Aue-Bad Schlema",
                "neighbourhood": "Bad Schlema",
                "hours": "Sa 9-13",
                "by_appointment": True,
                "access": (),
            }
        ],
        "contacts": [("Felix Exempel", "Koordination", True)],
    },
    {
        "slug": "integrationsnetzwerk-aue-bad-schlema",
        "name": "Integrationsnetzwerk Aue-Bad Schlema",
        "kind": "initiative",
        "municipality": "aue-bad-schlema",
        "summary": "Sprachcafé, Patenschaften und Begleitung zu Behörden für Zugewanderte.",
        "description": (
            "Das Netzwerk aus Ehrenamtlichen, Kirchgemeinden und Vereinen begleitet Zugewanderte "
            "beim Ankommen in Aue-Bad Schlema."
        ),
        "topics": ["Integration", "Engagement"],
        "services": ["Sprachcafé", "Willkommenskultur", "Hilfe bei Formularen und Anträgen"],
        "funders": ["Freistaat Sachsen"],
        "places": [
            {
                "name": "Sprachcafé im Gemeindehaus",
                "street": "Kirchstraße 5",  # invented
                "postcode": "08280",
                "hours": "Mo 16-18; Do 16-18",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Amira Muster", "Koordination Ehrenamt", True)],
    },
    # --- Leipzig, Dresden, Zwickau --------------------------------------------------------
    {
        "slug": "nachbarschaftshilfe-plagwitz",
        "name": "Nachbarschaftshilfe Plagwitz e.V.",
        "kind": "association",
        "municipality": "leipzig",
        "summary": "Nachbarn helfen Nachbarn: Einkaufen, Begleitung, kleine Reparaturen.",
        "description": (
            "Die Nachbarschaftshilfe vermittelt Ehrenamtliche an ältere und kranke Menschen im "
            "Leipziger Westen. Neue Helferinnen und Helfer sind willkommen."
        ),
        "topics": ["Nachbarschaft", "Senioren", "Engagement"],
        "services": ["Nachbarschaftshilfe im Alltag", "Vermittlung ins Ehrenamt", "Besuchsdienst"],
        "funders": ["Stadt Leipzig"],
        "places": [
            {
                "name": "Nachbarschaftsbüro",
                "street": "Zschochersche Straße 48",  # invented
                "postcode": "04229",
                "neighbourhood": "Plagwitz",
                "hours": "Mo 10-12; Mi 15-18",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Olaf Platzhalter", "Koordination", True)],
    },
    {
        "slug": "freiwilligenagentur-leipzig-west",
        "name": "Freiwilligenagentur Leipzig-West",
        "kind": "volunteer_agency",
        "municipality": "leipzig",
        "summary": "Beratung für Engagierte und Vereine im Leipziger Westen.",
        "description": (
            "Wir beraten Menschen, die sich engagieren möchten, und unterstützen Vereine bei der "
            "Gewinnung und Begleitung von Freiwilligen."
        ),
        "topics": ["Engagement", "Bildung"],
        "services": [
            "Vermittlung ins Ehrenamt",
            "Begleitung von Engagierten",
            "Weiterbildung für Multiplikator:innen",
        ],
        "funders": ["Stadt Leipzig"],
        "places": [
            {
                "name": "Agentur",
                "street": "Georg-Schwarz-Straße 20",  # invented
                "postcode": "04177",
                "hours": "Di 14-18; Fr 10-13",
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Vera Mustermann", "Beratung", True)],
    },
    {
        "slug": "inklusionsbuero-leipzig",
        "name": "Inklusionsbüro Leipzig – Teilhabe leben e.V.",
        "kind": "association",
        "municipality": "leipzig",
        "summary": "Beratung zu Barrierefreiheit für Vereine, Veranstaltende und Verwaltung.",
        "description": (
            "Wir prüfen Veranstaltungsorte, beraten zu barrierefreier Kommunikation und "
            "schulen Vereine zu inklusiver Arbeit."
        ),
        "topics": ["Inklusion", "Bildung"],
        "services": ["Weiterbildung für Multiplikator:innen", "Beratung in Alltagsfragen"],
        "funders": ["Stadt Leipzig", "Freistaat Sachsen"],
        "places": [
            {
                "name": "Inklusionsbüro",
                "street": "Nikolaistraße 27",  # invented
                "postcode": "04103",
                "hours": "Mo-Do 10-15",
                "access": (STEP_FREE, TOILET, LOOP, PARKING),
            }
        ],
        "contacts": [("Mira Vorlage", "Referentin Barrierefreiheit", True)],
    },
    {
        "slug": "kinder-und-jugendtreff-gruenau",
        "name": "Kinder- und Jugendtreff Grünau",
        "kind": "association",
        "municipality": "leipzig",
        "summary": "Offener Treff mit Sportangeboten, Ferienprogramm und Jugendbeteiligung.",
        "description": (
            "Kinder ab 8 und Jugendliche treffen sich zum Spielen, Kochen und Sport. In den "
            "Ferien gibt es ein eigenes Programm."
        ),
        "topics": ["Kinder und Jugend", "Sport", "Beteiligung"],
        "services": ["Offener Treffpunkt", "Hausaufgabenhilfe"],
        "funders": ["Stadt Leipzig"],
        "places": [
            {
                "name": "Jugendtreff",
                "street": "Ringstraße 54",  # invented
                "postcode": "04209",
                "neighbourhood": "Grünau",
                "hours": "Mo-Fr 13-19",
                "access": (STEP_FREE,),
                "closures": [(35, 41, "Teamfahrt")],
            }
        ],
        "contacts": [("Kai Exempel", "Leitung", False)],
    },
    {
        "slug": "stadtteilverein-volkmarsdorf",
        "name": "Stadtteilverein Volkmarsdorf e.V.",
        "kind": "association",
        "municipality": "leipzig",
        "summary": "Straßenfeste, Kiezkultur und ein offenes Wohnzimmer im Leipziger Osten.",
        "description": (
            "Der Stadtteilverein organisiert das Straßenfest, betreibt ein offenes Wohnzimmer "
            "und bringt Menschen aus über 40 Ländern zusammen."
        ),
        "topics": ["Kultur", "Integration", "Nachbarschaft"],
        "services": ["Veranstaltungen und Feste", "Offener Treffpunkt", "Willkommenskultur"],
        "funders": ["Stadt Leipzig"],
        "places": [
            {
                "name": "Offenes Wohnzimmer",
                "street": "Konradstraße 30",  # invented
                "postcode": "04315",
                "neighbourhood": "Volkmarsdorf",
                "hours": "Mi 16-20; Fr 16-20; Sa 14-18",
                "access": (),
                "accessibility_notes": "Eine Stufe am Eingang; Toilette nicht rollstuhlgerecht.",
            }
        ],
        "contacts": [("Rosa Muster", "Vorstand", True)],
    },
    {
        "slug": "seniorenbuero-dresden-prohlis",
        "name": "Seniorenbüro Prohlis",
        "kind": "welfare",
        "municipality": "dresden",
        "summary": "Beratung für ältere Menschen, Besuchsdienst und Bewegungsgruppen.",
        "description": (
            "Das Seniorenbüro berät zu Pflege, Wohnen im Alter und Freizeit und vermittelt "
            "ehrenamtliche Besuche."
        ),
        "topics": ["Senioren", "Gesundheit"],
        "services": [
            "Beratung in Alltagsfragen",
            "Besuchsdienst",
            "Vermittlung zu Beratungsstellen",
        ],
        "funders": ["Freistaat Sachsen"],
        "places": [
            {
                "name": "Seniorenbüro",
                "street": "Georg-Palitzsch-Straße 12",  # invented
                "postcode": "01239",
                "neighbourhood": "Prohlis",
                "hours": "Di 9-12; Do 13-16",
                "access": FULL_ACCESS,
            }
        ],
        "contacts": [("Helga Exempel", "Seniorenberatung", True)],
    },
    {
        "slug": "mehrgenerationenhaus-zwickau-neuplanitz",
        "name": "Mehrgenerationenhaus Neuplanitz",
        "kind": "neighbourhood_centre",
        "municipality": "zwickau",
        "summary": "Begegnung der Generationen mit Repair-Café, Lesepaten und Nachbarschaftstafel.",
        "description": (
            "Jung und Alt kommen im Mehrgenerationenhaus zusammen: beim Repair-Café, beim "
            "gemeinsamen Kochen und in der Lesepatenschaft für Grundschulkinder."
        ),
        "topics": ["Senioren", "Kinder und Jugend", "Umwelt"],
        "services": ["Offener Treffpunkt", "Veranstaltungen und Feste", "Vermittlung ins Ehrenamt"],
        "funders": ["Freistaat Sachsen"],
        "places": [
            {
                "name": "Mehrgenerationenhaus",
                "street": "Neuplanitzer Straße 70",  # invented
                "postcode": "08062",
                "neighbourhood": "Neuplanitz",
                "hours": "Mo-Do 9-17; Sa 10-14 (Repair-Café)",
                "access": (STEP_FREE, TOILET),
            }
        ],
        "contacts": [("Rainer Muster", "Leitung", True)],
    },
    # --- Berlin ---------------------------------------------------------------------------
    {
        "slug": "nachbarschaftsladen-wedding",
        "name": "Nachbarschaftsladen Wedding e.V.",
        "kind": "association",
        "municipality": "berlin",
        "summary": "Kiezladen mit Sozialberatung, Tauschregal und Nachbarschaftsrat.",
        "description": (
            "Der Nachbarschaftsladen ist ein Ort für Ideen aus dem Kiez: Tauschregal, "
            "Beratung zu Jobcenter-Fragen und monatlicher Nachbarschaftsrat."
        ),
        "topics": ["Nachbarschaft", "Existenzsicherung", "Beteiligung"],
        "services": [
            "Beratung in Alltagsfragen",
            "Hilfe bei Formularen und Anträgen",
            "Offener Treffpunkt",
        ],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Kiezladen",
                "street": "Malplaquetstraße 12",  # invented
                "postcode": "13347",
                "neighbourhood": "Wedding",
                "hours": "Di 14-18; Do 10-14",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Emil Vorlage", "Sozialberatung", False)],
    },
    {
        "slug": "willkommensbuendnis-marzahn",
        "name": "Willkommensbündnis Marzahn",
        "kind": "initiative",
        "municipality": "berlin",
        "summary": "Ehrenamtliche begleiten Geflüchtete und Neu-Berliner:innen beim Ankommen.",
        "description": (
            "Das Bündnis vermittelt Patenschaften, organisiert ein Sprachcafé und ein jährliches "
            "Begegnungsfest."
        ),
        "topics": ["Integration", "Engagement"],
        "services": ["Willkommenskultur", "Sprachcafé", "Vermittlung ins Ehrenamt"],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Sprachcafé",
                "street": "Raoul-Wallenberg-Straße 20",  # invented
                "postcode": "12679",
                "neighbourhood": "Marzahn",
                "hours": "Mi 17-19",
                "access": (STEP_FREE, TOILET),
            }
        ],
        "contacts": [("Farid Beispiel", "Sprecher", True)],
    },
    {
        "slug": "mieterberatung-neukoelln-nord",
        "name": "Mieterberatung Neukölln-Nord e.V.",
        "kind": "association",
        "municipality": "berlin",
        "summary": "Kostenlose Erstberatung zu Miete, Nebenkosten und Modernisierung.",
        "description": (
            "Ehrenamtliche Beraterinnen und Berater mit Erfahrung im Mietrecht geben eine erste "
            "Orientierung und vermitteln bei Bedarf an Fachanwälte und Mietervereine."
        ),
        "topics": ["Wohnen und Quartier", "Existenzsicherung"],
        "services": ["Mieterberatung", "Vermittlung zu Beratungsstellen"],
        "funders": ["Land Berlin"],
        "places": [
            {
                "name": "Beratungsraum",
                "street": "Sonnenallee 120",  # invented
                "postcode": "12045",
                "neighbourhood": "Neukölln-Nord",
                "hours": "Mo 17-19; Do 17-19",
                "access": (),
                "accessibility_notes": "Beratung im Erdgeschoss nebenan nach Absprache.",
                "by_appointment": True,
            }
        ],
        "contacts": [("Lina Platzhalter", "Beratung", True)],
    },
]

# Proposals waiting for approval: the organisation is stored with status pending.
PENDING_ORGANISATIONS = [
    {
        "slug": "repair-cafe-taucha",
        "name": "Repair-Café Taucha",
        "kind": "initiative",
        "municipality": "taucha",
        "status": "pending",
        "summary": "Einmal im Monat reparieren Ehrenamtliche gemeinsam mit Gästen Kaputtes.",
        "description": "Toaster, Fahrräder, Kleidung: Wir reparieren gemeinsam statt wegzuwerfen.",
        "topics": ["Umwelt", "Nachbarschaft", "Engagement"],
        "services": ["Offener Treffpunkt"],
        "funders": [],
        "places": [
            {
                "name": "Werkstatt im Bürgerhaus",
                "street": "Leipziger Straße 30",  # invented
                "postcode": "04425",
                "hours": "Sa 10-14",
                "access": (STEP_FREE,),
            }
        ],
        "contacts": [("Jens Beispiel", "Initiator", False)],
    },
    {
        "slug": "nachbarschaftsgarten-sonnenberg",
        "name": "Nachbarschaftsgarten Sonnenberg",
        "kind": "initiative",
        "municipality": "chemnitz",
        "status": "pending",
        "summary": "Wir wollen eine Brache auf dem Sonnenberg zum Gemeinschaftsgarten machen.",
        "description": "Gesucht: Mitgärtnernde, Werkzeugspenden und Ideen für Hochbeete.",
        "topics": ["Umwelt", "Nachbarschaft"],
        "services": ["Vermittlung ins Ehrenamt"],
        "funders": [],
        "places": [
            {
                "name": "Gartenbrache",
                "street": "Jakobstraße 15",  # invented
                "postcode": "09130",
                "neighbourhood": "Sonnenberg",
                "by_appointment": True,
                "access": (),
            }
        ],
        "contacts": [("Lotte Muster", "Initiatorin", False)],
    },
    {
        "slug": "lesecafe-marzahn",
        "name": "Lesecafé Marzahn",
        "kind": "initiative",
        "municipality": "berlin",
        "status": "pending",
        "summary": "Vorlesen, Bücher tauschen, ins Gespräch kommen – für alle Generationen.",
        "description": "Ehrenamtliche lesen vor; Kinder und Erwachsene tauschen Bücher.",
        "topics": ["Bildung", "Kultur", "Senioren"],
        "services": ["Offener Treffpunkt"],
        "funders": [],
        "places": [
            {
                "name": "Lesecafé",
                "street": "Havemannstraße 22",  # invented
                "postcode": "12689",
                "neighbourhood": "Marzahn",
                "hours": "Do 15-18",
                "access": (STEP_FREE, TOILET),
            }
        ],
        "contacts": [("Karin Vorlage", "Initiatorin", False)],
    },
]

# Member clubs of GEMS: one kind of club per entry, placed in the municipalities listed.
# Their names, streets and people are invented.
DELITZSCHER_LAND_CLUBS = [
    {
        "slug": "heimatverein-{place}",
        "name": "Heimatverein {town} e.V.",
        "kind": "association",
        "summary": (
            "Pflegt Ortsgeschichte und Brauchtum in {town}, betreut die Heimatstube und richtet "
            "das Heimatfest aus."
        ),
        "description": (
            "Wer Fotos, Geschichten oder Fundstücke aus {town} hat, ist willkommen. Der Verein "
            "sucht Helfende für Heimatstube, Chronik und Fest."
        ),
        "topics": ["Kultur", "Engagement"],
        "services": ["Veranstaltungen und Feste", "Offener Treffpunkt"],
        "street": "Kirchstraße",
        "hours": "Sa 14-17 (Heimatstube)",
        "access": (),
        "towns": ["jesewitz", "loebnitz", "wiedemar", "delitzsch"],
    },
    {
        "slug": "foerderverein-feuerwehr-{place}",
        "name": "Förderverein der Freiwilligen Feuerwehr {town} e.V.",
        "kind": "association",
        "summary": (
            "Unterstützt die Ortsfeuerwehr und die Jugendfeuerwehr {town}, wirbt Nachwuchs und "
            "organisiert das Feuerwehrfest."
        ),
        "description": (
            "Die Jugendfeuerwehr trifft sich freitags. Der Förderverein finanziert Ausrüstung und "
            "Ausflüge und freut sich über neue Mitglieder."
        ),
        "topics": ["Engagement", "Kinder und Jugend"],
        "services": ["Vermittlung ins Ehrenamt", "Veranstaltungen und Feste"],
        "street": "Am Gerätehaus",
        "hours": "Fr 17-19 (Jugendfeuerwehr)",
        "access": (STEP_FREE, PARKING),
        "towns": ["krostitz", "rackwitz", "zschepplin"],
    },
    {
        "slug": "sportverein-{place}",
        "name": "SV {town} 1990 e.V.",
        "kind": "association",
        "summary": (
            "Breiten- und Gesundheitssport für alle Generationen in {town}: Fußball, Gymnastik, "
            "Seniorensport und eine inklusive Sportgruppe."
        ),
        "description": (
            "Ehrenamtliche Übungsleitende gestalten das Training. Neue Mitglieder können jede "
            "Gruppe zweimal kostenlos ausprobieren."
        ),
        "topics": ["Sport", "Gesundheit", "Inklusion"],
        "services": ["Offener Treffpunkt", "Vermittlung ins Ehrenamt"],
        "street": "Am Sportplatz",
        "hours": "Mo 17-20; Mi 17-20; Sa 9-12",
        "access": (STEP_FREE, TOILET, PARKING),
        "towns": ["schoenwoelkau", "schkeuditz", "taucha"],
    },
    {
        "slug": "kirchgemeinde-{place}",
        "name": "Ev.-Luth. Kirchgemeinde {town}",
        "kind": "parish",
        "summary": "Gemeindebüro, Seniorenkreis, Besuchsdienst und offenes Kirchencafé in {town}.",
        "description": (
            "Die Kirchgemeinde lädt alle ein – unabhängig von Konfession. Der Besuchsdienst sucht "
            "weitere Ehrenamtliche."
        ),
        "topics": ["Senioren", "Nachbarschaft"],
        "services": ["Besuchsdienst", "Offener Treffpunkt"],
        "street": "Kirchplatz",
        "hours": "Di 9-12; Do 14-17",
        "access": (STEP_FREE,),
        "towns": ["rackwitz", "delitzsch"],
    },
    {
        "slug": "foerderverein-grundschule-{place}",
        "name": "Förderverein der Grundschule {town} e.V.",
        "kind": "education",
        "summary": "Lesepaten, Hausaufgabenhilfe und Schulfeste an der Grundschule {town}.",
        "description": (
            "Eltern, Großeltern und Nachbarn unterstützen die Grundschule: als Lesepaten, bei "
            "Ausflügen und beim Sommerfest."
        ),
        "topics": ["Bildung", "Kinder und Jugend", "Familie"],
        "services": ["Hausaufgabenhilfe", "Vermittlung ins Ehrenamt"],
        "street": "Schulstraße",
        "by_appointment": True,
        "access": (STEP_FREE, TOILET),
        "towns": ["krostitz", "wiedemar"],
    },
    {
        "slug": "seniorentreff-{place}",
        "name": "Seniorentreff {town}",
        "kind": "initiative",
        "summary": "Kaffeenachmittag, Gedächtnistraining und Fahrgemeinschaften in {town}.",
        "description": (
            "Ehrenamtliche organisieren Treffen, kleine Ausflüge und vermitteln "
            "Mitfahrgelegenheiten zum Arzt."
        ),
        "topics": ["Senioren", "Nachbarschaft", "Gesundheit"],
        "services": ["Offener Treffpunkt", "Nachbarschaftshilfe im Alltag"],
        "street": "Hauptstraße",
        "hours": "Mi 14-17",
        "access": (STEP_FREE, TOILET),
        "closures": [(26, 39, "Sommerpause")],
        "towns": ["jesewitz", "schoenwoelkau", "schkeuditz"],
    },
    {
        "slug": "jugendclub-{place}",
        "name": "Jugendclub {town}",
        "kind": "initiative",
        "summary": "Selbstverwalteter Treff für Jugendliche ab 12 mit eigenen Projekten in {town}.",
        "description": (
            "Jugendliche renovieren ihren Club selbst, planen Konzerte und engagieren sich im "
            "Ort – begleitet von Engagementlotsen des GEMS-Netzwerks."
        ),
        "topics": ["Kinder und Jugend", "Beteiligung", "Engagement"],
        "services": ["Offener Treffpunkt", "Veranstaltungen und Feste"],
        "street": "Bahnhofstraße",
        "hours": "Di 16-20; Fr 16-22",
        "access": (),
        "towns": ["loebnitz", "taucha"],
    },
    {
        "slug": "dorfladen-initiative-{place}",
        "name": "Dorfladen-Initiative {town}",
        "kind": "initiative",
        "summary": "Ehrenamtlich betriebener Dorfladen mit Café und Produkten aus {town}.",
        "description": (
            "Seit der Supermarkt geschlossen hat, betreiben Bürgerinnen und Bürger den Laden "
            "selbst. Das Café ist Treffpunkt für das ganze Dorf."
        ),
        "topics": ["Nachbarschaft", "Engagement", "Umwelt"],
        "services": ["Offener Treffpunkt", "Vermittlung ins Ehrenamt"],
        "street": "Dorfplatz",
        "hours": "Mo-Fr 8-12; Di 15-18; Do 15-18; Sa 8-11",
        "access": (STEP_FREE,),
        "towns": ["zschepplin", "wiedemar"],
    },
    {
        "slug": "nachbarschaftshilfe-{place}",
        "name": "Nachbarschaftshilfe {town}",
        "kind": "initiative",
        "summary": "Einkaufshilfe, Begleitung zu Terminen und ein offenes Ohr in {town}.",
        "description": (
            "Hilfesuchende melden sich telefonisch, ehrenamtliche Nachbarinnen und Nachbarn "
            "übernehmen Einkäufe, Fahrten und Besuche."
        ),
        "topics": ["Nachbarschaft", "Senioren", "Engagement"],
        "services": ["Nachbarschaftshilfe im Alltag", "Vermittlung ins Ehrenamt"],
        "street": "Lindenstraße",
        "by_appointment": True,
        "access": (STEP_FREE,),
        "towns": ["delitzsch"],
    },
]

# Invented people for the member clubs, handed out in order.
CLUB_CONTACTS = [
    "Anke Beispiel",
    "Bernd Muster",
    "Clara Platzhalter",
    "Dirk Exempel",
    "Elke Vorlage",
    "Frieda Mustermann",
    "Georg Musterfrau",
    "Heiko Beispiel",
    "Iris Muster",
    "Jan Platzhalter",
    "Karla Exempel",
    "Lutz Vorlage",
    "Marta Mustermann",
    "Norbert Beispiel",
    "Olga Muster",
    "Peter Platzhalter",
    "Quirin Exempel",
    "Regina Vorlage",
    "Sven Mustermann",
    "Thea Beispiel",
    "Udo Muster",
    "Wiebke Platzhalter",
    "Xaver Exempel",
]

NETWORKS = [
    {
        "slug": "lag-sachsen",
        "name": "LAG Quartiersmanagement und Gemeinwesenarbeit Sachsen",
        "coordinator": "lag-quartiersmanagement-sachsen",
        "description": (
            "Netzwerk der Quartiersmanagements und Gemeinwesenprojekte in Sachsen. Mindestens "
            "viermal im Jahr Arbeitstreffen, reihum ausgerichtet von einem Mitglied in einer "
            "anderen Stadt, mit Referentinnen und Referenten aus Politik, Verwaltung und "
            "Wissenschaft."
        ),
        "members": [
            "gemeinwesenkoordination-chemnitz-sued",
            "gemeinwesenkoordination-chemnitz-sonnenberg",
            "quartiersbuero-leipzig-volkmarsdorf",
            "stadtteilladen-leipzig-gruenau",
            "quartiersbuero-dresden-prohlis",
            "stadtteilbuero-zwickau-neuplanitz",
            "quartiersmanagement-aue-zelle",
            "kge-erzgebirge",
        ],
        "requested": [],
        "founded": "2000-12-07",
    },
    {
        "slug": "gems",
        "name": "GEMS – Netzwerk für bürgerschaftliches Engagement Delitzscher Land",
        "coordinator": "gems-netzwerk",
        "description": (
            "Multiplikatoren-Plattform für bürgerschaftliches Engagement in den zehn Kommunen der "
            "LEADER-Region Delitzscher Land: Jesewitz, Krostitz, Löbnitz, Rackwitz, "
            "Schönwölkau, Wiedemar, Zschepplin, Delitzsch, Schkeuditz und Taucha. Vernetzung, "
            "Wissenstransfer, Qualifizierung und Wertschätzung für Engagierte."
        ),
        # All member clubs are added by the loader; these join in addition.
        "members": [],
        "requested": ["nachbarschaftshilfe-delitzsch"],
        "founded": "2018-07-01",
    },
]
