"""Python API for notebooks and scripts.

>>> from actorgraph import api
>>> store = api.open_store("memory")
>>> report = api.ingest(sorted(api.seeds_path().glob("*.txt"))[:1], store=store)
>>> len(report.added)
1
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from actorgraph.graph.ingest import IngestReport, ingest_paths
from actorgraph.graph.store import OxigraphStore, Result, Store, open_store
from actorgraph.ontology import NS

#: What the API takes wherever a path goes
PathLike = str | os.PathLike[str]


def as_paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    """One path or several, as a list of Paths (a plain string is one path, not characters).

    >>> as_paths("docs"), as_paths(["a.txt", Path("b.txt")])
    ([PosixPath('docs')], [PosixPath('a.txt'), PosixPath('b.txt')])
    """
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


DEMO_QUESTION = """
SELECT DISTINCT ?agency ?relation ?quote WHERE {
  ?ice skos:altLabel "ICE" .
  ?ev a ag:Evidence ; rdf:subject ?a ; rdf:predicate ?p ; rdf:object ?ice ; ag:quote ?quote .
  VALUES ?p { ag:sharedDataWith ag:collaboratesWith }
  ?a rdfs:label ?agency .
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
} ORDER BY ?agency ?relation
"""


def seeds_path() -> Path:
    """Folder of the bundled sample documents (in the wheel, or the source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled seeds/ folder is missing from this installation")


def aliases_path(location: str | None) -> Path:
    """The curation file next to a store: ``<parent of the store folder>/actorgraph-aliases.toml``
    (the working folder for ``memory`` and remote stores)."""
    from actorgraph.graph.store import DEFAULT_LOCATION

    location = location or DEFAULT_LOCATION
    if location == "memory" or location.startswith(("http://", "https://")):
        return Path("actorgraph-aliases.toml")
    return Path(location).expanduser().resolve().parent / "actorgraph-aliases.toml"


def resolve(store: Store, aliases: PathLike | None = None, apply: bool = True, refresh_labels: bool = True):
    """Merge entities that name the same thing across documents, applying a curation file.
    With ``apply`` and ``refresh_labels`` it also rebuilds the reference facts and labels
    (and finishes an ingest that was killed before it did)."""
    from actorgraph.graph import recovery
    from actorgraph.graph.resolve import Curation, resolve_store

    curation = Curation.load(Path(aliases) if aliases else aliases_path(store.location))
    if not (apply and refresh_labels):
        return resolve_store(store, curation, apply=apply, refresh_labels=refresh_labels)
    reports: list = []

    def step() -> dict[str, str]:
        reports.append(resolve_store(store, curation, refresh_labels=False))
        return reports[-1].labels

    recovery.finish(store, step)
    return reports[-1]


def _written_then_resolved(store: Store | PathLike | None, update_url: str | None, aliases: PathLike | None,
                           write, report: IngestReport, graph_store_url: str | None = None) -> IngestReport:
    """Open the store (or use the open one), mark it, run ``write(target, report)``, then
    resolve, rebuild reference facts and labels once — also after an error, for what was
    written — and clear the mark (see actorgraph.graph.recovery)."""
    from actorgraph.graph import recovery

    if isinstance(store, Store):
        target, owned = store, False
    else:
        target, owned = open_store(None if store is None else os.fspath(store), update_url=update_url,
                                   graph_store_url=graph_store_url), True
    try:
        pending = recovery.is_pending(target)  # an earlier writer was killed before it finished
        if not pending:
            recovery.mark_pending(target)
        recovery.crash_point("after-mark")
        try:
            write(target, report)
        finally:
            recovery.crash_point("after-documents")
            if pending or report.added or report.replaced:
                started = time.perf_counter()
                recovery.finish(target, lambda: resolve(target, aliases, refresh_labels=False).labels)
                report.timings["resolve"] = time.perf_counter() - started
            else:
                recovery.clear_pending(target)
    finally:
        if owned:
            target.close()
    if owned and (report.added or report.replaced) and isinstance(target, OxigraphStore) \
            and target.location != "memory":
        started = time.perf_counter()
        prepare_views(target.location)
        report.timings["views"] = time.perf_counter() - started
    return report


def prepare_views(location: PathLike) -> None:
    """Make the views of an embedded store that the analyses, the map, privacy and the
    listing questions read (see actorgraph.graph.cache), so the first of them after an
    ingest does not pay for them. A store in use by another process is left for its
    readers to make them."""
    from actorgraph.errors import StoreBusyError
    from actorgraph.exports.privacy import people_and_roles
    from actorgraph.graph.project import cause_view, skeleton
    from actorgraph.graph.questions import prepare_listings

    try:
        with open_store(os.fspath(location), read_only=True) as store:
            skeleton(store)
            cause_view(store)
            people_and_roles(store)
            prepare_listings(store)
    except StoreBusyError:
        pass


def ingest(paths: PathLike | Iterable[PathLike], store: Store | PathLike | None = None, model: str | None = None,
           keep_going: bool = False, progress: bool = False, update_url: str | None = None,
           aliases: PathLike | None = None, jobs: int = 1, graph_store_url: str | None = None,
           urls: PathLike | None = None, web=None) -> IngestReport:
    """Ingest files, folders and web addresses (one or several) into a store (an open Store
    or a location), then resolve entities across documents (with the curation file next to
    the store, or ``aliases``). ``jobs`` > 1 parses in that many processes. The report's
    ``timings`` has the seconds spent per phase (fetch, read, parse, rules, write, resolve,
    and views: what analyses and maps read, made once after writing, see :func:`prepare_views`).

    An ``http(s)://`` argument is a page, an RSS or Atom feed or a sitemap, and ``urls`` a
    file of such addresses, one a line; they are read as ``web`` (a
    :class:`actorgraph.loaders.web.WebSettings`) says, the cache by default beside the store
    (see :func:`actorgraph.graph.web.web_cache_path`)."""
    from actorgraph.loaders.nlp import load_pipeline
    from actorgraph.loaders.read import find_documents

    inputs, addresses = _split_addresses(paths, urls)
    skipped: list[tuple[str, str]] = []
    files = find_documents(inputs, skip_unreadable=keep_going, skipped=skipped) if inputs or not addresses else []
    nlp = load_pipeline(model)
    report = IngestReport(failed=list(skipped))
    pages = _read_pages(addresses, web, store, report, progress) if addresses else []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files) + len(pages), unit="doc", desc="ingest")

    def write(target: Store, report: IngestReport) -> IngestReport:
        from actorgraph.graph.web import split_known

        todo, known = split_known(target, pages)
        for page in known:  # the same text as before: nothing to extract or write
            report.unchanged.append(page.source)
            if bar:
                bar.update(1)
        return ingest_paths(target, [*files, *todo], nlp, on_progress=(lambda _: bar.update(1)) if bar else None,
                            keep_going=keep_going, report=report, jobs=jobs)

    try:
        return _written_then_resolved(store, update_url, aliases, write, report, graph_store_url)
    finally:
        if bar:
            bar.close()


