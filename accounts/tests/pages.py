"""Reading rendered pages the way assistive technology and a privacy review would."""

from html.parser import HTMLParser

_UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class PageStructure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.html_lang = None
        self.label_targets: set[str] = set()
        self.inputs: list[dict] = []
        self.external_resources: list[str] = []
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "label":
            self._label_depth += 1
            if attributes.get("for"):
                self.label_targets.add(attributes["for"])
        elif (
            tag in {"input", "select", "textarea"}
            and attributes.get("type", "text") not in _UNLABELLED_TYPES
        ):
            self.inputs.append({**attributes, "_wrapped": self._label_depth > 0})
        for name in ("src", "href"):
            value = attributes.get(name) or ""
            if tag in {"script", "img", "link", "iframe"} and value.startswith(("http", "//")):
                self.external_resources.append(value)

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1

    def unlabelled_inputs(self) -> list[str]:
        return [
            field.get("name") or field.get("id") or "?"
            for field in self.inputs
            if not field["_wrapped"] and field.get("id") not in self.label_targets
        ]


def parse(response) -> PageStructure:
    structure = PageStructure()
    structure.feed(response.content.decode())
    return structure
