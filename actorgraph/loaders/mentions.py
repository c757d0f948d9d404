"""Mentions: spaCy NER and the EntityRuler mapped onto the ontology classes, hashtags,
acronym definitions "Long Name (ACR)", Spanish names from the sourced table, and a junk
filter for fragments, furniture and common nouns tagged as names."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.loaders import data_tables
from actorgraph.loaders.lists import list_mentions
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.nlp import RULER_LABELS
from actorgraph.loaders.person_titles import TITLE_BEFORE, TITLE_RE

if TYPE_CHECKING:
    from spacy.tokens import Doc

NER_CLASSES = {"PERSON": "Person", "PER": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
               "FAC": "Place", "LAW": "Policy", "EVENT": "Event"}
_LEADING = {"the", "a", "an", "our", "his", "her", "their", "its", "this", "these", "that", "those",
            "dear", "via", "yesterday", "today", "tonight", "tomorrow", "meanwhile", "however", "also", "now",
            "then", "earlier", "later", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "un", "una", "este", "esta", "estos", "estas", "ese", "esa", "nuestro", "nuestra"}
#: single words that NER tags as places or groups but that name nothing on their own
GENERIC_WORDS = frozenset("""county city state town village black white brown asian latino latina latinx
hispanic indigenous native federal national sanctuary department agency government council
administration office court police raza""".split())
_HASHTAG = re.compile(r"(?<![\w#])#([A-Za-z][A-Za-z0-9_]{2,})")
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9.&/\-]{1,11})\s*\)")
_JUNK = re.compile(r"^[\W\d_]+$|_|https?:|www\.|@|\.(?:com|org|net)\b")


@dataclass(frozen=True, slots=True)
class ParsedSegment:
    segment: Segment
    doc: Doc | None  # None for passages in a language without a pipeline


def parse(text: str, segments: list[Segment], nlp) -> list[ParsedSegment]:
    """Run each language's pipeline over its segments (batched), petition titles included:
    ``nlp`` for English, the Spanish pipeline when one is installed; other passages stay
    unparsed."""
    return parse_many([(text, segments)], nlp)[0]


#: paragraphs per spaCy batch: over 200 bench documents, 128 took 12.3 s of process time,
#: 32 took 12.9 s and one document's paragraphs per batch 13.8 s
PARSE_BATCH = 128


def parse_many(items: list[tuple[str, list[Segment]]], nlp, spanish: str = "") -> list[list[ParsedSegment]]:
    """:func:`parse` for several documents (text and segments each) at once: one
    ``pipe`` per language over the segments of them all, so spaCy fills its batches across
    documents (a document's dozen paragraphs alone make a short batch: about 10% more CPU
    for the same text). ``spanish`` is Settings.spanish (ACTORGRAPH_SPANISH)."""
    from actorgraph.loaders.nlp import load_spanish_pipeline

    any_spanish = any(s.language == "es" for _, segments in items for s in segments)
    pipelines = {"en": nlp, "es": load_spanish_pipeline(spanish) if any_spanish else None}
    docs: dict[tuple[int, int], Doc] = {}
    for language, pipeline in pipelines.items():
        if pipeline is None:
            continue
        chosen = [(d, i) for d, (_, segments) in enumerate(items) for i, s in enumerate(segments) if s.language == language]
        texts = (items[d][0][items[d][1][i].start:items[d][1][i].end] for d, i in chosen)
        for key, doc in zip(chosen, pipeline.pipe(texts, batch_size=PARSE_BATCH)):
            docs[key] = doc
    return [[ParsedSegment(s, docs.get((d, i))) for i, s in enumerate(segments)] for d, (_, segments) in enumerate(items)]


def classify(name: str, ner_label: str) -> str | None:
    """Ontology class of a name from its NER label and the cue words in it.

    >>> classify("Tacoma City Council", "ORG")
    'GovernmentAgency'
    >>> classify("Koch Foods", "ORG")
    'Company'
    >>> classify("Eastside Renters Union", "ORG")
    'Organization'
    >>> classify("Lakeview Fittings LLC", "GPE")
    'Company'
    """
    if ner_label in RULER_LABELS:
        return RULER_LABELS[ner_label]
    base = NER_CLASSES.get(ner_label)
    if base is None:
        return None
    cued = cue_class(name)
    if base == "Person":
        strong = cue_class(name, strong_only=True)
        return strong if strong and strong != "Person" else base
    if base in ("Policy", "Event"):
        return base
    if base == "Place":
        if cued == "Company" and cue_class(name, strong_only=True) == "Company":
            return "Company"  # "Lakeview Fittings LLC": a legal form ends the name of a firm
        return "DetentionFacility" if cued == "DetentionFacility" else ("GovernmentAgency" if cued == "GovernmentAgency" and ner_label != "GPE" else "Place")
    return cued or base


@lru_cache(maxsize=1 << 16)  # asked again for every mention of a name
def cue_class(name: str, strong_only: bool = False) -> str | None:
    """Class suggested by the words of a name (data/cues.csv), or None. ``strong_only``
    keeps the cues that hold even against a person tag (last words and phrases)."""
    words = [w.lower().strip(".,") for w in name.split()]
    lowered = " ".join(words)
    best = None
    for cue, cls, where in data_tables.cues():
        if strong_only and where == "word":
            continue
        hit = ((where == "phrase" and f" {cue} " in f" {lowered} ")
               or (where == "word" and cue in words)
               or (where == "last" and words and words[-1] == cue)
               or (where == "first" and words and words[0] == cue))
        if hit:
            # later words decide: "Detention Center Resistance" is the group, not the building
            position = lowered.rfind(cue)
            if best is None or position > best[0]:
                best = (position, cls)
    return best[1] if best else None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessives/punctuation from a span."""
    while True:
        span = text[start:end]
        first = span.split(" ", 1)[0]
        if " " in span and first.lower() in _LEADING:
            start += len(first) + 1
            continue
        break
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    while end > start and text[end - 1] in " ,;:!?\"“”()[]-–—":
        end -= 1
    tail = re.search(r"[ \t]+(?:of|for|and|the|&|de|del|y|e|la|el|los|las|para|por|en)$", text[start:end])
    if tail and tail.start() > 0:  # "the National Lawyers Guild of" (the place was tagged apart)
        end = start + tail.start()
    while start < end and text[start] in " ,;:!?\"“”()[]-–—'’":
        start += 1
    return start, end


def is_junk(name: str, from_data: bool) -> bool:
    """Fragments and non-names the model tags as names."""
    if len(name) < 2 or _JUNK.search(name):
        return True
    if from_data:
        return False
    if not any(ch.isupper() for ch in name):
        return True
    first = name.split()[0]
    if first[0].islower() and first.lower() not in ("de", "la", "el", "von", "van", "du"):
        return True
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) > 6 and all(ch.isupper() for ch in letters):
        return True  # shouted headings: "GO AWAY", "WHAT WE ARE TRYING"
    return len(name.split()) > 10


_ROLE_NOUNS = frozenset("""activist organizer leader director mother father president mayor governor senator
judge attorney officer agent worker member spokesperson coordinator founder chair secretary""".split())
#: capitalised words of letters and greetings that NER takes for names
_NOT_NAMES = frozenset("""solidarity love peace regards sincerely respectfully unity thanks greetings
blessings cheers yours""".split())
_ROLE_PLURALS = frozenset("""officers agents workers guards strikers residents immigrants migrants members
officials families people students activists organizers leaders detainees inmates citizens""".split())
_POSSESSIVE_IN = re.compile(r"(?:'s|’s)\s")


