"""Documents from the web, against real HTTP servers on 127.0.0.1 started by the tests
(tests/web_site.py): pages, feeds, sitemaps, PDFs; robots.txt, redirects, errors, retries,
timeouts, limits; the cache and conditional requests; provenance in the store; citations.
Nothing here reaches beyond 127.0.0.1."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from conftest import run_cli
from web_site import Route, Site, text_pdf

from actorgraph import api
from actorgraph.errors import InputError
from actorgraph.loaders.web import WebSettings, fetch_documents, read_address_list

ARTICLE = """<!doctype html><html lang="en"><head><title>Harmon County ends ICE deal | Valley Ledger</title>
<meta property="og:site_name" content="Valley Ledger"><meta name="author" content="Dana Ruiz">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">Local news</a></li>
<li><a href="{other}/partner">Our partner site</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience. Accept all cookies</div>
<div class="ad advertisement">BUY NOW: discount mattresses at the lowest prices in town</div>
<article><h1>Harmon County ends its agreement with ICE</h1>
<p>The Harmon County Sheriff's Office shared data with U.S. Immigration and Customs Enforcement for six years,
according to records released on Monday.</p>
<p>The Riverbend Immigrant Alliance, a coalition of local groups, sued the county in 2023 over the arrangement and
welcomed the vote on Tuesday evening.</p>
<p>Commissioners voted four to one to end the contract with ICE at the end of the month.</p></article>
<aside><h3>Related links</h3><ul><li><a href="{other}/a">More from the region</a></li></ul></aside>
<footer>Copyright 2024 Valley Ledger. All rights reserved. Contact us. Privacy policy.</footer>
</body></html>"""

SECOND = """<html><head><title>Alliance rallies at the courthouse</title></head><body><article>
<h1>Alliance rallies at the courthouse</h1>
<p>ALDER FALLS, April 2, 2024 — The Riverbend Immigrant Alliance held a rally outside the courthouse on Tuesday
to oppose the county's new jail contract with ICE.</p>
<p>Speakers said the Harmon County Sheriff's Office still shares data with ICE despite the vote.</p></article></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Valley Ledger</title>
<link>{base}/</link><description>News</description>
<item><title>Harmon County ends ICE deal</title><link>{base}/article</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Alliance rallies</title><link>{base}/rally</link><pubDate>Tue, 02 Apr 2024 18:30:00 GMT</pubDate></item>
<item><title>County jail report</title><link>{base}/report.pdf</link><pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Elsewhere</title><link>{other}/elsewhere</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>
<id>urn:x</id><updated>2024-04-03T00:00:00Z</updated>
<entry><title>Undated page</title><link href="/undated"/><id>urn:1</id><updated>2024-04-03T08:00:00Z</updated></entry>
</feed>"""

UNDATED = """<html><head><title>A page without a date</title></head><body><article>
<h1>A page without a date</h1><p>The Riverbend Immigrant Alliance asked the county board to end the contract with
ICE before the summer, and the board agreed to hold a hearing.</p></article></body></html>"""

PDF_LINES = ["County jail report", "The Harmon County Jail is operated by GEO Group under a contract with ICE.",
             "The report was published on 6 March 2024."]


def fast(tmp_path: Path, **changes) -> WebSettings:
    """Settings for tests: quick, with a cache in tmp_path."""
    return WebSettings(**{"rate": 50.0, "backoff": 0.05, "timeout": 5.0, "cache": tmp_path / "cache", **changes})


def news_site(other: Site | None = None) -> Site:
    site = Site()
    base, far = site.url("").rstrip("/"), (other.url("").rstrip("/") if other else "http://127.0.0.1:9")
    site.routes.update({
        "/robots.txt": Route("User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/article": Route(ARTICLE.format(other=far), validators=True),
        "/rally": Route(SECOND, validators=True),
        "/undated": Route(UNDATED),
        "/report.pdf": Route(text_pdf(PDF_LINES), "application/pdf"),
        "/feed.xml": Route(RSS.format(base=base, other=far), "application/rss+xml"),
        "/atom.xml": Route(ATOM, "application/atom+xml"),
        "/private/page": Route(SECOND),
    })
    return site


# ------------------------------------------------------------------ pages and provenance

def test_web_page_main_text_and_metadata(tmp_path):
    with Site() as other, news_site(other) as site:
        run = fetch_documents([site.url("/article")], fast(tmp_path))
    assert run.failed == [] and len(run.documents) == 1
    doc = run.documents[0]
    assert doc.text.startswith("Harmon County ends its agreement with ICE")
    assert "Sheriff's Office shared data with U.S. Immigration" in doc.text and "end the contract with ICE" in doc.text
    for furniture in ("cookies", "mattresses", "Copyright", "Home", "Our partner site", "More from the region"):
        assert furniture not in doc.text
    assert (doc.source, doc.requested, doc.title) == (site.url("/article"), site.url("/article"),
                                                      "Harmon County ends its agreement with ICE")  # the headline
    assert (doc.created, doc.author, doc.site) == ("2024-03-05", "Dana Ruiz", "Valley Ledger")
    assert doc.fetched and doc.fetched.endswith("+00:00")
    assert other.seen == []  # the page links to the other host: nothing is requested there


def test_web_redirects_keep_both_addresses_and_are_checked(tmp_path):
    with news_site() as site:
        site.routes["/old"] = Route(status=301, headers={"Location": "/moved"})
        site.routes["/moved"] = Route(status=302, headers={"Location": site.url("/article")})
        site.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
        site.routes["/to-file"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
        site.routes["/to-private"] = Route(status=302, headers={"Location": "/private/page"})
        run = fetch_documents([site.url(p) for p in ("/old", "/loop", "/to-file", "/to-private")], fast(tmp_path))
        assert [(d.source, d.requested) for d in run.documents] == [(site.url("/article"), site.url("/old"))]
        reasons = dict(run.failed)
        assert reasons[site.url("/loop")] == "more than 5 redirects"
        assert reasons[site.url("/to-file")].startswith("redirected to file:///etc/passwd: refused, only http:// and https://")
        assert reasons[site.url("/to-private")] == "refused by robots.txt"
        assert site.paths().count("/loop") == 6 and "/private/page" not in site.paths()


@pytest.mark.parametrize("route, reason", [
    (Route(status=404), "404 Not Found"),
    (Route(status=410), "410 Gone"),
    (Route(b"\x89PNG\r\n\x1a\n" + b"0" * 64, "image/png"), "not HTML, PDF or text (image/png)"),
    (Route("x" * 3000, "text/plain"), "too large (0.0 MiB; the limit is 0.00190735 MiB, ACTORGRAPH_MAX_MIB sets another)"),
    (Route("<html><body></body></html>"), "no text found in the HTML"),
    (Route(ARTICLE, delay=2.0), "timed out after 0.6 s"),
    (Route(ARTICLE, drip=0.2), "timed out after 0.6 s (still reading)"),
])
def test_web_failures_are_one_line_each_and_the_others_are_read(tmp_path, route, reason):
    with news_site() as site:
        site.routes["/bad"] = route
        run = fetch_documents([site.url("/bad"), site.url("/rally")], fast(tmp_path, timeout=0.6, max_bytes=2000, retries=0))
    assert run.failed == [(site.url("/bad"), reason)]
    assert [d.source for d in run.documents] == [site.url("/rally")]


def test_web_unreachable_host_and_bad_addresses(tmp_path):
    with Site() as closed:
        port = closed.url("/")  # a port that was open: nothing listens there once it is closed
    run = fetch_documents([port + "a"], fast(tmp_path))
    assert run.failed == [(port + "a", "refused: robots.txt could not be read (connection refused), so nothing on "
                                       "this host is fetched")]
    with pytest.raises(InputError, match="only http:// and https:// addresses are fetched, not ftp:"):
        fetch_documents(["ftp://example.org/x"], fast(tmp_path))


def test_web_retries_429_after_the_time_retry_after_asks(tmp_path):
    with news_site() as site:
        site.routes["/busy"] = Route(ARTICLE, status=[429, 200], headers={"Retry-After": "1"})
        site.routes["/down"] = Route("down", status=503)
        site.routes["/patient"] = Route("x", status=429, headers={"Retry-After": "3600"})
        started = time.monotonic()
        run = fetch_documents([site.url("/busy"), site.url("/down"), site.url("/patient")], fast(tmp_path, retries=2))
        assert time.monotonic() - started >= 1.0
    assert [d.requested for d in run.documents] == [site.url("/busy")]
    assert dict(run.failed) == {site.url("/down"): "503 Service Unavailable",
                                site.url("/patient"): "429 Too Many Requests, asked to retry after 3600 s (more than 120 s)"}
    assert site.paths().count("/busy") == 2 and site.paths().count("/down") == 3 and site.paths().count("/patient") == 1


def test_web_robots_txt_is_read_once_per_host_and_obeyed(tmp_path):
    with news_site() as site:
        site.routes["/robots.txt"] = Route("User-agent: actorgraph\nDisallow: /rally\n\nUser-agent: *\nDisallow:\n",
                                           "text/plain")
        run = fetch_documents([site.url("/article"), site.url("/rally"), site.url("/undated")], fast(tmp_path))
        assert dict(run.failed) == {site.url("/rally"): "refused by robots.txt"}
        assert site.paths().count("/robots.txt") == 1 and "/rally" not in site.paths()
        agents = {s.headers.get("user-agent") for s in site.seen}
        assert agents == {WebSettings().user_agent} and WebSettings().user_agent.startswith("actorgraph/0.1.0 ")
        run = fetch_documents([site.url("/undated")], fast(tmp_path, user_agent="my-research-crawler/2 (me@example.org)"))
        assert site.seen[-1].headers["user-agent"] == "my-research-crawler/2 (me@example.org)"
    with news_site() as site:
        site.routes["/robots.txt"] = Route("oops", status=503)
        run = fetch_documents([site.url("/article")], fast(tmp_path, retries=0))
        assert run.failed == [(site.url("/article"), "refused: robots.txt could not be read (503 Service Unavailable), "
                                                     "so nothing on this host is fetched")]
        assert site.paths() == ["/robots.txt"]


def test_web_rate_limit_per_host_with_hosts_in_parallel(tmp_path):
    with news_site() as one, news_site() as two:
        started = time.monotonic()
        run = fetch_documents([one.url("/article"), one.url("/rally"), two.url("/article"), two.url("/rally")],
                              fast(tmp_path, rate=2.0))
        spent = time.monotonic() - started
    assert run.failed == [] and len(run.documents) == 4
    # three requests a host (robots.txt and two pages) at 2 per second: 1 s apart at least ...
    assert spent >= 1.0
    # ... and the two hosts at the same time, not one after the other (2 s)
    assert spent < 1.9


# --------------------------------------------------------------------- feeds and sitemaps

def test_web_feed_items_are_documents_with_the_feed_date_as_fallback(tmp_path):
    with Site() as other, news_site(other) as site:
        run = fetch_documents([site.url("/feed.xml"), site.url("/atom.xml")], fast(tmp_path))
        assert [d.source for d in run.documents] == [site.url(p) for p in ("/article", "/rally", "/report.pdf", "/undated")]
        article, rally, report, undated = run.documents
        assert article.created == "2024-03-05"  # the page's markup
        assert rally.created == "2024-04-02T18:30:00+00:00"  # the feed's date, before the dateline
        assert report.created == "2024-03-06T09:00:00+00:00" and report.media_type == "application/pdf"
        assert report.title == "County jail report" and "operated by GEO Group" in report.text
        assert undated.created == "2024-04-03T08:00:00+00:00"  # an Atom entry's updated time
        # the item on another host is not fetched (its host was not given): one line says why
        assert run.failed == [(other.url("/elsewhere"), f"listed in {site.url('/feed.xml')} on another host "
                                                        f"({other.host}): not fetched; --allow-host {other.host} fetches it")]
        assert other.seen == []
        other.routes["/elsewhere"] = Route(UNDATED)
        run = fetch_documents([site.url("/feed.xml")], fast(tmp_path, allow_hosts=(other.host,)))
        assert run.failed == [] and run.documents[-1].source == other.url("/elsewhere")
        assert other.paths() == ["/robots.txt", "/elsewhere"]


def test_web_dateline_when_neither_page_nor_feed_has_a_date(tmp_path):
    with news_site() as site:
        run = fetch_documents([site.url("/rally"), site.url("/undated")], fast(tmp_path))
    assert [d.created for d in run.documents] == ["2024-04-02", None]


def test_web_sitemap_index_and_gzipped_sitemap(tmp_path):
    with news_site() as site:
        urlset = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  + "".join(f"<url><loc>{site.url(p)}</loc><lastmod>2024-04-01</lastmod></url>" for p in paths)
                  + "</urlset>" for paths in (["/article", "/missing"], ["/rally"]))
        first, second = list(urlset)
        site.routes["/sitemap.xml"] = Route(
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{site.url('/sitemap-1.xml')}</loc></sitemap><sitemap><loc>/sitemap-2.xml.gz</loc></sitemap>"
            "</sitemapindex>", "application/xml")
        site.routes["/sitemap-1.xml"] = Route(first, "text/xml")
        site.routes["/sitemap-2.xml.gz"] = Route(gzip.compress(second.encode()), "application/gzip")
        run = fetch_documents([site.url("/sitemap.xml")], fast(tmp_path))
    assert [d.source for d in run.documents] == [site.url("/article"), site.url("/rally")]
    assert run.failed == [(site.url("/missing"), "404 Not Found")]


def test_web_address_list_file(tmp_path):
    listing = tmp_path / "addresses.txt"
    listing.write_text("# pages to read\nhttps://example.org/a\n\n  https://example.org/b#top  # the second\n", "utf-8")
    assert read_address_list(listing) == ["https://example.org/a", "https://example.org/b"]
    listing.write_text("https://example.org/a\nnot an address\n", "utf-8")
    with pytest.raises(InputError, match=r"addresses.txt:2: only http:// and https:// addresses are fetched"):
        read_address_list(listing)
    with pytest.raises(InputError, match="cannot read the address list"):
        read_address_list(tmp_path / "missing.txt")


# ------------------------------------------------------------------------ the cache

def test_web_cache_conditional_requests_offline_and_refresh(tmp_path):
    with news_site() as site:
        addresses = [site.url("/article"), site.url("/rally")]
        first = fetch_documents(addresses, fast(tmp_path))
        assert (first.fetched, first.not_modified) == (2, 0)
        folder = tmp_path / "cache" / site.host.replace(":", "_")
        assert len([p for p in folder.iterdir() if (p / "body").exists() and (p / "text.json").exists()]) == 2
        count = len(site.seen)
        second = fetch_documents(addresses, fast(tmp_path))
        assert (second.fetched, second.not_modified) == (0, 2)
        asked = [s for s in site.seen[count:] if s.path != "/robots.txt"]
        assert [s.status for s in asked] == [304, 304] and all(s.headers.get("if-none-match") for s in asked)
        assert [d.text for d in second.documents] == [d.text for d in first.documents]
        assert [d.fetched for d in second.documents] == [d.fetched for d in first.documents]
        count = len(site.seen)
        offline = fetch_documents(addresses + [site.url("/undated")], fast(tmp_path, offline=True))
        assert len(site.seen) == count and offline.cached == 2
        assert offline.failed == [(site.url("/undated"), "not in the web cache (--offline reads only the cache)")]
        refreshed = fetch_documents(addresses, fast(tmp_path, refresh=True))
        assert refreshed.fetched == 2 and not any(s.headers.get("if-none-match") for s in site.seen[len(site.seen) - 2:])


def test_web_ingest_store_provenance_changed_page_and_citations(tmp_path, nlp):
    from rdflib import XSD, Literal

    store = api.open_store(str(tmp_path / "store"))
    settings = fast(tmp_path)
    try:
        with news_site() as site:
            report = api.ingest([site.url("/article"), site.url("/rally")], store=store, web=settings)
            assert sorted(report.added) == sorted([site.url("/article"), site.url("/rally")])
            assert report.web["fetched"] == 2
            row = store.query("SELECT ?created ?id ?at ?creator ?publisher WHERE { ?d dcterms:source ?src ; "
                              "dcterms:created ?created ; dcterms:identifier ?id ; prov:generatedAtTime ?at ; "
                              "dcterms:creator ?creator ; dcterms:publisher ?publisher }",
                              {"src": Literal(site.url("/article"))}).rows[0]
            assert (str(row["created"]), row["created"].datatype) == ("2024-03-05", XSD.date)
            assert (str(row["id"]), row["at"].datatype) == (site.url("/article"), XSD.dateTime)
            assert (str(row["creator"]), str(row["publisher"])) == ("Dana Ruiz", "Valley Ledger")
            # a rerun: both pages unchanged on the server, nothing parsed again
            report = api.ingest([site.url("/article"), site.url("/rally")], store=store, web=settings)
            assert (report.added, report.replaced, sorted(report.unchanged)) == ([], [], sorted([site.url("/article"),
                                                                                                   site.url("/rally")]))
            assert report.web["not_modified"] == 2 and "parse" not in report.timings
            # the page changes: its document graph is replaced, the other kept
            site.routes["/rally"] = Route(SECOND.replace("on Tuesday", "on Wednesday"), validators=True)
            report = api.ingest([site.url("/rally")], store=store, web=settings)
            assert report.replaced == [site.url("/rally")]
            assert api.document_count(store) == 2
            answer = api.ask(store, "shared-data-with", "ICE")
            cited = [r for r in answer if r.get("url")]
            assert cited and {r["url"] for r in cited} <= {site.url("/article"), site.url("/rally")}
            assert all(r["document"] in ("Harmon County ends its agreement with ICE", "Alliance rallies at the courthouse")
                       for r in cited)
            graph = api.write_map(store, tmp_path / "map.html")
            html = (tmp_path / "map.html").read_text("utf-8")
            assert "Harmon County ends its agreement with ICE \\u003c" + site.url("/article") + "\\u003e" in html
            assert graph.number_of_edges()
            api.export(store, "csv", tmp_path / "tables")
            edges = (tmp_path / "tables" / "edges.csv").read_text("utf-8")
            assert edges.splitlines()[0].endswith(",document_url") and site.url("/article") in edges
            api.export(store, "trig", tmp_path / "all.trig")
            assert f'"{site.url("/article")}"' in (tmp_path / "all.trig").read_text("utf-8")  # not made relative
    finally:
        store.close()


# ----------------------------------------------------------------------------- the CLI

def test_web_cli_mixed_arguments_table_failures_and_offline(tmp_path):
    page = tmp_path / "statement.txt"
    page.write_text("The Riverbend Immigrant Alliance sued the Harmon County Sheriff's Office over its contract "
                    "with ICE.\n", "utf-8")
    with news_site() as site:
        listing = tmp_path / "addresses.txt"
        listing.write_text(f"# one more\n{site.url('/rally')}\n", "utf-8")
        store = str(tmp_path / "store")
        args = ["--store", store, "ingest", str(page), site.url("/article"), site.url("/missing"), "--urls", str(listing),
                "--rate", "50"]
        proc = run_cli(*args)
        assert proc.returncode == 1, proc.stderr  # a page failed and --keep-going was not given
        assert proc.stdout.startswith("3 added, 0 replaced, 0 unchanged, 1 failed")
        assert f"cache {tmp_path / 'store'}-web-cache" in proc.stdout
        lines = proc.stdout.splitlines()
        assert any(line.startswith(site.url("/article") + " ") and " added " in line for line in lines)
        assert f"skipped: {site.url('/missing')}: 404 Not Found" in proc.stderr and "Traceback" not in proc.stderr
        assert (tmp_path / "store-web-cache").is_dir()
        count = len(site.seen)
        proc = run_cli(*args[:-2], "--offline", "--keep-going")
        assert proc.returncode == 0 and proc.stdout.startswith("0 added, 0 replaced, 3 unchanged, 1 failed")
        assert len(site.seen) == count  # offline: no request at all
        assert f"skipped: {site.url('/missing')}: not in the web cache" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["ingest", "ftp://example.org/a"], "error: ftp://example.org/a: only http:// and https:// addresses are fetched, not ftp:"),
    (["ingest", "file:///etc/passwd"], "error: file:///etc/passwd: only http:// and https:// addresses are fetched, not file:"),
    (["ingest", "--urls", "no-such-list.txt"], "error: no-such-list.txt: cannot read the address list"),
    (["ingest", "https://example.org/", "--offline", "--refresh"], "error: --offline: --offline reads only the cache"),
    (["ingest", "https://example.org/", "--rate", "0"], "error: --rate: must be a number of requests per second"),
    (["ingest"], "error: ingest: give files, folders or web addresses"),
    (["extract", "https://example.org/a", "--out", "shards"], "error: https://example.org/a: web addresses are read by `ingest`"),
])
def test_web_cli_bad_input_is_one_line(tmp_path, args, message):
    proc = run_cli("--store", str(tmp_path / "store"), *args, cwd=tmp_path)
    assert proc.returncode in (1, 2) and proc.stderr.startswith(message), proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not (tmp_path / "store-web-cache").exists()
