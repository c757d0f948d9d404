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
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from actorgraph.errors import InputError, QueryError, StoreBusyError, UnknownFormatError
from actorgraph.exports import exporter
from actorgraph.exports import view as map_view  # MAP_LIMIT is read at call time: a setting of that module
from actorgraph.exports.html import write_html
from actorgraph.exports.picture import write_picture
from actorgraph.exports.privacy import check_mode, mask_graph, masked_store, people_and_roles
from actorgraph.exports.story import auto_story, load_story
from actorgraph.exports.view import apply_view, central, readable
from actorgraph.graph import analysis, recovery
from actorgraph.graph.evaluate import GROUP_PATTERN, NO_GROUP, Folds, Report, group_of
from actorgraph.graph.evaluate import evaluate as score_store
from actorgraph.graph.fingerprint import Reading
from actorgraph.graph.ingest import IngestReport, ingest_paths
from actorgraph.graph.period import Period, date_edges, drop_outside
from actorgraph.graph.project import cause_view, classes_and_labels, has_entity_classes, skeleton, store_to_networkx
from actorgraph.graph.questions import ask as ask_question
from actorgraph.graph.questions import prepare_listings
from actorgraph.graph.reference import REFERENCE_GRAPH, refresh_reference
from actorgraph.graph.resolve import Curation, ResolveReport, entity_table, refresh_entity_labels, resolve_store
from actorgraph.graph.shards import PER_SHARD, ExtractReport, load_shards, shard_files, write_shards
from actorgraph.graph.sparql import uses_service
from actorgraph.graph.store import DEFAULT_LOCATION, OxigraphStore, Result, Store
from actorgraph.graph.store import open_store as open_location
from actorgraph.graph.web import split_known, web_cache_path
from actorgraph.loaders.lang import DEFAULT_LANGUAGE
from actorgraph.loaders.model import Document
from actorgraph.loaders.read import find_documents
from actorgraph.loaders.web import WebSettings, check_address, fetch_documents, is_address, read_address_list
from actorgraph.ontology import ACTOR_CLASSES, ENTITIES_GRAPH, ENTITY_CLASSES, NS, RELATION_PREDICATES
from actorgraph.ontology.ids import normalize_name
from actorgraph.settings import Settings

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


def _settings(settings: Settings | None) -> Settings:
    """The settings given, else the environment's: the API is an edge, as the CLI is, and
    what it reads here is passed down (see actorgraph.settings)."""
    return Settings.from_env() if settings is None else settings


def open_store(location: PathLike | None = None, read_only: bool = False, update_url: str | None = None,
               graph_store_url: str | None = None, settings: Settings | None = None) -> Store:
    """Open a store: a folder, ``memory`` or an http(s):// SPARQL endpoint. What is not given
    comes from ``settings`` (default: the environment, ACTORGRAPH_STORE, ACTORGRAPH_UPDATE_URL,
    ACTORGRAPH_GRAPH_STORE_URL, and a remote store's timeout, retries and credentials).

    >>> open_store("memory").location
    'memory'
    """
    s = _settings(settings)
    return open_location(os.fspath(location) if location is not None else s.store, read_only=read_only,
                         update_url=update_url or s.update_url, graph_store_url=graph_store_url or s.graph_store_url,
                         remote=s.remote)


def _load_pipeline(model: str | None):
    # lazy: loaders.nlp imports spaCy (about 1 s); only ingest and extract need it, and the
    # CLI's other commands import this module
    from actorgraph.loaders.nlp import load_pipeline

    return load_pipeline(model)


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
    location = location or DEFAULT_LOCATION
    if location == "memory" or location.startswith(("http://", "https://")):
        return Path("actorgraph-aliases.toml")
    return Path(location).expanduser().resolve().parent / "actorgraph-aliases.toml"


def _finish(store: Store, resolve_step: Callable[[], dict[str, str]], crash_at: str | None) -> None:
    """The steps after documents are written, each idempotent: cross-document resolution
    (``resolve_step()`` returns label overrides), the reference facts, the canonical labels;
    then the recovery mark is cleared (see actorgraph.graph.recovery; ``crash_at`` is
    Settings.crash_at, for tests)."""
    labels = resolve_step()
    recovery.crash_point("after-resolve", crash_at)
    refresh_reference(store)
    recovery.crash_point("after-reference", crash_at)
    refresh_entity_labels(store, labels)  # once, after merges and reference facts
    recovery.crash_point("after-labels", crash_at)
    recovery.clear_pending(store)


