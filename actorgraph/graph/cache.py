"""Derived views of an embedded store kept on disk: what the analyses and maps read from the
whole store (the graph without quotes, who is a person with which roles) takes 5 s to read
from a store of 10,000 documents and 0.6 s to load again.

A view is a pickle inside the store's own folder (deleting the store deletes it; it holds
no more than the store does), stamped with the store's files — every name, size and
modification time RocksDB keeps there. Any write changes them (a write appends to the
log; a flush or compaction makes new files), so a view is used only while the store is
exactly as it was when the view was made. Only a store opened read-only keeps views: one
open for writing may change under the view before it closes. Remote stores keep none.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import networkx as nx

from actorgraph import __version__
from actorgraph.graph.store import OxigraphStore, Store

T = TypeVar("T")
PREFIX = "actorgraph-view-"  # RocksDB leaves files with names it does not know alone
_NOT_DATA = ("LOCK", "LOG")  # the lock and RocksDB's own diagnostics change without a write


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = []
    for entry in os.scandir(folder):
        if entry.name.startswith(PREFIX) or entry.name.startswith(_NOT_DATA) or not entry.is_file():
            continue
        info = entry.stat()
        files.append((entry.name, info.st_size, info.st_mtime_ns))
    return tuple(sorted(files))


def keeps_views(store: Store) -> bool:
    """Whether ``store`` keeps views: an embedded store on disk, open read-only."""
    return isinstance(store, OxigraphStore) and not store.writable and store.location != "memory"


def cached(store: Store, name: str, version: int, build: Callable[[], T]) -> T:
    """``build()``, or the value it made before from the same store (``name`` and
    ``version`` — raise it when the value's shape changes — identify the view)."""
    if not keeps_views(store):
        return build()
    folder = Path(store.location)
    path = folder / f"{PREFIX}{name}.pickle"
    key = (__version__, nx.__version__, name, version, _stamp(folder))  # a pickle is only as good as the classes it names
    try:
        with path.open("rb") as handle:
            stored_key, value = pickle.load(handle)
        if stored_key == key:
            return value
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        pass  # no view yet, or one this version cannot read: make it again
    value = build()
    part = path.with_name(path.name + f".{os.getpid()}.part")
    try:
        with part.open("wb") as handle:
            pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)  # whole or not at all: a reader never sees half a view
    except OSError:  # a folder we may not write to: the view is only a saving
        part.unlink(missing_ok=True)
    return value
