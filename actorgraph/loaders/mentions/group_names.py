"""Group names the model cut short, grown from the text after them (applied by the NER
pass to what the model tagged): "X Detention Center" + "Resistance" is a group, not the
building; "Workers Party" + "of Chile", "ACLU" + "of Northern California" are one name."""

from __future__ import annotations

import re

from actorgraph.loaders import data_tables, lang
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.model import Mention

# the words of a group's name as each language writes them are its pack's (expressions.toml:
# mentions.group.*; compass_words.txt, affiliate_heads.txt, name_preps.txt)


def extend_group_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"X Detention Center" followed by "Resistance" names the group, not the building."""
    out = []
    for m in mentions:
        tail = lang.match("mentions.group.tail", text, m.end)
        if tail and m.cls in ("DetentionFacility", "GovernmentAgency", "Place", "Company"):
            end = tail.end()
            name = text[m.start:end]
            cls = cue_class(name) or "Organization"
            out.append(Mention(m.start, end, name, cls, "rules.group_name.v1", 0.85))
        else:
            out.append(m)
    return out


def _place_after(text: str, end: int) -> int | None:
    """End of "of <Place>" right after a group's name, when <Place> is a known place
    ("Legal Aid of Northern Ribera", "Farmworker Union of Texas"); None otherwise."""
    match = lang.match("mentions.group.of_place", text, end)
    if not match:
        return None
    words = match.group(1).split()
    known = data_tables.known_place_names()
    for size in range(len(words), 0, -1):
        core = [w.rstrip(".,") for w in words[:size]]
        if core and core[0] in lang.union("compass_words", case=True) and len(core) > 1:
            place = " ".join(core[1:])
        else:
            place = " ".join(core)
        if place.lower() in known:
            return match.start(1) + len(" ".join(words[:size]).rstrip(".,"))
    return None




def _second_name(tail: str) -> int | None:
    """Where a second group's name starts in the "of/for …" tail of a first one: after an
    "and" comes a name whose head is a body cue — "Farmville Workers Coalition", or
    "Dayton Coalition for Immigrant Rights" with a tail of its own. Offset of the "and", or
    None when the tail is one name ("… for Peace and Justice")."""
    for joint in lang.finditer("mentions.group.second_name", tail):
        words = tail[joint.end():].split()
        link = next((i for i, w in enumerate(words) if w in lang.union("name_preps")), None)
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
        if m.cls == "Organization" and (re.fullmatch(r"[A-Z][A-Z&.-]{1,7}", m.text) or m.text.split()[-1] in lang.union("affiliate_heads", case=True)):
            end = _place_after(text, m.end)  # "ACLU of Texas" is not "ACLU of Nevada"
        elif m.cls == "Organization" and cue_class(m.text.split()[-1]) == "Organization":
            tail = lang.match("mentions.group.of_name", text, m.end)
            end = tail.end() if tail else None
            if tail and (cut := _second_name(tail.group(0))) is not None:
                end = tail.start() + cut  # "… for Immigrant Rights and Farmville Workers Coalition"
        if end is not None:
            while text[end - 1] == "." and not lang.search("mentions.group.abbreviation_end", text[m.start:end]):
                end -= 1  # a sentence's full stop is not part of the name
            out.append(Mention(m.start, end, text[m.start:end], "Organization", "rules.group_of_name.v1", 0.8))
            skip_until = end
        else:
            out.append(m)
    return out
