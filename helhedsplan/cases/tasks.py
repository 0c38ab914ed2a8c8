"""Case retention work for the worker (`helhedsplan worker`)."""

from django_tasks import task

from .actions import purge_due_cases


@task()
def purge_cases() -> list[int]:
    """Anonymise the cases whose time is up; the numbers of the cases anonymised."""
    return purge_due_cases()
