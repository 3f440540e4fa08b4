"""CSV import and CSV/JSON export of an organisation's opportunities.

The import reads the whole file first and checks every row with OpportunityRowForm, so a
dry run reports all problems at once (line, column, message) and an import saves either
every row or none. The CSV export writes the same columns the import reads, so exporting
and importing again gives the same opportunities. The JSON export is meant for national
volunteering portals: stable English keys, ISO dates and absolute URLs."""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .availability import pairs_from_slots, slot_bit
from .models import (
    Activity,
    Field,
    Language,
    Opportunity,
    OpportunityStatus,
    Regularity,
    TargetGroup,
)

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
LIST_SEPARATOR = "|"

WEEKDAY_CODES = ["mo", "di", "mi", "do", "fr", "sa", "so"]
WEEKDAY_NAMES = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]
TIME_OF_DAY_CODES = ["vormittags", "nachmittags", "abends"]
WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
TIME_OF_DAY_KEYS = ["morning", "afternoon", "evening"]

_YES = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
_NO = {"nein", "n", "no", "false", "falsch", "0", ""}
_REGULARITY = {
    "regular": Regularity.REGULAR,
    "regelmäßig": Regularity.REGULAR,
    "regelmaessig": Regularity.REGULAR,
    "one_off": Regularity.ONE_OFF,
    "einmalig": Regularity.ONE_OFF,
    "": Regularity.REGULAR,
}
_STATUS = {
    "": OpportunityStatus.DRAFT,
    "entwurf": OpportunityStatus.DRAFT,
    "veröffentlicht": OpportunityStatus.PUBLISHED,
    "veroeffentlicht": OpportunityStatus.PUBLISHED,
    "pausiert": OpportunityStatus.PAUSED,
    "besetzt": OpportunityStatus.FILLED,
    **{status.value: status for status in OpportunityStatus if status != "archived"},
}
# Spreadsheet programs run cells starting like this as formulas; the export defuses them
# with a leading apostrophe, which the import removes again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    example: str
    required: bool = False


