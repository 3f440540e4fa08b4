from django.forms.renderers import TemplatesSetting


class GemeinwerkFormRenderer(TemplatesSetting):
    """Every form renders with the same accessible markup: an error summary, labelled fields,
    help and error texts tied to their input with aria-describedby."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
    formset_template_name = "django/forms/formsets/div.html"
