"""Opportunities of the demo region. Every offer, person and detail is invented; the
organisations are those of directory/demo/organisations.py, referred to by slug.

Format: `fields`, `activities` and `target_groups` are names from catalogues.py,
`languages` are ISO codes. `slots` are (weekday, time of day) pairs with Monday = 0 and
morning = 0, afternoon = 1, evening = 2. `suitable` names the suitability flags and
`offers` what the organisation gives in return (see SUITABILITY and OFFERS).
`confirmed_days_ago` says when the organisation last confirmed the offer; `status`
defaults to "published". `place` is the index of the organisation's place (default 0);
remote offers have none.
"""

MO, TU, WE, TH, FR, SA, SU = range(7)
MORNING, AFTERNOON, EVENING = range(3)

SUITABILITY = {
    "young": "suitable_for_young_people",
    "seniors": "suitable_for_seniors",
    "families": "suitable_for_families",
    "little_german": "little_german_needed",
    "step_free": "step_free",
}
OFFERS = {
    "insurance": "offers_insurance",
    "expenses": "offers_expenses",
    "training": "offers_training",
    "certificate": "offers_certificate",
}

# The engagement demo counts as loaded when this opportunity exists.
MARKER_SLUG = "lesepatenschaft-im-stadtteilbuero-chemnitz-sued"

