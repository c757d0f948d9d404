"""Polite HTTP(S) fetching with the standard library: robots.txt obeyed, at most ``rate``
requests per second to one host, timeouts, retries with backoff on 429 and 5xx (honouring
Retry-After), a size limit, redirects followed by hand (so that each hop is checked: only
http and https, robots.txt of its host, the redirect limit) and conditional requests
against the cache.

Every failure is a :class:`FetchError` naming the address and the reason in one line.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

from actorgraph.errors import InputError
from actorgraph.loaders.web.cache import Entry, WebCache
from actorgraph.loaders.web.settings import WebSettings

SCHEMES = ("http", "https")
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024


class FetchError(InputError):
    """An address that could not be fetched; ``where`` is the address."""


def now() -> str:
    """The time now, UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def check_address(url: str, where: str | None = None) -> str:
    """``url`` without its fragment, if it is an http or https address with a host;
    otherwise a FetchError saying what is wrong.

    >>> check_address("https://example.org/a#b")
    'https://example.org/a'
    >>> check_address("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    actorgraph.loaders.web.fetch.FetchError: file:///etc/passwd: only http:// and https:// addresses are fetched, not file:
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"only http:// and https:// addresses are fetched, not {parts.scheme or '(no scheme)'}:",
                         where=where or url)
    if not parts.hostname:
        raise FetchError("no host in the address", where=where or url)
    try:
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError as exc:
        raise FetchError("bad port in the address", where=where or url) from exc
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The host and port of an address, as the rate limit and the allowed hosts count them."""
    return urlsplit(url).netloc.lower()


@dataclass(frozen=True, slots=True)
class Response:
    """A page as fetched (or found unchanged in the cache). ``url`` is the address asked
    for, ``final`` the one after redirects; ``state`` is ``fetched``, ``not-modified``
    (the server confirmed the cached copy) or ``cached`` (offline)."""

    url: str
    final: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched: str
    state: str
    entry: Entry

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"\'')
        return None


class RateLimiter:
    """At most one request per ``interval`` seconds to a host, across threads: each caller
    reserves the next free slot of its host, then sleeps until it comes."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.slowest: dict[str, float] = {}  # robots.txt's Crawl-delay, per host
        self.next_slot: dict[str, float] = {}
        self.lock = threading.Lock()

    def slow_down(self, host: str, seconds: float) -> None:
        with self.lock:
            self.slowest[host] = max(self.slowest.get(host, 0.0), seconds)

    def wait(self, host: str, at_least: float = 0.0) -> None:
        with self.lock:
            gap = max(self.interval, self.slowest.get(host, 0.0))
            slot = max(time.monotonic() + at_least, self.next_slot.get(host, 0.0))
            self.next_slot[host] = slot + gap
        delay = slot - time.monotonic()
        if delay > 0:
            time.sleep(delay)


def _opener() -> urllib.request.OpenerDirector:
    """An opener for http and https only, that follows no redirect and raises for no status
    (both are handled here): no file:, ftp: or data: handler is installed."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(context=ssl.create_default_context())):
        opener.add_handler(handler)
    return opener


