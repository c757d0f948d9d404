"""Plain records passed between pipeline steps: Document -> Segment -> Mention -> Entity/Relation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document. ``text`` is what offsets refer to and what the IRI hashes."""

    text: str
    source: str
    title: str
    iri: str
    media_type: str
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Segment:
    """A block of the document: a paragraph, a petition listing, a title line.

    ``fields`` holds structured parts found by :mod:`actorgraph.loaders.segment` (for a
    petition: title span, signature count and goal, creators), as (name, value) pairs.
    """

    start: int
    end: int
    kind: str
    language: str
    fields: tuple[tuple[str, object], ...] = ()

    def get(self, name: str, default=None):
        for key, value in self.fields:
            if key == name:
                return value
        return default


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the cleaned text that names an entity."""

    start: int
    end: int
    text: str
    cls: str
    extractor: str
    confidence: float = 0.8
    canonical: str | None = None  # a name from domain data or a definition, when known


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity of one document after in-document resolution."""

    iri: str
    cls: str
    label: str
    forms: tuple[str, ...]
    mentions: tuple[Mention, ...] = ()
    attributes: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence behind a relation; ``quote == document.text[start:end]``."""

    quote: str
    start: int
    end: int
    extractor: str
    confidence: float
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one document says, ready to become triples."""

    document: Document
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    segments: tuple[Segment, ...] = field(default=())
