"""Who is on the other end of a request: the client's address, decided in one place.

`X-Forwarded-For` is written by whoever sends the request, so it is believed only as far as it
was written by proxies named in `TRUSTED_PROXIES` (`HELHEDSPLAN_TRUSTED_PROXIES`). Login
throttling, allauth's rate limits and the case audit log all use `client_address`.
"""

import functools
import ipaddress

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def trusted_networks() -> tuple[Network, ...]:
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def parse_address(text: str | None) -> Address | None:
    """An IP address from a header value, or None for anything else.

    Accepts the forms proxies write: `192.0.2.1`, `192.0.2.1:8080`, `2001:db8::1`,
    `[2001:db8::1]:8080`; an IPv4 address mapped into IPv6 is read as the IPv4 address.
    """
    if not text:
        return None
    text = text.strip()
    if len(text) > 64:  # the longest IPv6 text with port and brackets is well under this
        return None
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.scope_id is not None:
            address = ipaddress.IPv6Address(text.partition("%")[0])
    return address


def _is_trusted(address: Address, networks) -> bool:
    return any(address in network for network in networks)


def client_address(request) -> str | None:
    """The client's IP address as text, or None when it cannot be known.

    The connection's address (`REMOTE_ADDR`) unless that is a trusted proxy; then the
    right-most `X-Forwarded-For` entry that is not itself a trusted proxy (entries further
    left were written by the client and prove nothing). Without trusted proxies the header is
    ignored.
    """
    if request is None:
        return None
    remote = parse_address(request.META.get("REMOTE_ADDR"))
    networks = trusted_networks()
    if remote is None or not networks or not _is_trusted(remote, networks):
        return str(remote) if remote is not None else None
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if not hops:
        return str(remote)  # the proxy itself asked (a health check, say)
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            return None  # a trusted proxy passed on something that is not an address
        if not _is_trusted(address, networks):
            return str(address)
    return str(address)  # every hop is a trusted proxy: the farthest one is the client
