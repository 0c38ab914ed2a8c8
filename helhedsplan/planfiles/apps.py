from django.apps import AppConfig


class PlanfilesConfig(AppConfig):
    name = "helhedsplan.planfiles"
    label = "planfiles"