OPPORTUNITIES = [
    # --- Chemnitz Süd ---------------------------------------------------------------------
    {
        "organisation": "gemeinwesenkoordination-chemnitz-sued",
        "slug": MARKER_SLUG,
        "title": "Lesepatenschaft im Stadtteilbüro Chemnitz Süd",
        "summary": "Einmal pro Woche mit Grundschulkindern aus Helbersdorf lesen.",
        "description": (
            "Viele Kinder in Helbersdorf haben zu Hause niemanden, der mit ihnen liest. Im "
            "Stadtteilbüro treffen sich jeden Dienstagnachmittag kleine Lesegruppen mit zwei "
            "bis drei Kindern. Sie lesen vor, hören zu und sprechen über die Geschichten.\n\n"
            "Bücher und Spiele sind da. Vor dem Start gibt es ein Kennenlerngespräch und eine "
            "kurze Einführung."
        ),
        "plain_language_summary": (
            "Sie lesen mit Kindern. Einmal in der Woche. Am Dienstag am Nachmittag. "
            "Sie brauchen ein Führungszeugnis. Wir erklären Ihnen alles."
        ),
        "fields": ["Kinder und Jugend", "Bildung"],
        "activities": ["Vorlesen", "Hausaufgabenhilfe"],
        "target_groups": ["Kinder"],
        "languages": ["de"],
        "hours": 2,
        "slots": [(TU, AFTERNOON)],
        "wanted": 4,
        "police_certificate": True,
        "minimum_age": 16,
        "suitable": ["seniors", "step_free"],
        "offers": ["insurance", "training", "certificate"],
        "confirmed_days_ago": 3,
    },
    {
        "organisation": "gemeinwesenkoordination-chemnitz-sued",
        "title": "Besuchsdienst für ältere Nachbarinnen und Nachbarn in Hutholz",
        "summary": "Zeit schenken: Gespräche, Spaziergänge und kleine Erledigungen.",
        "description": (
            "In Hutholz leben viele ältere Menschen allein. Wer mag, besucht einmal pro Woche "
            "eine Nachbarin oder einen Nachbarn, trinkt einen Kaffee, geht spazieren oder "
            "begleitet zum Einkaufen. Die Gemeinwesenkoordination bringt beide zusammen und "
            "bleibt ansprechbar."
        ),
        "fields": ["Senioren", "Nachbarschaftshilfe"],
        "activities": ["Besuchsdienst", "Begleiten", "Einkaufen"],
        "target_groups": ["Ältere Menschen", "Nachbarschaft"],
        "languages": ["de", "ru"],
        "hours": 2,
        "slots": [(MO, AFTERNOON), (WE, AFTERNOON), (FR, MORNING)],
        "wanted": 6,
        "suitable": ["seniors", "families"],
        "offers": ["insurance", "expenses", "certificate"],
        "confirmed_days_ago": 8,
    },
    {
        "organisation": "gemeinwesenkoordination-chemnitz-sued",
        "title": "Helfende für das Stadtteilfest Chemnitz Süd",
        "summary": "Auf- und Abbau, Kuchenstand, Kinderschminken – ein Nachmittag genügt.",
        "description": (
            "Einmal im Jahr feiert Chemnitz Süd sein Stadtteilfest auf dem Platz vor dem "
            "Stadtteilbüro. Wir suchen Menschen, die beim Aufbau anpacken, einen Stand "
            "betreuen oder Kinder schminken. Jede Stunde hilft."
        ),
        "fields": ["Kultur", "Nachbarschaftshilfe"],
        "activities": ["Veranstaltungen helfen", "Organisieren"],
        "target_groups": ["Familien", "Nachbarschaft"],
        "languages": ["de", "en", "ar"],
        "regularity": "one_off",
        "slots": [(SA, MORNING), (SA, AFTERNOON)],
        "starts_in_days": 19,
        "ends_in_days": 19,
        "wanted": 12,
        "suitable": ["young", "seniors", "families", "little_german"],
        "offers": ["insurance"],
        "confirmed_days_ago": 1,
    },
    {
        "organisation": "gemeinwesenkoordination-chemnitz-sued",
        "title": "Formularlotsin oder Formularlotse",
        "summary": "Nachbarinnen und Nachbarn beim Ausfüllen von Anträgen unterstützen.",
        "description": (
            "In der offenen Sprechzeit kommen Menschen mit Briefen von Ämtern, Anträgen auf "
            "Wohngeld oder Formularen der Krankenkasse. Sie helfen beim Lesen und Ausfüllen – "
            "rechtliche Beratung ist nicht nötig. Eine Schulung bereitet Sie vor."
        ),
        "fields": ["Nachbarschaftshilfe", "Migration und Integration"],
        "activities": ["Beraten", "Begleiten"],
        "target_groups": ["Nachbarschaft", "Geflüchtete", "Ältere Menschen"],
        "languages": ["de", "ar", "uk"],
        "hours": 3,
        "slots": [(TU, AFTERNOON), (WE, MORNING)],
        "wanted": 2,
        "status": "draft",
        "suitable": ["step_free"],
        "offers": ["training", "certificate"],
        "confirmed_days_ago": 0,
    },
    # --- Chemnitz -------------------------------------------------------------------------
    {
        "organisation": "gemeinwesenkoordination-chemnitz-sonnenberg",
        "title": "Hofgestaltung mit Nachbarinnen und Nachbarn am Sonnenberg",
        "summary": "Hochbeete bauen, Pflanzen setzen, gemeinsam einen Hinterhof beleben.",
        "description": (
            "Ein Innenhof am Sonnenberg soll grün werden. Mit den Bewohnerinnen und Bewohnern "
            "bauen wir Hochbeete und Bänke. Werkzeug und Material sind da; handwerkliches "
            "Geschick ist willkommen, aber keine Bedingung."
        ),
        "fields": ["Umwelt und Natur", "Nachbarschaftshilfe"],
        "activities": ["Gärtnern", "Handwerken"],
        "target_groups": ["Nachbarschaft", "Familien"],
        "languages": ["de"],
        "hours": 3,
        "slots": [(SA, MORNING)],
        "wanted": 8,
        "suitable": ["young", "families", "little_german"],
        "offers": ["insurance"],
        "confirmed_days_ago": 12,
    },
    {
        "organisation": "miteinander-in-helbersdorf",
        "title": "Spielenachmittag in der Begegnungsstätte Helbersdorf",
        "summary": "Brettspiele und Gespräche mit Seniorinnen und Senioren.",
        "description": (
            "Jeden Donnerstag wird in der Begegnungsstätte gespielt: Rommé, Mensch ärgere "
            "Dich nicht, Scrabble. Wir suchen jemanden, der den Nachmittag mit vorbereitet, "
            "Kaffee kocht und neue Gäste willkommen heißt."
        ),
        "fields": ["Senioren", "Kultur"],
        "activities": ["Organisieren", "Besuchsdienst"],
        "target_groups": ["Ältere Menschen"],
        "languages": ["de"],
        "hours": 3,
        "slots": [(TH, AFTERNOON)],
        "wanted": 2,
        "suitable": ["seniors", "step_free"],
        "offers": ["expenses"],
        "confirmed_days_ago": 20,
    },
    {
        "organisation": "jugendtreff-markersdorf",
        "title": "Hausaufgabenhilfe im Jugendtreff Markersdorf",
        "summary": "Jugendlichen bei Mathe, Deutsch und Englisch über die Schulter schauen.",
        "description": (
            "Nach der Schule kommen Jugendliche zwischen 12 und 16 Jahren in den Treff. Für "
            "die Hausaufgabenstunde suchen wir Menschen, die geduldig erklären können – "
            "Studierende, Berufstätige und Ruheständler gleichermaßen."
        ),
        "fields": ["Kinder und Jugend", "Bildung"],
        "activities": ["Hausaufgabenhilfe"],
        "target_groups": ["Jugendliche"],
        "languages": ["de", "en"],
        "hours": 2,
        "slots": [(MO, AFTERNOON), (WE, AFTERNOON)],
        "wanted": 3,
        "police_certificate": True,
        "minimum_age": 18,
        "offers": ["insurance", "certificate"],
        "confirmed_days_ago": 6,
    },
    {
        "organisation": "familienzentrum-bernsdorf",
        "title": "Familienpatenschaft in Bernsdorf",
        "summary": "Eine junge Familie ein Jahr lang im Alltag begleiten.",
        "description": (
            "Familienpatinnen und -paten sind wie gute Nachbarn: Sie spielen mit den Kindern, "
            "gehen gemeinsam auf den Spielplatz oder helfen bei einem Behördenbrief. Das "
            "Familienzentrum bereitet Sie in drei Abenden vor und begleitet die Patenschaft."
        ),
        "fields": ["Kinder und Jugend", "Nachbarschaftshilfe"],
        "activities": ["Begleiten"],
        "target_groups": ["Familien", "Kinder"],
        "languages": ["de"],
        "hours": 2,
        "slots": [(TU, AFTERNOON), (SA, AFTERNOON)],
        "wanted": 5,
        "police_certificate": True,
        "suitable": ["seniors"],
        "offers": ["insurance", "training", "expenses", "certificate"],
        "confirmed_days_ago": 30,
    },
    {
        "organisation": "nachbarschaftsgarten-kassberg",
        "title": "Gießdienst im Gemeinschaftsgarten Kaßberg",
        "summary": "Im Sommer abends die Beete gießen – im Wechsel mit anderen.",
        "description": (
            "Von Mai bis September braucht der Garten jeden Abend Wasser. Wer eine Woche im "
            "Monat übernimmt, bekommt einen Schlüssel und darf selbstverständlich mit ernten."
        ),
        "fields": ["Umwelt und Natur"],
        "activities": ["Gärtnern"],
        "target_groups": ["Nachbarschaft"],
        "languages": ["de", "en"],
        "hours": 1,
        "slots": [(MO, EVENING), (TU, EVENING), (WE, EVENING), (TH, EVENING), (FR, EVENING)],
        "wanted": 6,
        "suitable": ["young", "seniors", "families", "little_german"],
        "confirmed_days_ago": 14,
    },
    {
        "organisation": "internationales-begegnungszentrum-chemnitz",
        "title": "Sprachpatenschaft: Deutsch im Alltag üben",
        "summary": "Mit Neuangekommenen Deutsch sprechen – beim Kaffee oder Spaziergang.",
        "description": (
            "Unsere Sprachpatenschaften bringen Menschen zusammen, die Deutsch lernen, und "
            "Menschen, die Deutsch sprechen. Sie treffen sich einmal pro Woche, wo es passt: "
            "im Café, im Park oder im Begegnungszentrum. Vorkenntnisse als Lehrkraft sind "
            "nicht nötig."
        ),
        "plain_language_summary": (
            "Sie sprechen Deutsch mit einem Menschen aus einem anderen Land. "
            "Einmal in der Woche. Sie brauchen keine Ausbildung."
        ),
        "fields": ["Migration und Integration", "Bildung"],
        "activities": ["Sprachpatenschaft", "Begleiten"],
        "target_groups": ["Geflüchtete"],
        "languages": ["de", "en", "ar", "uk"],
        "hours": 1.5,
        "slots": [(MO, EVENING), (WE, EVENING), (SA, AFTERNOON)],
        "wanted": 10,
        "suitable": ["young", "seniors"],
        "offers": ["training", "certificate"],
        "confirmed_days_ago": 4,
    },
    {
        "organisation": "internationales-begegnungszentrum-chemnitz",
        "title": "Begleitung zu Ämtern und Arztterminen",
        "summary": "Geflüchtete zu Terminen begleiten und beim Verstehen helfen.",
        "description": (
            "Ein Termin beim Jobcenter oder in der Arztpraxis ist leichter, wenn jemand "
            "dabei ist. Sie begleiten, helfen beim Verstehen und machen Mut. Wer Arabisch, "
            "Ukrainisch oder Russisch spricht, ist besonders willkommen."
        ),
        "fields": ["Migration und Integration", "Gesundheit und Pflege"],
        "activities": ["Begleiten", "Beraten"],
        "target_groups": ["Geflüchtete", "Familien"],
        "languages": ["de", "ar", "uk", "ru"],
        "hours": 2,
        "slots": [(MO, MORNING), (TU, MORNING), (TH, MORNING)],
        "wanted": 4,
        "offers": ["expenses", "insurance"],
        "confirmed_days_ago": 45,
    },
    {
        "organisation": "freiwilligenzentrum-chemnitz",
        "title": "Texte für den Engagement-Newsletter schreiben",
        "summary": "Von zu Hause: Porträts von Engagierten und Vereinen schreiben.",
        "description": (
            "Unser monatlicher Newsletter stellt Vereine und Engagierte aus Chemnitz vor. Sie "
            "führen Interviews am Telefon und schreiben kurze Porträts – wann und wo Sie "
            "wollen."
        ),
        "remote": True,
        "fields": ["Kultur"],
        "activities": ["Öffentlichkeitsarbeit"],
        "target_groups": ["Nachbarschaft"],
        "languages": ["de"],
        "hours": 2,
        "slots": [],
        "wanted": 2,
        "suitable": ["seniors"],
        "offers": ["certificate"],
        "confirmed_days_ago": 9,
    },
    {
        "organisation": "freiwilligenzentrum-chemnitz",
        "title": "Lotsin oder Lotse im Freiwilligenzentrum",
        "summary": "Interessierte beraten, welches Engagement zu ihnen passt.",
        "description": (
            "In der Sprechstunde des Freiwilligenzentrums kommen Menschen, die sich "
            "engagieren möchten. Sie hören zu, stellen passende Angebote vor und stellen den "
            "Kontakt her. Eine Einarbeitung und regelmäßiger Austausch im Team gehören dazu."
        ),
        "fields": ["Nachbarschaftshilfe"],
        "activities": ["Beraten", "Organisieren"],
        "target_groups": ["Nachbarschaft"],
        "languages": ["de", "en"],
        "hours": 3,
        "slots": [(TU, MORNING), (TH, AFTERNOON)],
        "wanted": 2,
        "status": "paused",
        "offers": ["training", "expenses", "certificate"],
        "confirmed_days_ago": 25,
    },
    {
        "organisation": "kulturverein-kassberg",
        "title": "Einlass und Technik bei Lesungen auf dem Kaßberg",
        "summary": "Bei Lesungen und Konzerten im Vereinsraum mithelfen.",
        "description": (
            "Etwa einmal im Monat laden wir zu Lesungen und kleinen Konzerten ein. Wir suchen "
            "Helfende für Einlass, Bar und Tontechnik. Eine Einweisung in die Technik gibt es "
            "vor dem ersten Abend."
        ),
        "fields": ["Kultur"],
        "activities": ["Veranstaltungen helfen", "Handwerken"],
        "target_groups": ["Nachbarschaft"],
        "languages": ["de"],
        "hours": 1,
        "slots": [(FR, EVENING), (SA, EVENING)],
        "wanted": 4,
        "suitable": ["young"],
        "confirmed_days_ago": 16,
    },
    # --- Erzgebirge: KGE and friends ------------------------------------------------------
    {
        "organisation": "kge-erzgebirge",
        "title": "Moderation beim Offenen Dialogtag in Aue",
        "summary": "Gespräche am Dialogtag begleiten und Ideen festhalten.",
        "description": (
            "Jeden Dienstag lädt das Dialogbüro zum Offenen Dialogtag ein. Sie begrüßen Gäste, "
            "moderieren kleine Gesprächsrunden und halten Ideen fest. Das KGE bietet eine "
            "Moderationsschulung an."
        ),
        "fields": ["Bildung", "Nachbarschaftshilfe"],
        "activities": ["Beraten", "Organisieren"],
        "target_groups": ["Nachbarschaft"],
        "languages": ["de"],
        "hours": 4,
        "slots": [(TU, MORNING), (TU, AFTERNOON)],
        "wanted": 2,
        "suitable": ["step_free", "seniors"],
        "offers": ["training", "certificate", "expenses"],
        "confirmed_days_ago": 11,
    },
    {
        "organisation": "kge-erzgebirge",
        "title": "Fördermittel-Recherche für Vereine im Erzgebirge",
        "summary": "Von zu Hause Förderprogramme für kleine Vereine zusammentragen.",
        "description": (
            "Kleine Vereine verlieren im Förderdschungel schnell den Überblick. Sie "
            "recherchieren online passende Programme und pflegen unsere Übersicht – flexibel "
            "von zu Hause aus."
        ),
        "remote": True,
        "fields": ["Bildung"],
        "activities": ["Organisieren", "Öffentlichkeitsarbeit"],
        "target_groups": ["Nachbarschaft"],
        "languages": ["de"],
        "hours": 2,
        "slots": [],
        "wanted": 1,
        "offers": ["certificate"],
        "confirmed_days_ago": 40,
    },
    {
        "organisation": "umweltinitiative-erzgebirge",
        "title": "Bachpatenschaft an der Zwickauer Mulde",
        "summary": "Einen Bachabschnitt beobachten, Müll sammeln, Amphibien zählen.",
        "description": (
            "Bachpatinnen und -paten kümmern sich um einen Abschnitt: Sie sammeln Müll, melden "
            "Auffälligkeiten und helfen bei der Amphibienzählung im Frühjahr."
        ),
        "fields": ["Umwelt und Natur", "Tierschutz"],
        "activities": ["Gärtnern"],
        "target_groups": ["Familien"],
        "languages": ["de"],
        "hours": 1,
        "slots": [(SA, MORNING), (SU, MORNING)],
        "wanted": 10,
        "suitable": ["young", "families"],
        "offers": ["insurance"],
        "confirmed_days_ago": 18,
    },
    {
        "organisation": "mehrgenerationenhaus-schwarzenberg",
        "title": "Handy-Sprechstunde für Seniorinnen und Senioren",
        "summary": "Älteren Menschen Smartphone und Videotelefonie erklären.",
        "description": (
            "Wie schicke ich ein Foto an meine Enkel? In der Handy-Sprechstunde erklären "
            "Jugendliche und Erwachsene Schritt für Schritt, was Seniorinnen und Senioren "
            "wissen möchten."
        ),
        "fields": ["Senioren", "Bildung"],
        "activities": ["Beraten"],
        "target_groups": ["Ältere Menschen"],
        "languages": ["de"],
        "hours": 2,
        "slots": [(WE, AFTERNOON)],
        "wanted": 3,
        "minimum_age": 14,
        "suitable": ["young", "step_free"],
        "offers": ["certificate"],
        "confirmed_days_ago": 7,
    },
    # --- Leipzig, Dresden, Zwickau --------------------------------------------------------
    {
        "organisation": "nachbarschaftshilfe-plagwitz",
        "title": "Einkaufshilfe in Plagwitz",
        "summary": "Für Nachbarinnen und Nachbarn, die nicht mehr gut laufen können, einkaufen.",
        "description": (
            "Einmal pro Woche einkaufen gehen – mit Einkaufszettel und Geld der Nachbarin. "
            "Die Nachbarschaftshilfe vermittelt und erstattet Fahrtkosten."
        ),
        "fields": ["Nachbarschaftshilfe", "Senioren"],
        "activities": ["Einkaufen"],
        "target_groups": ["Ältere Menschen", "Menschen mit Behinderung"],
        "languages": ["de"],
        "hours": 1,
        "slots": [(TU, MORNING), (FR, MORNING)],
        "wanted": 5,
        "suitable": ["young", "families"],
        "offers": ["expenses", "insurance"],
        "confirmed_days_ago": 2,
    },
    {
        "organisation": "seniorenbuero-dresden-prohlis",
        "title": "Spaziergangspatenschaft in Prohlis",
        "summary": "Mit älteren Menschen regelmäßig an die frische Luft gehen.",
        "description": (
            "Manche Seniorinnen und Senioren trauen sich allein nicht mehr hinaus. Mit Ihnen "
            "an der Seite geht es wieder in den Park oder zum Markt."
        ),
        "fields": ["Senioren", "Gesundheit und Pflege"],
        "activities": ["Begleiten", "Besuchsdienst"],
        "target_groups": ["Ältere Menschen"],
        "languages": ["de"],
        "hours": 1.5,
        "slots": [(MO, MORNING), (TH, AFTERNOON)],
        "wanted": 4,
        "suitable": ["seniors", "step_free"],
        "offers": ["insurance", "expenses"],
        "confirmed_days_ago": 22,
    },
    {
        "organisation": "mehrgenerationenhaus-zwickau-neuplanitz",
        "title": "Repair-Nachmittag im Mehrgenerationenhaus Neuplanitz",
        "summary": "Toaster, Fahrräder und Kleidung gemeinsam reparieren.",
        "description": (
            "Einmal im Monat wird repariert statt weggeworfen. Wer löten, nähen oder Fahrräder "
            "flicken kann, zeigt anderen, wie es geht."
        ),
        "fields": ["Umwelt und Natur", "Nachbarschaftshilfe"],
        "activities": ["Handwerken"],
        "target_groups": ["Nachbarschaft", "Familien"],
        "languages": ["de", "pl"],
        "hours": 3,
        "slots": [(SA, AFTERNOON)],
        "wanted": 5,
        "suitable": ["seniors", "little_german", "step_free"],
        "offers": ["insurance"],
        "confirmed_days_ago": 33,
    },
    # --- Berlin ---------------------------------------------------------------------------
    {
        "organisation": "stadtteilzentrum-neukoelln-nord",
        "title": "Lernbegleitung in der Lernwerkstatt Neukölln",
        "summary": "Grundschulkinder beim Lesen und Rechnen unterstützen.",
        "description": (
            "In der Lernwerkstatt lernen Kinder aus vielen Ländern. Sie begleiten eine kleine "
            "Gruppe beim Lesen, Rechnen und Spielen. Mehrsprachigkeit ist ein Gewinn."
        ),
        "place": 1,
        "fields": ["Kinder und Jugend", "Bildung", "Migration und Integration"],
        "activities": ["Hausaufgabenhilfe", "Vorlesen"],
        "target_groups": ["Kinder", "Geflüchtete"],
        "languages": ["de", "ar", "tr"],
        "hours": 3,
        "slots": [(MO, AFTERNOON), (TH, AFTERNOON)],
        "wanted": 6,
        "police_certificate": True,
        "minimum_age": 18,
        "suitable": ["step_free"],
        "offers": ["insurance", "training", "certificate"],
        "confirmed_days_ago": 5,
    },
    {
        "organisation": "stadtteilzentrum-neukoelln-nord",
        "title": "Kiezküche: gemeinsam kochen im Stadtteilzentrum",
        "summary": "Einmal im Monat für und mit Nachbarinnen und Nachbarn kochen.",
        "description": (
            "In der Kiezküche kochen Menschen aus dem Kiez gemeinsam und essen zusammen. Wir "
            "suchen Köchinnen und Köche mit Lust auf Rezepte aus aller Welt."
        ),
        "fields": ["Nachbarschaftshilfe", "Migration und Integration", "Kultur"],
        "activities": ["Veranstaltungen helfen", "Organisieren"],
        "target_groups": ["Nachbarschaft", "Familien", "Geflüchtete"],
        "languages": ["de", "ar", "tr", "en"],
        "regularity": "regular",
        "hours": 1,
        "slots": [(FR, AFTERNOON), (FR, EVENING)],
        "wanted": 4,
        "suitable": ["young", "seniors", "families", "little_german"],
        "confirmed_days_ago": 10,
    },
    {
        "organisation": "stadtteilzentrum-wedding",
        "title": "Begleitung im Nachbarschaftscafé Wedding",
        "summary": "Gäste begrüßen, Kaffee ausschenken, ins Gespräch kommen.",
        "description": (
            "Das Nachbarschaftscafé ist Treffpunkt für alle im Kiez. Sie begrüßen Gäste, "
            "kümmern sich um Kaffee und Kuchen und achten darauf, dass niemand allein sitzt."
        ),
        "fields": ["Nachbarschaftshilfe", "Senioren"],
        "activities": ["Besuchsdienst", "Organisieren"],
        "target_groups": ["Nachbarschaft", "Ältere Menschen"],
        "languages": ["de", "tr", "pl"],
        "hours": 3,
        "slots": [(WE, AFTERNOON)],
        "wanted": 3,
        "suitable": ["seniors", "little_german", "step_free"],
        "offers": ["expenses"],
        "confirmed_days_ago": 15,
    },
    {
        "organisation": "stadtteilzentrum-wedding",
        "title": "Fahrradwerkstatt für Jugendliche im Wedding",
        "summary": "Mit Jugendlichen Fahrräder reparieren und Touren planen.",
        "description": (
            "In der Fahrradwerkstatt machen Jugendliche alte Räder wieder fit. Sie zeigen "
            "Handgriffe, helfen bei der Fehlersuche und planen kleine Touren mit."
        ),
        "fields": ["Kinder und Jugend", "Sport"],
        "activities": ["Handwerken", "Begleiten"],
        "target_groups": ["Jugendliche"],
        "languages": ["de", "en"],
        "hours": 2,
        "slots": [(TU, AFTERNOON), (TU, EVENING)],
        "wanted": 2,
        "police_certificate": True,
        "minimum_age": 18,
        "offers": ["insurance", "certificate"],
        "confirmed_days_ago": 28,
    },
    {
        "organisation": "stadtteilzentrum-marzahn",
        "title": "Vorlesestunde im Familientreff am Park",
        "summary": "Kleinen Kindern und ihren Eltern vorlesen.",
        "description": (
            "Jeden Mittwochvormittag treffen sich Eltern mit Kleinkindern im Familientreff. "
            "Eine halbe Stunde Vorlesen ist der Höhepunkt – auch zweisprachig."
        ),
        "place": 1,
        "fields": ["Kinder und Jugend", "Bildung"],
        "activities": ["Vorlesen"],
        "target_groups": ["Kinder", "Familien"],
        "languages": ["de", "ru", "uk"],
        "hours": 1,
        "slots": [(WE, MORNING)],
        "wanted": 2,
        "police_certificate": True,
        "suitable": ["seniors", "step_free"],
        "offers": ["insurance"],
        "confirmed_days_ago": 19,
    },
    {
        "organisation": "stadtteilzentrum-marzahn",
        "title": "Deutsch-Ukrainischer Gesprächskreis in Marzahn",
        "summary": "Einen Gesprächskreis für Geflüchtete aus der Ukraine mitgestalten.",
        "description": (
            "Seit 2022 trifft sich im Stadtteilzentrum ein Gesprächskreis. Sie bereiten Themen "
            "vor, moderieren und helfen bei Fragen rund um Schule, Arbeit und Wohnen."
        ),
        "plain_language_summary": (
            "Menschen aus der Ukraine treffen sich. Sie sprechen über Schule, Arbeit und "
            "Wohnen. Sie helfen beim Gespräch."
        ),
        "fields": ["Migration und Integration"],
        "activities": ["Sprachpatenschaft", "Beraten"],
        "target_groups": ["Geflüchtete", "Familien"],
        "languages": ["de", "uk", "ru"],
        "hours": 2,
        "slots": [(TH, EVENING)],
        "wanted": 3,
        "suitable": ["little_german", "step_free"],
        "offers": ["training", "certificate"],
        "confirmed_days_ago": 6,
    },
    {
        "organisation": "stadtteilzentrum-moabit",
        "title": "Kiezrundgänge für Neu-Moabiterinnen und -Moabiter",
        "summary": "Neuen Nachbarinnen und Nachbarn den Kiez zeigen.",
        "description": (
            "Wo ist die Bibliothek, wo die Beratungsstelle, wo der beste Spielplatz? Auf "
            "Kiezrundgängen zeigen Sie Neuzugezogenen, was Moabit zu bieten hat."
        ),
        "fields": ["Migration und Integration", "Nachbarschaftshilfe"],
        "activities": ["Begleiten", "Veranstaltungen helfen"],
        "target_groups": ["Geflüchtete", "Nachbarschaft", "Familien"],
        "languages": ["de", "en", "fr", "ar"],
        "regularity": "one_off",
        "hours": 2,
        "slots": [(SA, MORNING)],
        "starts_in_days": 10,
        "ends_in_days": 70,
        "wanted": 4,
        "suitable": ["seniors", "families"],
        "offers": ["insurance"],
        "confirmed_days_ago": 3,
    },
    {
        "organisation": "stadtteilzentrum-moabit",
        "title": "Erste-Hilfe-Team für Kiezfeste in Moabit",
        "summary": "Bei Festen im Kiez als Ersthelferin oder Ersthelfer bereitstehen.",
        "description": (
            "Bei Kiezfesten und Flohmärkten sorgt ein kleines Team für Erste Hilfe. Ein "
            "aktueller Erste-Hilfe-Kurs ist Voraussetzung; die Auffrischung bezahlen wir."
        ),
        "fields": ["Katastrophenschutz", "Gesundheit und Pflege"],
        "activities": ["Veranstaltungen helfen"],
        "target_groups": ["Nachbarschaft"],
        "languages": ["de"],
        "hours": 1,
        "slots": [(SA, AFTERNOON), (SU, AFTERNOON)],
        "wanted": 4,
        "minimum_age": 16,
        "other_requirements": "Erste-Hilfe-Kurs, nicht älter als zwei Jahre.",
        "status": "paused",
        "offers": ["training", "insurance"],
        "confirmed_days_ago": 50,
    },
    # --- GEMS, Delitzscher Land -----------------------------------------------------------
    {
        "organisation": "gems-netzwerk",
        "title": "Engagementlotsin oder Engagementlotse im Delitzscher Land",
        "summary": "Freiwillige in Ihrem Ort begleiten und mit Vereinen zusammenbringen.",
        "description": (
            "Engagementlotsinnen und -lotsen sind das Gesicht des Engagements in ihrem Ort. "
            "Sie kennen die Vereine, beraten Interessierte und bringen Menschen zusammen. "
            "GEMS qualifiziert Sie in einer Schulungsreihe und begleitet Sie."
        ),
        "fields": ["Nachbarschaftshilfe", "Bildung"],
        "activities": ["Beraten", "Organisieren", "Begleiten"],
        "target_groups": ["Nachbarschaft", "Jugendliche"],
        "languages": ["de"],
        "hours": 3,
        "slots": [(MO, EVENING), (TH, AFTERNOON)],
        "wanted": 10,
        "suitable": ["seniors", "step_free"],
        "offers": ["training", "expenses", "insurance", "certificate"],
        "confirmed_days_ago": 2,
    },
    {
        "organisation": "gems-netzwerk",
        "title": "Social Media für das Engagement im Delitzscher Land",
        "summary": "Von zu Hause: Beiträge über Vereine und Engagierte gestalten.",
        "description": (
            "Sie fotografieren bei Vereinsfesten, schreiben kurze Beiträge und planen die "
            "Woche auf unseren Kanälen – gern gemeinsam mit Jugendlichen."
        ),
        "remote": True,
        "fields": ["Kultur", "Kinder und Jugend"],
        "activities": ["Öffentlichkeitsarbeit"],
        "target_groups": ["Jugendliche", "Nachbarschaft"],
        "languages": ["de", "en"],
        "hours": 2,
        "slots": [],
        "wanted": 3,
        "minimum_age": 14,
        "suitable": ["young"],
        "offers": ["certificate", "training"],
        "confirmed_days_ago": 8,
    },
    {
        "organisation": "gems-netzwerk",
        "title": "Jugend-Engagement-Tag in Taucha mitgestalten",
        "summary": "Einen Tag planen, an dem Jugendliche Vereine ausprobieren.",
        "description": (
            "Am Jugend-Engagement-Tag stellen Vereine aus Taucha und Umgebung sich vor und "
            "Jugendliche probieren aus, was ihnen liegt. Wir suchen Helfende für Planung, "
            "Stände und Programm."
        ),
        "place": 1,
        "fields": ["Kinder und Jugend"],
        "activities": ["Organisieren", "Veranstaltungen helfen"],
        "target_groups": ["Jugendliche"],
        "languages": ["de"],
        "regularity": "one_off",
        "hours": 4,
        "slots": [(SA, MORNING), (SA, AFTERNOON)],
        "starts_in_days": 40,
        "ends_in_days": 40,
        "wanted": 8,
        "suitable": ["young"],
        "offers": ["insurance", "certificate"],
        "status": "draft",
        "confirmed_days_ago": 0,
    },
]