_OWNER_BEFORE = re.compile(r"(?:'s|’s|\b(?:its|their|our|his|her|su|sus|nuestro|nuestra))[ \t]+$", re.I)


def _inner_body(text: str, start: int, name: str, language: str) -> bool:
    """"the campaign's Steering Committee", "its Board of Directors": generic words of a body
    inside the owner named before them, not a name of its own."""
    from actorgraph.loaders.lang import load_pack

    words = load_pack(language if language in ("en", "es") else "en").inner_bodies
    return all(w in words for w in name.lower().split()) and bool(_OWNER_BEFORE.search(text[max(0, start - 20):start]))


@lru_cache(maxsize=1)
def _role_vocabulary() -> frozenset[str]:
    """Every word of the role nouns and titles of the rule packs ("spokeswoman", "supervisor")."""
    from actorgraph.loaders.lang import LANGUAGES, load_pack

    words: set[str] = set(_ROLE_NOUNS)
    for code in LANGUAGES:
        pack = load_pack(code)
        for phrase in [*pack.roles, *(t.title for t in pack.titles), *pack.role_modifiers]:
            words.update(w.strip(".").lower() for w in phrase.split())
    return frozenset(words)


def _title_case_text(seg: Segment) -> bool:
    return seg.kind in ("petition-title", "heading")


@lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """Every word of a text, as written (computed once per document)."""
    return frozenset(re.findall(r"[\w-]+", text))


def _lowercase_elsewhere(text: str, word: str) -> bool:
    """True when ``word`` also occurs in lower case in the document: a common word."""
    return word.lower() in _words_of(text)


_JOINT = re.compile(r"[ \t]*/[ \t]*|,[ \t]+(?!(?:Inc|LLC|Ltd|Jr|Sr|Corp)\b)")


