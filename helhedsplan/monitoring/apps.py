from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "helhedsplan.monitoring"
    label = "monitoring"

    def ready(self):
        from .generation import connect

        connect()
