"""The monitoring work the worker (`helhedsplan worker`) does outside the web process."""

from django_tasks import task

from .actions import run_upload


@task()
def import_upload(pending_pk: int) -> str:
    """Import a confirmed upload (all or nothing); its progress is written to the hold."""
    return run_upload(pending_pk)
