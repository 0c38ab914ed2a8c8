"""Writing the audit log: one line per read or change of a case."""

from helhedsplan.core.client import client_address

from .models import AuditEvent


def record(
    plan, action: str, *, case=None, case_number=None, request=None, user=None, detail: str = ""
) -> AuditEvent:
    user = user if user is not None else (getattr(request, "user", None) if request else None)
    is_user = user is not None and user.is_authenticated
    return AuditEvent.objects.create(
        plan=plan,
        case_number=case.pk if case is not None else case_number,
        user=user if is_user else None,
        username=user.get_username() if is_user else "",
        action=action,
        detail=detail[:300],
        ip_address=client_address(request),
        path=(request.get_full_path()[:300] if request is not None else ""),
    )
