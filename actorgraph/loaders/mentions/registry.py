"""The registry of mention passes (spaCy's registry is the model, as for the relation rules
of :mod:`actorgraph.loaders.rules`): each pass family lives in one file of this package and
registers its passes under versioned dotted names with :func:`register`;
:data:`actorgraph.loaders.mentions.ORDER` says, in one place, which passes run and in what
order.

A pass is a function ``find(ctx: MentionContext) -> Iterable[Mention]`` that returns the
mentions it finds. A few passes rewrite what was found instead (grow a name by its legal
form, relabel a petition account, give a Spanish name its English form): they are
registered with ``rewrites=True`` and return every mention, changed or not. A pass's name
says which pass ran; what a mention *is* travels in ``Mention.kind``, and each mention's
``extractor`` keeps the provenance it always had.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from actorgraph.loaders.model import Mention, Segment
from actorgraph.loaders.parse import ParsedSegment


@dataclass(frozen=True, slots=True)
class MentionContext:
    """What a pass sees: the document's text, its parsed segments and the mentions the
    passes before it found (after the overlaps of earlier stages were resolved)."""

    text: str
    parsed: tuple[ParsedSegment, ...]
    found: tuple[Mention, ...] = ()

    @property
    def segments(self) -> list[Segment]:
        return [p.segment for p in self.parsed]

    @property
    def plain(self) -> list[Mention]:
        """The mentions found so far that hold no others (no petition title, heading
        campaign or unit)."""
        return [m for m in self.found if not m.kind.is_container]


PassFn = Callable[[MentionContext], Iterable[Mention]]


@dataclass(frozen=True, slots=True)
class MentionPass:
    name: str
    find: PassFn
    rewrites: bool = False  # returns every mention (some changed) instead of new ones


PASSES: dict[str, MentionPass] = {}


def register(name: str, rewrites: bool = False) -> Callable[[PassFn], PassFn]:
    """Register a mention pass under ``name`` (``mentions.<family>.<what>.v<N>``)."""

    def wrap(fn: PassFn) -> PassFn:
        if name in PASSES:
            raise ValueError(f"mention pass {name} registered twice")
        PASSES[name] = MentionPass(name, fn, rewrites)
        return fn

    return wrap
