"""Fetched pages kept on disk, so that a second run asks only what changed (conditional
requests) and ``--offline`` reruns without the network.

Layout, one folder per address asked for::

    <cache>/<host>/<first 24 hex of sha256 of the address>/
        response.json   the address asked for, the address after redirects, the status,
                        the response headers, when the body was fetched and when it was
                        last confirmed unchanged
        body            the body as received
        text.json       what was read from it (text, media type, title, author, site,
                        date), with the fetch time and final address of the body it was
                        read from (a newer body is read again)

robots.txt files are kept the same way (the address ``<scheme>://<host>/robots.txt``).
Every file is written to a temporary name and renamed, so an interrupted run leaves no
half-written entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from actorgraph.errors import InputError


@dataclass(frozen=True, slots=True)
class Entry:
    """One cached response."""

    url: str
    final: str
    status: int
    headers: dict[str, str]
    fetched: str
    checked: str
    body: bytes = field(repr=False)

    @property
    def validators(self) -> dict[str, str]:
        """The headers of a conditional request for this response."""
        out = {}
        if self.headers.get("etag"):
            out["If-None-Match"] = self.headers["etag"]
        if self.headers.get("last-modified"):
            out["If-Modified-Since"] = self.headers["last-modified"]
        return out


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _folder_name(host: str) -> str:
    """A host (and port) as a folder name: ``127.0.0.1:8080`` -> ``127.0.0.1_8080``."""
    return re.sub(r"[^A-Za-z0-9.-]", "_", host.lower()) or "_"


def _write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class WebCache:
    """The folder of fetched pages (see the module's docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def folder(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]
        return self.root / _folder_name(urlsplit(url).netloc) / digest

    def get(self, url: str) -> Entry | None:
        """The cached response to ``url``, or None (also for an entry that cannot be read)."""
        folder = self.folder(url)
        try:
            meta = json.loads((folder / "response.json").read_text("utf-8"))
            body = (folder / "body").read_bytes()
            if meta["url"] != url:
                return None  # a hash collision: treat as not cached
            return Entry(meta["url"], meta["final"], int(meta["status"]), dict(meta["headers"]), meta["fetched"],
                         meta.get("checked", meta["fetched"]), body)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, entry: Entry) -> None:
        folder = self.folder(entry.url)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _write(folder / "body", entry.body)
            meta = {"url": entry.url, "final": entry.final, "status": entry.status, "headers": entry.headers,
                    "fetched": entry.fetched, "checked": entry.checked}
            _write(folder / "response.json", json.dumps(meta, indent=1, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            raise InputError(f"cannot write the web cache: {exc.strerror or exc}", where=str(self.root)) from exc

    def touch(self, entry: Entry, checked: str) -> Entry:
        """Record that the server confirmed ``entry`` unchanged at ``checked``."""
        from dataclasses import replace

        updated = replace(entry, checked=checked)
        self.put(updated)
        return updated

    def get_text(self, entry: Entry) -> dict | None:
        """What was read from this response's body, if it was read before."""
        try:
            data = json.loads((self.folder(entry.url) / "text.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("fetched") != entry.fetched or data.get("final") != entry.final \
                or data.get("body") != _digest(entry.body):
            return None  # read from an earlier version of the page (fetched in the same second, maybe)
        return data

    def put_text(self, entry: Entry, data: dict) -> None:
        folder = self.folder(entry.url)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            record = {**data, "fetched": entry.fetched, "final": entry.final, "body": _digest(entry.body)}
            _write(folder / "text.json", json.dumps(record, indent=1, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            raise InputError(f"cannot write the web cache: {exc.strerror or exc}", where=str(self.root)) from exc
