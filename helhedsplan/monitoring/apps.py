from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "helhedsplan.monitoring"
    label = "monitoring"
