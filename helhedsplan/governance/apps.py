from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "helhedsplan.governance"
    label = "governance"
