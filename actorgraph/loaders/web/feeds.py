"""What a fetched address holds: a page (a document), an RSS or Atom feed (each item's link
is a document, the item's date a fallback publication date), or a sitemap (its pages, or
the sitemaps of a sitemap index). Feeds are parsed with feedparser from the bytes already
fetched (it is never handed an address, so it fetches nothing); sitemaps with lxml, without
entities or network access."""

from __future__ import annotations

import gzip
import io
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
XML_TYPES = {"text/xml", "application/xml"}
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|urlset|sitemapindex)\b")


@dataclass(frozen=True, slots=True)
class Link:
    """A document address found in a feed or a sitemap, with what the listing says of it."""

    url: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (a feed item's published or updated time)


def kind_of(media_type: str, body: bytes, url: str) -> str:
    """``feed``, ``sitemap`` or ``page`` for a response: by its media type, and for XML (or
    a gzipped sitemap) by its root element."""
    if body[:2] == b"\x1f\x8b":  # a gzipped sitemap (sitemap.xml.gz)
        return "sitemap"
    if media_type in FEED_TYPES:
        return "feed"
    if media_type in XML_TYPES or media_type.endswith("+xml") and media_type != "application/xhtml+xml" \
            or (media_type in ("", "application/octet-stream", "text/plain") and url.endswith(".xml")):
        match = _ROOT.search(body[:4096])
        if match:
            return "sitemap" if match.group(1) in (b"urlset", b"sitemapindex") else "feed"
    return "page"


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def feed_links(body: bytes, url: str, media_type: str) -> list[Link]:
    """The items of an RSS or Atom feed, in the feed's order: link, title, date (published,
    else updated). Relative links are resolved against the feed's address."""
    import feedparser

    from actorgraph.loaders.web.fetch import FetchError

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url,
                                                                   "content-type": media_type or "application/xml"},
                              sanitize_html=True, resolve_relative_uris=True)
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"not a readable feed ({parsed.get('bozo_exception', 'malformed XML')})".replace("\n", " "),
                         where=url)
    links = []
    for item in parsed.entries:
        link = item.get("link") or next((x.get("href") for x in item.get("links", []) if x.get("href")), None)
        if not link:
            continue
        date = _iso(item.get("published_parsed")) or _iso(item.get("updated_parsed"))
        links.append(Link(str(link), item.get("title") or None, date))
    return links


def sitemap_links(body: bytes, url: str) -> tuple[list[Link], list[str]]:
    """(pages, child sitemaps) of a sitemap or sitemap index (gzipped or not)."""
    from urllib.parse import urljoin

    from lxml import etree

    from actorgraph.loaders.web.fetch import FetchError

    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as unpacked:
                body = unpacked.read(50 * 2**20 + 1)  # the sitemap protocol's limit, uncompressed
        except (OSError, EOFError) as exc:
            raise FetchError(f"not a readable gzipped sitemap ({exc})", where=url) from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError(f"not a readable sitemap ({exc})", where=url) from exc
    name = etree.QName(root).localname

    def locs(tag: str) -> list[str]:
        out: list[str] = []
        for item in root.iter(f"{{{SITEMAP_NS}}}{tag}", tag):
            loc = item.find(f"{{{SITEMAP_NS}}}loc")
            if loc is None:
                loc = item.find("loc")
            if loc is not None and loc.text and loc.text.strip():
                out.append(urljoin(url, loc.text.strip()))
        return out

    if name == "sitemapindex":
        return [], locs("sitemap")
    if name == "urlset":
        return [Link(u) for u in locs("url")], []
    raise FetchError(f"not a sitemap (its root element is <{name}>)", where=url)