def joined_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the names a tagged span glues together with a slash or commas, when every
    part is a capitalised name; [] when it is one name.

    >>> t = "Voices of Harbor, Open Door"
    >>> [t[s:e] for s, e in joined_parts(t, 0, len(t))]
    ['Voices of Harbor', 'Open Door']
    """
    pieces = []
    cursor = start
    for match in _JOINT.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    if not pieces:
        return []
    pieces.append((cursor, end))
    if all(e > s and text[s].isupper() for s, e in pieces):
        return pieces
    return []


def _ner_mentions(text: str, parsed: ParsedSegment) -> list[Mention]:
    out = []
    base = parsed.segment.start
    titled = _title_case_text(parsed.segment)
    assert parsed.doc is not None
    work = [(ent, *trim(text, base + ent.start_char, base + ent.end_char), False) for ent in parsed.doc.ents]
    while work:
        ent, start, end, split = work.pop(0)
        from_data = ent.label_ in RULER_LABELS
        firm = not from_data and _named_as_firm(text, start, end, parsed.segment.language)
        if not from_data and ent.label_ not in NER_CLASSES and not firm:
            continue
        if not from_data and len(ent) == 1 and (ent[0].pos_ in ("NOUN", "ADJ", "VERB", "PRON", "ADV", "DET", "ADP", "SCONJ", "CCONJ")
                                                 or ent[0].lower_ in GENERIC_WORDS):
            continue
        if not from_data and any(t.pos_ in ("AUX", "VERB", "PRON") and t.tag_ != "VBN" for t in ent):
            continue  # a clause, such as a quoted article title, is not a name
        if not from_data and not split and ent.label_ in ("ORG", "PERSON", "FAC"):
            parts = joined_parts(text, start, end)
            if parts:  # "Voices of Harbor, Open Door", "Open Door/Open Door Action"
                work[:0] = [(ent, s, e, True) for s, e in parts]
                continue
        name = text[start:end]
        if not from_data and ent.label_ == "LOC" and parsed.segment.language == "es" and not firm \
                and name.lower() not in data_tables.known_place_names() \
                and not re.search(r"\b(?:en|de|desde|hacia|a|al|del)\s+$", text[max(0, start - 8):start]):
            continue  # the Spanish model's unknown "places" with nothing that says they are places
        if not from_data and re.fullmatch(r"(?:District|Ward|Precinct|Zone|Region) \d+", name):
            continue  # "District 4" is a seat, not a body
        if not from_data and ent.label_ == "PERSON" and ent.start > 0:
            prev = ent.doc[ent.start - 1]  # "Noriko Tanabe-Ruiz" tagged from the surname on: the given name before it
            if prev.pos_ == "PROPN" and prev.is_title and prev.dep_ == "compound" and prev.head.i in range(ent.start, ent.end) \
                    and not prev.ent_type_ and prev.lower_ not in _role_vocabulary() and not TITLE_RE.match(prev.text + " X") \
                    and not _lowercase_elsewhere(text, prev.text) \
                    and prev.lower_ not in data_tables.known_place_names() and not cue_class(prev.text):
                start = base + prev.idx
                name = text[start:end]
        if not from_data and ent.label_ == "PERSON" and " " not in name:
            title_match = TITLE_BEFORE.search(text, max(base, start - 40), start)
            if title_match:  # "Gov. Okafor", "General Brandt": a surname alone keeps the title it was given
                start = title_match.start()
                name = text[start:end]
        if not from_data and ent.label_ == "PERSON":
            # "Spokeswoman Ana Ruiz": a role word the model took into the name (titles stay: "Sheriff X")
            while len(name.split()) > 2 and name.split()[0].lower() in _role_vocabulary() \
                    and not TITLE_RE.match(name):
                start += len(name.split()[0]) + 1
                name = text[start:end]
            cut = _POSSESSIVE_IN.search(name)
            if cut:  # "Trump’s Racist" -> "Trump"
                end = start + cut.start()
                name = text[start:end]
        if is_junk(name, from_data):
            continue
        after = text[end:end + 40]
        if re.match(r"(?:'s|’s) Day\b", after):
            continue  # "Valentine's Day" is a date
        if not from_data and ent.label_ in ("ORG", "PERSON") and not name.isupper() \
                and ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN" and ent.root.head.is_lower \
                and ent.root.head.i == ent.end:
            continue  # "C-Pap machine", "sleep Apnea": a word modifying a common noun
        if not from_data and len(ent) == 1 and ent.label_ in ("ORG", "PERSON") and any(
                c.dep_ == "compound" and c.is_lower and c.pos_ == "NOUN" and c.lower_ not in _ROLE_NOUNS
                for c in ent.root.children):
            continue  # "sleep Apnea": a common noun names a kind of thing
        if not from_data and name.isupper() and ent.label_ == "ORG":
            definition = re.match(r"\s*\(([^()]{4,80})\)", after)
            if definition and not cue_class(definition.group(1)) and not re.search(r"[A-Z]{2,}", definition.group(1)):
                continue  # "RAD (Reactive Attachment Disorder)" abbreviates a thing, not a body
        if not from_data and name.lower() in _NOT_NAMES:
            continue
        if not ent.ent_id_ and _inner_body(text, start, name, parsed.segment.language):
            continue  # "the campaign's Steering Committee" is part of the campaign
        if re.match(r"-(?:based|born|led|run|area)\b", text[end:end + 8]):
            continue  # "Washington-based" describes, it does not name the place
        suffix = re.match(r"-[A-Z]{2,}\b", text[end:end + 8])
        if suffix:
            end += suffix.end()  # "ABCD-US"
            name = text[start:end]
        cls = "Company" if firm else classify(name, ent.label_)
        if cls is None:
            continue
        if cls == "Person" and not from_data and len(name.split()) == 1 and name.lower() in \
                data_tables.known_place_names() and re.search(r"\b(?:in|at|from|near|to|en|de|desde|hacia|cerca de)\s+$",
                                                              text[max(0, start - 10):start]):
            cls = "Place"  # "in Taylor"
        kind = _KIND_APPOSITION.match(after)
        kind_before = _KIND_BEFORE.search(text[max(0, start - 30):start])
        if kind and not from_data and cls in ("Organization", "Place", "Company"):
            cls = _KIND_CLASSES[kind.group(1).lower()]  # "Camp East Montana, a detention center in El Paso"
        elif kind_before and not from_data and cls in ("Organization", "Place", "Company", "Person"):
            cls = _KIND_CLASSES_ES[kind_before.group(1).lower()]  # "la empresa Sendero Correccional"
        elif cls in ("Organization", "Place") and not from_data and not cue_class(name) and data_tables.looks_like_person(name):
            cls = "Person"  # "Heather Okafor-Duarte" tagged as a group: a given name says it is a person
        if re.match(r",\s+who\b", after) and cls in ("Place", "Organization") and name.lower() not in data_tables.known_place_names():
            cls = "Person"  # "Arlen, who is twelve"
        elif cls == "Place" and not from_data and len(ent) == 1 and ent.label_ in ("GPE", "LOC") \
                and name.lower() not in data_tables.known_place_names() \
                and not re.search(r"\b(?:in|at|from|to|near|of)\s+$", text[max(0, start - 8):start]):
            continue  # an unknown one-word "place" with nothing that says it is one
        words = name.split()
        if not from_data:
            if titled and cls in ("Organization", "Event", "Policy") and not cue_class(name):
                continue  # title case fools NER: "Gay Couple Torn Apart"
            if titled and len(words) >= 3 and sum(_lowercase_elsewhere(text, w) for w in words) * 2 >= len(words):
                continue  # a headline phrase of common words, not a name
            if cls == "Person" and words[-1].lower() in _ROLE_PLURALS:
                continue  # "Probation Officers" is a role, not a person
            if len(words) == 1 and ent.label_ != "PERSON" and _lowercase_elsewhere(text, name):
                continue  # "Solidarity" when the text also says "solidarity"
            if all(w.lower() in GENERIC_WORDS or w.lower() in ("and", "&") for w in words) and len(words) > 1 and cue_class(words[-1]) != "GovernmentAgency":
                continue  # "Black and Brown" (but "City Council" is a body)
        canonical = ent.ent_id_ or None
        extractor, found_as = ("spacy.entity_ruler.v1", MentionKind.KNOWN) if from_data else ("spacy.ner.v1", MentionKind.MODEL)
        if canonical and canonical != name and parsed.segment.language != "en":
            # a name of the sourced table: its English name labels it
            extractor, found_as = "rules.spanish_names.v1", MentionKind.TRANSLATED
        confidence = 0.95 if canonical else (0.85 if from_data else 0.7)
        out.append(Mention(start, end, name, cls, extractor, confidence, canonical, found_as))
    return out


#: "X, a detention center …", "X, a private prison operator": the apposition says what X is
_KIND_CLASSES = {"detention center": "DetentionFacility", "detention facility": "DetentionFacility",
                 "processing center": "DetentionFacility", "prison": "DetentionFacility", "jail": "DetentionFacility",
                 "tent camp": "DetentionFacility", "company": "Company", "firm": "Company", "corporation": "Company",
                 "contractor": "Company", "operator": "Company", "nonprofit": "Organization",
                 "organization": "Organization", "coalition": "Organization", "network": "Organization",
                 "agency": "GovernmentAgency"}
# the kind is the head noun, which ends the noun phrase: "a Florida-based prison company" is a
# company ("prison" only modifies it); "a network of ..." is a network
_NP_END = (r"(?=[ \t]*(?:[,.;:!?)\"”]|$)|[ \t]+(?:that|which|who|whose|in|of|with|on|at|for|from|to|and|or|"
           r"based|run|operated|owned|near|outside|headquartered|known|called|founded|is|was|has|had)\b)")
_KIND_APPOSITION = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,4}?(" +
                              "|".join(sorted(_KIND_CLASSES, key=len, reverse=True)) + r")\b" + _NP_END, re.I)

#: Spanish puts the kind before the name: "la empresa X", "la organización X"
_KIND_CLASSES_ES = {"empresa": "Company", "compañía": "Company", "firma": "Company", "contratista": "Company",
                    "organización": "Organization", "coalición": "Organization", "agencia": "GovernmentAgency"}
_KIND_BEFORE = re.compile(r"\b(?:la|una|el|un)[ \t]+(" + "|".join(_KIND_CLASSES_ES) + r")[ \t]+$", re.I)


@lru_cache(maxsize=1)
def _legal_forms() -> frozenset[str]:
    """The legal forms of every language pack: reports in Spanish name U.S. firms ("Acme
    Fittings LLC") and the other way round."""
    from actorgraph.loaders.lang import LANGUAGES, load_pack

    return frozenset(form for code in LANGUAGES for form in load_pack(code).legal_forms)


def _named_as_firm(text: str, start: int, end: int, language: str) -> bool:
    """A name that says it is a firm: it ends in a legal form ("Servicios Norteños S.A.",
    ``legal_forms.txt``) or Spanish puts the kind before it ("la empresa X"). The Spanish
    model tags such names MISC or LOC."""
    name = text[start:end].lower()
    if " " in name and any(name.endswith(" " + form) for form in _legal_forms()):
        return True
    if language != "es":
        return False
    kind = _KIND_BEFORE.search(text[max(0, start - 30):start])
    return kind is not None and _KIND_CLASSES_ES[kind.group(1).lower()] == "Company"


_ORG_TAIL = re.compile(r"\s+(Resistance|Coalition|Committee|Project|Network|Alliance|Collective|"
                       r"Solidarity|Support Committee|Defense Committee|Union|Association|Campaign|Fund)\b")


def extend_group_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"X Detention Center" followed by "Resistance" names the group, not the building."""
    out = []
    for m in mentions:
        tail = _ORG_TAIL.match(text, m.end)
        if tail and m.cls in ("DetentionFacility", "GovernmentAgency", "Place", "Company"):
            end = tail.end()
            name = text[m.start:end]
            cls = cue_class(name) or "Organization"
            out.append(Mention(m.start, end, name, cls, "rules.group_name.v1", 0.85))
        else:
            out.append(m)
    return out


_PETITION_LABEL = re.compile(r"(?:online\s+)?petition(?:\s+campaign)?\s*[-–:]\s*(?=[A-Z])", re.I)


def campaign_labels(text: str, seg: Segment, mentions: list[Mention]) -> list[Mention]:
    """"Petition Campaign - Justice for X": the words after the label name a campaign, up to
    the end of the line or sentence or the next campaign name."""
    out = []
    for match in _PETITION_LABEL.finditer(text, seg.start, seg.end):
        start = match.end()
        end = seg.end
        for stop in re.finditer(r"[.!?\n]", text[start:seg.end]):
            end = start + stop.start()
            break
        for m in mentions:
            if start < m.start < end and m.cls == "Campaign":
                end = m.start
        s, e = trim(text, start, end)
        if e - s > 3:
            out.append(Mention(s, e, text[s:e], "Campaign", "rules.campaign_label.v1", 0.8, text[s:e],
                               MentionKind.CAMPAIGN_LABEL))
    return out


def heading_campaign(text: str, seg: Segment) -> list[Mention]:
    """A heading line that ends in a campaign word ("... Defense Fund") names a campaign."""
    if seg.kind != "heading":
        return []
    name = text[seg.start:seg.end]
    if cue_class(name, strong_only=True) == "Campaign" and name[:1].isupper():
        return [Mention(seg.start, seg.end, name, "Campaign", "rules.heading_campaign.v1", 0.75, name,
                        MentionKind.HEADING_CAMPAIGN)]
    return []


def _hashtags(text: str, seg: Segment) -> list[Mention]:
    return [Mention(m.start(), m.end(), m.group(0), "Campaign", "rules.hashtag.v1", 0.8)
            for m in _HASHTAG.finditer(text, seg.start, seg.end)]


def _phrase_hits(text: str, seg: Segment, phrases: dict[str, tuple[str, str]], case: bool,
                 extractor: str, kind: MentionKind = MentionKind.NAME) -> list[Mention]:
    """Exact occurrences of known phrases inside a segment (word-bounded)."""
    out = []
    body = text[seg.start:seg.end]
    for phrase, (cls, canonical) in phrases.items():
        flags = 0 if case else re.IGNORECASE
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", body, flags):
            out.append(Mention(seg.start + m.start(), seg.start + m.end(), m.group(0), cls, extractor,
                               0.9, canonical, kind))
    return out


_DEFENDED = re.compile(r"^(?i:release|free|support|defend|save|bring home|justice for|stop the deportation of)\s+"
                       r"((?:[A-Z][a-zñáéíóú'’.-]+\s+){1,3}?[A-Z][a-zñáéíóú'’-]+)(?=\s+(?i:from|now|home)\b|\s*[!.:,]|$)")
_ADDRESSEE = re.compile(r"^(?i:ask|tell|urge|call on)\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s*){1,6}?)(?=\s+(?:to|not to)\b|\s*[:!,]|$)")


def _petition_mentions(text: str, seg: Segment) -> list[Mention]:
    title = text[seg.start:seg.end]
    out = [Mention(seg.start, seg.end, title, "Campaign", "rules.petition.v1", 0.95, title, MentionKind.PETITION_TITLE)]
    person = _DEFENDED.match(title)
    if person and not cue_class(person.group(1)) and not any(
            w.lower().strip(".") in _ROLE_NOUNS | {"tenant", "community", "advocate", "our", "all"}
            for w in person.group(1).split()):
        s = seg.start + person.start(1)
        out.append(Mention(s, s + len(person.group(1)), person.group(1), "Person", "rules.petition.defended.v1", 0.75,
                           kind=MentionKind.PETITION_PARTY))
    addressee = _ADDRESSEE.match(title)
    if addressee and len(addressee.group(1).split()) >= 2:
        s = seg.start + addressee.start(1)
        e = s + len(addressee.group(1).rstrip())
        name = text[s:e]
        out.append(Mention(s, e, name, cue_class(name) or "Organization", "rules.petition.addressee.v1", 0.7,
                           kind=MentionKind.PETITION_PARTY))
    for name, s, e in seg.get("creators", ()):
        out.append(Mention(s, e, name, creator_class(name), "rules.petition.creator.v1", 0.9,
                           kind=MentionKind.PETITION_CREATOR))
    return out


_ORG_WORDS_ES = {"resistencia", "comité", "comite", "coalición", "coalicion", "unión", "union", "alianza",
                 "colectivo", "movimiento", "frente", "centro", "red", "proyecto", "sindicato"}


def creator_class(name: str) -> str:
    """Class of a petition creator account: "First L." is a person, other names are groups.

    >>> creator_class("Brenda P.")
    'Person'
    >>> creator_class("Neighbors Against Detention")
    'Organization'
    """
    words = name.split()
    if words and words[0].lower() in _ORG_WORDS_ES:
        return "Organization"
    if len(words) >= 2 and re.fullmatch(r"[A-Za-z]\.", words[-1]):
        return "Person"
    if words and words[0].rstrip(".") in ("Rev", "Dr", "Mr", "Mrs", "Ms", "Fr", "Sr", "Sra"):
        return "Person"
    cue = cue_class(name)
    if cue is None and data_tables.looks_like_person(name):
        return "Person"
    return cue or "Organization"


def acronym_fits(acronym: str, name: str) -> bool:
    """True when ``acronym`` can abbreviate ``name``: its first letter starts a word of the
    name and its letters occur in order in the name.

    >>> acronym_fits("DOL", "WA Department of Licensing"), acronym_fits("USA", "LOS ANGELES")
    (True, False)
    """
    letters = [ch for ch in acronym.upper() if ch.isalnum()]
    if len(letters) < 2 or not any(ch.isupper() for ch in acronym[1:]):
        return False
    words = re.findall(r"[A-Za-z0-9]+", name)
    if not words or letters[0] not in {w[0].upper() for w in words}:
        return False
    upper = name.upper()
    pos = upper.find(letters[0])
    for ch in letters[1:]:
        pos = upper.find(ch, pos + 1)
        if pos < 0:
            return False
    return True


_OF_NAME = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:(?:and|of|for|the|&)[ \t]+)*[A-Z][\w’'.-]*)*")
_OF_PLACE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?((?:(?:Northern|Southern|Eastern|Western|Central|North|South|East|West|"
                       r"Greater|Upstate|Downstate)[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2})")


def _place_after(text: str, end: int) -> int | None:
    """End of "of <Place>" right after a group's name, when <Place> is a known place
    ("ACLU of Northern California", "NAACP of Texas"); None otherwise."""
    match = _OF_PLACE.match(text, end)
    if not match:
        return None
    words = match.group(1).split()
    known = data_tables.known_place_names()
    for size in range(len(words), 0, -1):
        core = [w.rstrip(".,") for w in words[:size]]
        if core and core[0] in ("Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East",
                                "West", "Greater", "Upstate", "Downstate") and len(core) > 1:
            place = " ".join(core[1:])
        else:
            place = " ".join(core)
        if place.lower() in known:
            return match.start(1) + len(" ".join(words[:size]).rstrip(".,"))
    return None


#: group names that have affiliates named by a place ("National Lawyers Guild of Sacramento")
_AFFILIATE_HEADS = frozenset({"Guild", "Chapter", "Society", "Foundation", "Institute", "Clinic"})


def _second_name(tail: str) -> int | None:
    """Where a second group's name starts in the "of/for …" tail of a first one: after an
    "and" comes a name whose head is a body cue — "Farmville Workers Coalition", or
    "Dayton Coalition for Immigrant Rights" with a tail of its own. Offset of the "and", or
    None when the tail is one name ("… for Peace and Justice")."""
    for joint in re.finditer(r"[ \t]+(?:and|&)[ \t]+(?=[A-Z])", tail):
        words = tail[joint.end():].split()
        link = next((i for i, w in enumerate(words) if w in ("of", "for")), None)
        head = words[:link] if link is not None else words
        if len(head) >= 2 and all(w[0].isupper() for w in head) \
                and cue_class(head[-1]) in ("Organization", "GovernmentAgency", "Company"):
            return joint.start()
    return None


def extend_of_place(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Workers Party" + "of" + "Chile" is one name when the group's head word is a cue
    (party, league, union...) and a capitalised name follows at once."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        tail = None
        end = None
        if m.cls == "Organization" and (re.fullmatch(r"[A-Z][A-Z&.-]{1,7}", m.text) or m.text.split()[-1] in _AFFILIATE_HEADS):
            end = _place_after(text, m.end)  # "ACLU of Texas" is not "ACLU of Nevada"
        elif m.cls == "Organization" and cue_class(m.text.split()[-1]) == "Organization":
            tail = _OF_NAME.match(text, m.end)
            end = tail.end() if tail else None
            if tail and (cut := _second_name(tail.group(0))) is not None:
                end = tail.start() + cut  # "… for Immigrant Rights and Farmville Workers Coalition"
        if end is not None:
            while text[end - 1] == "." and not re.search(r"\b[A-Z]\.$|\b(?:Inc|Corp|Co|Ltd|Jr|St)\.$", text[m.start:end]):
                end -= 1  # a sentence's full stop is not part of the name
            out.append(Mention(m.start, end, text[m.start:end], "Organization", "rules.group_of_name.v1", 0.8))
            skip_until = end
        else:
            out.append(m)
    return out


def acronym_definitions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions for "Long Name (ACR)": the acronym with the long name as canonical."""
    out = []
    for m in mentions:
        match = _ACRONYM_DEF.match(text, m.end)
        if not match:
            continue
        acronym = match.group(1).rstrip(".")
        if not acronym_fits(acronym, m.text):
            continue  # "(Translation)", "LOS ANGELES (USA)" are not definitions
        out.append(Mention(match.start(1), match.start(1) + len(acronym), acronym, m.cls,
                           "rules.acronym_definition.v1", 0.9, m.canonical or m.text))
    return out


#: mentions that may contain others (a petition title names people and places inside it;
#: "the Seattle office of <Agency>" contains the place and the agency)

UNIT_WORDS = ("field office", "office", "chapter", "branch", "section", "affiliate", "division", "local")
_UNIT = re.compile(r"\s+(" + "|".join(UNIT_WORDS) + r")\s+of\s+(?:the\s+)?$", re.I)
EVENT_HEADS = frozenset("""raid raids strike strikes protest protests march marches rally rallies vigil vigils
walkout walkouts attack attacks sweep sweeps operation roundup roundups occupation encampment""".split())


_QUOTED_EVENT = re.compile(r"[‘“\"']((?:[A-Z][a-z]+ ){1,3}(?:Depression|Recession|War|Revolution|Crisis|Massacre|"
                           r"Uprising|Strike|Raids?|March|Riots?))[’”\"']")


_STATE_CODE = re.compile(r",\s*([A-Z]{2})(?![\w-])")


def state_codes(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Springfield, KY": a USPS code after a place names the state."""
    codes = data_tables.us_states()
    out = []
    for m in mentions:
        if m.cls != "Place":
            continue
        match = _STATE_CODE.match(text, m.end)
        if match and match.group(1) in codes:
            out.append(Mention(match.start(1), match.end(1), match.group(1), "Place", "rules.state_code.v1", 0.9,
                               codes[match.group(1)]))
    return out


def quoted_events(text: str, segments: list[Segment]) -> list[Mention]:
    """A quoted capitalised name of a historical event: 'the 1929 ‘Great Depression’'."""
    out = []
    for seg in segments:
        for m in _QUOTED_EVENT.finditer(text, seg.start, seg.end):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Event", "rules.quoted_event.v1", 0.7))
    return out


def unit_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """"<Place> office of <Agency>", "<Place> chapter of <Group>": a unit of a larger body."""
    out = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if a.cls != "Place" or b.cls not in ("GovernmentAgency", "Organization", "Company"):
            continue
        gap = text[a.end:b.start]
        if _UNIT.fullmatch(gap):
            out.append(Mention(a.start, b.end, text[a.start:b.end], b.cls, "rules.unit.v1", 0.8, kind=MentionKind.UNIT))
    return out


def event_mentions(text: str, parsed: list[ParsedSegment]) -> list[Mention]:
    """Noun phrases headed by an event word with a name or number before it ("this
    Tennessee raid", "the 9/11 attacks") name events."""
    out = []
    for p in parsed:
        if p.doc is None or _title_case_text(p.segment) or not p.doc.has_annotation("DEP"):
            continue
        base = p.segment.start
        if not any(t.lower_ in EVENT_HEADS for t in p.doc):
            continue  # no event word: spare the noun-chunk iterator (the costliest step here)
        for chunk in p.doc.noun_chunks:
            head = chunk.root
            if head.lower_ not in EVENT_HEADS:
                continue
            mods = [t for t in chunk if t.i < head.i and (t.pos_ in ("PROPN", "NUM") or t.like_num)]
            if not mods or any(t.tag_ == "POS" or t.lower_ in ("'s", "’s") for t in chunk):
                continue
            first = min(mods, key=lambda t: t.i)
            start, end = base + first.idx, base + head.idx + len(head.text)
            out.append(Mention(start, end, text[start:end], "Event", "rules.event_phrase.v1", 0.6))
    return out


_SITES = ("DetentionFacility", "Company", "Place", "GovernmentAgency")
_SITE_PREPS = ("at", "in", "outside", "near", "inside", "en", "frente", "afuera", "ante")


def sited_events(text: str, parsed: list[ParsedSegment], taken: list[Mention]) -> list[Mention]:
    """A delimited event named by its site: a singular event noun ("a hunger strike", "the
    raid", "una marcha") with a place, facility or company after "at/in/outside/en" becomes
    an Event whose name is built from the text — what, where and, when the sentence gives a
    date, when: "hunger strike at the Valleverde Detention Center (on Monday)"."""
    from actorgraph.loaders.lang import load_pack

    spans = sorted((m.start, m.end, m) for m in taken if m.cls in _SITES)
    starts = [s for s, _, _ in spans]
    out = []
    for p in parsed:
        if p.doc is None or _title_case_text(p.segment) or not p.doc.has_annotation("DEP"):
            continue
        pack = load_pack(p.segment.language if p.segment.language in ("en", "es") else "en")
        base = p.segment.start
        for head in p.doc:
            if head.pos_ != "NOUN" or head.lemma_.lower() not in pack.event_nouns or head.lower_ != head.lemma_.lower():
                continue  # singular only: "raids" in general are no one event
            site = None
            holders = [head]
            if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
                holders.append(head.head)  # "held a vigil outside X"
            for prep in (c for h in holders for c in h.children
                         if c.dep_ in ("prep", "case", "nmod", "obl") or c.lower_ in _SITE_PREPS):
                objects = [prep] if prep.dep_ in ("nmod", "obl") else [o for o in prep.children if o.dep_ == "pobj"]
                for obj in objects:
                    if obj.dep_ in ("nmod", "obl") and not any(c.lower_ in _SITE_PREPS for c in obj.children):
                        continue
                    if obj.dep_ == "pobj" and prep.lower_ not in _SITE_PREPS:
                        continue
                    i = bisect.bisect_right(starts, base + obj.idx) - 1
                    if i >= 0 and spans[i][1] >= base + obj.idx + len(obj.text):
                        site = spans[i][2]
                        break
                if site is not None:
                    break
            if site is None:
                continue
            mods = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i == head.i - 1 - sum(
                1 for u in head.lefts if u.i > t.i and u.dep_ in ("compound", "amod"))]
            first = min([head, *mods], key=lambda t: t.i)
            start, end = base + first.idx, base + head.idx + len(head.text)
            if any(m.start < end and start < m.end for _, _, m in spans):
                continue  # "the ICE raid": the agency's name is no part of the event's
            between = text[end:site.start].strip() if site.start - end < 60 else ""
            if site.start < end or not between or len(between.split()) > 6:
                between = "at" if pack.code == "en" else "en"
            name = f"{text[start:end]} {between} {site.canonical or site.text}".strip()
            when = [e for e in p.doc.ents if e.label_ == "DATE" and e.sent == head.sent]
            if when:
                name += f" ({when[0].text})"
            name = " ".join(name.split())
            # the built name is also the surface form: "raid" alone would join every raid of a corpus
            out.append(Mention(start, end, name, "Event", "rules.event.sited.v1", 0.6, name, MentionKind.BUILT))
    return out


_CAPWORD = r"(?:[A-Z][\w'’.-]*|#\w+|\d+)"
_NAMED_CAMPAIGN = re.compile(r"\b(?:the|a|its|their|our|his|her)[ \t]+(" + _CAPWORD + r"(?:[ \t]+(?:" + _CAPWORD +
                             r"|of|for|and|the|to|in|a))*?)[ \t]+(?:campaign|petition|boycott)\b")
_CALLED_CAMPAIGN = re.compile(r"\b(?:campaign|petition|boycott|initiative)[ \t]+(?:called|named|dubbed|titled)[ \t]+[“\"']?(" +
                              _CAPWORD + r"(?:[ \t]+(?:" + _CAPWORD + r"|of|for|and|the|to|in|a))*)")


def _names_the_campaign(t: Mention, start: int, end: int) -> bool:
    """Whether a mention overlapping a campaign's name makes it no campaign's name: a group
    that the name is ("the Harbor Workers Union campaign") or that a known name starts it
    ("the ACLU of Texas campaign"), or another known name covering it all. A group inside
    the name ("the No Data for ICE in Utah campaign"), the model's guess of a group over part
    of it or its guess of another kind (a law) is the campaign's wording."""
    group = t.cls in ("Organization", "GovernmentAgency", "Company")
    whole = t.start <= start and t.end >= end
    if t.kind == MentionKind.MODEL:
        return group and whole
    return whole or (group and t.start <= start)


def campaign_names(text: str, parsed: list[ParsedSegment], taken: list[Mention]) -> list[Mention]:
    """Campaigns named in prose: "the Homes Not Cages campaign", "the #StopTheRaids campaign",
    "a petition called Keep Families Together" (not a group's name: "the ACLU campaign")."""
    out = []
    for p in parsed:
        if p.doc is None or _title_case_text(p.segment):
            continue
        for pattern in (_NAMED_CAMPAIGN, _CALLED_CAMPAIGN):
            for m in pattern.finditer(text, p.segment.start, p.segment.end):
                start, end = m.start(1), m.end(1)
                name = text[start:end].rstrip(".,")
                end = start + len(name)
                words = name.split()
                if not (name.startswith("#") or len(words) >= 2):
                    continue
                if any(t.start < end and start < t.end and t.cls != "Campaign" and _names_the_campaign(t, start, end)
                       for t in taken):
                    continue  # a group's campaign, not a campaign's name (the model's guess of a law gives way)
                out.append(Mention(start, end, name, "Campaign", "rules.campaign_name.v1", 0.7, name,
                                   MentionKind.CAMPAIGN_NAME))
    return out


_SURNAME = r"[A-Z][\w'’-]+"


def firm_names(text: str, segments: list[Segment]) -> list[Mention]:
    """A firm named after its partners, "the law firm Alvarez, Brook & Chen": the commas
    belong to the name, not to a list (``lang/<code>/firm_nouns.txt``)."""
    from actorgraph.loaders.lang import load_pack

    out = []
    for seg in segments:
        pack = load_pack(seg.language if seg.language in ("en", "es") else "en")
        if not pack.firm_nouns:
            continue
        nouns = "|".join(re.escape(n) for n in sorted(pack.firm_nouns, key=len, reverse=True))
        conj = "|".join(re.escape(c) for c in sorted(pack.conjunctions) if c not in ("or", "o", "u"))
        pattern = re.compile(rf"\b(?:{nouns})[ \t]+((?:{_SURNAME},[ \t]+){{1,5}}{_SURNAME}[ \t]*(?:&|{conj})[ \t]+{_SURNAME}"
                             r"(?:,?[ \t]+(?:LLP|LLC|PLLC|P\.C\.))?)")
        for m in pattern.finditer(text, seg.start, seg.end):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Company", "rules.firm_name.v1", 0.8))
    return out


def attach_legal_forms(text: str, mentions: list[Mention], segments: list[Segment]) -> list[Mention]:
    """A legal form ends the name of a firm ("Stonebridge Services LLC",
    ``lang/<code>/legal_forms.txt``). Where the model tagged the form apart, it joins the
    name just before it: a mention, or else the run of capitalised words before it (leading
    stop words, such as a sentence's "In", left out). A legal form with no name before it
    is not a name."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.es.stop_words import STOP_WORDS as ES_STOP

    from actorgraph.loaders.lang import load_pack

    if not segments:
        return mentions
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [s.start for s in segments]
    drop: set[int] = set()
    grown: dict[int, Mention] = {}
    added: list[Mention] = []
    for i, m in enumerate(ordered):
        if m.text.lower() not in _legal_forms():
            continue  # most mentions: no segment to look up
        seg = segments[bisect.bisect_right(starts, m.start) - 1]
        if not seg.start <= m.start < seg.end or \
                m.text.lower() not in load_pack(seg.language if seg.language in ("en", "es") else "en").legal_forms:
            continue
        drop.add(i)
        before = grown.get(i - 1, ordered[i - 1]) if i else None
        if before is not None and before.start >= seg.start and re.fullmatch(r",?[ \t]+", text[before.end:m.start]):
            grown[i - 1] = replace(before, end=m.end, text=text[before.start:m.end], cls="Company", canonical=None)
            continue
        run = re.search(r"((?:[A-Z][\w&'’.-]*[ \t]+){1,5})$", text[seg.start:m.start])
        if run is None:
            continue
        stop = ES_STOP if seg.language == "es" else EN_STOP
        words = run.group(1).split()
        while words and words[0].lower() in stop:
            words.pop(0)
        if words:
            start = m.start - len(run.group(1)) + run.group(1).index(words[0])
            added.append(Mention(start, m.end, text[start:m.end], "Company", "rules.legal_form.v1", 0.8))
    kept = [grown.get(i, m) for i, m in enumerate(ordered) if i not in drop]
    return resolve_overlaps(kept + added)


def given_name_mentions(text: str, parsed: list[ParsedSegment], taken: list[Mention]) -> list[Mention]:
    """People the model missed: two or three proper nouns in a row, the first a common given
    name (Census lists), not part of a longer name, not a place ("Ana Ruiz, a spokeswoman")."""
    out = []
    spans = SpanIndex([(m.start, m.end) for m in taken])
    for p in parsed:
        if p.doc is None or _title_case_text(p.segment):
            continue
        base = p.segment.start
        tokens = list(p.doc)
        i = 0
        while i < len(tokens):
            t = tokens[i]
            j = i
            while j < len(tokens) and tokens[j].pos_ == "PROPN" and tokens[j].is_title and j - i < 4:
                j += 1
            run = tokens[i:j]
            if 2 <= len(run) <= 3 and (i == 0 or tokens[i - 1].pos_ != "PROPN") \
                    and (j == len(tokens) or tokens[j].pos_ != "PROPN"):
                start, end = base + run[0].idx, base + run[-1].idx + len(run[-1])
                name = text[start:end]
                if data_tables.looks_like_person(name) and not cue_class(name) \
                        and not spans.overlaps(start, end):
                    out.append(Mention(start, end, name, "Person", "rules.given_name.v1", 0.6))
            i = max(j, i + 1) if t.pos_ == "PROPN" else i + 1
    return out


class SpanIndex:
    """Spans (which may overlap one another) and a logarithmic test of whether any of them
    overlaps a given span: sorted starts with the running maximum of ends."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the best of overlapping mentions: data-backed, then longer, then earlier.

    Containers (a petition title, a unit "the Seattle office of X") may hold other mentions.
    The kept plain mentions never overlap, so one binary search finds a clash: the time is
    O(n log n) in the number of mentions, whatever the document's length.
    """
    def rank(m: Mention):
        return (m.kind.is_petition or m.kind == MentionKind.CAMPAIGN_LABEL, m.canonical is not None,
                m.end - m.start, m.confidence, -m.start)

    chosen: list[Mention] = []
    containers: set[tuple[int, int]] = set()
    titles = {(m.start, m.end) for m in mentions if m.kind.is_container}
    starts: list[int] = []
    ends: list[int] = []
    for m in sorted(mentions, key=rank, reverse=True):
        if m.kind.is_container:
            if (m.start, m.end) not in containers:
                containers.add((m.start, m.end))
                chosen.append(m)
            continue
        i = bisect.bisect_left(starts, m.end)  # kept spans that start before m ends: the last may reach m
        if i > 0 and ends[i - 1] > m.start:
            continue
        if (m.start, m.end) in titles:
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        chosen.append(m)
    return sorted(chosen, key=lambda m: (m.start, m.end))


_CAPS_STOP = frozenset("""USA US UK EU UN OK AM PM TV ID FAQ CEO CFO LLC INC LTD COVID NEW THE AND FOR
NOT NOW ALL OUR YOU ACT BILL RIP DIY LGBT LGBTQ LGBTQIA PDF URL FYI ASAP NB PS""".split())
_CAPS = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{2,6})(?![\w-])")
_CAPS_CONTEXT = re.compile(r"(?:\bthe|\bof|\bto|\bwith|\bby|\bfrom|\bjoin(?:ing)?|\band|&|,)\s*$", re.I)


def capitalised_acronyms(text: str, segments: list[Segment], taken: list[Mention]) -> list[Mention]:
    """Unknown all-caps names ("the ABCD", "of ABCD", or used twice) are group names."""
    counts: dict[str, int] = {}
    for m in _CAPS.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    out = []
    occupied = SpanIndex([(t.start, t.end) for t in taken if not t.kind.is_container])
    for seg in segments:
        if seg.language != "en":
            continue
        for m in _CAPS.finditer(text, seg.start, seg.end):
            word = m.group(1)
            if word in _CAPS_STOP or word.isdigit() or occupied.overlaps(m.start(), m.start() + 1):
                continue
            if re.search(r"[A-Z]{2,}\s*$", text[max(seg.start, m.start() - 12):m.start()]) or re.match(r"\s*[A-Z]{2,}", text[m.end():m.end() + 12]):
                continue  # part of a shouted phrase: "GO AWAY", "TRUST ACT"
            if counts[word] >= 2 or _CAPS_CONTEXT.search(text[max(seg.start, m.start() - 12):m.start()]):
                out.append(Mention(m.start(), m.end(), word, "Organization", "rules.caps_acronym.v1", 0.6))
    return out


_ACCOUNT = re.compile(r"^(\S{3,})\s+[A-Za-z]\.$")


def creator_accounts(text: str, mentions: list[Mention]) -> list[Mention]:
    """A petition account "Name X." whose Name is used elsewhere in the document as a name
    ("… ABCD & Friends") is that group's account: mention the group there too."""
    out = []
    for m in mentions:
        if m.kind != MentionKind.PETITION_CREATOR:
            continue
        match = _ACCOUNT.match(m.text)
        if not match:
            continue
        base = match.group(1)
        hits = [h for h in re.finditer(r"(?<![\w-])" + re.escape(base) + r"(?![\w-])(?!\s+(?:de|del|of|for)\b)", text, re.I)
                if not (m.start <= h.start() < m.end) and h.group(0)[0].isupper()]
        if hits:
            out.append(replace(m, cls="Organization"))
            out.extend(Mention(h.start(), h.end(), h.group(0), "Organization", "rules.creator_account.v1", 0.7)
                       for h in hits)
    return out


def extract_mentions(text: str, parsed: list[ParsedSegment]) -> list[Mention]:
    """All entity mentions of a document, non-overlapping, in text order."""
    found: list[Mention] = []
    for p in parsed:
        seg = p.segment
        if seg.kind == "petition-title":
            found.extend(_petition_mentions(text, seg))
        found.extend(heading_campaign(text, seg))
        if p.doc is not None:
            ner = extend_of_place(text, extend_group_names(text, _ner_mentions(text, p)))
            found.extend(ner)
            found.extend(campaign_labels(text, seg, ner))
        found.extend(_hashtags(text, seg))
    # Spanish passages: the sourced Spanish table and names already seen in English
    spanish = _spanish_phrases()
    english = SpanIndex([(p.segment.start, p.segment.end) for p in parsed if p.segment.language == "en"])
    seen = {m.text: (m.cls, m.canonical or m.text) for m in found
            if m.kind != MentionKind.PETITION_TITLE and len(m.text) > 3 and english.overlaps(m.start, m.start + 1)}
    for p in parsed:
        if p.doc is None or p.segment.language == "es":
            found.extend(_phrase_hits(text, p.segment, spanish, False, "rules.spanish_names.v1", MentionKind.TRANSLATED))
        if p.doc is None or p.segment.kind == "petition-title" or p.segment.language != "en":
            found.extend(_phrase_hits(text, p.segment, seen, True, "rules.known_form.v1"))
    found = attach_legal_forms(text, resolve_overlaps(found), [p.segment for p in parsed])
    found = resolve_overlaps(found + given_name_mentions(text, parsed, found))
    found = resolve_overlaps(found + campaign_names(text, parsed, found))
    found = resolve_overlaps(found + firm_names(text, [p.segment for p in parsed]))
    found = resolve_overlaps(found + list_mentions(text, parsed, found))
    accounts = creator_accounts(text, found)
    if accounts:
        replaced = {(a.start, a.end) for a in accounts if a.kind == MentionKind.PETITION_CREATOR}
        found = [m for m in found if not (m.kind == MentionKind.PETITION_CREATOR and (m.start, m.end) in replaced)]
        found = resolve_overlaps(found + accounts)
    found.extend(acronym_definitions(text, found))
    found = resolve_overlaps(found + event_mentions(text, parsed) + quoted_events(text, [p.segment for p in parsed]))
    found = resolve_overlaps(found + sited_events(text, parsed, found))
    found = resolve_overlaps(found + state_codes(text, found))
    found = resolve_overlaps(found + capitalised_acronyms(text, [p.segment for p in parsed], found))
    found = resolve_overlaps(found + unit_mentions(text, [m for m in found if not m.kind.is_container]))
    found = resolve_overlaps(found + whole_forms(text, found))
    found = resolve_overlaps(found + repeated_names(text, parsed, found))
    # every later use of a defined or known acronym
    acronyms = {m.text: (m.cls, m.canonical or m.text) for m in found
                if m.text.isupper() and 2 <= len(m.text) <= 8}
    # kept plain mentions do not overlap: the one starting last at or before a hit is the only
    # one that can contain it ("ACLU" inside "ACLU of Texas" is not a use of the acronym)
    taken = sorted((m.start, m.end) for m in found if not m.kind.is_container)
    starts = [s for s, _ in taken]

    def inside_another(hit: Mention) -> bool:
        i = bisect.bisect_right(starts, hit.start) - 1
        return i >= 0 and taken[i][1] >= hit.end and taken[i] != (hit.start, hit.end)

    for p in parsed:
        found.extend(hit for hit in _phrase_hits(text, p.segment, acronyms, True, "rules.acronym_use.v1")
                     if not inside_another(hit))
    return english_forms(resolve_overlaps(found), parsed)


def whole_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the model cut short where the text goes on with a longer name of the same
    document: "KXL" in "By A and B, KXL News Metro and Politics Desk" when the document names
    "KXL News" elsewhere. The longer form must follow word for word and end at a word's end."""
    plain = [m for m in mentions if not m.kind.is_container]
    forms: dict[str, Mention] = {}
    for m in plain:
        if " " in m.text:
            forms.setdefault(m.text, m)
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split(" ", 1)[0], []).append(form)
    out = []
    for m in plain:
        for form in by_first.get(m.text.split(" ", 1)[0], ()):
            end = m.start + len(form)
            if len(form) > len(m.text) and form.startswith(m.text + " ") and text.startswith(form, m.start) \
                    and (end == len(text) or not text[end].isalnum()):
                source = forms[form]
                out.append(Mention(m.start, end, form, source.cls, "rules.known_form.v1", m.confidence, source.canonical))
                break
    return out


