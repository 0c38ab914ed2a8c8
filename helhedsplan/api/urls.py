"""The REST API at /api/ (schema at /api/openapi.json, browsable docs at /api/docs).

The API authenticates by token, not by session, so its views are exempt from the login
middleware; every read answers with an ETag and 304 to a matching If-None-Match; a query
parameter the operation does not know (a typo would silently return everything) or one given
empty answers 422.
"""

import functools
import re

from django.http import JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware

from .api import api

conditional = decorator_from_middleware(ConditionalGetMiddleware)


@functools.cache
def known_query_parameters() -> dict[tuple[str, str], frozenset[str]]:
    """(schema path, method) -> the query parameters the schema documents for it."""
    schema = api.get_openapi_schema(path_prefix="/api/")
    return {
        (path, method.upper()): frozenset(
            p["name"] for p in operation.get("parameters", []) if p["in"] == "query"
        )
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }


def strict_query(view, route: str):
    path = "/api/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        known = known_query_parameters().get((path, request.method))
        problems = []
        if known is not None:
            problems = [
                {"index": None, "field": name, "message": "Unknown query parameter."}
                for name in sorted(set(request.GET) - known)
            ] + [
                {"index": None, "field": name, "message": "Give a value or leave it out."}
                for name in sorted(set(request.GET) & known)
                if "" in request.GET.getlist(name)
            ]
        if problems:
            return JsonResponse(
                {"detail": "The request is not valid.", "problems": problems}, status=422
            )
        return view(request, *args, **kwargs)

    return checked


def _prepared(patterns):
    for pattern in patterns:
        if pattern.name not in ("openapi-json", "openapi-view", "api-root"):
            pattern.callback = strict_query(pattern.callback, str(pattern.pattern))
        pattern.callback = conditional(pattern.callback)
        pattern.callback.login_required = False
    return patterns


patterns, _app, namespace = api.urls
app_name = namespace  # "api"
urlpatterns = _prepared(patterns)
