"""The NinjaAPI at /api/: its routers and how errors are answered.

Endpoints only parse, call the apps' own functions and serialise; who may do what is decided by
`accounts.access.plan_for`, exactly as in the web app (an outsider gets 404, a reader 403 on
writes).
"""

from django.core.exceptions import PermissionDenied
from ninja import NinjaAPI
from ninja.errors import ValidationError

from . import events, lists, observations, plans
from .common import TokenAuth, signed_in

api = NinjaAPI(
    title="helhedsplan API",
    version="1",
    description=(
        "Plans, departments, indicators, observations (bulk upsert), logbook events, success "
        "criteria and list classifications, with the same permissions as the web app. "
        "See docs/api.md."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs_decorator=signed_in,
)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(
        request, {"detail": "Your role in the plan does not allow this."}, status=403
    )


@api.exception_handler(ValidationError)
def invalid_request(request, exc):
    problems = []
    for error in exc.errors:
        where = [
            str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")
        ]
        index = next((int(part) for part in where if part.isdigit()), None)
        problems.append({"index": index, "field": ".".join(where), "message": error.get("msg", "")})
    return api.create_response(
        request, {"detail": "The request is not valid.", "problems": problems}, status=422
    )


api.add_router("", plans.router)
api.add_router("", observations.router)
api.add_router("", events.router)
api.add_router("", lists.router)
