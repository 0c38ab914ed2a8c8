"""Django's model backend, with the logged-in user read by a plain query on every request
(building the ORM query cost more than running it)."""

from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        sql = f"SELECT * FROM {model._meta.db_table} WHERE {model._meta.pk.column} = %s"
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:  # a session holding something that is not a user id
            return None
        found = list(model._default_manager.raw(sql, [pk]))
        if not found or not self.user_can_authenticate(found[0]):
            return None
        return found[0]
