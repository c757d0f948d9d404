"""Documents from the web: article pages, RSS and Atom feeds, sitemaps.

``fetch_documents(addresses, WebSettings(...))`` reads each address politely (robots.txt,
a rate limit per host, timeouts, retries, a size limit; :mod:`.fetch`), keeps what it
fetched in a cache folder (:mod:`.cache`) so that a rerun sends conditional requests or
none at all (offline), reads feeds and sitemaps into the addresses they list
(:mod:`.feeds`), and reads every page into a :class:`~actorgraph.loaders.model.Document`
with its provenance: the address asked for and the one after redirects, when it was
fetched, its title, author, site and publication date (the page's markup, else the feed
item's date, else a dateline at the top of the text: :mod:`actorgraph.loaders.time.documents`).
"""

from __future__ import annotations

import re

from actorgraph.loaders.web.crawl import WebRun, fetch_documents, read_address_list
from actorgraph.loaders.web.fetch import FetchError, check_address
from actorgraph.loaders.web.settings import USER_AGENT, WebSettings

_SCHEME = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|(?:https?|file|ftp|data|mailto):)", re.I)


def is_address(text: str) -> bool:
    """Whether a command-line argument is meant as a web address rather than a path: it
    starts with ``scheme://`` or a scheme like ``file:`` or ``data:`` (which
    :func:`check_address` then refuses with a reason).

    >>> is_address("https://example.org/a"), is_address("file:notes.txt"), is_address("reports/a.html"), is_address("C:/x")
    (True, True, False, False)
    """
    return bool(_SCHEME.match(text))


__all__ = ["USER_AGENT", "FetchError", "WebRun", "WebSettings", "check_address", "fetch_documents", "is_address",
           "read_address_list"]
