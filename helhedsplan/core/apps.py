from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "helhedsplan.core"
    label = "core"

    def ready(self):
        from . import content

        content.connect()
