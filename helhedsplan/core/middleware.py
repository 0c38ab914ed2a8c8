from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Danish for everyone unless they chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which shows most
    Danish staff (with English-language browsers) an English interface they did not ask for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
