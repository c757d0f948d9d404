"""The command line: thin typer commands over the library, one error boundary."""

from __future__ import annotations

import contextlib
import csv
import io
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from actorgraph.errors import ActorgraphError, UnknownFormatError

app = typer.Typer(
    name="actorgraph",
    help="Turn documents about immigration enforcement and organizing into a graph of actors, "
         "with the sentence behind every fact.",
    no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False,
)


class State:
    store: str | None = None
    update_url: str | None = None
    aliases: Path | None = None


@app.callback()
def main_options(
    store: Annotated[Optional[str], typer.Option(
        "--store", envvar="ACTORGRAPH_STORE", show_envvar=True,
        help="Where the graph lives: a folder (embedded Oxigraph), 'memory', or an http(s):// "
             "SPARQL endpoint. Default ./actorgraph-store")] = None,
    update_url: Annotated[Optional[str], typer.Option(
        "--update-url", envvar="ACTORGRAPH_UPDATE_URL",
        help="SPARQL update URL when it differs from the --store query URL.")] = None,
    aliases: Annotated[Optional[Path], typer.Option(
        "--aliases", envvar="ACTORGRAPH_ALIASES",
        help="Curation file (TOML: merge, forbid, rename, class). Default: actorgraph-aliases.toml "
             "next to the store folder.")] = None,
) -> None:
    State.store = store
    State.update_url = update_url
    State.aliases = aliases


@contextlib.contextmanager
def errors():
    """The one error boundary: a user's mistake is one line on stderr and exit 1."""
    try:
        yield
    except ActorgraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("error: interrupted; the store keeps every document that finished", err=True)
        raise typer.Exit(130) from None


def _open(read_only: bool = False):
    from actorgraph.graph.store import open_store

    return open_store(State.store, read_only=read_only, update_url=State.update_url)


def _check_aliases() -> None:
    if State.aliases is not None and not State.aliases.exists():
        from actorgraph.errors import InputError

        raise InputError("no such curation file", where=str(State.aliases))


def _store_name() -> str:
    from actorgraph.graph.store import DEFAULT_LOCATION

    return State.store or DEFAULT_LOCATION


# ------------------------------------------------------------------ ingest

@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .md .html .htm .pdf).")],
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to use (any installed one).")] = None,
    keep_going: Annotated[bool, typer.Option("--keep-going", help="Skip unreadable files instead of stopping.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read documents into the graph, one transaction per document."""
    from actorgraph.api import ingest as ingest_api

    with errors():
        _check_aliases()
        report = ingest_api(paths, store=_store_name(), model=model, keep_going=keep_going,
                            progress=not quiet and sys.stderr.isatty(), update_url=State.update_url,
                            aliases=State.aliases)
        typer.echo(f"{len(report.added)} added, {len(report.replaced)} replaced, "
                   f"{len(report.unchanged)} unchanged, {len(report.failed)} failed -> {_store_name()}")
        for path, message in report.failed:
            typer.echo(f"skipped: {path}: {message}", err=True)
        if report.failed:
            raise typer.Exit(1)


# ------------------------------------------------------------------- query

def _format_result(result, fmt: str) -> str:
    from actorgraph.graph.store import result_to_json

    if fmt == "json":
        if result.triples is not None:
            raise UnknownFormatError("json is for SELECT and ASK; CONSTRUCT prints N-Triples with --format table",
                                     where="--format")
        return result_to_json(result)
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    if result.triples is not None:
        return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in result.triples)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.vars)
        for row in result.rows:
            writer.writerow([str(row.get(v, "")) for v in result.vars])
        return buffer.getvalue().rstrip("\n")
    return _table(result.vars, [[str(row.get(v, "")) for v in result.vars] for row in result.rows])


def _table(headers: list[str], rows: list[list[str]], width: int = 70) -> str:
    if not headers:
        return ""
    cells = [[h for h in headers]] + [[c if len(c) <= width else c[: width - 1] + "…" for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells[0], widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells[1:]]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


FORMATS = ("table", "json", "csv")


def _check_format(fmt: str, allowed=FORMATS) -> str:
    if fmt not in allowed:
        raise UnknownFormatError(f"unknown format '{fmt}'; available: {', '.join(allowed)}", where="--format")
    return fmt


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @file.rq to read one from a file.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json (SPARQL 1.1 JSON results) or csv.")] = "table",
) -> None:
    """Run a SPARQL query over all documents (the union of their graphs)."""
    from actorgraph.errors import InputError

    with errors():
        _check_format(fmt)
        if sparql.startswith("@"):
            path = Path(sparql[1:])
            try:
                sparql = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read query file: {exc}", where=str(path)) from exc
        with _open(read_only=True) as store:
            typer.echo(_format_result(store.query(sparql), fmt))


