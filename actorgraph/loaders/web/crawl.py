"""A run over web addresses: pages, feeds and sitemaps, read in parallel across hosts (one
thread per host at a time, the rate limit per host), each page read into a Document with
its provenance, every failure one (address, reason) pair."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from actorgraph.errors import InputError
from actorgraph.loaders.model import Document
from actorgraph.loaders.time.documents import FEED, METADATA, document_date
from actorgraph.loaders.web.cache import WebCache
from actorgraph.loaders.web.feeds import Link, feed_links, kind_of, sitemap_links
from actorgraph.loaders.web.fetch import Fetcher, FetchError, Response, check_address, host_of
from actorgraph.loaders.web.settings import WebSettings

MAX_DEPTH = 3  # sitemap index -> sitemap -> ... at most this deep


@dataclass(frozen=True, slots=True)
class _Task:
    url: str
    order: tuple[int, ...]  # where the result goes among the run's documents
    given: bool  # named by the user (not found in a feed or sitemap)
    link: Link | None = None
    depth: int = 0


@dataclass
class WebRun:
    """What a run read: the documents in the order of the addresses given (a feed's or a
    sitemap's pages in its order), the failures, and how each page was had."""

    documents: list[Document] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    fetched: int = 0  # pages fetched (new or changed)
    not_modified: int = 0  # pages the server confirmed unchanged (conditional requests)
    cached: int = 0  # pages read from the cache alone (--offline)
    requests: list[str] = field(default_factory=list)  # every address requested, in order


class Crawl:
    """One run (see :func:`fetch_documents`)."""

    def __init__(self, settings: WebSettings, allowed: set[str],
                 on_progress: Callable[[int, int], None] | None = None) -> None:
        self.settings = settings
        self.fetcher = Fetcher(settings, WebCache(settings.cache) if settings.cache else None)
        self.cache = self.fetcher.cache
        self.allowed = allowed
        self.on_progress = on_progress
        self.lock = threading.Lock()
        self.idle = threading.Condition(self.lock)
        self.queues: dict[str, deque[_Task]] = {}
        self.busy: set[str] = set()
        self.running = 0
        self.seen: set[str] = set()
        self.total = self.done = 0
        self.results: list[tuple[tuple[int, ...], Document | None, tuple[str, str] | None]] = []
        self.run = WebRun()
        self.pool = ThreadPoolExecutor(max_workers=settings.hosts, thread_name_prefix="actorgraph-web")

    # ---------------------------------------------------------------- schedule

    def add(self, task: _Task) -> None:
        with self.lock:
            if task.url in self.seen:
                return
            self.seen.add(task.url)
            self.total += 1
            host = host_of(task.url)
            self.queues.setdefault(host, deque()).append(task)
            if host not in self.busy:
                self.busy.add(host)
                self.running += 1
                self.pool.submit(self._drain, host)
        self._progress()

    def _drain(self, host: str) -> None:
        """Read one host's addresses one after the other."""
        try:
            while True:
                with self.lock:
                    queue = self.queues.get(host)
                    if not queue:
                        self.busy.discard(host)
                        return
                    task = queue.popleft()
                self._one(task)
                with self.lock:
                    self.done += 1
                self._progress()
        finally:
            with self.lock:
                self.running -= 1
                self.idle.notify_all()

    def _progress(self) -> None:
        if self.on_progress:
            with self.lock:
                done, total = self.done, self.total
            self.on_progress(done, total)

    def wait(self) -> None:
        with self.lock:
            while self.running:
                self.idle.wait()
        self.pool.shutdown()

    # ------------------------------------------------------------ one address

    def _one(self, task: _Task) -> None:
        try:
            response = self.fetcher.get(task.url)
            kind = kind_of(response.media_type, response.body, response.final)
            if kind == "feed":
                self._expand(task, feed_links(response.body, response.final, response.media_type), [])
                return
            if kind == "sitemap":
                pages, children = sitemap_links(response.body, response.final)
                self._expand(task, pages, children)
                return
            document = self._document(task, response)
        except InputError as exc:
            self._record(task.order, None, (task.url, exc.message))
            return
        except Exception as exc:  # noqa: BLE001 - one page's odd failure must not stop the others
            self._record(task.order, None, (task.url, f"could not be read: {exc.__class__.__name__}: {exc}"))
            return
        with self.lock:
            state = response.state.replace("-", "_")
            setattr(self.run, state, getattr(self.run, state) + 1)
        self._record(task.order, document, None)

    def _record(self, order: tuple[int, ...], document: Document | None, failure: tuple[str, str] | None) -> None:
        with self.lock:
            self.results.append((order, document, failure))

    def _expand(self, task: _Task, links: list[Link], children: list[str]) -> None:
        """Queue the pages of a feed or sitemap (and a sitemap index's sitemaps)."""
        if task.depth >= MAX_DEPTH and children:
            self._record(task.order, None, (task.url, f"sitemaps nested more than {MAX_DEPTH} deep are not read"))
            return
        items: list[tuple[str, Link | None]] = [(c, None) for c in children] + [(link.url, link) for link in links]
        if not items:
            self._record(task.order, None, (task.url, "the feed or sitemap lists no page"))
        for i, (address, link) in enumerate(items):
            order = (*task.order, i)
            if i >= self.settings.max_links:
                self._record(order, None, (task.url, f"lists more than {self.settings.max_links} pages; "
                                                     "the rest are not read"))
                break
            try:
                address = check_address(address)
            except FetchError as exc:
                self._record(order, None, (address, f"listed in {task.url}: {exc.message}"))
                continue
            if host_of(address) not in self.allowed:
                host = host_of(address)
                self._record(order, None, (address, f"listed in {task.url} on another host ({host}): not fetched; "
                                                    f"--allow-host {host} fetches it"))
                continue
            self.add(_Task(address, order, False, link, task.depth + 1))

    def _document(self, task: _Task, response: Response) -> Document:
        """The page read into a Document with its provenance (the text read before, for a
        page the server says has not changed)."""
        from actorgraph.loaders.pipeline import make_document
        from actorgraph.loaders.read import read_bytes

        read = self.cache.get_text(response.entry) if self.cache is not None else None
        if read is None:
            raw = read_bytes(response.body, response.media_type, response.final, response.charset)
            read = {"text": raw.text, "media_type": raw.media_type, "title": raw.title, "author": raw.author,
                    "site": raw.site, "date": raw.date}
            if self.cache is not None:
                self.cache.put_text(response.entry, read)
        link = task.link
        document = make_document(read["text"], response.final, read["media_type"],
                                 read.get("title") or (link.title if link else None))
        if read.get("date"):
            created, how = document_date(document.text, read["date"], METADATA)
        else:
            created, how = document_date(document.text, link.date if link else None, FEED)
        return replace(document, requested=task.url, fetched=response.fetched, created=created, date_source=how,
                       author=read.get("author"), site=read.get("site"))


def fetch_documents(addresses: list[str], settings: WebSettings,
                    on_progress: Callable[[int, int], None] | None = None) -> WebRun:
    """Read web ``addresses`` (pages, feeds, sitemaps) into Documents, politely (see
    :class:`WebSettings`). Links of a feed or sitemap are followed only to the hosts of
    ``addresses`` and ``settings.allow_hosts``. ``on_progress(done, total)`` is called as
    addresses finish (the total grows as feeds and sitemaps are read)."""
    checked = [check_address(a) for a in addresses]
    allowed = {host_of(a) for a in checked} | {h.lower() for h in settings.allow_hosts}
    crawl = Crawl(settings, allowed, on_progress)
    try:
        for i, address in enumerate(dict.fromkeys(checked)):
            crawl.add(_Task(address, (i,), True))
        crawl.wait()
    except BaseException:  # interrupted: the pages being read finish, no other starts
        with crawl.lock:
            crawl.queues.clear()
        crawl.pool.shutdown(wait=False, cancel_futures=True)
        raise
    run = crawl.run
    for _, document, failure in sorted(crawl.results, key=lambda r: r[0]):
        if document is not None:
            run.documents.append(document)
        elif failure is not None:
            run.failed.append(failure)
    run.requests = list(crawl.fetcher.requests)
    return run


def read_address_list(path, where: str = "--urls") -> list[str]:
    """The addresses of a list file: one a line; blank lines and ``#`` comments left out."""
    from pathlib import Path

    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"cannot read the address list: {reason}", where=str(path)) from exc
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") or " #" in line else line.strip()
        if not line:
            continue
        try:
            out.append(check_address(line, where=f"{path}:{number}"))
        except FetchError as exc:
            raise InputError(f"{exc.message} ({line})", where=f"{path}:{number}") from exc
    if not out:
        raise InputError("the address list holds no address", where=str(path))
    return out
