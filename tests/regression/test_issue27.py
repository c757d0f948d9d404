"""Issue 27, part 1: masking by entity, in every form.

A masked person is masked where the documents name them — their names in the quotes of the
documents that mention them (a surname alone included), the names made from theirs (a
petition "Release X from Custody") — and nowhere else: a company and a county that share a
word with them keep their names. No output of a map or an export carries a masked name in
any spelling a reader could search for, IRIs and file names included; the map's legend and
the handout say what a pseudonym is."""

from __future__ import annotations

import csv
import html
import json
import re
import unicodedata
import urllib.parse
from collections import defaultdict
from html.entities import codepoint2name
from pathlib import Path

import pytest

from actorgraph import api
from actorgraph.exports import EXPORTERS
from actorgraph.exports.privacy import private_people
from actorgraph.graph.store import open_store

# invented: a private person who shares her surname with a company, a county and its sheriff
VIGIL = """Free Maria Vigil: a county deputy handed a mother of three to ICE

Deputies of the Vigil County Sheriff's Office arrested Maria Vigil outside her home in Vigil County on Tuesday. \
ICE detained Vigil at the Northwest Detention Center the same night.

Vigil Technologies, a company that sells license-plate data, shared data with ICE, according to records obtained \
by the Vigil County Immigrant Defense Network.

The Vigil County Immigrant Defense Network launched the petition "Free Maria Vigil Now" and held a candlelight vigil \
outside the jail. The network condemned Vigil Technologies and called on the Vigil County Sheriff's Office to end \
its agreement with ICE.
"""
SHARING_A_WORD = ("Vigil Technologies", "Vigil County", "Vigil County Sheriff's Office", "Vigil County Immigrant Defense Network")
PUBLIC = ("Bob Ferguson", "Homan", "Maru Mora-Villalpando")
PICTURES = ("png", "svg", "pdf")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, seed_files, nlp):
    """A store of the seeds and the invented document (named after her, as a reader would
    save it), every map, picture and export of it under --privacy standard, and the CSV
    under --privacy open to compare with."""
    root = tmp_path_factory.mktemp("issue27")
    (root / "docs").mkdir()
    (root / "docs" / "maria_vigil-arrest.txt").write_text(VIGIL, "utf-8")
    with open_store(str(root / "store")) as store:
        api.ingest([*seed_files, root / "docs" / "maria_vigil-arrest.txt"], store=store)
    out = root / "standard"
    out.mkdir()
    with open_store(str(root / "store"), read_only=True) as store:
        api.write_map(store, out / "map.html", story="auto", **{fmt: out / f"handout.{fmt}" for fmt in PICTURES})
        for fmt in EXPORTERS:
            api.export(store, fmt, out / (fmt if fmt == "csv" else f"export.{fmt}"))
        api.export(store, "csv", root / "open-csv", privacy="open")
        private = private_people(store, "standard")
    return out, root / "open-csv", private


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".pdf":  # text is drawn with subset fonts in compressed streams: read it as a reader's tool would
        from pypdf import PdfReader

        return data.decode("latin-1") + "\n" + "\n".join(page.extract_text() for page in PdfReader(path).pages)
    if path.suffix == ".png":  # pixels and metadata; its labels are those of the SVG and PDF, drawn from the same graph
        return data.decode("latin-1")
    return data.decode("utf-8")


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def spellings(name: str) -> set[str]:
    """Every spelling of a name a reader could search for: as written, accents dropped,
    its words joined by spaces, hyphens, underscores or plus signs (slugs, file names,
    query strings), and each of those URL-encoded, JSON-escaped and as HTML entities.
    (Case is ignored by the search.)"""
    words = re.findall(r"[^\W_]+", name)
    found = {name, _plain(name)}
    for ws in (words, [_plain(w) for w in words]):
        found |= {sep.join(ws) for sep in (" ", "-", "_", "+")}
    for s in list(found):
        found |= {urllib.parse.quote(s), urllib.parse.quote_plus(s), json.dumps(s)[1:-1], html.escape(s),
                  s.encode("ascii", "xmlcharrefreplace").decode("ascii"),
                  "".join(f"&#x{ord(c):x};" if ord(c) > 127 else c for c in s),
                  "".join(f"&{codepoint2name[ord(c)]};" if ord(c) > 127 and ord(c) in codepoint2name else c for c in s)}
    return {s for s in found if s}


