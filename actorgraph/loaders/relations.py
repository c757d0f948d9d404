"""The relations of a document: the syntactic rule components of
:mod:`actorgraph.loaders.rules` (verb and noun frames, roles, titles, locations, over the
dependency parse), plus the rule families that read a document's structure rather than a
sentence's syntax: petition listings (creators, addressees, people defended), statements
signed by groups ("we", slogans, "our member X"), titles of offices, joint enforcement,
worksite raids and "<Place> office of <Agency>" units. Demands and allegations keep their
modality in the Evidence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from actorgraph import ontology
from actorgraph.loaders.mentions import ParsedSegment
from actorgraph.loaders.model import Entity, Evidence, Mention, MentionKind, Relation, Segment
from actorgraph.loaders.person_titles import strip_title

_DEMAND = re.compile(r"\b(?:demand(?:s|ed|ing)?|call(?:s|ed)? (?:on|for)|urg(?:e|es|ed)|ask(?:s|ed)?|"
                     r"must|should|tell|insist)\b", re.I)
_ALLEGED = re.compile(r"\b(?:allegedly|reportedly|accused of|allegations?|alleg(?:e|es|ed)|claim(?:s|ed)? that|"
                      r"suspected)\b", re.I)
_CONJ = re.compile(r"^\s*\)?\s*(?:,|,? and|&|,? as well as|,? along with)\s*(?:the\s+)?$", re.I)
_OUR_MEMBER = re.compile(r"\bour (?:own )?(member|members|organizer|organizers|leader|comrade|comrades|volunteer|staff member)\s*,?\s*$", re.I)


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


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


_SUPPORT_TITLE = re.compile(r"^(?:release|free|support|defend|protect|save|justice for|stop the deportation of|"
                            r"bring \w+ home|reunite|keep|let|pass|adopt|approve|enact|sign)\b", re.I)
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
    # "<X> Should Provide Support for ...": the subject of the title is asked to act
    if actors:
        first = actors[0]
        if _SHOULD_TITLE.match(text, first.mention.end) and text[seg.start:first.mention.start].strip() in ("", "The", "the") \
                and _fits("campaignTargets", campaign, first.entity):
            out.append(Relation(campaign.iri, "campaignTargets", first.entity.iri, ev_title))
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
        if re.search(r"in the hands of\s*(?:\S+\s+){0,3}$", before) and _fits("campaignTargets", campaign, n.entity) \
                and (n.entity.cls == "Person" or not any(m.entity.cls == "Person" and 0 < m.mention.start - n.mention.end < 30 for m in body)):
            out.append(Relation(campaign.iri, "campaignTargets", n.entity.iri,
                                _evidence(text, sentence_start, sentence_end, "rules.petition.hands_of.v1", 0.7, "demanded")))
        if re.search(r"in support of\s*$", before) and n.entity.cls == "Person" and _fits("campaignSupports", campaign, n.entity):
            out.append(Relation(campaign.iri, "campaignSupports", n.entity.iri,
                                _evidence(text, sentence_start, sentence_end, "rules.petition.support_of.v1", 0.7, "demanded")))
    return out


_PRONOUNS_PERSON = re.compile(r"(?<![\w-])(?:he|she|him|her|his)(?![\w-])", re.I)
_PRONOUNS_GROUP = re.compile(r"(?<![\w-])(?:they|them|their)(?![\w-])", re.I)
_PRONOUNS_AUTHOR = re.compile(r"(?<![\w-])(?:we|us|our)(?![\w-])", re.I)
_DEFINITE = {"company": "Company", "agency": "GovernmentAgency", "facility": "DetentionFacility",
             "detention center": "DetentionFacility", "organization": "Organization", "group": "Organization",
             "network": "Organization", "coalition": "Organization", "union": "Organization",
             "alliance": "Organization", "committee": "Organization", "department": "GovernmentAgency"}
_DEFINITE_RE = re.compile(r"(?<![\w-])the (" + "|".join(sorted(_DEFINITE, key=len, reverse=True)) + r")(?![\w-])", re.I)
_SLOGAN = re.compile(r"^\s*(?:abolish|defund|stop|end|shut down|close|no more)\b", re.I)
_ENFORCEMENT = re.compile(r"\b(?:arrest\w*|raid\w*|detain\w*|deport\w*|apprehend\w*|swept)\b", re.I)
_WORKSITE = re.compile(r"\bat (?:a|an|the|\w+)(?: [\w-]+){0,2} (?:warehouses?|plants?|factor(?:y|ies)|farms?|worksites?|"
                       r"restaurants?|stores?|sites?|job ?sites?|construction sites?) in$", re.I)
_TARGET_BODY = re.compile(r"\b(?:urg(?:e|es|ing)|call(?:s|ing)? on|ask(?:s|ing)?|tell(?:s|ing)?|demand(?:s|ing)? that|"
                          r"pressure on|petition(?:s|ing)?|(?:press(?:es|ing)?|pressuring)(?:\s+our\s+\w+\s+and)?)"
                          r"\s+(?:the\s+)?(?:members of\s+(?:the\s+)?)?$", re.I)
_SHOULD_TITLE = re.compile(r"\s*(?:should|must|needs? to|has to|have to)\b", re.I)
_MEMBER_INTRO = re.compile(r"\bas (?:a|an|the) (?:\w+ )?(member|leader|founder|director|organizer) of\s*(?:the\s+)?$", re.I)


def _nested(nodes: list[_Node]) -> list[_Node]:
    """Drop mentions nested in a unit mention ("Seattle" and "ICE" in "the Seattle office of ICE")."""
    units = [n for n in nodes if n.mention.kind == MentionKind.UNIT]
    return [n for n in nodes if n in units or not any(u.mention.start <= n.mention.start and n.mention.end <= u.mention.end
                                                       for u in units)]


def _authors(text: str, parsed: list[ParsedSegment], nodes: list[_Node]) -> list[Entity]:
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
                if _CONJ.match(text[prev.mention.end:nxt.mention.start]) and nxt.entity.cls == "Organization":
                    group.append(nxt.entity)
                elif re.fullmatch(r"\s*\(\s*[^)]*\)\s*", text[prev.mention.end:nxt.mention.start]):
                    continue
                else:
                    break
            return list(dict.fromkeys(group))
        return []
    return []


def _pronoun_nodes(text: str, s: int, e: int, before: list[_Node], authors: list[Entity]) -> list[_Node]:
    """Nodes for pronouns and definite descriptions, resolved to the last fitting antecedent."""
    out = []
    last_person = next((n.entity for n in reversed(before) if n.entity.cls == "Person"), None)
    for m in _PRONOUNS_PERSON.finditer(text, s, e):
        if last_person is not None:
            out.append(_Node(Mention(m.start(), m.end(), m.group(0), "Person", "rules.coref.pronoun.v1", 0.5,
                                             kind=MentionKind.COREF), last_person))
    for m in _PRONOUNS_AUTHOR.finditer(text, s, e):
        for a in authors:
            out.append(_Node(Mention(m.start(), m.end(), m.group(0), a.cls, "rules.coref.authors.v1", 0.5, kind=MentionKind.COREF), a))
    for m in _PRONOUNS_GROUP.finditer(text, s, e):
        group = _last_group(text, before, m.start())
        for g in group:
            out.append(_Node(Mention(m.start(), m.end(), m.group(0), g.cls, "rules.coref.group.v1", 0.5, kind=MentionKind.COREF), g))
    for m in _DEFINITE_RE.finditer(text, s, e):
        cls = _DEFINITE[m.group(1).lower()]
        ante = next((n.entity for n in reversed(before) if n.entity.cls == cls and n.mention.end <= m.start()), None)
        if ante is not None:
            out.append(_Node(Mention(m.start(), m.end(), m.group(0), cls, "rules.coref.definite.v1", 0.5, kind=MentionKind.COREF), ante))
    return out


def _last_group(text: str, before: list[_Node], position: int) -> list[Entity]:
    """The last coordinated actors ("X and Y") before a position, or the last group."""
    actors = [n for n in before if n.mention.end <= position
              and n.entity.cls in ("Person", "Organization", "GovernmentAgency", "Company")]
    if not actors:
        return []
    group = [actors[-1]]
    for prev in reversed(actors[:-1]):
        if _CONJ.match(text[prev.mention.end:group[0].mention.start]) or \
                re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,|and|&|,\s*and)\s*(?:the\s+)?", text[prev.mention.end:group[0].mention.start]):
            group.insert(0, prev)
        else:
            break
    if len(group) >= 2:
        return [n.entity for n in group]
    last = group[0].entity
    return [last] if last.cls in ("Organization", "GovernmentAgency", "Company") else []


def _special_sentence_rules(text: str, s: int, e: int, inside: list[_Node], authors: list[Entity],
                            agencies_by_title: dict[str, Entity], with_refs: list[_Node] | None = None) -> list[Relation]:
    out: list[Relation] = []
    sentence = text[s:e]
    modality = _modality(sentence)

    def ev(extractor: str, conf: float, mod: str | None = None) -> Evidence:
        return _evidence(text, s, e, extractor, conf, mod or modality)

    # slogans: "Abolish ICE!" -> the authors oppose it
    if authors and _SLOGAN.match(sentence) and len(sentence) < 80:
        for n in inside:
            if n.entity.cls in ("GovernmentAgency", "Company", "Policy", "Organization"):
                for a in authors:
                    if _fits("opposes", a, n.entity):
                        out.append(Relation(a.iri, "opposes", n.entity.iri, ev("rules.slogan.opposes.v1", 0.6, "asserted")))
    # "our member <Person>" in a group's statement -> memberOf the authors
    for n in inside:
        if n.entity.cls == "Person" and authors and _OUR_MEMBER.search(text[max(s, n.mention.start - 40):n.mention.start]):
            for a in authors:
                if _fits("memberOf", n.entity, a):
                    out.append(Relation(n.entity.iri, "memberOf", a.iri, ev("rules.our_member.v1", 0.6)))
    # "As a member of X, he ..." -> memberOf
    refs = with_refs or inside
    for group, person in zip(refs, refs[1:]):
        intro = _MEMBER_INTRO.search(text[s:group.mention.start])
        if intro and re.fullmatch(r",\s*", text[group.mention.end:person.mention.start]) and person.entity.cls == "Person":
            pred = {"member": "memberOf", "leader": "leads", "director": "leads", "founder": "founded",
                    "organizer": "memberOf"}[intro.group(1).lower()]
            if _fits(pred, person.entity, group.entity):
                out.append(Relation(person.entity.iri, pred, group.entity.iri, ev(f"rules.intro.{_snake(pred)}.v1", 0.6)))
    # titles: "Attorney General Dana Whitfield" leads the body named by that title
    for n in inside:
        if n.entity.cls != "Person":
            continue
        before_mention = text[max(s, n.mention.start - 40):n.mention.start].lower().rstrip()
        for title, agency in agencies_by_title.items():
            if n.mention.text.lower().startswith(title.lower() + " ") or before_mention.endswith(title.lower()):
                out.append(Relation(n.entity.iri, "leads", agency.iri, ev("rules.title.office.v1", 0.6)))
    # joint enforcement: "arrested by ICE and the State Patrol" -> the partner collaborates with the agency
    if _ENFORCEMENT.search(sentence):
        agencies = [n for n in inside if n.entity.cls == "GovernmentAgency"]
        for x, y in zip(agencies, agencies[1:]):
            if _CONJ.match(text[x.mention.end:y.mention.start]):
                fed_x, fed_y = _is_federal(x.entity), _is_federal(y.entity)
                if fed_x != fed_y:
                    local, fed = (y, x) if fed_x else (x, y)
                    out.append(Relation(local.entity.iri, "collaboratesWith", fed.entity.iri,
                                        ev("rules.joint_enforcement.v1", 0.6)))
        # workplace raids: "... at a warehouse in <Place>"
        for n in inside:
            if n.entity.cls == "Place" and _WORKSITE.search(text[max(s, n.mention.start - 80):n.mention.start].rstrip()):
                for g in agencies:
                    if g.mention.start < n.mention.start:
                        out.append(Relation(g.entity.iri, "raided", n.entity.iri, ev("rules.worksite_raid.v1", 0.6)))
    return out




def _is_federal(entity: Entity) -> bool:
    from actorgraph.loaders import data_tables

    return entity.label in {k.name for k in data_tables.agencies()}


_BYLINE = re.compile(r"^(?:By|Por)\s+[A-Z]")


def _byline_relations(text: str, parsed: list[ParsedSegment], nodes: list[_Node]) -> list[Relation]:
    """A byline "By X and Y, NBC News": the writers belong to the outlet named after them."""
    out: list[Relation] = []
    for p in parsed:
        seg = p.segment
        line = text[seg.start:seg.end]
        if len(line) > 160 or not _BYLINE.match(line):
            continue
        inside = [n for n in nodes if seg.start <= n.mention.start and n.mention.end <= seg.end]
        people = [n for n in inside if n.entity.cls == "Person"]
        outlets = [n for n in inside if n.entity.cls in ("Organization", "Company")
                   and people and n.mention.start > people[-1].mention.end]
        if people and len({o.entity.iri for o in outlets}) == 1:
            ev = _evidence(text, seg.start, seg.end, "rules.byline.member_of.v1", 0.7, "asserted")
            out.extend(Relation(n.entity.iri, "memberOf", outlets[0].entity.iri, ev) for n in people
                       if _fits("memberOf", n.entity, outlets[0].entity))
    return out


_CONTACT = re.compile(r"^(?:(?:Media|Press|News)\s+)?(?:Contacts?|Contactos?|Contacto de prensa)\s*:\s*", re.I)
_CONTACT_ITEM = re.compile(r"^[^,\n]{2,80},\s*[^,\n]{2,80},\s*(?:\S+@\S+|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})")


def _contact_relations(text: str, parsed: list[ParsedSegment], nodes: list[_Node]) -> list[Relation]:
    """A press release's contact lines, "Contact: ACLU of X, Ana Ruiz, aruiz@…, 555…" and the
    lines of the same form right after it: each person speaks for the group on their line."""
    out: list[Relation] = []
    previous_contact = False
    for p in parsed:
        seg = p.segment
        line = text[seg.start:seg.end]
        head = _CONTACT.match(line)
        if not head and not (previous_contact and _CONTACT_ITEM.match(line)):
            previous_contact = False
            continue
        previous_contact = True
        start = seg.start + (head.end() if head else 0)
        if len(line) > 200 or not _CONTACT_ITEM.match(text[start:seg.end]):
            continue
        inside = [n for n in nodes if start <= n.mention.start and n.mention.end <= seg.end]
        people = [n for n in inside if n.entity.cls == "Person"]
        groups = {n.entity.iri: n.entity for n in inside if n.entity.cls in ("Organization", "Company", "GovernmentAgency")}
        if len(people) == 1 and len(groups) == 1:
            group = next(iter(groups.values()))
            ev = _evidence(text, seg.start, seg.end, "rules.contact.member_of.v1", 0.7, "asserted")
            if _fits("memberOf", people[0].entity, group):
                out.append(Relation(people[0].entity.iri, "memberOf", group.iri, ev))
    return out


def _unit_relations(text: str, nodes_all: list[_Node], sentence_bounds) -> list[Relation]:
    out = []
    for unit in [n for n in nodes_all if n.mention.kind == MentionKind.UNIT]:
        parts = [n for n in nodes_all if n is not unit and unit.mention.start <= n.mention.start
                 and n.mention.end <= unit.mention.end]
        place = next((n for n in parts if n.entity.cls == "Place"), None)
        parent = next((n for n in reversed(parts) if n.entity.cls in ("GovernmentAgency", "Organization", "Company")), None)
        s, e = sentence_bounds(unit.mention.start)
        word = re.search(r"\b(field office|office|chapter|branch|section|affiliate|division|local)\b", unit.mention.text, re.I)
        if parent is not None:
            out.append(Relation(unit.entity.iri, "partOf", parent.entity.iri,
                                _evidence(text, s, e, "rules.unit.part_of.v1", 0.8, "asserted")))
        if place is not None and word and word.group(1).lower() in ("office", "field office", "branch"):
            out.append(Relation(unit.entity.iri, "locatedIn", place.entity.iri,
                                _evidence(text, s, e, "rules.unit.located_in.v1", 0.8, "asserted")))
    return out


def extract_relations(text: str, parsed: list[ParsedSegment], mentions: list[Mention],
                      entities: list[Entity], spans: dict[tuple[int, int], str],
                      rules: tuple[str, ...] | None = None) -> list[Relation]:
    """All relations of a document, deduplicated on (subject, predicate, object, quote)."""
    by_iri = {e.iri: e for e in entities}
    nodes_all = [_Node(m, by_iri[spans[(m.start, m.end)]]) for m in mentions if (m.start, m.end) in spans]
    nodes_all.sort(key=lambda n: (n.mention.start, n.mention.end))
    nodes = _nested(nodes_all)
    starts = [n.mention.start for n in nodes]
    relations: list[Relation] = []
    petitions = [p.segment for p in parsed if p.segment.kind == "petition-title"]
    authors = _authors(text, parsed, nodes)
    titles: dict[str, list[Entity]] = {}
    for ent in entities:
        if ent.cls == "GovernmentAgency":
            for title in ("Attorney General", "Secretary of State", "Governor", "Mayor", "Sheriff", "Director"):
                if ent.label.endswith(" " + title):
                    titles.setdefault(title, []).append(ent)
    agencies_by_title = {t: es[0] for t, es in titles.items() if len(es) == 1}
    bounds: list[tuple[int, int]] = []
    for p in parsed:
        if p.doc is not None:
            bounds.extend((p.segment.start + st.start_char, p.segment.start + st.end_char) for st in p.doc.sents)
        else:
            bounds.append((p.segment.start, p.segment.end))

    def sentence_bounds(pos: int) -> tuple[int, int]:
        return next(((s, e) for s, e in bounds if s <= pos < e), (pos, pos))

    for p in parsed:
        seg = p.segment
        if p.doc is None or seg.kind == "petition-title":
            continue
        petition = next((t for t in petitions if t.get("body") and t.get("body")[0] <= seg.start <= t.get("body")[1]), None)
        # in a petition "we" are the signers, not a named group
        seg_authors = [] if petition is not None else authors
        for sent in p.doc.sents:
            s, e = seg.start + sent.start_char, seg.start + sent.end_char
            # nodes are sorted by start: slices by binary search keep this linear in the document
            before = nodes[max(bisect.bisect_left(starts, seg.start), bisect.bisect_left(starts, s) - 60):
                           bisect.bisect_left(starts, s)]
            if petition is not None:
                before = nodes[bisect.bisect_left(starts, petition.start):bisect.bisect_left(starts, petition.end)] + before
            inside = [n for n in nodes[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
                      if n.mention.end <= e and n.mention.kind not in (MentionKind.PETITION_TITLE, MentionKind.HEADING_CAMPAIGN)]
            pronouns = _pronoun_nodes(text, s, e, before + inside, seg_authors)
            pronouns = [pn for pn in pronouns if not any(pn.mention.start < n.mention.end and n.mention.start < pn.mention.end
                                                         for n in inside)]
            with_refs = sorted(inside + pronouns, key=lambda n: (n.mention.start, n.mention.end))
            relations.extend(_special_sentence_rules(text, s, e, inside, seg_authors, agencies_by_title, with_refs))
            if petition is not None:
                campaign = next((n.entity for n in nodes_all if n.mention.start == petition.start
                                 and n.mention.kind == MentionKind.PETITION_TITLE), None)
                if campaign is not None:
                    relations.extend(_petition_body_rules(text, s, e, inside, campaign))
    relations.extend(_unit_relations(text, nodes_all, sentence_bounds))
    relations.extend(_byline_relations(text, parsed, nodes_all))
    relations.extend(_contact_relations(text, parsed, nodes_all))
    from actorgraph.loaders.rules import ORDER
    from actorgraph.loaders.syntax import syntactic_relations

    relations.extend(syntactic_relations(text, parsed, [(n.mention, n.entity) for n in nodes], entities, _modality,
                                         ORDER if rules is None else rules))
    for seg in petitions:
        title_nodes = [n for n in nodes_all if n.mention.start == seg.start and n.mention.end == seg.end
                       and n.mention.kind == MentionKind.PETITION_TITLE]
        if not title_nodes:
            continue
        campaign = title_nodes[0].entity
        inside = [n for n in nodes_all if seg.start <= n.mention.start and n.mention.end <= seg.end
                  and n is not title_nodes[0]]
        body_span = seg.get("body")
        body = [n for n in nodes_all if body_span and body_span[0] <= n.mention.start < body_span[1]]
        creator_nodes = [n for n in nodes_all if n.mention.kind == MentionKind.PETITION_CREATOR
                         and any(s == n.mention.start for _, s, _ in seg.get("creators", ()))]
        relations.extend(petition_relations(text, seg, campaign, inside, body, creator_nodes))
    # an arrest by an agency is a detention by it
    for r in list(relations):
        if r.predicate == "arrested":
            ev = r.evidence
            relations.append(Relation(r.object, "detainedBy", r.subject,
                                      Evidence(ev.quote, ev.start, ev.end, "rules.inference.arrest_detains.v1",
                                               min(ev.confidence, 0.5), ev.modality)))
    unique: dict[tuple[str, str, str, int], Relation] = {}
    for r in relations:
        unique.setdefault((r.subject, r.predicate, r.object, r.evidence.start), r)
    return sorted(unique.values(), key=lambda r: (r.evidence.start, r.subject, r.predicate, r.object))


def _petition_body_rules(text: str, s: int, e: int, inside: list[_Node], campaign: Entity) -> list[Relation]:
    """Inside a petition: "we urge members of X to", "pressure on X and Y" -> campaignTargets;
    "defend <person>" -> campaignSupports."""
    out = []
    for i, n in enumerate(inside):
        lead = text[max(s, n.mention.start - 40):n.mention.start]
        if _TARGET_BODY.search(lead) and _fits("campaignTargets", campaign, n.entity):
            group = [n] + [m for k, m in enumerate(inside[i + 1:], i + 1)
                           if _CONJ.match(text[inside[k - 1].mention.end:m.mention.start])]
            for g in group:
                if _fits("campaignTargets", campaign, g.entity):
                    out.append(Relation(campaign.iri, "campaignTargets", g.entity.iri,
                                        _evidence(text, s, e, "rules.petition.body_target.v1", 0.6, "demanded")))
        if n.entity.cls == "Person" and re.search(r"\b(?:defend|support|free|release)\s+(?:[\w-]+\s+){0,6}$", lead, re.I) \
                and re.search(r"(?:,\s*)$|\b(?:mother|father|organizer|leader|activist|worker)\s*,?\s*$", lead):
            out.append(Relation(campaign.iri, "campaignSupports", n.entity.iri,
                                _evidence(text, s, e, "rules.petition.body_support.v1", 0.5, "demanded")))
    return out


__all__ = ["extract_relations", "strip_title"]