def repeated_names(text: str, parsed: list[ParsedSegment], mentions: list[Mention]) -> list[Mention]:
    """Every other use of a name the document already gave, where nothing else was found
    ("one sense per discourse"): the model tags "the Harbor Is Home campaign" once and misses
    "Co-chairs of Harbor Is Home are ...". Only names of two words or more, written the same
    way, capital for capital, in the English passages that were parsed (a one-word name
    spreads whatever one mention of it got wrong: a town the model once tagged a group)."""
    forms: dict[str, Mention] = {}
    for m in mentions:
        if (not m.kind.is_container and not m.kind.is_petition and " " in m.text
                and m.text[:1].isupper() and "\n" not in m.text):
            forms.setdefault(m.text, m)
    if not forms:
        return []
    by_first: dict[str, list[str]] = {}  # one look-up per capitalised word, whatever the number of names
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split(" ", 1)[0], []).append(form)
    taken = SpanIndex([(m.start, m.end) for m in mentions if not m.kind.is_container])
    out = []
    for p in parsed:
        seg = p.segment
        if p.doc is None or seg.kind == "petition-title" or seg.language != "en":
            continue
        resume = seg.start
        for word in _CAPITALISED_WORD.finditer(text, seg.start, seg.end):
            start = word.start()
            if start < resume or not word.group(0)[0].isupper():
                continue
            # longest first; "Home." at a sentence's end is the word "Home"
            for form in by_first.get(word.group(0)) or by_first.get(word.group(0).rstrip("."), []):
                end = start + len(form)
                if end > seg.end or not text.startswith(form, start) or (end < len(text) and _NAME_GOES_ON.match(text, end)):
                    continue
                resume = end
                if not taken.overlaps(start, end) and not _inside_capitalised(text, start, end, seg.start):
                    source = forms[form]
                    out.append(Mention(start, end, form, source.cls, "rules.repeated_name.v1",
                                       min(source.confidence, 0.7), source.canonical))
                break
    return out


