"""Demo texts of the legal pages for an invented operator. An operator replaces them in the
admin before going live; every page says so at the top."""

from core.models import SitePageKind

DEMO_NOTICE = (
    "<p><strong>Demo-Text:</strong> Dieser Text gehört zur Demo-Region und beschreibt einen "
    "erfundenen Betreiber. Ersetzen Sie ihn vor dem Betrieb im Verwaltungsbereich durch Ihre "
    "eigenen Angaben.</p>"
)

OPERATOR_ADDRESS = "<address>Musterträger e.V.<br>Musterstraße 1<br>09111 Chemnitz</address>"

IMPRINT = f"""{DEMO_NOTICE}
<h2>Angaben gemäß § 5 DDG</h2>
{OPERATOR_ADDRESS}
<p>Vertreten durch den Vorstand: Erika Mustermann (Vorsitzende), Max Mustermann</p>
<p>Eingetragen im Vereinsregister des Amtsgerichts Chemnitz, Registernummer VR 0000</p>
<h2>Kontakt</h2>
<p>Telefon: 0371 0000000<br>E-Mail: <a href="mailto:kontakt@example.org">kontakt@example.org</a></p>
<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
<p>Erika Mustermann, Anschrift wie oben</p>
<h2>Inhalte der Organisationen</h2>
<p>Die Einträge im Verzeichnis pflegen die jeweiligen Organisationen selbst. Für ihre Inhalte
sind sie verantwortlich. Wenn Ihnen ein fehlerhafter oder rechtswidriger Eintrag auffällt,
schreiben Sie uns bitte; wir prüfen ihn umgehend.</p>
"""

ACCESSIBILITY = f"""{DEMO_NOTICE}
<p>Der Musterträger e.V. ist bemüht, diese Plattform im Einklang mit der
Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.
Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.</p>
<h2>Stand der Vereinbarkeit</h2>
<p>Die Plattform ist weitgehend mit den Anforderungen vereinbar. Alle Seiten funktionieren
ohne JavaScript, lassen sich mit der Tastatur bedienen und haben einen sichtbaren Fokus.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<ul>
<li>Die Karte ist mit Screenreadern nur eingeschränkt nutzbar. Alle Orte stehen mit Adresse,
Sprechzeiten und Angaben zur Barrierefreiheit auch in der Liste.</li>
<li>Dokumente und Logos, die Organisationen selbst hochladen, sind nicht immer barrierefrei.</li>
<li>Zusammenfassungen in Leichter Sprache gibt es noch nicht für alle Seiten.</li>
</ul>
<p>Diese Erklärung wurde auf Grundlage einer Selbstbewertung erstellt.</p>
<h2>Barriere melden</h2>
<p>Ist Ihnen eine Barriere aufgefallen? Schreiben Sie an
<a href="mailto:barrierefreiheit@example.org">barrierefreiheit@example.org</a> oder rufen Sie
an: 0371 0000000. Wir antworten innerhalb von zwei Wochen.</p>
<h2>Durchsetzungsverfahren</h2>
<p>Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die
Durchsetzungs- oder Schlichtungsstelle Ihres Bundeslandes wenden.</p>
"""


def privacy_text(tile_host: str) -> str:
    """The privacy policy describes what this platform actually does, including which server
    the map tiles come from (a setting)."""
    return f"""{DEMO_NOTICE}
<h2>Verantwortlicher</h2>
{OPERATOR_ADDRESS}
<p>E-Mail: <a href="mailto:datenschutz@example.org">datenschutz@example.org</a></p>
<h2>Grundsatz</h2>
<p>Wir erheben nur die Daten, die für den Betrieb nötig sind. Es gibt kein Tracking, keine
Analyse- oder Werbedienste und keine Profile über Ihr Nutzungsverhalten. Schriften, Skripte und
Stile liefert die Plattform selbst aus; beim Aufruf einer Seite werden keine Daten an Dritte
übertragen.</p>
<h2>Cookies</h2>
<p>Wir setzen nur technisch notwendige Cookies (Art. 6 Abs. 1 lit. f DSGVO, § 25 Abs. 2
TDDDG); eine Einwilligung ist dafür nicht erforderlich:</p>
<ul>
<li><strong>Sitzungs-Cookie</strong> (<em>sessionid</em>): hält Sie nach der Anmeldung
angemeldet. Es wird beim Abmelden ungültig.</li>
<li><strong>Hinweis-Cookie</strong> (<em>messages</em>): zeigt eine Bestätigung wie
„Gespeichert“ einmal an und wird danach gelöscht.</li>
<li><strong>Sicherheits-Cookie</strong> (<em>csrftoken</em>): schützt Formulare vor
Missbrauch durch fremde Websites.</li>
<li><strong>Sprach-Cookie</strong> (<em>django_language</em>): wird nur gesetzt, wenn Sie die
Sprache umstellen, und speichert Ihre Wahl.</li>
</ul>
<h2>Karte</h2>
<p>Die Karte wird erst geladen, wenn Sie sie ausdrücklich einschalten. Erst dann ruft Ihr
Browser Kartenkacheln vom Kachelserver <strong>{tile_host}</strong> ab; dieser erfährt dabei
Ihre IP-Adresse und den angezeigten Kartenausschnitt. Ohne Ihren Klick findet keine
Verbindung zum Kachelserver statt. Alle Orte finden Sie auch ohne Karte in der Liste.</p>
<h2>Verzeichnis</h2>
<p>Organisationen tragen ihre Angebote, Orte und Sprechzeiten selbst ein. Ansprechpersonen
erscheinen nur öffentlich, wenn die Organisation bestätigt, dass die Person zugestimmt hat.</p>
<h2>Benutzerkonto</h2>
<p>Für ein Konto speichern wir Ihre E-Mail-Adresse, einen selbst gewählten Namen, das
verschlüsselte Passwort und Ihre Rollen in Organisationen und Netzwerken (Art. 6 Abs. 1
lit. b DSGVO). Die E-Mail-Adresse bestätigen Sie per Link. Mitarbeitende der Plattform
melden sich zusätzlich mit einem zweiten Faktor (Einmalcode-App) an.</p>
<p>Unter <strong>„Mein Bereich“</strong> können Sie jederzeit alle gespeicherten Daten zu
Ihrer Person als Datei herunterladen und Ihr Konto mit allen persönlichen Daten löschen.</p>
<h2>Server-Protokolle</h2>
<p>Der Webserver protokolliert Zugriffe mit IP-Adresse, Zeitpunkt und aufgerufener Seite, um
Störungen und Angriffe zu erkennen. Die Protokolle werden nach 14 Tagen gelöscht.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung,
Datenübertragbarkeit und Widerspruch (Art. 15–21 DSGVO) sowie das Recht, sich bei einer
Datenschutz-Aufsichtsbehörde zu beschweren.</p>
"""


def site_pages(tile_host: str) -> list[tuple[str, str, str]]:
    """(kind, title, body) of every legal page."""
    return [
        (SitePageKind.IMPRINT, "Impressum", IMPRINT),
        (SitePageKind.PRIVACY, "Datenschutzerklärung", privacy_text(tile_host)),
        (SitePageKind.ACCESSIBILITY, "Erklärung zur Barrierefreiheit", ACCESSIBILITY),
    ]
