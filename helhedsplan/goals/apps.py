from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "helhedsplan.goals"
    label = "goals"