def resolve(store: Store, aliases: PathLike | None = None, apply: bool = True, refresh_labels: bool = True,
            settings: Settings | None = None) -> ResolveReport:
    """Merge entities that name the same thing across documents, applying a curation file.
    With ``apply`` and ``refresh_labels`` it also rebuilds the reference facts and labels
    (and finishes an ingest that was killed before it did)."""
    curation = Curation.load(Path(aliases) if aliases else aliases_path(store.location))
    if not (apply and refresh_labels):
        return resolve_store(store, curation, apply=apply, refresh_labels=refresh_labels)
    reports: list = []

    def step() -> dict[str, str]:
        reports.append(resolve_store(store, curation, refresh_labels=False))
        return reports[-1].labels

    _finish(store, step, _settings(settings).crash_at)
    return reports[-1]


def _written_then_resolved(store: Store | PathLike | None, settings: Settings, update_url: str | None,
                           aliases: PathLike | None, write, report: IngestReport,
                           graph_store_url: str | None = None) -> IngestReport:
    """Open the store (or use the open one), mark it, run ``write(target, report)``, then
    resolve, rebuild reference facts and labels once — also after an error, for what was
    written — and clear the mark (see actorgraph.graph.recovery)."""
    crash_at = settings.crash_at
    if isinstance(store, Store):
        target, owned = store, False
    else:
        target, owned = open_store(store, update_url=update_url, graph_store_url=graph_store_url, settings=settings), True
    try:
        pending = recovery.is_pending(target)  # an earlier writer was killed before it finished
        if not pending:
            recovery.mark_pending(target)
        recovery.crash_point("after-mark", crash_at)
        try:
            write(target, report)
        finally:
            recovery.crash_point("after-documents", crash_at)
            if pending or report.written:
                started = time.perf_counter()
                _finish(target, lambda: resolve(target, aliases, refresh_labels=False, settings=settings).labels, crash_at)
                report.timings["resolve"] = time.perf_counter() - started
            else:
                recovery.clear_pending(target)
    finally:
        if owned:
            target.close()
    if owned and report.written and isinstance(target, OxigraphStore) \
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
    try:
        with open_location(os.fspath(location), read_only=True) as store:
            skeleton(store)
            cause_view(store)
            people_and_roles(store)
            prepare_listings(store)
    except StoreBusyError:
        pass


def ingest(paths: PathLike | Iterable[PathLike], store: Store | PathLike | None = None, model: str | None = None,
           keep_going: bool = False, progress: bool = False, update_url: str | None = None,
           aliases: PathLike | None = None, jobs: int = 1, graph_store_url: str | None = None,
           urls: PathLike | None = None, web: WebSettings | None = None,
           settings: Settings | None = None, force: bool = False) -> IngestReport:
    """Ingest files, folders and web addresses (one or several) into a store (an open Store
    or a location), then resolve entities across documents (with the curation file next to
    the store, or ``aliases``). ``jobs`` > 1 parses in that many processes. The report's
    ``timings`` has the seconds spent per phase (fetch, read, parse, rules, write, resolve,
    and views: what analyses and maps read, made once after writing, see :func:`prepare_views`).
    ``settings`` (default: the environment's) gives the store, the size limit and the
    Spanish switch.

    A document the store holds already is left as it is, unless what reads documents has
    changed since it was read (a model installed, the rule data edited, another actorgraph:
    see :mod:`actorgraph.graph.fingerprint`): then it is read again, and the report's
    ``reread`` and ``reasons`` say which and why. ``force`` reads every document again. Files
    in the folders given that are not documents (a README, a LICENSE, a .docx) are left out
    and listed in the report's ``skipped``.

    An ``http(s)://`` argument is a page, an RSS or Atom feed or a sitemap, and ``urls`` a
    file of such addresses, one a line; they are read as ``web`` (a
    :class:`actorgraph.loaders.web.WebSettings`) says, the cache by default beside the store
    (see :func:`actorgraph.graph.web.web_cache_path`)."""
    s = _settings(settings)
    inputs, addresses = _split_addresses(paths, urls)
    skipped: list[tuple[str, str]] = []
    passed_over: list[tuple[str, str]] = []
    files = find_documents(inputs, skip_unreadable=keep_going, skipped=skipped, passed_over=passed_over) \
        if inputs or not addresses else []
    nlp = _load_pipeline(model)
    report = IngestReport(failed=list(skipped), skipped=passed_over)
    pages = _read_pages(addresses, web, store, report, progress, s) if addresses else []
    bar = tqdm(total=len(files) + len(pages), unit="doc", desc="ingest") if progress else None

    def write(target: Store, report: IngestReport) -> IngestReport:
        todo, known = split_known(target, pages, Reading(nlp, s), force)
        for page in known:  # the same text as before: nothing to extract or write
            report.unchanged.append(page.source)
            if bar:
                bar.update(1)
        return ingest_paths(target, [*files, *todo], nlp, on_progress=(lambda _: bar.update(1)) if bar else None,
                            keep_going=keep_going, report=report, jobs=jobs, settings=s, force=force)

    try:
        return _written_then_resolved(store, s, update_url, aliases, write, report, graph_store_url)
    finally:
        if bar:
            bar.close()


