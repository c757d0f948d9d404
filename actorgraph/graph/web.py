"""Web pages in an ingest: where their cache lives beside a store, and which pages need no
extraction at all because the store holds their text already."""

from __future__ import annotations

from pathlib import Path

from actorgraph.graph.fingerprint import Reading
from actorgraph.graph.store import Store
from actorgraph.loaders.model import Document

CACHE_NAME = "actorgraph-web-cache"  # the cache of a memory or remote store, in the working folder


def web_cache_path(location: str | None) -> Path:
    """The web cache of a store: ``<store folder>-web-cache`` beside an embedded store's
    folder; ``./actorgraph-web-cache`` for ``memory`` and remote (http) stores.

    >>> web_cache_path("data/my-store"), web_cache_path("memory"), web_cache_path("http://localhost:7878/query")
    (PosixPath('data/my-store-web-cache'), PosixPath('actorgraph-web-cache'), PosixPath('actorgraph-web-cache'))
    """
    from actorgraph.graph.store import DEFAULT_LOCATION

    location = location or DEFAULT_LOCATION
    if location == "memory" or location.lower().startswith(("http://", "https://")):
        return Path(CACHE_NAME)
    folder = Path(location).expanduser()
    return folder.with_name(folder.name + "-web-cache")


def split_known(store: Store, documents: list[Document], reading: Reading | None = None,
                force: bool = False) -> tuple[list[Document], list[Document]]:
    """(documents to extract, documents whose text the store holds already under the same
    IRI: unchanged, no need to parse them again). With ``reading`` (what reads documents
    today), a stored document read by something else since is extracted again; with
    ``force``, every document is."""
    from actorgraph.graph.ingest import stored_versions

    present, _ = stored_versions(store, [d.iri for d in documents], [])
    known = {iri for iri, stored in present.items()
             if not force and (reading is None or not reading.why_again(stored))}
    return [d for d in documents if d.iri not in known], [d for d in documents if d.iri in known]
