from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "helhedsplan.cases"
    label = "cases"