def _split_addresses(paths: PathLike | Iterable[PathLike], urls: PathLike | None) -> tuple[list[Path], list[str]]:
    """(files and folders, web addresses) among the arguments, and the addresses of the
    ``urls`` file. An argument with a scheme (``https://…``, ``file:…``) is an address."""
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files = [Path(p) for p in items if not (isinstance(p, str) and is_address(p))]
    addresses = [check_address(p) for p in items if isinstance(p, str) and is_address(p)]
    if urls is not None:
        addresses += read_address_list(urls)
    return files, addresses


def _read_pages(addresses: list[str], web: WebSettings | None, store: Store | PathLike | None, report: IngestReport,
                progress: bool, settings: Settings) -> list[Document]:
    """Fetch the web addresses (see actorgraph.loaders.web): their documents; failures and
    counts go into ``report``. The cache lies beside the store (``settings.store`` when no
    store is given)."""
    fetching = web or WebSettings()
    if fetching.cache is None:
        location = store.location if isinstance(store, Store) else os.fspath(store) if store is not None else settings.store
        fetching = replace(fetching, cache=web_cache_path(location))
    bar = tqdm(total=len(addresses), unit="page", desc="fetch") if progress else None

    def show(done: int, total: int) -> None:
        assert bar is not None
        bar.total = total
        bar.n = done
        bar.refresh()

    started = time.perf_counter()
    try:
        run = fetch_documents(addresses, fetching, on_progress=show if bar else None)
    finally:
        if bar:
            bar.close()
    report.timings["fetch"] = time.perf_counter() - started
    report.failed.extend(run.failed)
    report.web = {"fetched": run.fetched, "not_modified": run.not_modified, "cached": run.cached,
                  "requests": len(run.requests), "cache": str(fetching.cache)}
    return run.documents


def extract(paths: PathLike | Iterable[PathLike], out: PathLike, model: str | None = None, jobs: int = 1,
            keep_going: bool = False, per_shard: int | None = None, settings: Settings | None = None) -> ExtractReport:
    """Extract documents into N-Quads shards in the folder ``out``, without a store (see
    actorgraph.graph.shards); load them later with :func:`load`."""
    inputs, addresses = _split_addresses(paths, None)
    if addresses:
        raise InputError("web addresses are read by `ingest`; `extract` takes files and folders", where=addresses[0])
    skipped: list[tuple[str, str]] = []
    passed_over: list[tuple[str, str]] = []
    files = find_documents(inputs, skip_unreadable=keep_going, skipped=skipped, passed_over=passed_over)
    report = write_shards(files, Path(out), _load_pipeline(model), jobs=jobs, per_shard=per_shard or PER_SHARD,
                          keep_going=keep_going, settings=_settings(settings))
    report.failed[:0] = skipped
    report.skipped = passed_over
    return report


def load(paths: PathLike | Iterable[PathLike], store: Store | PathLike | None = None, keep_going: bool = False,
         update_url: str | None = None, aliases: PathLike | None = None, graph_store_url: str | None = None,
         settings: Settings | None = None) -> IngestReport:
    """Write shards made by :func:`extract` (files, or folders of ``*.nq``) into a store,
    one transaction per shard, then resolve entities once."""
    files = shard_files(as_paths(paths))
    return _written_then_resolved(store, _settings(settings), update_url, aliases,
                                  lambda target, report: load_shards(target, files, keep_going=keep_going, report=report),
                                  IngestReport(), graph_store_url)


