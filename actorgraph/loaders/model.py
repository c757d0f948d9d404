"""Plain records passed between pipeline steps: Document -> Segment -> Mention -> Entity/Relation."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from actorgraph.loaders.lang import DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document. ``text`` is what offsets refer to and what the IRI hashes.

    ``source`` is a file's path or a web page's address after redirects; a page also keeps
    the address asked for (``requested``), when it was fetched (``fetched``, ISO 8601 UTC),
    and what the page says of itself where it says it: ``created`` (its publication date,
    ISO 8601: a date or a date and time), ``author`` and ``site`` (the site's name).
    ``date_source`` says how ``created`` was found: "metadata" (the markup), "feed" (a
    feed's item) or "dateline" (the top of the text: :mod:`actorgraph.loaders.time`)."""

    text: str
    source: str
    title: str
    iri: str
    media_type: str
    language: str = DEFAULT_LANGUAGE
    requested: str | None = None
    fetched: str | None = None
    created: str | None = None
    author: str | None = None
    site: str | None = None
    date_source: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources whose earlier document this one replaces: its own, and the address
        asked for when a redirect led elsewhere."""
        if self.requested and self.requested != self.source:
            return (self.source, self.requested)
        return (self.source,)


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


class MentionKind(StrEnum):
    """What a mention is, whatever pass found it: later steps ask this, never the pass's name."""

    NAME = "name"                          # a name in running text
    MODEL = "model"                        # the statistical recognizer's span, nothing else behind it
    KNOWN = "known"                        # a name of a sourced table
    TRANSLATED = "translated"              # another language's form of a table name (labelled in English)
    BUILT = "built"                        # a name the pipeline composed: an English form, a sited event
    PETITION_TITLE = "petition-title"      # the title line of a petition listing (holds other mentions)
    PETITION_PARTY = "petition-party"      # whom a petition title defends or addresses
    PETITION_CREATOR = "petition-creator"  # the account that started a petition ("Created by X")
    HEADING_CAMPAIGN = "heading-campaign"  # a heading line that names a campaign (holds other mentions)
    CAMPAIGN_LABEL = "campaign-label"      # "Petition campaign - X"
    CAMPAIGN_NAME = "campaign-name"        # "the X campaign"
    UNIT = "unit"                          # "the Seattle office of X" (holds the mention of X)
    COREF = "coref"                        # a pronoun or description standing for an entity named before

    @property
    def is_container(self) -> bool:
        """Whether mentions of this kind may hold other mentions."""
        return self in (MentionKind.PETITION_TITLE, MentionKind.HEADING_CAMPAIGN, MentionKind.UNIT)

    @property
    def is_petition(self) -> bool:
        return self in (MentionKind.PETITION_TITLE, MentionKind.PETITION_PARTY, MentionKind.PETITION_CREATOR)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the cleaned text that names an entity. ``extractor`` names the pass that found
    it (for provenance); ``kind`` says what it is."""

    start: int
    end: int
    text: str
    cls: str
    extractor: str
    confidence: float = 0.8
    canonical: str | None = None  # a name from domain data or a definition, when known
    kind: MentionKind = MentionKind.NAME


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
    """The sentence behind a relation; ``quote == document.text[start:end]``.

    When the text dates the relation (:mod:`actorgraph.loaders.time.statements`), ``since``
    and ``until`` say when it began and ended, ``as_of`` when it held (ISO 8601, as precise
    as the text: "2011", "2020-02", "2021-03-02"), and ``ended`` that the text says it has
    ended ("terminated", "no longer"), with or without a date."""

    quote: str
    start: int
    end: int
    extractor: str
    confidence: float
    modality: str = "asserted"
    since: str | None = None
    until: str | None = None
    as_of: str | None = None
    ended: bool = False


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
    warnings: tuple[str, ...] = ()  # what the reader noticed and left out ("no such date: 'February 30, 2020'")
