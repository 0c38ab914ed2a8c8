from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from helhedsplan.core.client import client_address


class InvitationOnlyAdapter(DefaultAccountAdapter):
    """Accounts are created by administrators; the public cannot sign up."""

    def is_open_for_signup(self, request):
        return getattr(settings, "ACCOUNT_ALLOW_REGISTRATION", False)

    def get_client_ip(self, request):
        """allauth's rate limits count per client, decided as everywhere else (behind the
        proxy, not the proxy's own address); an unknown client counts as one."""
        return client_address(request) or "unknown"
