"""The printable attendance list of one date: an A4 PDF made in pure Python with fpdf2.

Like the engagement certificates it uses fpdf2's built-in Helvetica, so no font file has
to be shipped or found on the server: Helvetica covers Latin-1 (German umlauts and ß), and
other characters are replaced by a close Latin-1 equivalent before printing. The tick is
taken from the built-in ZapfDingbats font."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from core.pdf_text import latin1

from .formatting import occurrence_when, occurrence_where
from .models import Occurrence, Registration

MARGIN_MM = 15
ROW_HEIGHT_MM = 9
# Empty rows at the end for people who come without registering.
BLANK_ROWS = 5
ZAPF_TICK = "4"


class _AttendancePDF(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer_text = latin1(footer_text)
        # (heading, width in mm, alignment); the name column (width 0) takes the rest.
        self.columns = [
            (_("No."), 10, "R"),
            (_("Name"), 0, "L"),
            (_("Organisation"), 45, "L"),
            (_("People"), 16, "C"),
            (_("Signature"), 45, "L"),
            (_("Present"), 16, "C"),
        ]

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self._footer_text} · {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(29, 36, 40)

    def widths(self) -> list[float]:
        fixed = sum(width for _title, width, _align in self.columns)
        return [width or self.epw - fixed for _title, width, _align in self.columns]

    def table_header(self):
        self.set_font("Helvetica", style="B", size=9)
        self.set_fill_color(232, 240, 237)
        for (title, _width, align), width in zip(self.columns, self.widths(), strict=True):
            self.cell(width, 8, latin1(title), border=1, align=align, fill=True)
        self.ln(8)

    def paragraph(self, text: str, *, size: float, height: float, bold: bool = False):
        self.set_font("Helvetica", style="B" if bold else "", size=size)
        self.multi_cell(0, height, latin1(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def fitted(self, text: str, width: float) -> str:
        """Text shortened with "..." so that it fits one cell; a list row stays one line."""
        text = latin1(text)
        if self.get_string_width(text) <= width - 2:
            return text
        while text and self.get_string_width(text + "...") > width - 2:
            text = text[:-1]
        return text + "..."

    def row(self, number: str, registration: Registration | None):
        if self.get_y() + ROW_HEIGHT_MM > self.page_break_trigger:
            self.add_page()
            self.table_header()
        widths = self.widths()
        self.set_font("Helvetica", size=10)
        if registration is None:
            values = [number, "", "", "", "", ""]
        else:
            organisation = registration.organisation.name if registration.organisation else ""
            values = [number, registration.name, organisation, str(registration.party_size), "", ""]
        for (value, (_title, _width, align)), width in zip(
            zip(values, self.columns, strict=True), widths, strict=True
        ):
            self.cell(width, ROW_HEIGHT_MM, self.fitted(value, width), border=1, align=align)
        if registration is not None and registration.checked_in_at:
            self.set_x(self.l_margin + sum(widths[:-1]))
            self.set_font("ZapfDingbats", size=12)
            self.cell(widths[-1], ROW_HEIGHT_MM, ZAPF_TICK, align="C")
        self.ln(ROW_HEIGHT_MM)


def attendance_list_pdf(occurrence: Occurrence, registrations: list[Registration]) -> bytes:
    """The attendance list of `occurrence` for the confirmed `registrations` given, in
    that order; empty rows follow for walk-ins."""
    with translation.override(settings.LANGUAGE_CODE):
        return _render(occurrence, registrations)


def _render(occurrence: Occurrence, registrations: list[Registration]) -> bytes:
    event = occurrence.event
    title = _("Attendance list")
    pdf = _AttendancePDF(
        _("%(platform)s · attendance list · %(event)s")
        % {"platform": settings.GEMEINWERK_NAME, "event": event.title}
    )
    pdf.set_title(latin1(f"{title}: {event.title}"))
    pdf.set_creator(latin1(settings.GEMEINWERK_NAME))
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=False, margin=18)
    pdf.add_page()
    pdf.set_text_color(29, 36, 40)

    pdf.paragraph(title, size=10, height=6)
    pdf.paragraph(event.title, size=16, height=8, bold=True)
    pdf.paragraph(occurrence_when(occurrence), size=11, height=6)
    where = occurrence_where(occurrence)
    if where:
        pdf.paragraph(where, size=11, height=6)
    organisers = ", ".join(organisation.name for organisation in event.organisers.all())
    if organisers:
        pdf.paragraph(_("Organised by %(names)s") % {"names": organisers}, size=11, height=6)
    confirmed = sum(registration.party_size for registration in registrations)
    present = sum(r.party_size for r in registrations if r.checked_in_at)
    pdf.paragraph(
        _("%(confirmed)s people confirmed, %(present)s checked in, printed on %(printed)s")
        % {
            "confirmed": confirmed,
            "present": present,
            "printed": date_format(timezone.localtime(), "j. F Y, H:i"),
        },
        size=9,
        height=6,
    )
    pdf.ln(4)
    pdf.table_header()
    for number, registration in enumerate(registrations, start=1):
        pdf.row(str(number), registration)
    for offset in range(BLANK_ROWS):
        pdf.row(str(len(registrations) + offset + 1), None)
    return bytes(pdf.output())