def _split_addresses(paths: PathLike | Iterable[PathLike], urls: PathLike | None) -> tuple[list[Path], list[str]]:
    """(files and folders, web addresses) among the arguments, and the addresses of the
    ``urls`` file. An argument with a scheme (``https://…``, ``file:…``) is an address."""
    from actorgraph.loaders.web import check_address, is_address, read_address_list

    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files = [Path(p) for p in items if not (isinstance(p, str) and is_address(p))]
    addresses = [check_address(p) for p in items if isinstance(p, str) and is_address(p)]
    if urls is not None:
        addresses += read_address_list(urls)
    return files, addresses


def _read_pages(addresses: list[str], web, store: Store | PathLike | None, report: IngestReport, progress: bool) -> list:
    """Fetch the web addresses (see actorgraph.loaders.web): their documents; failures and
    counts go into ``report``."""
    from dataclasses import replace

    from actorgraph.graph.web import web_cache_path
    from actorgraph.loaders.web import WebSettings, fetch_documents

    settings = web or WebSettings()
    if settings.cache is None:
        location = store.location if isinstance(store, Store) else None if store is None else os.fspath(store)
        settings = replace(settings, cache=web_cache_path(location))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(addresses), unit="page", desc="fetch")

    def show(done: int, total: int) -> None:
        assert bar is not None
        bar.total = total
        bar.n = done
        bar.refresh()

    started = time.perf_counter()
    try:
        run = fetch_documents(addresses, settings, on_progress=show if bar else None)
    finally:
        if bar:
            bar.close()
    report.timings["fetch"] = time.perf_counter() - started
    report.failed.extend(run.failed)
    report.web = {"fetched": run.fetched, "not_modified": run.not_modified, "cached": run.cached,
                  "requests": len(run.requests), "cache": str(settings.cache)}
    return run.documents


