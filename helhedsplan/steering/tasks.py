"""The annual cycle's work for the worker (`helhedsplan worker`)."""

from django_tasks import task

from .actions import send_due_reminders


@task()
def send_reminders() -> list[str]:
    """E-mail the due reminders (each one once); what was sent, as text."""
    return [f"{sent.event}: {sent.recipients}" for sent in send_due_reminders()]
