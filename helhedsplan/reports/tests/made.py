"""A report file asked for through the web app and made by its task (here at once)."""

from django.urls import reverse

from helhedsplan.reports.models import ReportFile


def made_file(client, plan, **form):
    """Ask for a report file as the page's buttons do; the download of the file made."""
    asked = client.post(reverse("reports:generate", args=[plan.slug]), form)
    assert asked.status_code == 302, asked.content.decode()
    made = ReportFile.objects.filter(plan=plan).latest("pk")
    assert made.state == "done", made.error
    return client.get(reverse("reports:file_download", args=[plan.slug, made.pk]))
