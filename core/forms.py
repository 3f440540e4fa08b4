from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .geo import postcode_point


class GemeinwerkFormRenderer(TemplatesSetting):
    """Every form renders with the same accessible markup: an error summary, labelled fields,
    help and error texts tied to their input with aria-describedby."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    formset_template_name = "django/forms/formsets/div.html"


RADIUS_CHOICES_KM = [5, 10, 25, 50, 100]
DEFAULT_RADIUS_KM = 25


def radius_field() -> forms.TypedChoiceField:
    """The "distance" select beside a postcode field; use with DefaultRadiusMixin."""
    return forms.TypedChoiceField(
        label=_("Distance"),
        required=False,
        choices=[(km, f"{km} km") for km in RADIUS_CHOICES_KM],
        coerce=int,
        empty_value=DEFAULT_RADIUS_KM,
        initial=DEFAULT_RADIUS_KM,
    )


class DefaultRadiusMixin:
    """For a search form with `radius_km = radius_field()`: a bound form ignores
    `initial`, so without this the select would fall back to its first option, not the
    default radius, as soon as any other field is sent."""

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.get("radius_km"):
            data = data.copy()
            data["radius_km"] = str(DEFAULT_RADIUS_KM)
        super().__init__(data, **kwargs)


class PostcodeField(forms.CharField):
    """A German postcode that the offline postcode dataset knows (see core.geo); the cleaned
    value is the five digits as text."""

    default_error_messages = {
        "unknown_postcode": _(
            "We do not know this postcode. Please enter a five-digit German postcode."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Postcode"))
        kwargs.setdefault("max_length", 5)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
        )
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and postcode_point(value) is None:
            raise forms.ValidationError(
                self.error_messages["unknown_postcode"], code="unknown_postcode"
            )


def add_service_errors(form, error: forms.ValidationError) -> None:
    """Show what a service refused on the form: on the field it names, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
