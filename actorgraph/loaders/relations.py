"""Relations between the entities of one sentence, from trigger lexicons (data/triggers.csv)
over the words between two mentions, coordination ("X and Y shared"), passive voice,
apposition ("Roger R., the President of X"), petition structure, and "<Place> office of
<Agency>" units. Negated and refused statements are dropped; demands and allegations keep
their modality in the Evidence."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from actorgraph import ontology
from actorgraph.loaders.entities import strip_title
from actorgraph.loaders.mentions import ParsedSegment
from actorgraph.loaders.model import Entity, Evidence, Mention, Relation, Segment

_NEGATION = re.compile(r"\b(?:not|n't|never|no longer|refus(?:e|es|ed|ing) to|declin(?:e|es|ed|ing) to|"
                       r"den(?:y|ies|ied|ying) (?:that|having)|stopp?(?:ed)? (?:sharing|cooperating)|"
                       r"without)\b", re.I)
_DEMAND = re.compile(r"\b(?:demand(?:s|ed|ing)?|call(?:s|ed)? (?:on|for)|urg(?:e|es|ed)|ask(?:s|ed)?|"
                     r"must|should|tell|insist)\b", re.I)
_ALLEGED = re.compile(r"\b(?:allegedly|reportedly|accused of|allegations?|alleg(?:e|es|ed)|claim(?:s|ed)? that|"
                      r"suspected)\b", re.I)
_DATA_AFTER = re.compile(r"^\s*(?:\S+\s+){0,2}?(?:personal |private )?(?:information|data|records|addresses|details)\b", re.I)
_TRAILING_DET = re.compile(r"(?:^|\s+)(?:the|a|an|its|their|his|her|our|this|that)$", re.I)
_CONJ = re.compile(r"^\s*(?:,|,? and|&|,? as well as|,? along with)\s*(?:the\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Trigger:
    predicate: str
    direction: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    text = files("actorgraph.loaders").joinpath("data/triggers.csv").read_text("utf-8")
    return tuple(Trigger(r["predicate"], r["direction"], re.compile(r["pattern"], re.I))
                 for r in csv.DictReader(text.splitlines()))


@dataclass(frozen=True, slots=True)
class _Node:
    mention: Mention
    entity: Entity


def _evidence(text: str, start: int, end: int, extractor: str, confidence: float, modality: str) -> Evidence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(text[start:end], start, end, extractor, confidence, modality)


def _fits(predicate: str, subj: Entity, obj: Entity) -> bool:
    if predicate == "locatedIn" and subj.cls == "Place":
        return False  # place-in-place ("Tacoma, Washington") is geography, not a finding
    return (subj.iri != obj.iri and ontology.fits(subj.cls, ontology.domain(predicate))
            and ontology.fits(obj.cls, ontology.range_(predicate)))


def _modality(sentence: str) -> str:
    if _ALLEGED.search(sentence):
        return "alleged"
    if _DEMAND.search(sentence):
        return "demanded"
    return "asserted"


def sentence_relations(text: str, start: int, end: int, nodes: list[_Node]) -> list[Relation]:
    """Relations stated in one sentence ``text[start:end]`` among its mentioned entities."""
    out: list[Relation] = []
    sentence = text[start:end]
    modality = _modality(sentence)
    for i, a in enumerate(nodes):
        for j in range(i + 1, len(nodes)):
            b = nodes[j]
            middle = text[a.mention.end:b.mention.start]
            if len(middle) > 160 or "\n" in middle:
                break
            between = nodes[i + 1:j]
            # another actor in between blocks the pair, unless it is conjoined to b
            if any(n.entity.cls in ("Person", "Organization", "GovernmentAgency", "Company") for n in between):
                continue
            mid = _TRAILING_DET.sub("", " ".join(middle.split()))
            for trig in triggers():
                if trig.direction == "forward_then_data":
                    if not (trig.pattern.search(mid) and _DATA_AFTER.match(text, b.mention.end)):
                        continue
                    subj, obj = a, b
                elif not trig.pattern.search(mid):
                    continue
                elif trig.direction == "passive":
                    subj, obj = b, a
                else:
                    subj, obj = a, b
                if _NEGATION.search(mid) or _NEGATION.search(text[start:a.mention.start][-40:]):
                    continue
                if not _fits(trig.predicate, subj.entity, obj.entity):
                    continue
                extractor = f"rules.trigger.{_snake(trig.predicate)}.v1"
                ev = _evidence(text, start, end, extractor, 0.7 if len(mid) < 60 else 0.55, modality)
                out.append(Relation(subj.entity.iri, trig.predicate, obj.entity.iri, ev))
                # coordination: "X and Y shared data with Z" -> Y too; "with X and Y" -> Y too
                for k in range(i - 1, -1, -1):
                    prev = nodes[k]
                    if not _CONJ.match(text[prev.mention.end:nodes[k + 1].mention.start]):
                        break
                    if subj is a and _fits(trig.predicate, prev.entity, obj.entity):
                        out.append(Relation(prev.entity.iri, trig.predicate, obj.entity.iri, ev))
                for k in range(j + 1, len(nodes)):
                    nxt = nodes[k]
                    if not _CONJ.match(text[nodes[k - 1].mention.end:nxt.mention.start]):
                        break
                    if obj is b and _fits(trig.predicate, subj.entity, nxt.entity):
                        out.append(Relation(subj.entity.iri, trig.predicate, nxt.entity.iri, ev))
                break
    out.extend(_apposition_leads(text, start, end, nodes, modality))
    return out


_APPOS_LEADS = re.compile(r"^,?\s*(?:the\s+)?(?:president|director|executive director|head|chair|chairman|"
                          r"chairwoman|leader|founder|co-founder|secretary|commissioner|chief|spokesperson)\s+of(?:\s+the)?\s*$", re.I)
_TITLE_LEADS = re.compile(r"\b(?:director|head|chief|commissioner|secretary|president|chair)\s*$", re.I)


def _apposition_leads(text: str, start: int, end: int, nodes: list[_Node], modality: str) -> list[Relation]:
    """"X, the President of Y" and "Y director X" give leads(X, Y)."""
    out = []
    for i, a in enumerate(nodes[:-1]):
        b = nodes[i + 1]
        middle = text[a.mention.end:b.mention.start]
        if a.entity.cls == "Person" and _APPOS_LEADS.match(middle) and _fits("leads", a.entity, b.entity):
            out.append(Relation(a.entity.iri, "leads", b.entity.iri,
                                _evidence(text, start, end, "rules.apposition.leads.v1", 0.8, modality)))
        if b.entity.cls == "Person" and _TITLE_LEADS.match(middle.strip() or "-") and middle.strip() \
                and len(middle.split()) == 1 and _fits("leads", b.entity, a.entity):
            out.append(Relation(b.entity.iri, "leads", a.entity.iri,
                                _evidence(text, start, end, "rules.title.leads.v1", 0.75, modality)))
    return out


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


_SUPPORT_TITLE = re.compile(r"^(?:release|free|support|defend|protect|save|justice for|stop the deportation of|"
                            r"bring \w+ home|reunite|keep|let)\b", re.I)
_TARGET_TITLE = re.compile(r"^(?:tell|ask|urge|demand|call on|petition)\s+(?:the\s+)?", re.I)


def petition_relations(text: str, seg: Segment, campaign: Entity, inside: list[_Node],
                       body: list[_Node], creators: list[_Node]) -> list[Relation]:
    """Relations that a petition listing states by its structure."""
    out = []
    title = text[seg.start:seg.end]
    ev_title = _evidence(text, seg.start, seg.end, "rules.petition.title.v1", 0.8, "demanded")
    for node in creators:
        created_line = text.rfind("\n", 0, node.mention.start) + 1
        line_end = text.find("\n", node.mention.end)
        line_end = len(text) if line_end < 0 else line_end
        ev = _evidence(text, created_line, line_end, "rules.petition.creator.v1", 0.95, "asserted")
        if _fits("createdCampaign", node.entity, campaign):
            out.append(Relation(node.entity.iri, "createdCampaign", campaign.iri, ev))
    actors = [n for n in inside if n.entity.iri != campaign.iri]
    # "Mayor X: Release ..." -- whoever is addressed before the colon is asked to act
    colon = title.find(":")
    for n in actors:
        rel_start = n.mention.start - seg.start
        if 0 <= colon and rel_start < colon and n.entity.cls in ("Person", "GovernmentAgency", "Organization", "Company"):
            out.append(Relation(campaign.iri, "campaignTargets", n.entity.iri, ev_title))
    # "Tell X ...", "Ask the X to ...", "Demand X stop ..."
    for clause in re.split(r":\s*", title):
        clause_start = seg.start + title.find(clause)
        verb = _TARGET_TITLE.match(clause)
        if verb:
            after = [n for n in actors if n.mention.start >= clause_start + verb.end() - 1]
            if after and _fits("campaignTargets", campaign, after[0].entity):
                first = after[0]
                if first.mention.start - (clause_start + verb.end()) <= 2:
                    out.append(Relation(campaign.iri, "campaignTargets", first.entity.iri, ev_title))
        if _SUPPORT_TITLE.match(clause):
            for n in actors:
                if n.mention.start >= clause_start and n.entity.cls in ("Person", "Policy", "Organization") \
                        and _fits("campaignSupports", campaign, n.entity):
                    out.append(Relation(campaign.iri, "campaignSupports", n.entity.iri, ev_title))
    # body: "in the hands of X", "in support of X", "sign this petition ... for X"
    for n in body:
        before = text[max(seg.start, n.mention.start - 40):n.mention.start].lower()
        sentence_start = max(text.rfind(". ", 0, n.mention.start) + 2, text.rfind("\n", 0, n.mention.start) + 1)
        sentence_end = text.find(". ", n.mention.end)
        sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
        if re.search(r"in the hands of\s*(?:\S+\s+){0,3}$", before) and _fits("campaignTargets", campaign, n.entity):
            out.append(Relation(campaign.iri, "campaignTargets", n.entity.iri,
                                _evidence(text, sentence_start, sentence_end, "rules.petition.hands_of.v1", 0.7, "demanded")))
        if re.search(r"in support of\s*$", before) and n.entity.cls == "Person" and _fits("campaignSupports", campaign, n.entity):
            out.append(Relation(campaign.iri, "campaignSupports", n.entity.iri,
                                _evidence(text, sentence_start, sentence_end, "rules.petition.support_of.v1", 0.7, "demanded")))
    return out


def extract_relations(text: str, parsed: list[ParsedSegment], mentions: list[Mention],
                      entities: list[Entity], spans: dict[tuple[int, int], str]) -> list[Relation]:
    """All relations of a document, deduplicated on (subject, predicate, object, quote)."""
    by_iri = {e.iri: e for e in entities}
    nodes = [_Node(m, by_iri[spans[(m.start, m.end)]]) for m in mentions if (m.start, m.end) in spans]
    nodes.sort(key=lambda n: (n.mention.start, n.mention.end))
    relations: list[Relation] = []
    petitions = [p.segment for p in parsed if p.segment.kind == "petition-title"]
    for p in parsed:
        seg = p.segment
        if p.doc is None or seg.kind == "petition-title":
            continue
        for sent in p.doc.sents:
            s, e = seg.start + sent.start_char, seg.start + sent.end_char
            inside = [n for n in nodes if s <= n.mention.start and n.mention.end <= e
                      and n.mention.extractor not in ("rules.petition.v1", "rules.heading_campaign.v1")]
            if len(inside) >= 2:
                relations.extend(sentence_relations(text, s, e, inside))
    for i, seg in enumerate(petitions):
        title_nodes = [n for n in nodes if n.mention.start == seg.start and n.mention.end == seg.end
                       and n.mention.extractor == "rules.petition.v1"]
        if not title_nodes:
            continue
        campaign = title_nodes[0].entity
        inside = [n for n in nodes if seg.start <= n.mention.start and n.mention.end <= seg.end
                  and n is not title_nodes[0]]
        body_span = seg.get("body")
        body = [n for n in nodes if body_span and body_span[0] <= n.mention.start < body_span[1]]
        creators = [n for n in nodes if n.mention.extractor == "rules.petition.creator.v1"
                    and any(s == n.mention.start for _, s, _ in seg.get("creators", ()))]
        relations.extend(petition_relations(text, seg, campaign, inside, body, creators))
    unique = {}
    for r in relations:
        unique.setdefault((r.subject, r.predicate, r.object, r.evidence.start), r)
    return sorted(unique.values(), key=lambda r: (r.evidence.start, r.subject, r.predicate, r.object))


__all__ = ["extract_relations", "triggers", "strip_title"]
