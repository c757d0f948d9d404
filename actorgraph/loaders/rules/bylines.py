"""Who writes and who speaks (``rules.byline.*``, ``rules.contact.*``): the writers of a
byline ("By X and Y, Z News") belong to the outlet named after them; the person on a press
release's contact line ("Contact: Group, X, x@…, 555-…") speaks for the group on that line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from actorgraph.loaders import lang
from actorgraph.loaders.model import Relation
from actorgraph.loaders.rules import DocumentContext, Level, Node, Passage, make_relation, register

# a byline and a contact line as each language writes them are its pack's (expressions.toml: rules.byline, rules.contact)
_CONTACT_ITEM = re.compile(r"^[^,\n]{2,80},\s*[^,\n]{2,80},\s*(?:\S+@\S+|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})")


def _within(ctx: DocumentContext, start: int, end: int) -> list[Node]:
    return [n for n in ctx.nodes if start <= n.mention.start and n.mention.end <= end]


@register("rules.byline.member_of.v1", Level.DOCUMENT, ("memberOf",))
def byline(ctx: DocumentContext) -> Iterator[Relation]:
    """A byline "By X and Y, Z News": the writers belong to the one outlet named after them."""
    for p in ctx.parsed:
        seg = p.segment
        line = ctx.text[seg.start:seg.end]
        if len(line) > 160 or not lang.match("rules.byline", line):
            continue
        inside = _within(ctx, seg.start, seg.end)
        people = [n for n in inside if n.entity.cls == "Person"]
        outlets = [n for n in inside if n.entity.cls in ("Organization", "Company")
                   and people and n.mention.start > people[-1].mention.end]
        if people and len({o.entity.iri for o in outlets}) == 1:
            where = Passage(ctx.text, seg.start, seg.end)
            for n in people:
                relation = make_relation(where, n.entity, "memberOf", outlets[0].entity, "rules.byline.member_of.v1", 0.7)
                if relation is not None:
                    yield relation


def _contact_lines(ctx: DocumentContext) -> Iterator[tuple[int, int, int]]:
    """(line start, where its items start, line end) of a "Contact:" line and of the lines
    of the same form right after it."""
    previous = False
    for p in ctx.parsed:
        seg = p.segment
        line = ctx.text[seg.start:seg.end]
        head = lang.match("rules.contact", line)
        if not head and not (previous and _CONTACT_ITEM.match(line)):
            previous = False
            continue
        previous = True
        yield seg.start, seg.start + (head.end() if head else 0), seg.end


@register("rules.contact.member_of.v1", Level.DOCUMENT, ("memberOf",))
def contact(ctx: DocumentContext) -> Iterator[Relation]:
    """A contact line "Contact: Group, X, x@…": the one person on it belongs to the one group on it."""
    for line_start, start, end in _contact_lines(ctx):
        if end - line_start > 200 or not _CONTACT_ITEM.match(ctx.text[start:end]):
            continue
        inside = _within(ctx, start, end)
        people = [n for n in inside if n.entity.cls == "Person"]
        groups = {n.entity.iri: n.entity for n in inside if n.entity.cls in ("Organization", "Company", "GovernmentAgency")}
        if len(people) == 1 and len(groups) == 1:
            relation = make_relation(Passage(ctx.text, line_start, end), people[0].entity, "memberOf", next(iter(groups.values())),
                                     "rules.contact.member_of.v1", 0.7)
            if relation is not None:
                yield relation
