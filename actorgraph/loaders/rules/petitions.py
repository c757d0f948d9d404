"""Petition listings (``rules.petition.*``): what a listing states by its structure.

A listing is a title line ("Tell Mayor X: Release Y"), a text and "Created by Z". The one
who started it created the campaign; whoever the title or the text addresses ("Tell X",
"Mayor X: …", "X Should …", "in the hands of X", "we urge members of X to …") is its
target; whoever it defends, or the law it asks to pass ("Free Y", "Pass the Z Act", "in
support of Y", "defend Y, a mother of three") is supported. Everything a listing asks for
is ``demanded``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from actorgraph.loaders import lang
from actorgraph.loaders.lang import pack_for
from actorgraph.loaders.model import Entity, MentionKind, Relation, Segment
from actorgraph.loaders.rules import DocumentContext, Level, Node, Passage, fits, list_joined, make_relation, register

# how a language words a petition's demands is its pack's (expressions.toml: rules.petition.*)
_ADDRESSED = ("Person", "GovernmentAgency", "Organization", "Company")


@dataclass(frozen=True, slots=True)
class Listing:
    """One petition listing: its title segment, the campaign the title names, the names in
    the title (the campaign's own aside), in its text, and in "Created by …"."""

    segment: Segment
    campaign: Entity
    title: tuple[Node, ...]
    body: tuple[Node, ...]
    creators: tuple[Node, ...]

    def passage(self, text: str) -> Passage:
        """The title line, as evidence of what the listing demands."""
        return Passage(text, self.segment.start, self.segment.end, "demanded")

    @property
    def actors(self) -> list[Node]:
        """The names in the title other than the campaign."""
        return [n for n in self.title if n.entity.iri != self.campaign.iri]


def listings(ctx: DocumentContext) -> Iterator[Listing]:
    """The petition listings of the document whose title names a campaign."""
    for p in ctx.parsed:
        seg = p.segment
        if seg.kind != "petition-title":
            continue
        heading = next((n for n in ctx.nodes if n.mention.start == seg.start and n.mention.end == seg.end
                        and n.mention.kind == MentionKind.PETITION_TITLE), None)
        if heading is None:
            continue
        title = tuple(n for n in ctx.nodes if seg.start <= n.mention.start and n.mention.end <= seg.end and n is not heading)
        body_span = seg.get("body")
        body = tuple(n for n in ctx.nodes if body_span and body_span[0] <= n.mention.start < body_span[1])
        creators = tuple(n for n in ctx.nodes if n.mention.kind == MentionKind.PETITION_CREATOR
                         and any(s == n.mention.start for _, s, _ in seg.get("creators", ())))
        yield Listing(seg, heading.entity, title, body, creators)


@register("rules.petition.creator.v1", Level.DOCUMENT, ("createdCampaign",))
def creator(ctx: DocumentContext) -> Iterator[Relation]:
    """"Created by X" under a petition listing: X created the campaign."""
    for listing in listings(ctx):
        for node in listing.creators:
            line_start = ctx.text.rfind("\n", 0, node.mention.start) + 1
            line_end = ctx.text.find("\n", node.mention.end)
            line = Passage(ctx.text, line_start, len(ctx.text) if line_end < 0 else line_end)
            relation = make_relation(line, node.entity, "createdCampaign", listing.campaign, "rules.petition.creator.v1", 0.95)
            if relation is not None:
                yield relation


def _addressed(text: str, listing: Listing) -> Iterator[Node]:
    """"Mayor X: Release …": whoever is named before the colon is asked to act."""
    seg = listing.segment
    colon = text[seg.start:seg.end].find(":")
    for n in listing.actors:
        if 0 <= colon and n.mention.start - seg.start < colon and n.entity.cls in _ADDRESSED:
            yield n


def _should(text: str, listing: Listing) -> Iterator[Node]:
    """"<X> Should Provide Support for …": the subject of the title is asked to act."""
    actors = listing.actors
    if not actors or not lang.match("rules.petition.should_title", text, actors[0].mention.end):
        return
    articles = pack_for(listing.segment.language).words("articles")
    lead = text[listing.segment.start:actors[0].mention.start].strip()
    if lead in ("", *articles, *(a.capitalize() for a in articles)):
        yield actors[0]


def _clauses(text: str, listing: Listing) -> Iterator[tuple[str, int]]:
    """The parts of the title between colons, with their offsets."""
    seg = listing.segment
    title = text[seg.start:seg.end]
    for clause in re.split(r":\s*", title):
        yield clause, seg.start + title.find(clause)


def _told(text: str, listing: Listing) -> Iterator[Node]:
    """"Tell X …", "Ask the X to …", "Demand X stop …": the one right after the verb."""
    for clause, clause_start in _clauses(text, listing):
        verb = lang.match("rules.petition.target_title", clause)
        if verb:
            after = [n for n in listing.actors if n.mention.start >= clause_start + verb.end() - 1]
            if after and after[0].mention.start - (clause_start + verb.end()) <= 2:
                yield after[0]


def _defended(text: str, listing: Listing) -> Iterator[Node]:
    """"Free X", "Pass the Y Act": the people, laws and groups named after the verb."""
    for clause, clause_start in _clauses(text, listing):
        if lang.match("rules.petition.support_title", clause):
            yield from (n for n in listing.actors if n.mention.start >= clause_start
                        and n.entity.cls in ("Person", "Policy", "Organization"))


@register("rules.petition.title.v1", Level.DOCUMENT, ("campaignTargets", "campaignSupports"))
def title(ctx: DocumentContext) -> Iterator[Relation]:
    """A petition's title line: whom it addresses ("Tell X", "Mayor X: …") and whom it defends ("Free Y")."""
    for listing in listings(ctx):
        where = listing.passage(ctx.text)
        found = [(n, "campaignTargets") for finder in (_addressed, _should, _told) for n in finder(ctx.text, listing)]
        found += [(n, "campaignSupports") for n in _defended(ctx.text, listing)]
        for node, predicate in found:
            relation = make_relation(where, listing.campaign, predicate, node.entity, "rules.petition.title.v1", 0.8)
            if relation is not None:
                yield relation


def _body_sentences(ctx: DocumentContext, listing: Listing) -> Iterator[tuple[Node, str, Passage]]:
    """Each name in a listing's text, the 40 characters before it (lower case), and the
    sentence it is in (as the listing's text is cut: at ". " and line ends)."""
    text, seg = ctx.text, listing.segment
    for n in listing.body:
        before = text[max(seg.start, n.mention.start - 40):n.mention.start].lower()
        start = max(text.rfind(". ", 0, n.mention.start) + 2, text.rfind("\n", 0, n.mention.start) + 1)
        end = text.find(". ", n.mention.end)
        yield n, before, Passage(text, start, len(text) if end < 0 else end + 1, "demanded")


def _family_names(clause: str) -> frozenset[str]:
    """The surnames of the family a title clause asks to defend ("Save the Ruiz/Ortega family",
    "Liberen a la familia Ruiz Ortega"), in lower case."""
    found = lang.match("rules.petition.family", clause)
    if found is None:
        return frozenset()
    return frozenset(w.lower() for w in re.split(r"\s*(?:/|&|\band\b|\by\b|\s)\s*", found.group("names")) if w)


@register("rules.petition.family.v1", Level.DOCUMENT, ("campaignSupports",))
def family(ctx: DocumentContext) -> Iterator[Relation]:
    """"Save the Ruiz/Ortega family": the listing defends each person its text names with one of those surnames."""
    for listing in listings(ctx):
        names = frozenset().union(*(_family_names(clause) for clause, _ in _clauses(ctx.text, listing)))
        if not names:
            continue
        where = listing.passage(ctx.text)
        members = {n.entity.iri: n.entity for n in listing.body if n.entity.cls == "Person"
                   and len(words := n.entity.label.split()) > 1 and words[-1].lower() in names}
        for person in members.values():
            relation = make_relation(where, listing.campaign, "campaignSupports", person, "rules.petition.family.v1", 0.7)
            if relation is not None:
                yield relation


@register("rules.petition.hands_of.v1", Level.DOCUMENT, ("campaignTargets",))
def hands_of(ctx: DocumentContext) -> Iterator[Relation]:
    """"… is in the hands of X" in a listing's text: X is the petition's target."""
    for listing in listings(ctx):
        for n, before, where in _body_sentences(ctx, listing):
            if not lang.search("rules.petition.hands_of", before):
                continue
            if n.entity.cls == "Person" or not any(m.entity.cls == "Person" and 0 < m.mention.start - n.mention.end < 30
                                                   for m in listing.body):
                relation = make_relation(where, listing.campaign, "campaignTargets", n.entity, "rules.petition.hands_of.v1", 0.7)
                if relation is not None:
                    yield relation


@register("rules.petition.support_of.v1", Level.DOCUMENT, ("campaignSupports",))
def support_of(ctx: DocumentContext) -> Iterator[Relation]:
    """"… in support of X" in a listing's text: the petition supports the person X."""
    for listing in listings(ctx):
        for n, before, where in _body_sentences(ctx, listing):
            if lang.search("rules.petition.support_of", before) and n.entity.cls == "Person":
                relation = make_relation(where, listing.campaign, "campaignSupports", n.entity, "rules.petition.support_of.v1", 0.7)
                if relation is not None:
                    yield relation


@register("rules.petition.body_target.v1", Level.DOCUMENT, ("campaignTargets",))
def body_target(ctx: DocumentContext) -> Iterator[Relation]:
    """"We urge members of X to …", "pressure on X and Y" in a petition's text: the targets."""
    text = ctx.text
    for sent in ctx.sentences:
        if sent.campaign is None:
            continue
        inside = sent.nodes
        for i, n in enumerate(inside):
            if not (lang.search("rules.petition.target_body", text[max(sent.start, n.mention.start - 40):n.mention.start])
                    and fits(sent.campaign, "campaignTargets", n.entity)):
                continue
            group = [n] + [m for k, m in enumerate(inside[i + 1:], i + 1)
                           if list_joined(text[inside[k - 1].mention.end:m.mention.start])]
            for g in group:
                relation = make_relation(sent, sent.campaign, "campaignTargets", g.entity, "rules.petition.body_target.v1",
                                         0.6, "demanded")
                if relation is not None:
                    yield relation


@register("rules.petition.body_support.v1", Level.DOCUMENT, ("campaignSupports",))
def body_support(ctx: DocumentContext) -> Iterator[Relation]:
    """"Defend community organizer X", "free activist X" in a petition's text: the petition supports the person X."""
    for sent in ctx.sentences:
        if sent.campaign is None:
            continue
        for n in sent.nodes:
            lead = ctx.text[max(sent.start, n.mention.start - 40):n.mention.start]
            if n.entity.cls == "Person" and lang.search("rules.petition.defend_body", lead) \
                    and lang.search("rules.petition.described", lead):
                relation = make_relation(sent, sent.campaign, "campaignSupports", n.entity, "rules.petition.body_support.v1",
                                         0.5, "demanded")
                if relation is not None:
                    yield relation