def _retry_after(value: str | None) -> float | None:
    """Seconds that a Retry-After header asks to wait (a number, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _reason(status: int) -> str:
    try:
        return f"{status} {http.client.responses[status]}"
    except KeyError:
        return f"HTTP status {status}"


class Fetcher:
    """Fetches addresses as :class:`WebSettings` says, through ``cache`` when given; shared
    by the threads of a run (one rate limiter, one robots.txt per host)."""

    def __init__(self, settings: WebSettings, cache: WebCache | None = None) -> None:
        from actorgraph.loaders.web.robots import Robots

        self.settings = settings
        self.cache = cache
        self.limiter = RateLimiter(1.0 / settings.rate)
        self.robots = Robots(self)
        self.opener = _opener()
        self.requests: list[str] = []  # every address requested, in order (for the run's record and tests)
        self._lock = threading.Lock()

    # ------------------------------------------------------------- one address

    def get(self, url: str, robots: bool = True) -> Response:
        """The page at ``url`` (redirects followed): from the cache when offline or when the
        server says it has not changed; a FetchError when it cannot be had."""
        url = check_address(url)
        cached = self.cache.get(url) if self.cache is not None else None
        if self.settings.offline:
            if cached is None:
                raise FetchError("not in the web cache (--offline reads only the cache)", where=url)
            return self._answer(cached, "cached")
        validators = cached.validators if cached is not None and not self.settings.refresh else {}
        current, hops = url, 0
        while True:
            if robots:
                self.robots.check(current)
            conditional = validators if cached is not None and current == cached.final else {}
            status, headers, body = self._request(current, conditional, where=url)
            if status in REDIRECT_STATUSES and headers.get("location"):
                hops += 1
                if hops > self.settings.max_redirects:
                    raise FetchError(f"more than {self.settings.max_redirects} redirects", where=url)
                target = urljoin(current, headers["location"])
                try:
                    current = check_address(target)
                except FetchError as exc:
                    raise FetchError(f"redirected to {target}: refused, {exc.message}", where=url) from None
                continue
            break
        if status == 304 and cached is not None:
            entry = self.cache.touch(cached, now()) if self.cache is not None else cached
            return self._answer(entry, "not-modified")
        if status >= 400 or status == 304:
            raise FetchError(_reason(status), where=url)
        if not 200 <= status < 300:
            raise FetchError(f"unexpected answer {_reason(status)}", where=url)
        fetched = now()
        entry = Entry(url, current, status, headers, fetched, fetched, body)
        if self.cache is not None:
            self.cache.put(entry)
        return self._answer(entry, "fetched")

    @staticmethod
    def _answer(entry: Entry, state: str) -> Response:
        return Response(entry.url, entry.final, entry.status, entry.headers, entry.body, entry.fetched, state, entry)

    # ------------------------------------------------------------ one request

    def _request(self, url: str, extra: dict[str, str], where: str) -> tuple[int, dict[str, str], bytes]:
        """One request with retries: (status, headers with lower-case names, body)."""
        host = host_of(url)
        wait = 0.0
        for attempt in range(self.settings.retries + 1):
            self.limiter.wait(host, wait)
            status, headers, body = self._once(url, extra, where)
            if status not in RETRY_STATUSES or attempt == self.settings.retries:
                return status, headers, body
            asked = _retry_after(headers.get("retry-after"))
            if asked is not None and asked > self.settings.max_wait:
                raise FetchError(f"{_reason(status)}, asked to retry after {asked:.0f} s (more than "
                                 f"{self.settings.max_wait:.0f} s)", where=where)
            wait = asked if asked is not None else self.settings.backoff * 2 ** attempt
        raise AssertionError("unreachable")

    def _once(self, url: str, extra: dict[str, str], where: str) -> tuple[int, dict[str, str], bytes]:
        settings = self.settings
        headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "identity",
                   "Accept": "text/html,application/xhtml+xml,application/pdf,application/rss+xml,"
                             "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1", **extra}
        request = urllib.request.Request(url, headers=headers)
        with self._lock:
            self.requests.append(url)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=settings.timeout) as response:
                status = int(response.status)
                answer = {k.lower(): v for k, v in response.headers.items()}
                if status in REDIRECT_STATUSES or status in RETRY_STATUSES or status >= 400 or status == 304:
                    return status, answer, b""
                size = answer.get("content-length", "")
                if size.isdigit() and int(size) > settings.max_bytes:
                    raise FetchError(self._too_large(int(size)), where=where)
                chunks, total = [], 0
                while chunk := response.read(CHUNK):
                    total += len(chunk)
                    if total > settings.max_bytes:
                        raise FetchError(self._too_large(total, more=True), where=where)
                    if time.monotonic() - started > settings.timeout:
                        raise FetchError(f"timed out after {settings.timeout:g} s (still reading)", where=where)
                    chunks.append(chunk)
                return status, answer, b"".join(chunks)
        except FetchError:
            raise
        except TimeoutError as exc:
            raise FetchError(f"timed out after {settings.timeout:g} s", where=where) from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise FetchError(f"timed out after {settings.timeout:g} s", where=where) from exc
            if isinstance(reason, ConnectionRefusedError):
                raise FetchError("connection refused", where=where) from exc
            if isinstance(reason, socket.gaierror):
                raise FetchError(f"host not found ({urlsplit(url).hostname})", where=where) from exc
            if isinstance(reason, ssl.SSLError):
                raise FetchError(f"TLS error: {reason.reason or reason}", where=where) from exc
            raise FetchError(f"cannot connect: {reason}", where=where) from exc
        except (http.client.HTTPException, OSError, ValueError) as exc:
            raise FetchError(f"connection failed: {exc.__class__.__name__}: {exc}".rstrip(": "), where=where) from exc

    def _too_large(self, size: int, more: bool = False) -> str:
        limit = self.settings.max_bytes
        return (f"too large ({'more than ' if more else ''}{size / 2**20:.1f} MiB; the limit is {limit / 2**20:g} MiB, "
                "ACTORGRAPH_MAX_MIB sets another)")