# One opportunity for each GEMS member club, by kind of club (the slug prefix of
# DELITZSCHER_LAND_CLUBS); `{town}` is the club's municipality.
CLUB_OPPORTUNITIES = {
    "heimatverein": {
        "title": "Helfende für das Heimatfest {town}",
        "summary": "Beim Heimatfest Stände betreuen, Kuchen backen, aufbauen.",
        "description": (
            "Das Heimatfest in {town} lebt von vielen Händen. Ob Kuchenbuffet, Aufbau des "
            "Festzelts oder Führung durch die Heimatstube – jede Hilfe zählt."
        ),
        "fields": ["Kultur"],
        "activities": ["Veranstaltungen helfen", "Organisieren"],
        "target_groups": ["Nachbarschaft", "Familien"],
        "regularity": "one_off",
        "hours": 5,
        "slots": [(SA, MORNING), (SA, AFTERNOON), (SU, AFTERNOON)],
        "wanted": 10,
        "suitable": ["young", "seniors", "families"],
        "offers": ["insurance"],
    },
    "foerderverein-feuerwehr": {
        "title": "Betreuung der Jugendfeuerwehr {town}",
        "summary": "Kinder und Jugendliche bei Übungen und Ausflügen begleiten.",
        "description": (
            "Die Jugendfeuerwehr {town} trifft sich freitags. Sie helfen bei Übungen, "
            "Zeltlager und Ausflügen. Feuerwehrerfahrung ist schön, aber nicht nötig."
        ),
        "fields": ["Kinder und Jugend", "Katastrophenschutz"],
        "activities": ["Begleiten", "Organisieren"],
        "target_groups": ["Kinder", "Jugendliche"],
        "hours": 2,
        "slots": [(FR, AFTERNOON), (FR, EVENING)],
        "wanted": 2,
        "police_certificate": True,
        "minimum_age": 18,
        "offers": ["insurance", "training", "certificate"],
    },
    "sportverein": {
        "title": "Übungsleitung Seniorensport beim SV {town}",
        "summary": "Eine Gymnastikgruppe für Ältere anleiten.",
        "description": (
            "Unsere Seniorensportgruppe in {town} sucht Verstärkung. Die Übungsleiter-Lizenz "
            "kann über den Verein erworben werden, die Kosten tragen wir."
        ),
        "fields": ["Sport", "Senioren", "Gesundheit und Pflege"],
        "activities": ["Begleiten", "Organisieren"],
        "target_groups": ["Ältere Menschen", "Menschen mit Behinderung"],
        "hours": 2,
        "slots": [(WE, MORNING), (MO, EVENING)],
        "wanted": 1,
        "suitable": ["seniors", "step_free"],
        "offers": ["training", "expenses", "insurance"],
    },
    "kirchgemeinde": {
        "title": "Besuchsdienst der Kirchgemeinde {town}",
        "summary": "Ältere Gemeindemitglieder zu Hause besuchen.",
        "description": (
            "Der Besuchsdienst gratuliert zu Geburtstagen, bringt den Gemeindebrief und hat "
            "Zeit für ein Gespräch. Alle sind willkommen, unabhängig von der Konfession."
        ),
        "fields": ["Senioren"],
        "activities": ["Besuchsdienst"],
        "target_groups": ["Ältere Menschen"],
        "hours": 2,
        "slots": [(TU, MORNING), (TH, AFTERNOON)],
        "wanted": 4,
        "suitable": ["seniors"],
        "offers": ["insurance", "training"],
    },
    "foerderverein-grundschule": {
        "title": "Lesepatenschaft an der Grundschule {town}",
        "summary": "Mit Erstklässlern lesen üben – eine Stunde pro Woche.",
        "description": (
            "Lesepatinnen und -paten hören Kindern der ersten und zweiten Klasse beim Lesen "
            "zu und lesen selbst vor. Die Schule stellt Raum und Bücher."
        ),
        "fields": ["Kinder und Jugend", "Bildung"],
        "activities": ["Vorlesen", "Hausaufgabenhilfe"],
        "target_groups": ["Kinder"],
        "hours": 1,
        "slots": [(TU, MORNING), (TH, MORNING)],
        "wanted": 4,
        "police_certificate": True,
        "suitable": ["seniors", "step_free"],
        "offers": ["insurance", "certificate"],
    },
    "seniorentreff": {
        "title": "Fahrdienst zum Arzt für den Seniorentreff {town}",
        "summary": "Ältere Menschen aus {town} zu Arztterminen fahren.",
        "description": (
            "Bus und Bahn fahren selten, die Arztpraxis ist weit. Mit Ihrem eigenen Auto "
            "fahren Sie Seniorinnen und Senioren zu Terminen; Kilometergeld wird erstattet."
        ),
        "fields": ["Senioren", "Gesundheit und Pflege", "Nachbarschaftshilfe"],
        "activities": ["Fahrdienst", "Begleiten"],
        "target_groups": ["Ältere Menschen"],
        "hours": 2,
        "slots": [(MO, MORNING), (TU, MORNING), (WE, MORNING), (TH, MORNING)],
        "wanted": 3,
        "other_requirements": "Führerschein Klasse B und eigenes Auto.",
        "suitable": ["seniors"],
        "offers": ["expenses", "insurance"],
    },
    "jugendclub": {
        "title": "Renovierung des Jugendclubs {town}",
        "summary": "Mit Jugendlichen streichen, bauen und den Club gestalten.",
        "description": (
            "Die Jugendlichen in {town} renovieren ihren Club selbst. Wer handwerklich etwas "
            "kann, zeigt, wie es geht – an ein paar Nachmittagen im Monat."
        ),
        "fields": ["Kinder und Jugend"],
        "activities": ["Handwerken", "Begleiten"],
        "target_groups": ["Jugendliche"],
        "hours": 3,
        "slots": [(TU, AFTERNOON), (FR, AFTERNOON)],
        "wanted": 2,
        "minimum_age": 16,
        "suitable": ["young"],
        "offers": ["insurance"],
    },
    "dorfladen-initiative": {
        "title": "Ladendienst im Dorfladen {town}",
        "summary": "Ein paar Stunden pro Woche an der Kasse und im Café stehen.",
        "description": (
            "Der Dorfladen in {town} wird ehrenamtlich betrieben. Sie übernehmen feste "
            "Schichten an der Kasse oder im Café und sind Ansprechperson für das Dorf."
        ),
        "fields": ["Nachbarschaftshilfe"],
        "activities": ["Einkaufen", "Organisieren"],
        "target_groups": ["Nachbarschaft", "Ältere Menschen"],
        "hours": 4,
        "slots": [(MO, MORNING), (TU, AFTERNOON), (TH, AFTERNOON), (SA, MORNING)],
        "wanted": 6,
        "suitable": ["seniors", "young"],
        "offers": ["insurance"],
    },
    "nachbarschaftshilfe": {
        "title": "Einkaufs- und Alltagshilfe in {town}",
        "summary": "Nachbarinnen und Nachbarn bei Einkäufen und Wegen helfen.",
        "description": (
            "Wer in {town} nicht mehr allein einkaufen kann, ruft bei uns an. Sie übernehmen "
            "Einkäufe, begleiten zu Terminen oder schauen einfach vorbei."
        ),
        "fields": ["Nachbarschaftshilfe", "Senioren"],
        "activities": ["Einkaufen", "Begleiten", "Besuchsdienst"],
        "target_groups": ["Ältere Menschen", "Nachbarschaft"],
        "hours": 2,
        "slots": [(MO, MORNING), (WE, AFTERNOON), (FR, MORNING)],
        "wanted": 8,
        "suitable": ["seniors", "families"],
        "offers": ["expenses", "insurance"],
    },
}