# ------------------------------------------------------------------- stats

@app.command()
def stats(fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table") -> None:
    """Documents, entities by class, relations by predicate, top actors."""
    import json

    from actorgraph.api import summary

    with errors():
        _check_format(fmt, ("table", "json"))
        with _open(read_only=True) as store:
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

@app.command()
def export(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="turtle, trig, nquads, jsonld, graphml, gexf, csv (a folder), cytoscape or ftm.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
) -> None:
    """Write the whole graph in an RDF format (atomically)."""
    from actorgraph.exports import EXPORTERS

    with errors():
        if fmt not in EXPORTERS:
            raise UnknownFormatError(f"unknown format '{fmt}'; available: {', '.join(EXPORTERS)}", where="FORMAT")
        with _open(read_only=True) as store:
            EXPORTERS[fmt](store, out)
        typer.echo(f"wrote {out}")


# --------------------------------------------------------------------- map

def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@app.command("map")
def map_cli(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("actorgraph-map.html"),
    title: Annotated[str, typer.Option(help="Title shown on the map.")] = "actorgraph map",
    focus: Annotated[Optional[str], typer.Option(help="Only the neighbourhood of this entity (any alias).")] = None,
    depth: Annotated[int, typer.Option(help="Steps around --focus.")] = 1,
    classes: Annotated[Optional[str], typer.Option(help="Comma-separated classes to keep, e.g. Organization,GovernmentAgency.")] = None,
    predicates: Annotated[Optional[str], typer.Option(help="Comma-separated relations to keep, e.g. sharedDataWith,collaboratesWith.")] = None,
    min_degree: Annotated[int, typer.Option(help="Drop nodes with fewer relations.")] = 0,
    top: Annotated[Optional[int], typer.Option(help="Keep the N nodes with the highest PageRank.")] = None,
    documents: Annotated[Optional[str], typer.Option(help="Comma-separated documents (title, path or IRI): only what they say.")] = None,
    png: Annotated[Optional[Path], typer.Option(help="Also write a static PNG picture of the view.")] = None,
    svg: Annotated[Optional[Path], typer.Option(help="Also write a static SVG picture of the view.")] = None,
) -> None:
    """Draw the graph (or a view of it) as an interactive HTML map that works offline."""
    from actorgraph.api import write_map
    from actorgraph.exports.view import View

    with errors():
        with _open(read_only=True) as store:
            focus_iri = None
            if focus:
                from actorgraph.graph.questions import find_entity

                focus_iri = str(find_entity(store, focus))
            view = View(focus_iri, focus, depth, _split(classes), _split(predicates), min_degree, top,
                        _split(documents)).check()
            graph = write_map(store, out, title=title, view=view, png=png, svg=svg)
        extra = "".join(f", {p}" for p in (png, svg) if p)
        typer.echo(f"wrote {out}{extra} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")


# --------------------------------------------------------------------- ask

def _rows_out(columns: list[str], rows: list[dict], fmt: str) -> str:
    import json

    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
        return buffer.getvalue().rstrip("\n")
    return _table(columns, [["" if r.get(c) is None else str(r.get(c)) for c in columns] for r in rows])


@app.command()
def ask(
    name: Annotated[Optional[str], typer.Argument(help="Question name (see --list).")] = None,
    args: Annotated[Optional[list[str]], typer.Argument(help="Entity names the question needs (any alias).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the questions.")] = False,
    by: Annotated[Optional[str], typer.Option("--by", help="campaigns: only those created by this actor.")] = None,
    targeting: Annotated[Optional[str], typer.Option("--targeting", help="campaigns: only those targeting this actor.")] = None,
    operator: Annotated[Optional[str], typer.Option("--operator", help="facilities: only those run by this operator.")] = None,
    top: Annotated[int, typer.Option("--top", help="overlaps: how many to show.")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
) -> None:
    """Answer a named question, with the quote and document behind every row."""
    from actorgraph.graph.questions import ask as run, questions

    with errors():
        _check_format(fmt)
        if list_ or not name:
            for q in questions().values():
                usage = (" ".join(a.upper() for a in q.args) + "".join(f" [--{o} X]" for o in q.options)).strip()
                typer.echo(f"{q.name:<17} {usage:<36} {q.description}")
            return
        with _open(read_only=True) as store:
            answer = run(store, name, list(args or []), {"by": by, "targeting": targeting, "operator": operator}, top=top)
        typer.echo(_rows_out(answer.columns, answer.rows, fmt))


# ----------------------------------------------------------------- analyze

ANALYSES = ("centrality", "communities", "brokers", "coalitions")


@app.command()
def analyze(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="centrality, communities, brokers or coalitions.")],
    top: Annotated[int, typer.Option("--top", help="How many rows.")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
) -> None:
    """Network analysis of the actor graph (networkx; deterministic)."""
    from actorgraph.api import analyze as run

    with errors():
        _check_format(fmt)
        if kind not in ANALYSES:
            raise UnknownFormatError(f"unknown analysis '{kind}'; available: {', '.join(ANALYSES)}", where="KIND")
        with _open(read_only=True) as store:
            columns, rows = run(store, kind, top=top)
        typer.echo(_rows_out(columns, rows, fmt))


# ----------------------------------------------------------------- resolve

@app.command()
def resolve(
    apply: Annotated[bool, typer.Option("--apply", help="Write the merges (without it: only show them).")] = False,
) -> None:
    """Merge entities that name the same thing across documents, with the curation file."""
    from actorgraph.api import aliases_path, resolve as run

    with errors():
        _check_aliases()
        with _open(read_only=not apply) as store:
            report = run(store, State.aliases, apply=apply)
        source = State.aliases or aliases_path(_store_name())
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


@app.command()
def entities(
    cls: Annotated[Optional[str], typer.Option("--class", help="Only this class (e.g. GovernmentAgency).")] = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Only names containing this text.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
) -> None:
    """List entities with their aliases, mention counts and documents."""
    from actorgraph.api import list_entities
    from actorgraph.ontology import ENTITY_CLASSES

    with errors():
        _check_format(fmt)
        if cls and cls not in ENTITY_CLASSES:
            raise UnknownFormatError(f"unknown class '{cls}'; available: {', '.join(ENTITY_CLASSES)}", where="--class")
        with _open(read_only=True) as store:
            rows = list_entities(store, cls, search)
        typer.echo(_rows_out(["label", "class", "aliases", "documents", "mentions", "sources"], rows, fmt))


# ---------------------------------------------------------------- validate

@app.command()
def validate() -> None:
    """Check the graph against the SHACL shapes of the ontology."""
    from actorgraph.exports.rdf import store_to_graph
    from actorgraph.ontology.validate import validate_graph

    with errors():
        with _open(read_only=True) as store:
            violations = validate_graph(store_to_graph(store))
        if violations:
            for v in violations[:200]:
                typer.echo(str(v))
            typer.echo(f"{len(violations)} violation(s)", err=True)
            raise typer.Exit(1)
        typer.echo("valid: the graph conforms to the actorgraph shapes")


# ---------------------------------------------------------------- evaluate

@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold .json files.")],
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Documents to extract and score; "
                                                          "without them the --store is scored.")] = None,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List false positives and misses.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to use.")] = None,
) -> None:
    """Precision, recall and F1 of entities and relations against gold annotations."""
    import json

    from actorgraph.api import ingest as ingest_api
    from actorgraph.graph.evaluate import evaluate as run
    from actorgraph.graph.store import open_store
    from actorgraph.loaders.read import find_documents

    with errors():
        _check_format(fmt, ("table", "json"))
        if paths:
            store = open_store("memory")
            files = find_documents(paths)
            ingest_api(files, store=store, model=model)
            names = [str(p) for p in files]
        else:
            store = _open(read_only=True)
            names = None
        report = run(store, gold, names)
        if fmt == "json":
            typer.echo(json.dumps(report.to_dict(), indent=2))
        else:
            typer.echo(report.table())
        if show_errors:
            for title, items in (("gold entities split over several nodes", report.split),
                                 ("nodes standing for several gold entities", report.conflated),
                                 ("false entities", report.false_entities), ("missed entities", report.missed_entities),
                                 ("false relations", report.false_relations), ("missed relations", report.missed_relations)):
                typer.echo(f"\n{title} ({len(items)}):")
                for item in items:
                    typer.echo(f"  {item}")


# -------------------------------------------------------------------- demo

@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="Map file to write.")] = Path("actorgraph-map.html"),
) -> None:
    """Ingest the bundled sample documents into a fresh store, summarise, query and map them."""
    import shutil

    from actorgraph.api import DEMO_QUESTION, ingest as ingest_api, seeds_path, summary, write_map

    with errors():
        location = State.store or "./actorgraph-demo-store"
        target = Path(location)
        if location != "memory" and not location.startswith(("http://", "https://")):
            if target.exists():
                if not (target / "CURRENT").exists():
                    from actorgraph.errors import StoreError

                    raise StoreError("exists and is not an actorgraph store; choose another --store", where=location)
                shutil.rmtree(target)
        from actorgraph.graph.store import open_store

        seeds = sorted(seeds_path().glob("*.txt"))
        typer.echo(f"Ingesting {len(seeds)} sample documents from {seeds_path()} into {location} ...")
        started = time.perf_counter()
        with open_store(location, update_url=State.update_url) as store:
            report = ingest_api(seeds, store=store)
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
