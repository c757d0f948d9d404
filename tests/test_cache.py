"""Views of a read-only embedded store kept on disk (actorgraph.graph.cache): used again
while the store is unchanged, made again after any write, never half-written."""

from pathlib import Path

import networkx as nx
import pytest

from actorgraph import api
from actorgraph.exports import privacy
from actorgraph.graph import project
from actorgraph.graph.cache import PREFIX, cached
from actorgraph.graph.store import open_store

NEW = ("Marlow Valley Farmworker Alliance opposes the Dunmore County Sheriff's Office. "
       "Marlow Valley Farmworker Alliance sued the Dunmore County Sheriff's Office in March.")


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    return (sorted(a.nodes(data=True)) == sorted(b.nodes(data=True))
            and sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True)))


@pytest.fixture()
def folder(tmp_path, seed_files, nlp) -> Path:
    path = tmp_path / "store"
    with open_store(str(path)) as store:
        api.ingest(seed_files[:2], store=store)
    return path


def test_a_view_is_used_again_while_the_store_is_unchanged(folder, monkeypatch):
    with open_store(str(folder), read_only=True) as store:
        first = project.skeleton(store)
        people = privacy.people_and_roles(store)
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(PREFIX)) == \
        [f"{PREFIX}people.pickle", f"{PREFIX}skeleton.pickle"]

    def unread(store):
        raise AssertionError("the store was read again")

    monkeypatch.setattr(project, "_skeleton", unread)
    monkeypatch.setattr(privacy, "_read_people", unread)
    with open_store(str(folder), read_only=True) as store:
        assert _same(project.skeleton(store), first)
        assert privacy.people_and_roles(store) == people
        assert first.number_of_edges() > 0 and people


def test_a_write_makes_the_view_again(folder, tmp_path):
    with open_store(str(folder), read_only=True) as store:
        before = project.skeleton(store)
    doc = tmp_path / "new.txt"
    doc.write_text(NEW, encoding="utf-8")
    with open_store(str(folder)) as store:
        api.ingest([doc], store=store)
        fresh = project._skeleton(store)
    with open_store(str(folder), read_only=True) as store:
        after = project.skeleton(store)
    assert _same(after, fresh)
    assert after.number_of_edges() > before.number_of_edges()
    assert any(d["label"].startswith("Marlow Valley") for _, d in after.nodes(data=True))


def test_a_damaged_view_is_made_again(folder):
    with open_store(str(folder), read_only=True) as store:
        first = project.skeleton(store)
    (folder / f"{PREFIX}skeleton.pickle").write_bytes(b"not a pickle")
    with open_store(str(folder), read_only=True) as store:
        assert _same(project.skeleton(store), first)


def test_a_store_open_for_writing_keeps_no_view(folder):
    calls = []
    with open_store(str(folder)) as store:
        for _ in range(2):
            cached(store, "test", 1, lambda: calls.append(1))
    with open_store(str(folder), read_only=True) as store:
        for _ in range(2):
            cached(store, "test", 1, lambda: calls.append(1))
    assert len(calls) == 3  # twice while writable, once read-only


def test_an_ingest_into_a_folder_leaves_the_views_ready(tmp_path, seed_files, nlp, monkeypatch):
    report = api.ingest(seed_files[:2], store=tmp_path / "store")
    assert report.timings["views"] > 0

    def unread(store):
        raise AssertionError("the store was read again")

    monkeypatch.setattr(project, "_skeleton", unread)
    with open_store(str(tmp_path / "store"), read_only=True) as store:
        assert project.skeleton(store).number_of_edges() > 0