def extract(paths: PathLike | Iterable[PathLike], out: PathLike, model: str | None = None, jobs: int = 1,
            keep_going: bool = False, per_shard: int | None = None):
    """Extract documents into N-Quads shards in the folder ``out``, without a store (see
    actorgraph.graph.shards); load them later with :func:`load`."""
    from actorgraph.errors import InputError
    from actorgraph.graph.shards import PER_SHARD, write_shards
    from actorgraph.loaders.nlp import load_pipeline
    from actorgraph.loaders.read import find_documents

    inputs, addresses = _split_addresses(paths, None)
    if addresses:
        raise InputError("web addresses are read by `ingest`; `extract` takes files and folders", where=addresses[0])
    skipped: list[tuple[str, str]] = []
    files = find_documents(inputs, skip_unreadable=keep_going, skipped=skipped)
    report = write_shards(files, Path(out), load_pipeline(model), jobs=jobs, per_shard=per_shard or PER_SHARD,
                          keep_going=keep_going)
    report.failed[:0] = skipped
    return report


def load(paths: PathLike | Iterable[PathLike], store: Store | PathLike | None = None, keep_going: bool = False,
         update_url: str | None = None, aliases: PathLike | None = None, graph_store_url: str | None = None) -> IngestReport:
    """Write shards made by :func:`extract` (files, or folders of ``*.nq``) into a store,
    one transaction per shard, then resolve entities once."""
    from actorgraph.graph.shards import load_shards, shard_files

    files = shard_files(as_paths(paths))
    return _written_then_resolved(store, update_url, aliases,
                                  lambda target, report: load_shards(target, files, keep_going=keep_going, report=report),
                                  IngestReport(), graph_store_url)


def query(store: Store, sparql: str, allow_service: bool = False, **bindings) -> list[dict[str, object]]:
    """Run SPARQL with bound parameters; rows as plain Python values. A ``SERVICE`` clause
    (federated access to another endpoint) is refused unless ``allow_service``."""
    from actorgraph.errors import QueryError
    from actorgraph.graph.sparql import uses_service

    if not allow_service and uses_service(sparql):
        raise QueryError("SERVICE queries another endpoint over the network; pass allow_service=True", where="query")
    return store.query(sparql, bindings or None).values()


def to_networkx(store: Store):
    """The graph as a networkx MultiDiGraph (see actorgraph.graph.project)."""
    from actorgraph.graph.project import store_to_networkx

    return store_to_networkx(store)


def document_count(store: Store) -> int:
    """How many documents were ingested (the bundled reference facts are not one)."""
    from actorgraph.graph.reference import REFERENCE_GRAPH

    return int(store.query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ag:Document FILTER(?d != ?ref) }",
                           {"ref": REFERENCE_GRAPH}).rows[0]["n"])


_ACTOR_CLASSES = ("Person", "Organization", "GovernmentAgency", "Company")


def _top_actors(store: Store, top: int) -> list[dict]:
    """The actors in the most evidence sentences: counted per entity with two flat queries,
    then labels and classes read for the leading candidates only (a join of every evidence
    with every class triple and label would grow with the store)."""
    from actorgraph.graph.project import classes_and_labels

    counts: Counter[str] = Counter()
    for side in ("subject", "object"):  # rdf:subject and rdf:object are said of evidence only
        for e, n in store.values(f"SELECT ?e (COUNT(?ev) AS ?n) WHERE {{ ?ev rdf:{side} ?e }} GROUP BY ?e"):
            if e:
                counts[e] += int(n or 0)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    found: list[dict] = []
    for start in range(0, len(ranked), 200):
        chunk = ranked[start:start + 200]
        if len(found) >= top and chunk[0][1] < found[top - 1]["relations"]:
            break
        classes, labels = classes_and_labels(store, {e for e, _ in chunk})
        found += [{"label": labels[e], "class": classes[e], "relations": n}
                  for e, n in chunk if classes.get(e) in _ACTOR_CLASSES and labels.get(e)]
        found.sort(key=lambda r: (-r["relations"], r["label"]))
    return found[:top]


