from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "helhedsplan.core"
    label = "core"
