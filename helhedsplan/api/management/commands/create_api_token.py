from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from helhedsplan.api.models import create_token


class Command(BaseCommand):
    help = "Create an API token for USER and print it (it is shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("user", help="username")
        parser.add_argument("--name", default="", help="what the token is for")

    def handle(self, *args, user, name, **options):
        found = get_user_model().objects.filter(username=user).first()
        if found is None:
            raise CommandError(f"no user '{user}'")
        _token, key = create_token(found, name)
        self.stdout.write(key)