def summary(store: Store, top: int = 8) -> dict:
    """Counts for the CLI summary: documents, entities by class, relations by predicate, top actors."""
    from actorgraph.graph.project import has_entity_classes
    from actorgraph.ontology import ENTITIES_GRAPH, ENTITY_CLASSES, RELATION_PREDICATES

    docs = document_count(store)
    triples = store.count_quads()
    classes: Counter[str] = Counter()
    if has_entity_classes(store):  # one class per entity, beside its label
        for cls, n in store.values("SELECT ?c (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e ag:entityClass ?c } } GROUP BY ?c",
                                   {"g": ENTITIES_GRAPH}):
            if cls in ENTITY_CLASSES:
                classes[cls] = int(n or 0)
    else:  # a store resolved before that: within each document (no n² join across graphs)
        for row in store.query("SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?d { ?d ag:mentions ?e . ?e a ?c } } "
                               "GROUP BY ?c").rows:
            classes[str(row["c"])[len(NS):]] = int(row["n"])
    predicates: Counter[str] = Counter()
    # each relation is also a plain triple beside its evidence: one index scan per predicate
    wanted = " ".join(f"ag:{p}" for p in RELATION_PREDICATES)
    for p, n in store.values("SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { "
                             + wanted + " } ?s ?p ?o } } GROUP BY ?p"):
        if p and int(n or 0):
            predicates[p[len(NS):]] = int(n or 0)
    return {
        "documents": int(docs), "triples": int(triples),
        "entities": dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "relations": dict(sorted(predicates.items(), key=lambda kv: (-kv[1], kv[0]))),
        "top_actors": _top_actors(store, top),
    }


def private_view(store: Store, privacy: str = "standard", aliases: PathLike | None = None):
    """The store as ``privacy`` (open, standard, strict) lets it leave the machine, and a
    report of what was masked (see actorgraph.exports.privacy)."""
    from actorgraph.exports.privacy import check_mode, masked_store

    check_mode(privacy)
    return masked_store(store, privacy, _privacy_levels(store, aliases))


def _privacy_levels(store: Store, aliases: PathLike | None) -> dict[str, str]:
    """The privacy levels the curation file sets ([[privacy]] entries)."""
    from actorgraph.graph.resolve import Curation

    return Curation.load(Path(aliases) if aliases else aliases_path(store.location)).privacy


def export(store: Store, fmt: str, out: PathLike, privacy: str = "standard", aliases: PathLike | None = None):
    """Write the store in a format of actorgraph.exports.EXPORTERS, as ``privacy`` allows;
    returns the privacy report."""
    from actorgraph.exports import exporter

    write = exporter(fmt)
    view, report = private_view(store, privacy, aliases)
    write(view, Path(out))
    return report


def write_map(store: Store, out: PathLike, title: str = "actorgraph map", view=None, png=None, svg=None, pdf=None,
              story: PathLike | None = None, privacy: str = "standard", aliases: PathLike | None = None):
    """Write the interactive map of the store (or of a view, see actorgraph.exports.view),
    with a guided ``story`` ("auto" or a story file, see actorgraph.exports.story) if
    given; optionally a printable handout of the same view as PNG, SVG and/or PDF; all as
    ``privacy`` allows (default: private people as pseudonyms). Returns the graph drawn."""
    from actorgraph.exports.html import write_html
    from actorgraph.exports.picture import write_picture
    from actorgraph.exports.privacy import check_mode, mask_graph
    from actorgraph.exports.story import auto_story, load_story
    from actorgraph.exports.view import MAP_LIMIT, apply_view, central, readable
    from actorgraph.graph.project import skeleton, store_to_networkx

    check_mode(privacy)
    left_related = left_alone = 0
    outline = skeleton(store) if view is None else None
    related = sum(1 for n in outline if outline.degree(n)) if outline is not None else 0
    if outline is not None and related > MAP_LIMIT:
        # a large store: rank on the graph without quotes, read the quotes of the top only
        keep = central(outline)[0][:MAP_LIMIT]
        graph = store_to_networkx(store, among=keep)
        left_related, left_alone = related - MAP_LIMIT, outline.number_of_nodes() - related
    else:
        graph = store_to_networkx(store)
        if view is not None:
            graph = apply_view(graph, view)
        if view is None or view.top is None:
            graph, left_related, left_alone = readable(graph)
    graph, report = mask_graph(graph, store, privacy, _privacy_levels(store, aliases))
    docs = document_count(store)
    filters = view.describe() if view is not None else ""
    isolated = sum(1 for n in graph if not graph.degree(n))
    summary = (f"{graph.number_of_nodes()} entities and {graph.number_of_edges()} relations from {int(docs)} "
               f"document(s){'; ' + filters if filters else ''}; {report.describe()}.")
    if left_related:
        summary += (f" The {graph.number_of_nodes()} most central of {graph.number_of_nodes() + left_related} related "
                    f"actors (PageRank); {left_related} more and {left_alone} without a relation are left out "
                    "(--top N, --focus or a filter shows others).")
    caption = summary + (f" {isolated} actors with no relation are hidden (see the list on the left)." if isolated else "") + \
        " Node size: PageRank. Click a node or an edge for its sources."
    plot = None if story is None else auto_story(graph) if str(story) == "auto" else load_story(Path(story), graph)
    write_html(graph, Path(out), title=title, caption=caption, story=plot)
    for path, fmt in ((png, "png"), (svg, "svg"), (pdf, "pdf")):
        if path:
            write_picture(graph, Path(path), title, summary, fmt)
    return graph


