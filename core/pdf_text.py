"""Text for PDFs made with fpdf2's built-in Helvetica, which covers Latin-1 only (German
umlauts and ß included). Using the built-in font means no font file has to be shipped or
found on the server; every other character is replaced by a close Latin-1 equivalent."""

import unicodedata

# Typographic characters people type (or paste) that Latin-1 lacks.
LATIN1_EQUIVALENTS = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201e": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u20ac": "EUR",
        "\u2022": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2192": "->",
        "\u0141": "L",
        "\u0142": "l",
        "\u0110": "D",
        "\u0111": "d",
        "\u0152": "OE",
        "\u0153": "oe",
    }
)


def latin1(text: str) -> str:
    """Text Helvetica can print: known equivalents first, then letters without their
    accents (č → c), then a question mark for what is left."""
    text = (text or "").translate(LATIN1_EQUIVALENTS)
    printable = []
    for char in text:
        if ord(char) < 256:
            printable.append(char if char.isprintable() or char == "\n" else " ")
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        printable.append(base or "?")
    return "".join(printable)
