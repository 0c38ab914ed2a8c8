from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PlansConfig(AppConfig):
    name = "helhedsplan.plans"
    label = "plans"

    def ready(self):
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="plan-version-triggers")


def install_triggers(sender, using="default", **kwargs):
    """After every `migrate` (and `flush`): the plan version triggers match the tables."""
    from .versions import install

    install(using)
