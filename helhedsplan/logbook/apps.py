from django.apps import AppConfig


class LogbookConfig(AppConfig):
    name = "helhedsplan.logbook"
    label = "logbook"
