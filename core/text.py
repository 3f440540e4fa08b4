import unicodedata

_GERMAN_FOLDS = str.maketrans({"ß": "ss", "ä": "a", "ö": "o", "ü": "u"})


def search_normalise(text: str) -> str:
    """Lower-case, fold umlauts and accents, collapse white space: "Büro" and "buero" both
    become comparable, on SQLite and PostgreSQL alike."""
    text = (text or "").casefold().replace("ae", "a").replace("oe", "o").replace("ue", "u")
    text = text.translate(_GERMAN_FOLDS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = "".join(char if char.isalnum() else " " for char in text)
    return " ".join(text.split())
