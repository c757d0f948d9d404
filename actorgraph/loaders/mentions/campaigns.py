"""Campaigns: a heading that ends in a campaign word, "Petition Campaign - X" labels,
hashtags, and campaigns named in prose ("the Homes Not Cages campaign")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from actorgraph.loaders import lang
from actorgraph.loaders.cues import cue_class
from actorgraph.loaders.mentions.registry import MentionContext, register
from actorgraph.loaders.mentions.spans import title_case_text, trim
from actorgraph.loaders.model import Mention, MentionKind, Segment


@register("mentions.campaign.heading.v1")
def heading_campaigns(ctx: MentionContext) -> list[Mention]:
    """A heading line that ends in a campaign word ("... Defense Fund") names a campaign
    (a mention that holds the names in it: ``MentionKind.HEADING_CAMPAIGN``)."""
    out = []
    for seg in ctx.segments:
        if seg.kind != "heading":
            continue
        name = ctx.text[seg.start:seg.end]
        if cue_class(name, strong_only=True) == "Campaign" and name[:1].isupper():
            out.append(Mention(seg.start, seg.end, name, "Campaign", "rules.heading_campaign.v1", 0.75, name,
                               MentionKind.HEADING_CAMPAIGN))
    return out




@register("mentions.campaign.label.v1")
def campaign_labels(ctx: MentionContext) -> list[Mention]:
    """"Petition Campaign - Justice for X": the words after the label name a campaign, up to
    the end of the line or sentence or the next campaign name (in the parsed segments)."""
    return [m for p in ctx.parsed if p.doc is not None for m in _labels(ctx.text, p.segment, ctx.found)]


def _labels(text: str, seg: Segment, mentions: Sequence[Mention]) -> list[Mention]:
    out = []
    for match in lang.finditer("mentions.campaign.petition_label", text, seg.start, seg.end):
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


_HASHTAG = re.compile(r"(?<![\w#])#([A-Za-z][A-Za-z0-9_]{2,})")


@register("mentions.campaign.hashtag.v1")
def hashtags(ctx: MentionContext) -> list[Mention]:
    """"#StopTheRaids": a hashtag names a campaign."""
    return [Mention(m.start(), m.end(), m.group(0), "Campaign", "rules.hashtag.v1", 0.8)
            for seg in ctx.segments for m in _HASHTAG.finditer(ctx.text, seg.start, seg.end)]


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


@register("mentions.campaign.name.v1")
def campaign_names(ctx: MentionContext) -> list[Mention]:
    """Campaigns named in prose: "the Homes Not Cages campaign", "the #StopTheRaids campaign",
    "a petition called Keep Families Together" (not a group's name: "the ACLU campaign")."""
    text, taken = ctx.text, ctx.found
    out = []
    for p in ctx.parsed:
        if p.doc is None or title_case_text(p.segment):
            continue
        for pattern in ("mentions.campaign.named", "mentions.campaign.called"):
            for m in lang.finditer(pattern, text, p.segment.start, p.segment.end):
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
