from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "helhedsplan.reports"
    label = "reports"
