"""Deterministic IRIs for entities, documents and evidence, and the name normalisation
that evaluation and entity resolution share."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from actorgraph.ontology import DOC, ID, class_slug

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def strip_accents(text: str) -> str:
    """Remove combining accents.

    >>> strip_accents("Peña Corrección")
    'Pena Correccion'
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)  # a name recurs in every mention and every document that names it
def normalize_name(name: str) -> str:
    """Name key used by evaluation: casefold, strip accents, drop punctuation, hyphens
    and a leading "the", collapse white space.

    >>> normalize_name("The  Ruiz-Solano’s")
    'ruiz solanos'
    >>> normalize_name("U.S. Immigration and Customs Enforcement")
    'us immigration and customs enforcement'
    """
    text = strip_accents(name.translate(_QUOTES)).casefold()
    text = text.replace("-", " ")
    text = _PUNCT.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def slug(name: str) -> str:
    """IRI-safe slug of a name.

    >>> slug("Northwest Detention Center (NWDC)")
    'northwest-detention-center-nwdc'
    >>> slug("¡ <script> !")
    'script'
    """
    text = normalize_name(name)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not text:
        text = "x" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    return text[:120]


def entity_iri(cls: str, name: str) -> URIRef:
    """IRI of an entity from its class and canonical name.

    >>> entity_iri("GovernmentAgency", "Tennessee Highway Patrol")
    rdflib.term.URIRef('https://w3id.org/actorgraph/id/government-agency/tennessee-highway-patrol')
    """
    return ID[f"{class_slug(cls)}/{slug(name)}"]


def text_hash(text: str) -> str:
    """First 16 hex digits of the sha256 of a text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_iri(clean_text: str) -> URIRef:
    """IRI of a document from its cleaned text.

    >>> document_iri("hello")
    rdflib.term.URIRef('https://w3id.org/actorgraph/doc/2cf24dba5fb0a30e')
    """
    return DOC[text_hash(clean_text)]


def evidence_iri(doc: URIRef, *parts: object) -> URIRef:
    """IRI of an Evidence node inside a document, stable across runs."""
    key = "\x1f".join(str(p) for p in parts)
    return URIRef(f"{doc}/evidence/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}")
