"""The relations of a document: every rule registered in :mod:`actorgraph.loaders.rules`,
run in the declared orders. This module builds what the document rules read (a
:class:`~actorgraph.loaders.rules.DocumentContext`: the names of each sentence, who "we"
is, what a pronoun stands for), hands the parsed sentences to the sentence rules
(:mod:`actorgraph.loaders.syntax`) and keeps one relation per subject, predicate, object
and passage."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from actorgraph.loaders import lang
from actorgraph.loaders.lang import alternation, registry_version
from actorgraph.loaders.model import Entity, Mention, MentionKind, Relation
from actorgraph.loaders.parse import ParsedSegment
from actorgraph.loaders.rules import (
    DOCUMENT_ORDER,
    RULES,
    SENTENCE_ORDER,
    SENTENCE_RULES,
    DocumentContext,
    Node,
    TextSentence,
    list_joined,
    modality,
    selected,
)
from actorgraph.loaders.syntax import syntactic_relations


@lru_cache(maxsize=4)
def _definites(version: int) -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """For each pack with ``definite_descriptions.csv``, "the company", "the agency": its
    articles and description nouns, and each noun's class."""
    out = []
    for pack in lang.all_packs():
        classes = {r["noun"]: r["class"] for r in pack.rows("definite_descriptions.csv")}
        if classes and pack.words("articles"):
            out.append((re.compile(r"(?<![\w-])(?:" + alternation(pack.words("articles")) + r") (" +
                                   alternation(set(classes)) + r")(?![\w-])", re.I), classes))
    return tuple(out)
_CONTAINERS = (MentionKind.PETITION_TITLE, MentionKind.HEADING_CAMPAIGN)


def _outside_units(nodes: Sequence[Node]) -> list[Node]:
    """Drop mentions nested in a unit mention ("Seattle" and "ICE" in "the Seattle office of ICE")."""
    units = [n for n in nodes if n.mention.kind == MentionKind.UNIT]
    return [n for n in nodes if n in units or not any(u.mention.start <= n.mention.start and n.mention.end <= u.mention.end
                                                       for u in units)]


def _authors(text: str, parsed: Sequence[ParsedSegment], nodes: Sequence[Node]) -> list[Entity]:
    """Who "we" is in a statement: the groups that open one of its first sentences."""
    seen = 0
    for p in parsed:
        if p.doc is None or p.segment.kind != "paragraph":
            continue
        for sent in p.doc.sents:
            s = p.segment.start + sent.start_char
            e = p.segment.start + sent.end_char
            inside = [n for n in nodes if s <= n.mention.start < e]
            seen += 1
            if seen > 4:
                return []
            if not inside:
                continue
            first = inside[0]
            if first.entity.cls != "Organization" or first.mention.start - s > 4:
                continue
            group = [first.entity]
            for prev, nxt in zip(inside, inside[1:]):
                if list_joined(text[prev.mention.end:nxt.mention.start]) and nxt.entity.cls == "Organization":
                    group.append(nxt.entity)
                elif re.fullmatch(r"\s*\(\s*[^)]*\)\s*", text[prev.mention.end:nxt.mention.start]):
                    continue
                else:
                    break
            return list(dict.fromkeys(group))
        return []
    return []


def _pronoun_nodes(text: str, s: int, e: int, before: list[Node], authors: Sequence[Entity]) -> list[Node]:
    """Nodes for pronouns and definite descriptions, resolved to the last fitting antecedent
    (the packs' expressions ``relations.pronoun.*`` and ``definite_descriptions.csv``)."""
    out = []
    last_person = next((n.entity for n in reversed(before) if n.entity.cls == "Person"), None)
    for m in lang.finditer("relations.pronoun.person", text, s, e):
        if last_person is not None:
            out.append(Node(Mention(m.start(), m.end(), m.group(0), "Person", "rules.coref.pronoun.v1", 0.5,
                                    kind=MentionKind.COREF), last_person))
    for m in lang.finditer("relations.pronoun.author", text, s, e):
        for a in authors:
            out.append(Node(Mention(m.start(), m.end(), m.group(0), a.cls, "rules.coref.authors.v1", 0.5, kind=MentionKind.COREF), a))
    for m in lang.finditer("relations.pronoun.group", text, s, e):
        group = _last_group(text, before, m.start())
        for g in group:
            out.append(Node(Mention(m.start(), m.end(), m.group(0), g.cls, "rules.coref.group.v1", 0.5, kind=MentionKind.COREF), g))
    for m, classes in ((m, classes) for pattern, classes in _definites(registry_version()) for m in pattern.finditer(text, s, e)):
        cls = classes[m.group(1).lower()]
        ante = next((n.entity for n in reversed(before) if n.entity.cls == cls and n.mention.end <= m.start()), None)
        if ante is not None:
            out.append(Node(Mention(m.start(), m.end(), m.group(0), cls, "rules.coref.definite.v1", 0.5, kind=MentionKind.COREF), ante))
    return out


