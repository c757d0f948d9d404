"""Statements signed by groups (``rules.slogan.*``, ``rules.our_member.*``): the groups
that open a statement are its authors, who "we" are (see
:attr:`~actorgraph.loaders.rules.DocumentContext.authors`). A slogan ("Abolish ICE!")
says the authors oppose what it names; "our member X" says X belongs to them. A petition's
"we" are its signers, not a named group: these rules give nothing there.
"""

from __future__ import annotations

from collections.abc import Iterator

from actorgraph.loaders import lang
from actorgraph.loaders.model import Relation
from actorgraph.loaders.rules import DocumentContext, Level, make_relation, register

# the slogans and "our member" of each language are its pack's (expressions.toml: rules.slogan, rules.our_member)
_OPPOSED = ("GovernmentAgency", "Company", "Policy", "Organization")


@register("rules.slogan.opposes.v1", Level.DOCUMENT, ("opposes",))
def slogan(ctx: DocumentContext) -> Iterator[Relation]:
    """A short slogan in a group's statement ("Abolish ICE!", "End the contract with X"): the authors oppose what it names."""
    for sent in ctx.sentences:
        if not (sent.authors and lang.match("rules.slogan", sent.string) and len(sent.string) < 80):
            continue
        for n in sent.nodes:
            if n.entity.cls in _OPPOSED:
                for author in sent.authors:
                    relation = make_relation(sent, author, "opposes", n.entity, "rules.slogan.opposes.v1", 0.6, "asserted")
                    if relation is not None:
                        yield relation


@register("rules.our_member.v1", Level.DOCUMENT, ("memberOf",))
def our_member(ctx: DocumentContext) -> Iterator[Relation]:
    """"Our member X", "our organizer X" in a group's statement: X is a member of the authors."""
    for sent in ctx.sentences:
        if not sent.authors:
            continue
        for n in sent.nodes:
            if n.entity.cls == "Person" and lang.search("rules.our_member", ctx.text[max(sent.start, n.mention.start - 40):n.mention.start]):
                for author in sent.authors:
                    relation = make_relation(sent, n.entity, "memberOf", author, "rules.our_member.v1", 0.6)
                    if relation is not None:
                        yield relation