COLUMNS = [
    Column("title", gettext_lazy("Title, at most 200 characters."), "Lesepate", True),
    Column("description", gettext_lazy("What volunteers do."), "Wir suchen …", True),
    Column("summary", gettext_lazy("One or two sentences, at most 300 characters."), ""),
    Column("plain_language_summary", gettext_lazy("Summary in plain language."), ""),
    Column(
        "fields",
        gettext_lazy("Fields by short name or name, separated by |."),
        "kinder|bildung",
        True,
    ),
    Column("activities", gettext_lazy("Activities, separated by |."), "vorlesen"),
    Column("target_groups", gettext_lazy("Target groups, separated by |."), ""),
    Column("languages", gettext_lazy("Language codes or names, separated by |."), "de|en"),
    Column("regularity", gettext_lazy("“regelmäßig” (default) or “einmalig”."), "regelmäßig"),
    Column("hours_per_week", gettext_lazy("Hours per week, e.g. 2 or 1,5."), "2"),
    Column(
        "times",
        gettext_lazy(
            "Weekday (mo, di, mi, do, fr, sa, so) and time of day (vormittags, nachmittags, "
            "abends), separated by |."
        ),
        "di-nachmittags|do-abends",
    ),
    Column("starts_on", gettext_lazy("Start as DD.MM.YYYY or YYYY-MM-DD."), "01.09.2025"),
    Column("ends_on", gettext_lazy("End, not before the start."), ""),
    Column("volunteers_wanted", gettext_lazy("Number of volunteers wanted (default 1)."), "2"),
    Column("place", gettext_lazy("Name of one of your places; empty if remote."), "Treffpunkt"),
    Column("remote", gettext_lazy("“ja” if the work is done from home."), "nein"),
    Column("minimum_age", gettext_lazy("Minimum age in years, if any."), "16"),
    Column("suitable_for_young_people", gettext_lazy("ja or nein."), "ja"),
    Column("suitable_for_seniors", gettext_lazy("ja or nein."), "ja"),
    Column("suitable_for_families", gettext_lazy("ja or nein."), "nein"),
    Column("little_german_needed", gettext_lazy("ja or nein."), "nein"),
    Column("step_free", gettext_lazy("ja or nein."), "ja"),
    Column(
        "police_certificate",
        gettext_lazy("Extended police certificate required: ja or nein."),
        "ja",
    ),
    Column("other_requirements", gettext_lazy("Other requirements."), ""),
    Column("offers_insurance", gettext_lazy("ja or nein."), "ja"),
    Column("offers_expenses", gettext_lazy("ja or nein."), "nein"),
    Column("offers_training", gettext_lazy("ja or nein."), "ja"),
    Column("offers_certificate", gettext_lazy("ja or nein."), "ja"),
    Column(
        "coordinator",
        gettext_lazy("E-mail address of a person with a role in your organisation."),
        "",
    ),
    Column(
        "status",
        gettext_lazy("entwurf (default), veröffentlicht, pausiert or besetzt."),
        "entwurf",
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]
REQUIRED_COLUMNS = [column.name for column in COLUMNS if column.required]


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str


@dataclass
class ImportReport:
    """The outcome of reading a file: file-level problems, problems of single rows, and the
    validated values of every row (for opportunity_create)."""

    file_errors: list[str] = field(default_factory=list)
    row_errors: list[RowError] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.file_errors and not self.row_errors


# Reading values


def _normalise(value: str) -> str:
    return " ".join(value.split()).lower()


class YesNoField(forms.Field):
    def to_python(self, value):
        text = _normalise(value or "")
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise forms.ValidationError(_("Write “ja” or “nein”."))


class LookupField(forms.Field):
    """Text naming one entry of `choices` (a dict from normalised name to object)."""

    def __init__(self, *, choices: dict, unknown_message, **kwargs):
        super().__init__(**kwargs)
        self.lookup = choices
        self.unknown_message = unknown_message

    def to_python(self, value):
        text = _normalise(value or "")
        if not text:
            return None
        if text not in self.lookup:
            raise forms.ValidationError(self.unknown_message % {"value": value.strip()})
        return self.lookup[text]


class LookupListField(LookupField):
    """Several entries separated by |."""

    def to_python(self, value):
        names = [name.strip() for name in (value or "").split(LIST_SEPARATOR) if name.strip()]
        unknown = [name for name in names if _normalise(name) not in self.lookup]
        if unknown:
            raise forms.ValidationError(
                self.unknown_message % {"value": ", ".join(unknown)}, code="unknown"
            )
        found = []
        for name in names:
            entry = self.lookup[_normalise(name)]
            if entry not in found:
                found.append(entry)
        return found

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class TimeSlotsField(forms.Field):
    """ "di-nachmittags|do-abends" → the availability grid as an int."""

    def to_python(self, value):
        slots, unknown = 0, []
        for item in (value or "").split(LIST_SEPARATOR):
            text = _normalise(item)
            if not text:
                continue
            day, _dash, time_of_day = text.partition("-")
            day = day.strip()
            time_of_day = time_of_day.strip()
            if day in WEEKDAY_NAMES:
                day = WEEKDAY_CODES[WEEKDAY_NAMES.index(day)]
            if day not in WEEKDAY_CODES or time_of_day not in TIME_OF_DAY_CODES:
                unknown.append(item.strip())
                continue
            slots |= slot_bit(WEEKDAY_CODES.index(day), TIME_OF_DAY_CODES.index(time_of_day))
        if unknown:
            raise forms.ValidationError(
                _("Unknown weekday or time of day: %(value)s. Write e.g. “di-nachmittags”.")
                % {"value": ", ".join(unknown)}
            )
        return slots


class ChoiceTextField(forms.Field):
    def __init__(self, *, choices: dict, message, **kwargs):
        super().__init__(**kwargs)
        self.mapping = choices
        self.message = message

    def to_python(self, value):
        text = _normalise(value or "")
        if text not in self.mapping:
            raise forms.ValidationError(self.message % {"value": (value or "").strip()})
        return self.mapping[text]


def _catalogue(queryset, *keys) -> dict:
    lookup = {}
    for entry in queryset:
        for key in keys:
            lookup.setdefault(_normalise(getattr(entry, key)), entry)
    return lookup


class Catalogues:
    """Everything a row may name, loaded once per file so that checking 2000 rows costs
    a handful of queries."""

    def __init__(self, organisation):
        self.fields = _catalogue(Field.objects.all(), "slug", "name")
        self.activities = _catalogue(Activity.objects.all(), "slug", "name")
        self.target_groups = _catalogue(TargetGroup.objects.all(), "slug", "name")
        self.languages = _catalogue(Language.objects.all(), "code", "name")
        self.places = _catalogue(organisation.places.all(), "name")
        self.coordinators = _catalogue(
            get_user_model().objects.filter(organisation_roles__organisation=organisation),
            "email",
        )


def _opportunity_field(name):
    return Opportunity._meta.get_field(name)


def _char(name, required=False):
    model_field = _opportunity_field(name)
    return forms.CharField(
        required=required, max_length=model_field.max_length, strip=True, empty_value=""
    )


class OpportunityRowForm(forms.Form):
    """One CSV row; field names are the column names."""

    def __init__(self, data, *, catalogues: Catalogues):
        super().__init__(data)
        unknown_field = _("Unknown field: %(value)s.")
        self.fields.update(
            {
                "title": _char("title", required=True),
                "description": forms.CharField(required=True),
                "summary": _char("summary"),
                "plain_language_summary": forms.CharField(required=False),
                "fields": LookupListField(
                    choices=catalogues.fields, unknown_message=unknown_field, required=True
                ),
                "activities": LookupListField(
                    choices=catalogues.activities,
                    unknown_message=_("Unknown activity: %(value)s."),
                    required=False,
                ),
                "target_groups": LookupListField(
                    choices=catalogues.target_groups,
                    unknown_message=_("Unknown target group: %(value)s."),
                    required=False,
                ),
                "languages": LookupListField(
                    choices=catalogues.languages,
                    unknown_message=_("Unknown language: %(value)s."),
                    required=False,
                ),
                "regularity": ChoiceTextField(
                    choices=_REGULARITY,
                    message=_("“%(value)s” is neither “regelmäßig” nor “einmalig”."),
                    required=False,
                ),
                "hours_per_week": forms.DecimalField(
                    required=False, min_value=0, max_value=60, max_digits=4, decimal_places=1
                ),
                "times": TimeSlotsField(required=False),
                "starts_on": forms.DateField(
                    required=False, input_formats=["%d.%m.%Y", "%Y-%m-%d"]
                ),
                "ends_on": forms.DateField(required=False, input_formats=["%d.%m.%Y", "%Y-%m-%d"]),
                "volunteers_wanted": forms.IntegerField(
                    required=False, min_value=1, max_value=32767
                ),
                "place": LookupField(
                    choices=catalogues.places,
                    unknown_message=_("Your organisation has no place named “%(value)s”."),
                    required=False,
                ),
                "remote": YesNoField(required=False),
                "minimum_age": forms.IntegerField(required=False, min_value=0, max_value=99),
                "suitable_for_young_people": YesNoField(required=False),
                "suitable_for_seniors": YesNoField(required=False),
                "suitable_for_families": YesNoField(required=False),
                "little_german_needed": YesNoField(required=False),
                "step_free": YesNoField(required=False),
                "police_certificate": YesNoField(required=False),
                "other_requirements": forms.CharField(required=False),
                "offers_insurance": YesNoField(required=False),
                "offers_expenses": YesNoField(required=False),
                "offers_training": YesNoField(required=False),
                "offers_certificate": YesNoField(required=False),
                "coordinator": LookupField(
                    choices=catalogues.coordinators,
                    unknown_message=_("“%(value)s” holds no role in your organisation."),
                    required=False,
                ),
                "status": ChoiceTextField(
                    choices=_STATUS,
                    message=_("Unknown status “%(value)s”."),
                    required=False,
                ),
            }
        )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end cannot be before the start."))
        if "place" not in self.errors and "remote" not in self.errors:
            place, remote = cleaned.get("place"), cleaned.get("remote")
            if remote and place is not None:
                self.add_error("place", _("Give either a place or remote=ja, not both."))
            elif not remote and place is None:
                self.add_error("place", _("Give the name of one of your places or remote=ja."))
        return cleaned

    def service_values(self) -> dict:
        data = self.cleaned_data
        values = {
            name: data[name]
            for name in [
                "title",
                "description",
                "summary",
                "plain_language_summary",
                "fields",
                "activities",
                "target_groups",
                "languages",
                "regularity",
                "hours_per_week",
                "starts_on",
                "ends_on",
                "place",
                "minimum_age",
                "suitable_for_young_people",
                "suitable_for_seniors",
                "suitable_for_families",
                "little_german_needed",
                "step_free",
                "other_requirements",
                "offers_insurance",
                "offers_expenses",
                "offers_training",
                "offers_certificate",
                "coordinator",
                "status",
            ]
        }
        values["time_slots"] = data["times"]
        values["is_remote"] = data["remote"]
        values["requires_police_certificate"] = data["police_certificate"]
        values["volunteers_wanted"] = data["volunteers_wanted"] or 1
        return values


# Reading files


def _decode(raw: bytes) -> str | None:
    if b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _sniff_delimiter(text: str) -> str:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,").delimiter
    except csv.Error:
        first_line = sample.splitlines()[0] if sample else ""
        return ";" if first_line.count(";") >= first_line.count(",") else ","


def _cell(value: str) -> str:
    value = value.strip()
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def read_csv(uploaded_file, *, organisation) -> ImportReport:
    """Check an uploaded CSV file of opportunities for `organisation`; saves nothing."""
    report = ImportReport()
    if uploaded_file.size > MAX_FILE_BYTES:
        report.file_errors.append(
            _("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
        return report
    text = _decode(uploaded_file.read(MAX_FILE_BYTES + 1))
    if text is None:
        report.file_errors.append(
            _("The file is not a text file in UTF-8. Save it as “CSV UTF-8” and try again.")
        )
        return report
    if not text.strip():
        report.file_errors.append(_("The file is empty."))
        return report
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        header = [_normalise(name) for name in next(reader)]
        _check_header(header, report)
        if report.file_errors:
            return report
        catalogues = Catalogues(organisation)
        data_rows, line = 0, reader.line_num + 1
        for cells in reader:
            row_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            data_rows += 1
            if data_rows > MAX_ROWS:
                report.file_errors.append(
                    _("The file has more than %(rows)s rows. Split it into smaller files.")
                    % {"rows": MAX_ROWS}
                )
                report.rows = []
                return report
            _check_row(header, cells, row_line, catalogues, report)
    except csv.Error as error:
        report.file_errors.append(
            _("The file could not be read as CSV (line %(line)s): %(error)s")
            % {"line": reader.line_num, "error": error}
        )
        return report
    if not data_rows:
        report.file_errors.append(_("The file has a header but no rows."))
    return report


def _check_header(header: list[str], report: ImportReport) -> None:
    unknown = [name for name in header if name not in COLUMN_NAMES]
    if unknown:
        report.file_errors.append(
            _("Unknown columns in line 1: %(columns)s.") % {"columns": ", ".join(unknown)}
        )
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        report.file_errors.append(
            _("Columns named twice in line 1: %(columns)s.") % {"columns": ", ".join(duplicates)}
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        report.file_errors.append(
            _("Required columns missing in line 1: %(columns)s.") % {"columns": ", ".join(missing)}
        )


def _check_row(header, cells, line, catalogues, report: ImportReport) -> None:
    if len(cells) > len(header):
        report.row_errors.append(
            RowError(line, "", _("The row has more values than the header has columns."))
        )
        return
    data = {name: _cell(value) for name, value in zip(header, cells, strict=False)}
    if "hours_per_week" in data:
        data["hours_per_week"] = data["hours_per_week"].replace(",", ".")
    form = OpportunityRowForm(data, catalogues=catalogues)
    if form.is_valid():
        report.rows.append(form.service_values())
        return
    for column, messages in form.errors.items():
        for message in messages:
            report.row_errors.append(RowError(line, "" if column == "__all__" else column, message))


# Writing


def _yes_no(value: bool) -> str:
    return "ja" if value else "nein"


def _german_date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _german_decimal(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f").replace(".", ",")


def _time_codes(value: int) -> str:
    return LIST_SEPARATOR.join(
        f"{WEEKDAY_CODES[day]}-{TIME_OF_DAY_CODES[time_of_day]}"
        for day, time_of_day in pairs_from_slots(value)
    )


def _defused(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def _joined(entries, attribute="slug") -> str:
    return LIST_SEPARATOR.join(getattr(entry, attribute) for entry in entries)


def exportable_opportunities(organisation):
    """The organisation's opportunities except archived ones, with what the export needs."""
    return (
        organisation.opportunities.exclude(status=OpportunityStatus.ARCHIVED)
        .select_related("place", "coordinator", "municipality")
        .prefetch_related("fields", "activities", "target_groups", "languages")
        .order_by("title", "pk")
    )


def csv_row(opportunity: Opportunity) -> list[str]:
    values = {
        "title": opportunity.title,
        "description": opportunity.description,
        "summary": opportunity.summary,
        "plain_language_summary": opportunity.plain_language_summary,
        "fields": _joined(opportunity.fields.all()),
        "activities": _joined(opportunity.activities.all()),
        "target_groups": _joined(opportunity.target_groups.all()),
        "languages": _joined(opportunity.languages.all(), "code"),
        "regularity": "einmalig" if opportunity.regularity == Regularity.ONE_OFF else "regelmäßig",
        "hours_per_week": _german_decimal(opportunity.hours_per_week),
        "times": _time_codes(opportunity.time_slots),
        "starts_on": _german_date(opportunity.starts_on),
        "ends_on": _german_date(opportunity.ends_on),
        "volunteers_wanted": str(opportunity.volunteers_wanted),
        "place": opportunity.place.name if opportunity.place and not opportunity.is_remote else "",
        "remote": _yes_no(opportunity.is_remote),
        "minimum_age": "" if opportunity.minimum_age is None else str(opportunity.minimum_age),
        "suitable_for_young_people": _yes_no(opportunity.suitable_for_young_people),
        "suitable_for_seniors": _yes_no(opportunity.suitable_for_seniors),
        "suitable_for_families": _yes_no(opportunity.suitable_for_families),
        "little_german_needed": _yes_no(opportunity.little_german_needed),
        "step_free": _yes_no(opportunity.step_free),
        "police_certificate": _yes_no(opportunity.requires_police_certificate),
        "other_requirements": opportunity.other_requirements,
        "offers_insurance": _yes_no(opportunity.offers_insurance),
        "offers_expenses": _yes_no(opportunity.offers_expenses),
        "offers_training": _yes_no(opportunity.offers_training),
        "offers_certificate": _yes_no(opportunity.offers_certificate),
        "coordinator": opportunity.coordinator.email if opportunity.coordinator else "",
        "status": opportunity.status,
    }
    return [_defused(values[name]) for name in COLUMN_NAMES]


def write_csv(opportunities, stream) -> None:
    """Semicolon-separated UTF-8 with a byte order mark, as spreadsheet programs in
    Germany expect it."""
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for opportunity in opportunities:
        writer.writerow(csv_row(opportunity))


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _entries(entries) -> list[dict]:
    return [{"slug": entry.slug, "name": entry.name} for entry in entries]


def opportunity_json(opportunity: Opportunity, absolute_url) -> dict:
    """One opportunity for portals; `absolute_url` turns a path into a full URL."""
    place = opportunity.place if not opportunity.is_remote else None
    return {
        "id": opportunity.pk,
        "slug": opportunity.slug,
        "url": absolute_url(opportunity.get_absolute_url()),
        "title": opportunity.title,
        "summary": opportunity.summary,
        "description": opportunity.description,
        "plain_language_summary": opportunity.plain_language_summary,
        "status": opportunity.status,
        "fields": _entries(opportunity.fields.all()),
        "activities": _entries(opportunity.activities.all()),
        "target_groups": _entries(opportunity.target_groups.all()),
        "languages": [
            {"code": language.code, "name": language.name}
            for language in opportunity.languages.all()
        ],
        "regularity": opportunity.regularity,
        "hours_per_week": float(opportunity.hours_per_week)
        if opportunity.hours_per_week is not None
        else None,
        "times": [
            {"weekday": WEEKDAY_KEYS[day], "time_of_day": TIME_OF_DAY_KEYS[time_of_day]}
            for day, time_of_day in pairs_from_slots(opportunity.time_slots)
        ],
        "starts_on": _iso(opportunity.starts_on),
        "ends_on": _iso(opportunity.ends_on),
        "volunteers_wanted": opportunity.volunteers_wanted,
        "free_places": opportunity.free_places,
        "minimum_age": opportunity.minimum_age,
        "remote": opportunity.is_remote,
        "location": None
        if place is None
        else {
            "name": place.name,
            "street": place.street,
            "postcode": opportunity.postcode,
            "city": place.city,
            "municipality": opportunity.municipality.name if opportunity.municipality else None,
            "latitude": opportunity.latitude,
            "longitude": opportunity.longitude,
        },
        "suitable_for": {
            "young_people": opportunity.suitable_for_young_people,
            "seniors": opportunity.suitable_for_seniors,
            "families": opportunity.suitable_for_families,
            "little_german_needed": opportunity.little_german_needed,
            "step_free": opportunity.step_free,
        },
        "requirements": {
            "police_certificate": opportunity.requires_police_certificate,
            "other": opportunity.other_requirements,
        },
        "offers": {
            "insurance": opportunity.offers_insurance,
            "expenses": opportunity.offers_expenses,
            "training": opportunity.offers_training,
            "certificate": opportunity.offers_certificate,
        },
        "published_at": _iso(opportunity.published_at),
        "confirmed_at": _iso(opportunity.confirmed_at),
        "updated_at": _iso(opportunity.updated_at),
    }


def export_json(organisation, opportunities, absolute_url) -> dict:
    """The organisation and its opportunities; contact goes through the organisation, never
    through a named person."""
    return {
        "format": "gemeinwerk-opportunities",
        "version": 1,
        "generated_at": timezone.now().isoformat(),
        "organisation": {
            "name": organisation.name,
            "slug": organisation.slug,
            "url": absolute_url(organisation.get_absolute_url()),
            "website": organisation.website,
            "email": organisation.email,
            "phone": organisation.phone,
        },
        "opportunities": [opportunity_json(item, absolute_url) for item in opportunities],
    }
