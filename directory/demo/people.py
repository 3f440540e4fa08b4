"""Demo accounts. All addresses are invented (example.org); all share DEMO_PASSWORD."""

DEMO_PASSWORD = "gemeinwerk-demo"

# (e-mail, display name, organisation slug, role)
ORGANISATION_ACCOUNTS = [
    (
        "koordination@example.org",
        "Maren Beispiel",
        "gemeinwesenkoordination-chemnitz-sued",
        "admin",
    ),
    ("redaktion-kge@example.org", "Ronja Beispiel", "kge-erzgebirge", "editor"),
]

# (e-mail, display name, network slug)
NETWORK_ACCOUNTS = [
    ("netzwerk-gems@example.org", "Carla Beispiel", "gems"),
]

# Who proposed the pending organisations, and which network each asks to join.
# (e-mail, display name, organisation slug, network slug or None, message)
PROPOSALS = [
    (
        "repaircafe-taucha@example.org",
        "Jens Beispiel",
        "repair-cafe-taucha",
        "gems",
        "Wir treffen uns seit einem halben Jahr und möchten im GEMS-Netzwerk mitmachen.",
    ),
    (
        "garten-sonnenberg@example.org",
        "Lotte Muster",
        "nachbarschaftsgarten-sonnenberg",
        None,
        "Wir sind eine neue Initiative und suchen Mitgärtnernde.",
    ),
    (
        "lesecafe-marzahn@example.org",
        "Karin Vorlage",
        "lesecafe-marzahn",
        None,
        "Bitte nehmen Sie unser Lesecafé ins Verzeichnis auf.",
    ),
]
