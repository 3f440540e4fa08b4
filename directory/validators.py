from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

_ALLOWED_LOGO_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


def validate_logo(file):
    """Logos are small raster images in a common format; anything else is refused."""
    limit = settings.GEMEINWERK_LOGO_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The logo is too large (%(size)s). The maximum is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
        )
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("The logo must be a PNG, JPEG, WebP or GIF image.")) from error
    finally:
        file.seek(0)
    if image_format not in _ALLOWED_LOGO_FORMATS:
        raise ValidationError(_("The logo must be a PNG, JPEG, WebP or GIF image."))
