import nh3
from django.db import models
from django.utils.translation import gettext_lazy as _

# Tags an operator may use in the texts of the legal pages; everything else is stripped.
ALLOWED_TAGS = {"p", "br", "h2", "h3", "ul", "ol", "li", "strong", "em", "a", "address"}


class SitePageKind(models.TextChoices):
    IMPRINT = "imprint", _("Imprint")
    PRIVACY = "privacy", _("Privacy policy")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")


class SitePage(models.Model):
    """The texts of the pages every German website must have, set by the operator."""

    kind = models.CharField(_("page"), max_length=20, choices=SitePageKind.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_("Simple HTML: paragraphs, headings, lists, links. Other markup is removed."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = nh3.clean(self.body, tags=ALLOWED_TAGS)
        super().save(*args, **kwargs)
