from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "helhedsplan.agreements"
    label = "agreements"