def query(store: Store, sparql: str, allow_service: bool = False, **bindings) -> list[dict[str, object]]:
    """Run SPARQL with bound parameters; rows as plain Python values. A ``SERVICE`` clause
    (federated access to another endpoint) is refused unless ``allow_service``."""
    if not allow_service and uses_service(sparql):
        raise QueryError("SERVICE queries another endpoint over the network; pass allow_service=True", where="query")
    return store.query(sparql, bindings or None).values()


def to_networkx(store: Store):
    """The graph as a networkx MultiDiGraph (see actorgraph.graph.project)."""
    return store_to_networkx(store)


def document_count(store: Store) -> int:
    """How many documents were ingested (the bundled reference facts are not one)."""
    return int(store.query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ag:Document FILTER(?d != ?ref) }",
                           {"ref": REFERENCE_GRAPH}).rows[0]["n"])


def _top_actors(store: Store, top: int) -> list[dict]:
    """The actors in the most evidence sentences: counted per entity with two flat queries,
    then labels and classes read for the leading candidates only (a join of every evidence
    with every class triple and label would grow with the store)."""
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
                  for e, n in chunk if classes.get(e) in ACTOR_CLASSES and labels.get(e)]
        found.sort(key=lambda r: (-r["relations"], r["label"]))
    return found[:top]


def summary(store: Store, top: int = 8) -> dict:
    """Counts for the CLI summary: documents, entities by class, relations by predicate, top actors."""
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
    check_mode(privacy)
    return masked_store(store, privacy, _privacy_levels(store, aliases))


def _privacy_levels(store: Store, aliases: PathLike | None) -> dict[str, str]:
    """The privacy levels the curation file sets ([[privacy]] entries)."""
    return Curation.load(Path(aliases) if aliases else aliases_path(store.location)).privacy


def export(store: Store, fmt: str, out: PathLike, privacy: str = "standard", aliases: PathLike | None = None,
           period: Period | None = None):
    """Write the store in a format of actorgraph.exports.EXPORTERS, as ``privacy`` allows,
    with only the relations that held in ``period`` when one is given; returns the privacy
    report."""
    write = exporter(fmt)
    view, report = private_view(store, privacy, aliases)
    if period:
        drop_outside(view, period)  # the view is a copy: the store keeps every relation
    write(view, Path(out))
    return report


def write_map(store: Store, out: PathLike, title: str = "actorgraph map", view=None, png=None, svg=None, pdf=None,
              story: PathLike | None = None, privacy: str = "standard", aliases: PathLike | None = None):
    """Write the interactive map of the store (or of a view, see actorgraph.exports.view),
    with a guided ``story`` ("auto" or a story file, see actorgraph.exports.story) if
    given; optionally a printable handout of the same view as PNG, SVG and/or PDF; all as
    ``privacy`` allows (default: private people as pseudonyms). Returns the graph drawn."""
    check_mode(privacy)
    left_related = left_alone = 0
    outline = skeleton(store) if view is None else None
    related = sum(1 for n in outline if outline.degree(n)) if outline is not None else 0
    if outline is not None and related > map_view.MAP_LIMIT:
        # a large store: rank on the graph without quotes, read the quotes of the top only
        keep = central(outline)[0][:map_view.MAP_LIMIT]
        graph = store_to_networkx(store, among=keep)
        left_related, left_alone = related - map_view.MAP_LIMIT, outline.number_of_nodes() - related
    else:
        graph = store_to_networkx(store)
        if view is not None:
            graph = apply_view(graph, view)
        if view is None or view.top is None:
            graph, left_related, left_alone = readable(graph)
    graph = date_edges(graph)  # each relation's span, for the map's time filter
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
    write_html(graph, Path(out), title=title, caption=caption, story=plot, period=view.period if view is not None else None)
    for path, fmt in ((png, "png"), (svg, "svg"), (pdf, "pdf")):
        if path:
            write_picture(graph, Path(path), title, summary, fmt)
    return graph


def list_entities(store: Store, cls: str | None = None, search: str | None = None) -> list[dict]:
    """Entities with aliases, the number of documents and evidence sentences that mention
    them, and the documents' titles."""
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