def _last_group(text: str, before: list[Node], position: int) -> list[Entity]:
    """The last coordinated actors ("X and Y") before a position, or the last group."""
    actors = [n for n in before if n.mention.end <= position
              and n.entity.cls in ("Person", "Organization", "GovernmentAgency", "Company")]
    if not actors:
        return []
    group = [actors[-1]]
    for prev in reversed(actors[:-1]):
        between = text[prev.mention.end:group[0].mention.start]
        if list_joined(between) or any(p.fullmatch(between) for p in lang.expressions("relations.group_joiner")):
            group.insert(0, prev)
        else:
            break
    if len(group) >= 2:
        return [n.entity for n in group]
    last = group[0].entity
    return [last] if last.cls in ("Organization", "GovernmentAgency", "Company") else []


def _sentences(text: str, parsed: Sequence[ParsedSegment], nodes: list[Node], everything: Sequence[Node],
               authors: Sequence[Entity]) -> list[TextSentence]:
    """The parsed sentences (petition titles aside) with the names in them and the pronouns
    and descriptions that stand for names before them."""
    starts = [n.mention.start for n in nodes]
    petitions = [p.segment for p in parsed if p.segment.kind == "petition-title"]
    out = []
    for p in parsed:
        seg = p.segment
        if p.doc is None or seg.kind == "petition-title":
            continue
        petition = next((t for t in petitions if t.get("body") and t.get("body")[0] <= seg.start <= t.get("body")[1]), None)
        campaign = None if petition is None else next(
            (n.entity for n in everything if n.mention.start == petition.start and n.mention.kind == MentionKind.PETITION_TITLE), None)
        # in a petition "we" are the signers, not a named group
        seg_authors = () if petition is not None else tuple(authors)
        for sent in p.doc.sents:
            s, e = seg.start + sent.start_char, seg.start + sent.end_char
            # nodes are sorted by start: slices by binary search keep this linear in the document
            before = nodes[max(bisect.bisect_left(starts, seg.start), bisect.bisect_left(starts, s) - 60):
                           bisect.bisect_left(starts, s)]
            if petition is not None:
                before = nodes[bisect.bisect_left(starts, petition.start):bisect.bisect_left(starts, petition.end)] + before
            inside = [n for n in nodes[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
                      if n.mention.end <= e and n.mention.kind not in _CONTAINERS]
            pronouns = [pn for pn in _pronoun_nodes(text, s, e, before + inside, seg_authors)
                        if not any(pn.mention.start < n.mention.end and n.mention.start < pn.mention.end for n in inside)]
            with_refs = sorted(inside + pronouns, key=lambda n: (n.mention.start, n.mention.end))
            out.append(TextSentence(text, s, e, modality(text[s:e]), tuple(inside), tuple(with_refs), seg_authors, campaign))
    return out


def _bounds(parsed: Sequence[ParsedSegment]) -> list[tuple[int, int]]:
    """Every sentence of the parsed segments, and every unparsed segment, as offsets."""
    bounds: list[tuple[int, int]] = []
    for p in parsed:
        if p.doc is not None:
            bounds.extend((p.segment.start + st.start_char, p.segment.start + st.end_char) for st in p.doc.sents)
        else:
            bounds.append((p.segment.start, p.segment.end))
    return bounds


def document_context(text: str, parsed: Sequence[ParsedSegment], mentions: Iterable[Mention],
                     entities: Sequence[Entity], spans: dict[tuple[int, int], str]) -> DocumentContext:
    """What the document rules read; ``spans`` maps a mention's offsets to its entity's IRI."""
    by_iri = {e.iri: e for e in entities}
    nodes = sorted((Node(m, by_iri[spans[(m.start, m.end)]]) for m in mentions if (m.start, m.end) in spans),
                   key=lambda n: (n.mention.start, n.mention.end))
    outer = _outside_units(nodes)
    authors = _authors(text, parsed, outer)
    return DocumentContext(text, tuple(parsed), tuple(entities), tuple(nodes), tuple(_sentences(text, parsed, outer, nodes, authors)),
                           tuple(_bounds(parsed)), tuple(authors))


def extract_relations(text: str, parsed: list[ParsedSegment], mentions: list[Mention],
                      entities: list[Entity], spans: dict[tuple[int, int], str],
                      rules: Iterable[str] | None = None) -> list[Relation]:
    """All relations of a document found by the rules named in ``rules`` (default: every
    registered rule), deduplicated on (subject, predicate, object, where the evidence starts):
    the first rule in the order keeps its evidence."""
    chosen = selected(rules)
    ctx = document_context(text, parsed, mentions, entities, spans)
    found: list[Relation] = []
    for name in DOCUMENT_ORDER:
        if name == SENTENCE_RULES:
            order = tuple(n for n in SENTENCE_ORDER if n in chosen)
            if order:
                names = [(n.mention, n.entity) for n in _outside_units(ctx.nodes)]
                found.extend(syntactic_relations(text, parsed, names, entities, modality, order))
        elif name in chosen:
            found.extend(RULES[name](replace(ctx, found=tuple(found))))
    unique: dict[tuple[str, str, str, int], Relation] = {}
    for r in found:
        unique.setdefault((r.subject, r.predicate, r.object, r.evidence.start), r)
    return sorted(unique.values(), key=lambda r: (r.evidence.start, r.subject, r.predicate, r.object))


__all__ = ["document_context", "extract_relations"]
