"""The REST API at /api/ (schema at /api/openapi.json, browsable docs at /api/docs).

The API authenticates by token, not by session, so its views are exempt from the login
middleware; every read answers with an ETag and 304 to a matching If-None-Match.
"""

from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware

from .api import api

conditional = decorator_from_middleware(ConditionalGetMiddleware)


def _prepared(patterns):
    for pattern in patterns:
        pattern.callback = conditional(pattern.callback)
        pattern.callback.login_required = False
    return patterns


patterns, _app, namespace = api.urls
app_name = namespace  # "api"
urlpatterns = _prepared(patterns)
