"""How actorgraph fetches web documents, read once at the edge (CLI options, environment)
and passed down as one frozen object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actorgraph import __version__

#: The User-Agent sent with every request: the project's name and version, and where to read about it
USER_AGENT = f"actorgraph/{__version__} (+https://w3id.org/actorgraph; reads public documents for research)"
MAX_BYTES = 10 * 1024 * 1024  # the same limit as for files (actorgraph.loaders.read)


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Settings of a web ingest.

    ``rate`` is the most requests per second to one host (robots.txt's Crawl-delay can only
    make it slower); ``hosts`` how many hosts are read at once; ``timeout`` the seconds one
    request may take in all; ``retries`` how often a 429 or 5xx answer is tried again
    (waiting ``backoff`` seconds doubled each time, or what Retry-After asks, at most
    ``max_wait``); ``max_bytes`` the largest response read; ``max_redirects`` the longest
    chain of redirects followed. ``cache`` is the folder of fetched pages (None: none kept);
    ``offline`` reads only the cache, ``refresh`` fetches again without conditional
    requests. Links in a feed or sitemap are followed to the hosts of the addresses given
    and to ``allow_hosts`` (``host`` or ``host:port``) only.
    """

    user_agent: str = USER_AGENT
    rate: float = 1.0
    hosts: int = 4
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 120.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    cache: Path | None = None
    offline: bool = False
    refresh: bool = False
    allow_hosts: tuple[str, ...] = ()
    max_links: int = 10_000  # documents taken from one feed or sitemap (and its children) at most

    def __post_init__(self) -> None:
        from actorgraph.errors import UsageError

        if not self.rate > 0:
            raise UsageError("must be a number of requests per second above 0", where="--rate")
        if self.hosts < 1:
            raise UsageError("must be 1 or more", where="--hosts")
        if not self.timeout > 0:
            raise UsageError("must be a number of seconds above 0", where="--timeout")
        if self.retries < 0:
            raise UsageError("must be 0 or more", where="--retries")
        if self.offline and self.refresh:
            raise UsageError("--offline reads only the cache and --refresh fetches every page again; choose one",
                             where="--offline")
        if not self.user_agent.strip() or any(c in self.user_agent for c in "\r\n"):
            raise UsageError("must be one line of text", where="--user-agent")
