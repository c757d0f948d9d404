"""robots.txt, read once per host and run (and kept in the web cache), parsed with the
standard library's urllib.robotparser, applied as RFC 9309 says: a robots.txt that is
missing (4xx) allows everything; one that the server fails to give (5xx, no answer)
forbids everything; a Crawl-delay slows the host's requests down."""

from __future__ import annotations

import threading
import urllib.robotparser
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from actorgraph.loaders.web.fetch import Fetcher


class Robots:
    """The robots.txt rules of every host a run asks, fetched on first use."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.rules: dict[str, urllib.robotparser.RobotFileParser | str] = {}  # a reason when none could be read
        self.locks: dict[str, threading.Lock] = {}
        self.lock = threading.Lock()

    def check(self, url: str) -> None:
        """Raise a FetchError when robots.txt forbids ``url`` to this User-Agent."""
        from actorgraph.loaders.web.fetch import FetchError

        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        rules = self._rules(parts.scheme, parts.netloc)
        if isinstance(rules, str):
            raise FetchError(f"refused: {rules}", where=url)
        if not rules.can_fetch(self.fetcher.settings.user_agent, url):
            raise FetchError("refused by robots.txt", where=url)

    def _rules(self, scheme: str, host: str) -> urllib.robotparser.RobotFileParser | str:
        key = f"{scheme}://{host}"
        with self.lock:
            lock = self.locks.setdefault(key, threading.Lock())
        with lock:  # one thread reads a host's robots.txt, the others wait for it
            if key not in self.rules:
                self.rules[key] = self._read(scheme, host)
            return self.rules[key]

    def _read(self, scheme: str, host: str) -> urllib.robotparser.RobotFileParser | str:
        from actorgraph.loaders.web.fetch import FetchError

        parser = urllib.robotparser.RobotFileParser()
        address = urlunsplit((scheme, host, "/robots.txt", "", ""))
        try:
            response = self.fetcher.get(address, robots=False)
        except FetchError as exc:
            status = exc.message.split(" ", 1)[0]
            if status.isdigit() and 400 <= int(status) < 500:
                parser.parse([])  # no robots.txt: everything is allowed
                return parser
            return f"robots.txt could not be read ({exc.message}), so nothing on this host is fetched"
        text = response.body.decode("utf-8", "replace")
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self.fetcher.settings.user_agent)
        if delay:
            self.fetcher.limiter.slow_down(host.lower(), float(delay))
        return parser