def ask(store: Store, name: str, *args: str, top: int | None = None, since: str | None = None,
        until: str | None = None, **options):
    """Answer a named question (see ``actorgraph ask --list``); returns rows as dicts, best
    first: at most ``top`` (by default 100, and 10 actors for overlaps; 0 for all); with
    ``since``/``until`` (ISO dates: "2018", "2018-06", "2018-06-05"), only the relations
    that held in that period (see :mod:`actorgraph.graph.period`).

    ``ask(store, "shared-data-with", "ICE")``, ``ask(store, "campaigns", by="…")``,
    ``ask(store, "timeline", "ICE", since="2018")``.
    """
    period = Period.parse(since, until, where=f"ask {name}")
    return ask_question(store, name, list(args), options, top=top, period=period).rows


def analyze(store: Store, kind: str, top: int = 10) -> tuple[list[str], list[dict]]:
    """Run one analysis: centrality, communities, brokers or coalitions."""
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
    raise UnknownFormatError(f"unknown analysis '{kind}'; available: centrality, communities, brokers, coalitions",
                             where="KIND")


def _scored(paths: list[Path], gold_dir: Path, model: str | None, settings: Settings) -> tuple[Store, Report]:
    """``paths`` extracted on their own into a fresh in-memory store, and their score."""
    store = open_location("memory")
    ingest(paths, store=store, model=model, settings=settings)
    return store, score_store(store, gold_dir, [str(p) for p in paths])


def _by_language(store: Store, paths: list[Path]) -> dict[str, list[Path]]:
    """``paths`` by the language their extraction detected (in ``store``)."""
    # lazy: the extraction pipeline imports spaCy (about 1 s), which scoring a store does not need
    from actorgraph.loaders.pipeline import path_text

    language = {str(r["src"]): str(r["lang"]) for r in store.query(
        "SELECT ?src ?lang WHERE { ?d a ag:Document ; dcterms:source ?src ; ag:language ?lang }").rows}
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        groups[language.get(path_text(path), DEFAULT_LANGUAGE)].append(path)
    return dict(sorted(groups.items()))


def evaluate_files(paths: list[Path], gold_dir: Path, model: str | None = None,
                   settings: Settings | None = None) -> tuple[Report, dict[str, Report]]:
    """Extract ``paths`` into a fresh in-memory store and score them against the gold in
    ``gold_dir`` (see actorgraph.graph.evaluate); when they are in several languages, also
    score each language on its own (its documents alone, so the figures do not borrow from
    the other language's documents).

    Scoring reads a store and sits in the graph layer, beside the named questions; extracting
    documents to score them is an ingest, orchestrated here."""
    s = _settings(settings)
    store, overall = _scored(paths, gold_dir, model, s)
    languages = _by_language(store, paths)
    by_language = {lang: _scored(files, gold_dir, model, s)[1] for lang, files in languages.items()} \
        if len(languages) > 1 else {}
    return overall, by_language


def evaluate_folds(paths: list[Path], gold_dir: Path, model: str | None = None, group_by: str = GROUP_PATTERN,
                   settings: Settings | None = None) -> Folds:
    """Score each group of ``paths`` on its own (a group: what ``group_by`` finds in the file
    names, see :func:`actorgraph.graph.evaluate.group_of`), each language on its own, and all
    of them together; the mean over groups weighs each group once.

    >>> from actorgraph.graph.evaluate import group_of
    >>> sorted({group_of(p) for p in ["A01_x.txt", "A02_y.txt", "B01_z.txt", "notes.txt"]})
    ['A', 'B', 'other']
    """
    s = _settings(settings)
    store, overall = _scored(paths, gold_dir, model, s)
    languages = _by_language(store, paths)
    by_language = {lang: _scored(files, gold_dir, model, s)[1] for lang, files in languages.items()} \
        if len(languages) > 1 else {lang: overall for lang in languages}
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        groups[group_of(str(path), group_by)].append(path)
    ordered = sorted(groups, key=lambda g: (g == NO_GROUP, g))
    return Folds(groups={g: _scored(groups[g], gold_dir, model, s)[1] for g in ordered},
                 group_sizes={g: len(groups[g]) for g in ordered}, languages=by_language,
                 language_sizes={lang: len(files) for lang, files in languages.items()}, overall=overall,
                 documents=len(paths))


__all__ = ["list_entities", "resolve", "aliases_path", "ask", "analyze", "open_store", "ingest", "query",
           "to_networkx", "summary", "write_map", "seeds_path", "Result", "evaluate_files", "evaluate_folds"]
