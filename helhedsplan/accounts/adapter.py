from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """Accounts are created by administrators; the public cannot sign up."""

    def is_open_for_signup(self, request):
        return getattr(settings, "ACCOUNT_ALLOW_REGISTRATION", False)
