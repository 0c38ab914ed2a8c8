"""Report files made by the worker (`helhedsplan worker`) instead of the web process."""

from django_tasks import task

from .actions import make_report_file


@task()
def make_report_file_task(report_file_pk: int) -> str:
    """Make one asked-for report file (PDF, DOCX or XLSX) and keep it for its user."""
    return make_report_file(report_file_pk)