def list_entities(store: Store, cls: str | None = None, search: str | None = None) -> list[dict]:
    """Entities with aliases, the number of documents and evidence sentences that mention
    them, and the documents' titles."""
    from actorgraph.graph.resolve import entity_table
    from actorgraph.ontology.ids import normalize_name

    titles = {str(r["d"]): str(r["t"]) for r in store.query("SELECT ?d ?t WHERE { ?d a ag:Document ; dcterms:title ?t }").rows}
    counts = {str(r["e"]): int(r["n"]) for r in store.query(
        "SELECT ?e (COUNT(DISTINCT ?ev) AS ?n) WHERE { ?ev a ag:Evidence . { ?ev rdf:subject ?e } UNION "
        "{ ?ev rdf:object ?e } } GROUP BY ?e").rows}
    out = []
    key = normalize_name(search) if search else None
    for iri, item in entity_table(store).items():
        label = item["label"] or iri.rsplit("/", 1)[-1]
        if cls and item["cls"] != cls:
            continue
        aliases = sorted(f for f in item["forms"] if f != label)
        if key and not any(key in normalize_name(n) for n in [label, *aliases]):
            continue
        out.append({"label": label, "class": item["cls"], "aliases": "; ".join(aliases),
                    "documents": len(item["docs"]), "mentions": counts.get(iri, 0),
                    "sources": "; ".join(sorted(titles.get(d, d) for d in item["docs"])), "iri": iri})
    out.sort(key=lambda r: (r["class"], r["label"]))
    return out


def ask(store: Store, name: str, *args: str, top: int | None = None, **options):
    """Answer a named question (see ``actorgraph ask --list``); returns rows as dicts, best
    first: at most ``top`` (by default 100, and 10 actors for overlaps; 0 for all).

    ``ask(store, "shared-data-with", "ICE")``, ``ask(store, "campaigns", by="…")``.
    """
    from actorgraph.graph.questions import ask as run

    return run(store, name, list(args), options, top=top).rows


def analyze(store: Store, kind: str, top: int = 10) -> tuple[list[str], list[dict]]:
    """Run one analysis: centrality, communities, brokers or coalitions."""
    from actorgraph.graph import analysis
    from actorgraph.graph.project import skeleton

    graph = skeleton(store)  # labels, classes, predicates and weights: the analyses need no quotes
    if kind == "centrality":
        return ["label", "class", "degree", "betweenness", "pagerank"], analysis.centrality(graph, top=top)
    if kind == "communities":
        rows = []
        for i, group in enumerate(analysis.communities(graph)[:top]):
            labels = [graph.nodes[n]["label"] for n in group]
            rows.append({"community": i, "size": len(group), "members": "; ".join(labels[:25])})
        return ["community", "size", "members"], rows
    if kind == "brokers":
        rows = [{**r, "bridges_to": ", ".join(map(str, r["bridges_to"]))} for r in analysis.brokers(graph, top=top)]
        return ["label", "class", "community", "bridges_to", "betweenness", "score"], rows
    if kind == "coalitions":
        rows = [{"coalition": i, "members": "; ".join(c["members"]), "shared": "; ".join(c["shared"][:8])}
                for i, c in enumerate(analysis.coalitions(graph)[:top])]
        return ["coalition", "members", "shared"], rows
    from actorgraph.errors import UnknownFormatError

    raise UnknownFormatError(f"unknown analysis '{kind}'; available: centrality, communities, brokers, coalitions",
                             where="KIND")


__all__ = ["list_entities", "resolve", "aliases_path", "ask", "analyze", "open_store", "ingest", "query",
           "to_networkx", "summary", "write_map", "seeds_path", "Result"]
