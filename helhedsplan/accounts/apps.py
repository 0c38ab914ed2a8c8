from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "helhedsplan.accounts"
    label = "accounts"
