"""The audit log's CSV export writes what users and requests put in it as inert text."""

import csv
import io

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from helhedsplan.accounts.models import Membership, Role
from helhedsplan.cases.models import AuditEvent

FORMULA = '=HYPERLINK("http://x","y")'


def test_the_audit_csv_neutralises_formulas_from_names_details_and_paths(plan_2025):
    admin = get_user_model().objects.create_user("csv-admin", password="a-long-password-123")
    Membership.objects.create(user=admin, plan=plan_2025, role=Role.ADMIN)
    AuditEvent.objects.create(
        plan=plan_2025,
        action="read",
        username="@SUM(A1)",
        detail=FORMULA,
        path="+1+1",
        case_number=42,
    )
    client = Client()
    client.force_login(admin)

    response = client.get(reverse("cases:audit", args=[plan_2025.slug]), {"format": "csv"})

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    [row] = [r for r in rows if r["case"] == "42"]
    assert row["user"] == "'@SUM(A1)"
    assert row["detail"] == "'" + FORMULA
    assert row["path"] == "'+1+1"
