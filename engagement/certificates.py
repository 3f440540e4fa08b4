"""The Engagementnachweis as a one-page A4 PDF, made in pure Python with fpdf2 and a QR
code from segno. Only fpdf2's core Helvetica is used, so nothing is loaded from outside;
it covers Latin-1 (German umlauts and ß), and every other character is replaced by a
close Latin-1 equivalent before printing."""

import io
from decimal import Decimal

import segno
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from core.pdf_text import latin1

from .models import Certificate

MARGIN_MM = 20
QR_SIZE_MM = 32


def hours_display(hours: Decimal) -> str:
    """12.50 → "12,5", 8.00 → "8" in German notation."""
    normalised = hours.normalize()
    places = max(0, -normalised.as_tuple().exponent)
    return formats.number_format(normalised, decimal_pos=places, use_l10n=True)


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def place_of_issue(certificate: Certificate) -> str:
    organisation = certificate.organisation
    if organisation.municipality_id:
        return organisation.municipality.name
    place = organisation.places.order_by("pk").first()
    return place.city if place else ""


class _CertificatePDF(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer_text = latin1(footer_text)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self._footer_text, align="C")

    def paragraph(self, text: str, *, size: float = 12, bold: bool = False, height=7, indent=0):
        """Left-aligned text that wraps; justified text leaves gaps around long URLs."""
        self.set_font("Helvetica", style="B" if bold else "", size=size)
        self.set_x(self.get_x() + indent)
        self.multi_cell(self.epw - (self.get_x() - self.l_margin), height, latin1(text), align="L")
        self.set_x(self.l_margin)


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    """The PDF of an issued certificate; `verify_url` is the absolute address of its
    verification page."""
    with translation.override(settings.LANGUAGE_CODE):
        return _render(certificate, verify_url)


def _date(value) -> str:
    return formats.date_format(value, "d.m.Y")


def _render(certificate: Certificate, verify_url: str) -> bytes:
    organisation = certificate.organisation.name
    title = _("Volunteering certificate")
    pdf = _CertificatePDF(
        _("%(platform)s · verification code %(code)s")
        % {"platform": settings.GEMEINWERK_NAME, "code": certificate.code}
    )
    pdf.set_title(latin1(f"{title} {certificate.code}"))
    pdf.set_subject(certificate.code)
    pdf.set_author(latin1(organisation))
    pdf.set_creator(latin1(settings.GEMEINWERK_NAME))
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=25)
    pdf.add_page()
    pdf.set_text_color(29, 36, 40)

    pdf.paragraph(organisation, size=13, bold=True, height=6)
    pdf.set_draw_color(31, 111, 92)
    pdf.set_line_width(0.8)
    pdf.line(MARGIN_MM, pdf.get_y() + 3, MARGIN_MM + pdf.epw, pdf.get_y() + 3)
    pdf.ln(16)

    pdf.paragraph(title, size=26, bold=True, height=12)
    pdf.ln(8)
    pdf.paragraph(_("We confirm that"))
    pdf.ln(2)
    pdf.paragraph(certificate.volunteer_name, size=16, bold=True, height=9)
    pdf.ln(2)
    pdf.paragraph(
        _("volunteered with %(organisation)s from %(start)s to %(end)s.")
        % {
            "organisation": organisation,
            "start": _date(certificate.period_start),
            "end": _date(certificate.period_end),
        }
    )
    pdf.ln(6)

    pdf.paragraph(_("Activities"), bold=True)
    for activity in certificate.activities.splitlines():
        pdf.paragraph(f"- {activity}", height=6.5, indent=4)
    pdf.ln(6)
    pdf.paragraph(
        _("Confirmed hours in total: %(hours)s")
        % {"hours": hours_display(certificate.total_hours)},
        bold=True,
    )
    pdf.ln(10)

    place = place_of_issue(certificate)
    issued_on = _date(timezone.localtime(certificate.issued_at))
    pdf.paragraph(f"{place}, {issued_on}" if place else issued_on)
    pdf.ln(14)

    if pdf.get_y() + QR_SIZE_MM > pdf.h - 25:
        pdf.add_page()
    top = pdf.get_y()
    pdf.image(_qr_png(verify_url), x=MARGIN_MM, y=top, w=QR_SIZE_MM, h=QR_SIZE_MM)
    text_indent = QR_SIZE_MM + 6
    pdf.set_y(top + 2)
    pdf.paragraph(
        _("Check that this certificate is genuine at %(url)s") % {"url": verify_url},
        size=10,
        height=5,
        indent=text_indent,
    )
    pdf.ln(1)
    pdf.paragraph(
        _("Verification code: %(code)s") % {"code": certificate.code},
        size=10,
        bold=True,
        height=5,
        indent=text_indent,
    )
    return bytes(pdf.output())
