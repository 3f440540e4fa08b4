from django.conf import settings
from django.utils import translation


class GermanFirstLocaleMiddleware:
    """The platform speaks German unless the visitor chose another language with the switch
    in the footer (Django's language cookie). The browser's Accept-Language header is not
    consulted: many residents' devices are set to English without them reading it best."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
