"""spaCy's Matcher, run only where a pattern can match.

The Matcher starts every token pattern at every token and calls a Python function per token
for each ``IN`` and ``REGEX`` it meets. But nearly every pattern has a token it cannot match
without, whose text (ORTH or LOWER) or dependency label is one of a few values: "Department",
"Act", "gon", "expl". A pattern none of whose values for such a token is in a passage cannot
match there, so :class:`AnchoredMatcher` runs each passage through a Matcher of only the
patterns whose values it has (a few, or none), and looks up the patterns that only spell out
words (acronyms: "ICE"). Its matches are those of a Matcher of all the patterns, as a set.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.attrs import DEP, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: token attributes whose values make a pattern's anchor: their column in :data:`COLUMNS`
_ANCHOR_ATTRS = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "DEP": 2}
#: the columns of ``Doc.to_array`` a passage is read in
COLUMNS = (ORTH, LOWER, DEP)
#: quantifiers under which a pattern's token must be there at least once
_REQUIRED_OPS = (None, "1", "+")
#: Matchers of subsets of the patterns kept at most (a corpus meets a few hundred)
_MAX_MATCHERS = 512

Anchor = tuple[int, frozenset[int]]  # a column of COLUMNS and the values one token must have


def _anchors(pattern: list[dict], strings) -> list[Anchor]:
    """The words a token pattern cannot match without: for each token it requires, the ORTH,
    LOWER or DEP it asks to equal a string (or be IN a list of strings), as the Matcher
    reads them (``StringStore.add`` for a string, ``get_string_id`` for a list)."""
    out = []
    for spec in pattern:
        if not isinstance(spec, dict) or spec.get("OP", spec.get("op")) not in _REQUIRED_OPS:
            continue
        for name, value in spec.items():
            column = _ANCHOR_ATTRS.get(str(name).upper())
            if column is None:
                continue
            if isinstance(value, str):
                out.append((column, frozenset((strings.add(value),))))
            elif (isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list)
                  and all(isinstance(w, str) for w in value["IN"])):
                out.append((column, frozenset(get_string_id(w) for w in value["IN"])))
    return out


def _words(pattern: list[dict], strings) -> tuple[int, ...] | None:
    """The ORTH of each token of a pattern that only asks each token's text to equal a
    string ("ICE", "DOL - US"), else None."""
    if not pattern or not all(isinstance(spec, dict) and len(spec) == 1 for spec in pattern):
        return None
    names = [str(name).upper() for spec in pattern for name in spec]
    values = [value for spec in pattern for value in spec.values()]
    if not all(_ANCHOR_ATTRS.get(name) == 0 for name in names) or not all(isinstance(v, str) for v in values):
        return None
    return tuple(strings.add(v) for v in values)


@dataclass(frozen=True, slots=True)
class Plan:
    """How a set of token patterns is matched: those that only spell out words, looked up
    (first word -> key and words); the others (label, pattern) with their anchors, and the
    patterns to check for each anchor value (by column)."""

    spelled: dict[int, list[tuple[int, tuple[int, ...]]]]
    patterns: tuple[tuple[str, list[dict]], ...]
    anchors: tuple[tuple[Anchor, ...], ...]
    by_value: tuple[dict[int, tuple[int, ...]], ...]
    unanchored: frozenset[int]

    @classmethod
    def of(cls, labelled: list[tuple[str, list[dict]]], strings) -> Plan:
        """The plan of (label, pattern) pairs, as a Matcher would hold them under those labels."""
        spelled: dict[int, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
        patterns, anchors = [], []
        for label, pattern in labelled:
            words = _words(pattern, strings)
            if words is not None:
                spelled[words[0]].append((strings.add(label), words))
            else:
                patterns.append((label, pattern))
                anchors.append(tuple(_anchors(pattern, strings)))
        by_value: tuple[dict[int, set[int]], ...] = tuple(defaultdict(set) for _ in COLUMNS)
        for i, pattern_anchors in enumerate(anchors):
            for column, values in pattern_anchors:
                for value in values:
                    by_value[column][value].add(i)
        return cls(dict(spelled), tuple(patterns), tuple(anchors),
                   tuple({v: tuple(sorted(i)) for v, i in table.items()} for table in by_value),
                   frozenset(i for i, a in enumerate(anchors) if not a))

    def spelled_matches(self, orths: list[int]) -> list[tuple[int, int, int]]:
        """(key, start, end) of every place the spelled-out patterns' words are in ``orths``."""
        out = []
        for i, orth in enumerate(orths):
            for key, words in self.spelled.get(orth, ()):
                if len(words) == 1 or tuple(orths[i:i + len(words)]) == words:
                    out.append((key, i, i + len(words)))
        return out

    def active(self, columns: list[list[int]]) -> frozenset[int]:
        """The other patterns whose every anchor has one of its values in the passage's
        ``columns`` (its values of :data:`COLUMNS`)."""
        present = [table.keys() & values for table, values in zip(self.by_value, columns)]
        candidates = set(self.unanchored)
        for table, values in zip(self.by_value, present):
            for value in values:
                candidates.update(table[value])
        return frozenset(i for i in candidates
                         if all(not values.isdisjoint(present[column]) for column, values in self.anchors[i]))


class AnchoredMatcher:
    """The matches spaCy's :class:`Matcher` would find for (label, pattern) pairs, as a set of
    (key, start, end), found by looking spelled-out patterns up and by running a Matcher of
    only the patterns whose anchors the passage has (a Matcher per such set, kept)."""

    def __init__(self, vocab, labelled: list[tuple[str, list[dict]]], **matcher_options) -> None:
        self.vocab = vocab
        self.plan = Plan.of(labelled, vocab.strings)
        self._options = matcher_options
        self._matchers: dict[frozenset[int], Matcher] = {}

    def _matcher_of(self, chosen: frozenset[int]) -> Matcher:
        matcher = self._matchers.get(chosen)
        if matcher is None:
            if len(self._matchers) >= _MAX_MATCHERS:
                self._matchers.clear()
            matcher = Matcher(self.vocab, **self._options)
            for i in sorted(chosen):
                label, pattern = self.plan.patterns[i]
                matcher.add(label, [pattern])
            self._matchers[chosen] = matcher
        return matcher

    def __call__(self, doc: Doc, allow_missing: bool = False) -> set[tuple[int, int, int]]:
        plan = self.plan
        if not len(doc) or not (plan.spelled or plan.patterns):
            return set()
        columns = doc.to_array(list(COLUMNS)).T.tolist()
        matches = plan.spelled_matches(columns[0])
        chosen = plan.active(columns)
        if chosen:
            matches += self._matcher_of(chosen)(doc, allow_missing=allow_missing)
        return set(matches)
