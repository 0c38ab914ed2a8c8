"""`helhedsplan worker`: run the queued tasks (imports, report files, reminders, purging)."""

from django_tasks_db.management.commands import db_worker


class Command(db_worker.Command):
    help = (
        "Run the tasks queued in the database: monitoring imports, report files, reminders and "
        "case purging (django-tasks-db's db_worker; the same options). Run one or more beside "
        "the web processes; a task a killed worker left half-done wrote nothing and may be "
        "started again."
    )
