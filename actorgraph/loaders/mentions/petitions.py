"""Petition listings: the title (a campaign that holds the names in it), whom it defends or
addresses, the accounts that started it, and an account "Name X." that is a group the
document names ("ABCD A." for "ABCD")."""

from __future__ import annotations

import re
from dataclasses import replace

from actorgraph.loaders import data_tables, lang
from actorgraph.loaders.cues import cue_class, role_nouns
from actorgraph.loaders.lang import alternation, union
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.model import Mention, MentionKind, Segment

# how a petition's title names whom it defends or addresses is the packs' (expressions.toml:
# mentions.petition.defended, mentions.petition.addressee)


@register("mentions.petition.listing.v1")
def petition_listings(ctx: MentionContext) -> list[Mention]:
    """Each petition title segment: the title, the person it defends ("Free Ana Ruiz"), whom
    it addresses ("Tell the County Board to ..."), and the accounts that created it."""
    return [m for seg in ctx.segments if seg.kind == "petition-title" for m in _petition_mentions(ctx.text, seg)]


def _petition_mentions(text: str, seg: Segment) -> list[Mention]:
    title = text[seg.start:seg.end]
    out = [Mention(seg.start, seg.end, title, "Campaign", "rules.petition.v1", 0.95, title, MentionKind.PETITION_TITLE)]
    person = lang.match("mentions.petition.defended", title)
    if person and not cue_class(person.group(1)) and not any(
            w.lower().strip(".") in role_nouns() | union("not_defended")
            for w in person.group(1).split()):
        s = seg.start + person.start(1)
        out.append(Mention(s, s + len(person.group(1)), person.group(1), "Person", "rules.petition.defended.v1", 0.75,
                           kind=MentionKind.PETITION_PARTY))
    addressee = lang.match("mentions.petition.addressee", title)
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


def creator_class(name: str) -> str:
    """Class of a petition creator account: "First L." is a person, and a name after an
    honorific (``honorifics.txt``); a name that begins with a group's word
    (``group_first_words.txt``: "Comité …") and other names are groups.

    >>> creator_class("Marisol T.")
    'Person'
    >>> creator_class("Neighbors Against Detention")
    'Organization'
    """
    words = name.split()
    if words and words[0].lower() in union("group_first_words"):
        return "Organization"
    if len(words) >= 2 and re.fullmatch(r"[A-Za-z]\.", words[-1]):
        return "Person"
    if words and words[0].rstrip(".") in union("honorifics", case=True):
        return "Person"
    cue = cue_class(name)
    if cue is None and data_tables.looks_like_person(name):
        return "Person"
    return cue or "Organization"


_ACCOUNT = re.compile(r"^(\S{3,})\s+[A-Za-z]\.$")


@register("mentions.petition.account.v1", rewrites=True)
def creator_accounts(ctx: MentionContext) -> list[Mention]:
    """A petition account "Name X." whose Name is used elsewhere in the document as a name
    ("… ABCD & Friends") is that group's account: the account becomes a group, mentioned
    there too."""
    accounts = _accounts(ctx.text, ctx.found)
    if not accounts:
        return list(ctx.found)
    replaced = {(a.start, a.end) for a in accounts if a.kind == MentionKind.PETITION_CREATOR}
    kept = [m for m in ctx.found if not (m.kind == MentionKind.PETITION_CREATOR and (m.start, m.end) in replaced)]
    return kept + accounts


def _accounts(text: str, mentions: tuple[Mention, ...]) -> list[Mention]:
    out = []
    for m in mentions:
        if m.kind != MentionKind.PETITION_CREATOR:
            continue
        match = _ACCOUNT.match(m.text)
        if not match:
            continue
        base = match.group(1)
        links = alternation(union("name_preps"))
        hits = [h for h in re.finditer(r"(?<![\w-])" + re.escape(base) + r"(?![\w-])(?!\s+(?:" + links + r")\b)", text, re.I)
                if not (m.start <= h.start() < m.end) and h.group(0)[0].isupper()]
        if hits:
            out.append(replace(m, cls="Organization"))
            out.extend(Mention(h.start(), h.end(), h.group(0), "Organization", "rules.creator_account.v1", 0.7)
                       for h in hits)
    return out
