"""Group names the model cut short, grown from the text after them (applied by the NER
pass to what the model tagged): "X Detention Center" + "Resistance" is a group, not the
building; "Workers Party" + "of Chile", "ACLU" + "of Northern California" are one name."""

from __future__ import annotations

import re

from actorgraph.loaders import data_tables
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.model import Mention

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