def _hits(text: str, needles: set[str]) -> list[str]:
    """The needles found in ``text`` as whole words, case ignored."""
    lower = text.lower()
    hits = []
    for needle in needles:
        if needle.lower() in lower and re.search(r"(?<![^\W_])" + re.escape(needle) + r"(?![^\W_])", text, re.IGNORECASE):
            hits.append(needle)
    return hits


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _others(open_csv: Path, private: dict) -> list[dict]:
    return [r for r in _rows(open_csv / "nodes.csv") if r["id"] not in private]


def _words(text: str) -> set[str]:
    return {_plain(w).lower() for w in re.findall(r"[^\W_]+", text)}


def _holds_a_full_name(name: str, private: dict) -> bool:
    """Whether a name holds a masked person's full name (two words or more)."""
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", name) for forms in private.values() for f in forms
               if len(_words(f)) > 1)


def _searched(private: dict, others: list[dict]) -> tuple[set[str], set[str]]:
    """The masked names searched for in every output, and the one-word names left out of
    that search because another entity's name holds the same word ("Vigil" in "Vigil
    County"): those are checked in the quotes instead."""
    shared = set().union(*(_words(r["label"]) | _words(r["aliases"]) for r in others))
    names = {f for forms in private.values() for f in forms}
    one_word = {n for n in names if len(_words(n)) == 1 and _words(n) <= shared}
    return names - one_word, one_word


def test_issue27_every_output_was_written(outputs):
    out, _, private = outputs
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted(["map.html", *(f"handout.{f}" for f in PICTURES), "csv/edges.csv", "csv/nodes.csv",
                              *(f"export.{f}" for f in EXPORTERS if f != "csv")])
    assert any("Maria Vigil" in forms for forms in private.values())


def test_issue27_no_output_carries_a_masked_name_in_any_spelling(outputs):
    out, open_csv, private = outputs
    names, one_word = _searched(private, _others(open_csv, private))
    assert {"Maria Vigil", "Benjamin Valdez", "Pansy Coleman Valdez", "Ana María R.", "Jose “Ivan” Nuñez"} <= names
    assert "Vigil" in one_word
    needles = {n: spellings(n) for n in names}
    assert {"maria-vigil", "maria_vigil", "jose_ivan_nu%c3%b1ez", "jose ivan nu\\u00f1ez", "jose ivan nu&ntilde;ez",
            "jose ivan nu&#241;ez", "jose-ivan-nunez", "ana+maria+r"} <= {v.lower() for v in set().union(*needles.values())}
    found = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        text = _read(path)
        if path.suffix != ".png":  # the search reads the text (a PDF's included)
            assert "Vigil County Sheriff" in text or "Vigil Technologies" in text or "Immigration and Customs" in text, path
        for name, variants in needles.items():
            if hits := _hits(text, variants):
                found.setdefault(path.name, []).append((name, hits))
    assert found == {}


def test_issue27_a_surname_alone_is_masked_where_it_names_her(outputs):
    out, open_csv, private = outputs
    _, one_word = _searched(private, _others(open_csv, private))
    kept = sorted({n for r in _others(open_csv, private) for n in [r["label"], *r["aliases"].split("; ")] if n},
                  key=len, reverse=True)
    quotes = {r["quote"] for r in _rows(out / "csv" / "edges.csv")}
    assert any(re.fullmatch(r"ICE detained Person [0-9a-f]{4} at the Northwest Detention Center the same night\.", q)
               for q in quotes)
    for quote in quotes:  # once the names of other entities are taken out, no one-word name is left
        rest = quote
        for label in kept:
            rest = re.sub(re.escape(label), " ", rest, flags=re.IGNORECASE)
        assert not [n for n in one_word if _hits(rest, {n})], quote


