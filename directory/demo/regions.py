"""Federal states, districts, municipalities and neighbourhoods of the demo region."""

STATES = [
    ("SN", "Sachsen"),
    ("BE", "Berlin"),
]

# (state code, district name)
DISTRICTS = [
    ("SN", "Erzgebirgskreis"),
    ("SN", "Chemnitz"),
    ("SN", "Nordsachsen"),
    ("SN", "Leipzig"),
    ("SN", "Dresden"),
    ("SN", "Zwickau"),
    ("BE", "Berlin"),
]

# The ten municipalities of the LEADER-Region Delitzscher Land (seed 004).
LEADER_DELITZSCHER_LAND = [
    "jesewitz",
    "krostitz",
    "loebnitz",
    "rackwitz",
    "schoenwoelkau",
    "wiedemar",
    "zschepplin",
    "delitzsch",
    "schkeuditz",
    "taucha",
]

# slug: (name, district, main postcode, telephone area code, centre or None).
# Several villages around Delitzsch share one postcode area; they carry their own
# approximate centre so that their markers do not all sit on the postcode's centre.
MUNICIPALITIES = {
    "aue-bad-schlema": ("Aue-Bad Schlema", "Erzgebirgskreis", "08280", "03771", None),
    "annaberg-buchholz": ("Annaberg-Buchholz", "Erzgebirgskreis", "09456", "03733", None),
    "schwarzenberg": ("Schwarzenberg/Erzgeb.", "Erzgebirgskreis", "08340", "03774", None),
    "stollberg": ("Stollberg/Erzgeb.", "Erzgebirgskreis", "09366", "037296", None),
    "chemnitz": ("Chemnitz", "Chemnitz", "09111", "0371", None),
    "jesewitz": ("Jesewitz", "Nordsachsen", "04838", "034241", (51.4208, 12.5652)),
    "krostitz": ("Krostitz", "Nordsachsen", "04509", "034295", (51.4627, 12.4524)),
    "loebnitz": ("Löbnitz", "Nordsachsen", "04509", "034208", (51.5920, 12.4614)),
    "rackwitz": ("Rackwitz", "Nordsachsen", "04519", "034294", None),
    "schoenwoelkau": ("Schönwölkau", "Nordsachsen", "04509", "034295", (51.4978, 12.5021)),
    "wiedemar": ("Wiedemar", "Nordsachsen", "04509", "034207", (51.4667, 12.2047)),
    "zschepplin": ("Zschepplin", "Nordsachsen", "04838", "03423", (51.5061, 12.6097)),
    "delitzsch": ("Delitzsch", "Nordsachsen", "04509", "034202", (51.5259, 12.3427)),
    "schkeuditz": ("Schkeuditz", "Nordsachsen", "04435", "034204", None),
    "taucha": ("Taucha", "Nordsachsen", "04425", "034298", None),
    "leipzig": ("Leipzig", "Leipzig", "04103", "0341", None),
    "dresden": ("Dresden", "Dresden", "01067", "0351", None),
    "zwickau": ("Zwickau", "Zwickau", "08056", "0375", None),
    "berlin": ("Berlin", "Berlin", "10115", "030", None),
}

# municipality slug: neighbourhood names (Stadtteile, Quartiere, Kieze)
NEIGHBOURHOODS = {
    "chemnitz": [
        "Kaßberg",
        "Helbersdorf",
        "Markersdorf",
        "Bernsdorf",
        "Hutholz",
        "Sonnenberg",
        "Zentrum",
    ],
    "aue-bad-schlema": ["Aue-Zelle", "Bad Schlema"],
    "leipzig": ["Volkmarsdorf", "Grünau", "Plagwitz"],
    "dresden": ["Prohlis"],
    "zwickau": ["Neuplanitz"],
    "berlin": ["Neukölln-Nord", "Wedding", "Marzahn", "Moabit"],
}