_CAPITALISED_WORD = re.compile(r"(?<![\w'’.&-])[^\W\d_][\w'’.&-]*")  # a word; capitals checked in code
_NAME_GOES_ON = re.compile(r"[\w'’&-]")
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
_PREVIOUS_WORD = re.compile(r"([^\s]+)[ \t]+$")
_SENTENCE_OPENS = (".", "!", "?", ":", ";", "\n", '"', "“", "(", "—", "–")


def _inside_capitalised(text: str, start: int, end: int, floor: int) -> bool:
    """True when the words around a span go on with capitals, so the span is part of a longer
    name ("St Johns" in "St Johns Families Together", "New Mexico" in "Farmworkers of New
    Mexico"); a capital that begins the sentence ("The Harbor Is Home coalition") does not count."""
    if _NEXT_CAPITAL.match(text, end):
        return True
    previous = _PREVIOUS_WORD.search(text, max(floor, start - 80), start)
    if previous is None or not previous.group(1)[:1].isupper():
        return False
    opening = text[max(floor, start - 80):previous.start(1)].rstrip(" \t")
    return not (previous.start(1) == floor or opening.endswith(_SENTENCE_OPENS))


def english_forms(mentions: list[Mention], parsed: list[ParsedSegment]) -> list[Mention]:
    """Names in a language with structural translations get their English form as canonical
    name ("Oficina del Alguacil del Condado Pinal" -> "Pinal County Sheriff's Office"),
    so the two languages of a bilingual document name one entity."""
    from dataclasses import replace

    from actorgraph.loaders.lang import english_name

    languages = [(p.segment.start, p.segment.end, p.segment.language) for p in parsed if p.segment.language != "en"]
    starts = [s for s, _, _ in languages]
    out = []
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        language = languages[i][2] if i >= 0 and m.start < languages[i][1] else None
        english = english_name(language, m.text) if language and m.canonical in (None, m.text) else None
        out.append(replace(m, canonical=english, extractor="rules.english_form.v1", kind=MentionKind.BUILT) if english else m)
    return out


@lru_cache(maxsize=1)
def _spanish_phrases() -> dict[str, tuple[str, str]]:
    """Spanish name -> (class, English name), from the sourced Spanish table (once per process)."""
    return {es: (_class_of_english(en), en) for es, en in data_tables.spanish_names().items()}


def _class_of_english(name: str) -> str:
    for known in data_tables.all_known():
        if known.name == name:
            return known.cls
    return cue_class(name) or "GovernmentAgency"