def test_issue27_quotes_change_only_at_masked_names(outputs):
    out, open_csv, private = outputs
    names = {f for forms in private.values() for f in forms}
    words = set().union(*(_words(n) for n in names))

    def by_place(path: Path) -> dict[tuple, set[str]]:
        places = defaultdict(set)
        for r in _rows(path / "edges.csv"):
            places[(r["document"], r["char_start"], r["char_end"], r["predicate"])].add(r["quote"])
        return places

    masked, shown = by_place(out / "csv"), by_place(open_csv)
    assert masked.keys() == shown.keys()
    others = {n for r in _others(open_csv, private) if not _holds_a_full_name(r["label"], private)
              for n in [r["label"], *r["aliases"].split("; ")] if n}
    changed = 0
    for place, quotes in masked.items():
        (original,) = shown[place]
        (quote,) = quotes
        for name in others:  # every other entity named in the quote still is ("Vigil County", "Vigil Technologies")
            pattern = r"(?<![^\W_])" + re.escape(name) + r"(?![^\W_])"
            assert len(re.findall(pattern, quote)) == len(re.findall(pattern, original)), (name, quote)
        pieces = re.split(r"Person [0-9a-f]{4,}", quote)
        match = re.fullmatch("(.+?)".join(re.escape(p) for p in pieces), original, re.DOTALL)
        assert match, (quote, original)
        for replaced in match.groups():  # what each pseudonym stands for: words of masked names only
            assert _words(replaced) <= words and _words(replaced), (replaced, original)
        changed += len(pieces) > 1
    assert changed >= 10


def test_issue27_other_entities_keep_their_names(outputs):
    out, open_csv, private = outputs
    before = {r["label"]: r for r in _others(open_csv, private)}
    after = {r["label"]: r for r in _rows(out / "csv" / "nodes.csv")}
    gone = {label for label in before if label not in after}
    # the only names that changed are made from a masked person's full name, and all of those changed
    assert gone == {label for label in before if _holds_a_full_name(label, private)}
    assert {"Release Benjamin Valdez from Custody", "Free Maria Vigil"} <= gone
    assert any(re.fullmatch(r"Release Person [0-9a-f]{4} from Custody", label) for label in after)
    for label in [*SHARING_A_WORD, *PUBLIC, "Trump administration"]:
        assert label in after and after[label]["id"] == before[label]["id"], label
    # an entity whose name held one gets an opaque IRI; a masked person, the pseudonym's
    new = sorted(r["id"] for r in after.values() if r["id"] not in {b["id"] for b in before.values()})
    assert len([i for i in new if re.search(r"/masked-[0-9a-f]{12}$", i)]) == len(gone)
    assert all(re.search(r"/(masked-[0-9a-f]{12}|person/person-[0-9a-f]{4,})$", i) for i in new)


def test_issue27_the_legend_and_the_handout_say_what_a_pseudonym_is(outputs):
    out, _, _ = outputs
    page = (out / "map.html").read_text("utf-8")
    note = re.search(r'<p id="pseudonyms" class="note">(.*?)</p>', page, re.DOTALL)
    assert note, "the map's legend has no note on pseudonyms"
    text = html.unescape(note.group(1))
    example = re.search(r"“(Person [0-9a-f]{4})”", text).group(1)
    assert f'"name": "{example}"' in page  # a node on the map
    assert "private person named in the documents" in text and "--privacy open" in text
    handout = (out / "handout.svg").read_text("utf-8")
    assert "are pseudonyms" in handout and "--privacy open" in handout


def test_issue27_open_maps_have_no_pseudonym_note(tmp_path, seed_store):
    api.write_map(seed_store, tmp_path / "open.html", privacy="open", svg=tmp_path / "open.svg")
    assert 'id="pseudonyms"' not in (tmp_path / "open.html").read_text("utf-8")
    assert "pseudonyms" not in (tmp_path / "open.svg").read_text("utf-8")
