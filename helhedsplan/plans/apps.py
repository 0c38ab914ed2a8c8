from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "helhedsplan.plans"
    label = "plans"
