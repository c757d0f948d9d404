"""spaCy's EntityRuler, with a known name winning a tie against a structural pattern, and its
token patterns tried only where they can match.

The ruler holds two kinds of patterns: names from the sourced tables (each with the table's
name as its id: "LaSalle Corrections", a company) and naming structure ("<Proper noun>
Corrections", most often a county jail). When both match the same span, spaCy's ruler keeps
whichever its set of matches happens to yield first, so the same name could come out a
company in one sentence and a facility in the next. Here, among matches of equal length
and start, the one with an id (a known name) is kept.

spaCy's Matcher starts every token pattern at every token and calls a Python function per
token for each ``IN`` and ``REGEX`` it meets, which made the ruler cost a sixth of the NER
it follows. Here the patterns that only spell out words (acronyms: "ICE") are looked up
word by word; and as nearly every other pattern has a token it cannot match without, whose
text (ORTH or LOWER) is one of a few words ("Department", "Act"), each passage goes through
a Matcher of only the patterns all of whose such words it has (a few, or none). The matches
are those of spaCy's Matcher over all the patterns (tests/test_name_ruler.py compares them);
everything else is spaCy's own: the component subclasses :class:`spacy.pipeline.EntityRuler`
and overrides ``match`` (and ``set_annotations``, only to skip a test whose answer it
discards when it overwrites the model's entities).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import entity_ruler_score
from spacy.tokens import Doc, Span

#: token attributes whose words make a pattern's anchor: column in ``Doc.to_array``
_ANCHOR_ATTRS = {"ORTH": 0, "TEXT": 0, "LOWER": 1}
#: quantifiers under which a pattern's token must be there at least once
_REQUIRED_OPS = (None, "1", "+")
#: Matchers of subsets of the patterns kept at most (a corpus meets a few hundred)
_MAX_MATCHERS = 512

Anchor = tuple[int, frozenset[int]]  # a column of (ORTH, LOWER) and the words one token must have


def _anchors(pattern: list[dict], strings) -> list[Anchor]:
    """The words a token pattern cannot match without: for each token it requires, the ORTH
    or LOWER it asks to equal a string (or be IN a list of strings)."""
    out = []
    for spec in pattern:
        if not isinstance(spec, dict) or spec.get("OP", spec.get("op")) not in _REQUIRED_OPS:
            continue
        for name, value in spec.items():
            column = _ANCHOR_ATTRS.get(str(name).upper())
            if column is None:
                continue
            if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
                value = value["IN"]
            words = [value] if isinstance(value, str) else value
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                out.append((column, frozenset(strings.add(w) for w in words)))
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
class _Plan:
    """How the ruler's token patterns are matched: those that only spell out words, looked
    up (first word -> key and words); the others (label, pattern) with their anchors, and
    the patterns to check for each anchor word (a column and a word)."""

    spelled: dict[int, list[tuple[int, tuple[int, ...]]]]
    patterns: tuple[tuple[str, list[dict]], ...]
    anchors: tuple[tuple[Anchor, ...], ...]
    by_word: tuple[dict[int, tuple[int, ...]], dict[int, tuple[int, ...]]]
    unanchored: frozenset[int]

    @classmethod
    def of(cls, token_patterns: dict[str, list[list[dict]]], strings) -> _Plan:
        spelled: dict[int, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
        patterns, anchors = [], []
        for label, label_patterns in token_patterns.items():
            for pattern in label_patterns:
                words = _words(pattern, strings)
                if words is not None:
                    spelled[words[0]].append((strings.add(label), words))
                else:
                    patterns.append((label, pattern))
                    anchors.append(tuple(_anchors(pattern, strings)))
        by_word: tuple[dict[int, list[int]], dict[int, list[int]]] = (defaultdict(list), defaultdict(list))
        for i, pattern_anchors in enumerate(anchors):
            for column, words_of in pattern_anchors:
                for word in words_of:
                    by_word[column][word].append(i)
        return cls(dict(spelled), tuple(patterns), tuple(anchors),
                   ({w: tuple(sorted(set(i))) for w, i in by_word[0].items()},
                    {w: tuple(sorted(set(i))) for w, i in by_word[1].items()}),
                   frozenset(i for i, a in enumerate(anchors) if not a))

    def spelled_matches(self, orths: list[int]) -> list[tuple[int, int, int]]:
        """(key, start, end) of every place the spelled-out patterns' words are in ``orths``."""
        out = []
        for i, orth in enumerate(orths):
            for key, words in self.spelled.get(orth, ()):
                if len(words) == 1 or tuple(orths[i:i + len(words)]) == words:
                    out.append((key, i, i + len(words)))
        return out

    def active(self, orths: list[int], lowers: list[int]) -> frozenset[int]:
        """The other patterns whose every anchor has one of its words in the passage."""
        present = (self.by_word[0].keys() & orths, self.by_word[1].keys() & lowers)
        candidates = set(self.unanchored)
        for column in (0, 1):
            for word in present[column]:
                candidates.update(self.by_word[column][word])
        return frozenset(i for i in candidates
                         if all(not words.isdisjoint(present[column]) for column, words in self.anchors[i]))


class NameRuler(EntityRuler):
    """An :class:`EntityRuler` whose ties go to the pattern that names a known entity, and
    whose token patterns are tried only in passages that have their anchor words."""

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._forget()

    def clear(self) -> None:
        super().clear()
        self._forget()

    def remove(self, ent_id: str) -> None:
        super().remove(ent_id)
        self._forget()

    def _forget(self) -> None:
        self._planned: _Plan | None = None
        self._matchers: dict[frozenset[int], Matcher] = {}

    def _plan(self) -> _Plan:
        plan = getattr(self, "_planned", None)
        if plan is None:
            plan = _Plan.of(self.token_patterns, self.nlp.vocab.strings)
            self._forget()
            self._planned = plan
        return plan

    def _matcher_of(self, chosen: frozenset[int], plan: _Plan) -> Matcher:
        """A Matcher of the ``chosen`` patterns of the plan (kept for the next passage)."""
        matcher = self._matchers.get(chosen)
        if matcher is None:
            if len(self._matchers) >= _MAX_MATCHERS:
                self._matchers.clear()
            matcher = Matcher(self.nlp.vocab, validate=self._validate, fuzzy_compare=self.matcher_fuzzy_compare)
            for i in sorted(chosen):
                label, pattern = plan.patterns[i]
                matcher.add(label, [pattern])
            self._matchers[chosen] = matcher
        return matcher

    def _require_patterns(self) -> None:
        if not any(self.token_patterns.values()) and not any(self.phrase_patterns.values()):
            super()._require_patterns()

    def match(self, doc: Doc):
        self._require_patterns()
        plan = self._plan()
        matches = list(self.phrase_matcher(doc))
        if len(doc) and (plan.spelled or plan.patterns):
            orths, lowers = doc.to_array([ORTH, LOWER]).T.tolist()
            matches += plan.spelled_matches(orths)
            chosen = plan.active(orths, lowers)
            if chosen:
                matches += self._matcher_of(chosen, plan)(doc)
        unique = {(m_id, start, end) for m_id, start, end in matches if start != end}
        # longest first, then leftmost, then a known name, then a stable order of labels
        return sorted(unique, key=lambda m: (m[1] - m[2], m[1], m[0] not in self._ent_ids, m[0]))

    def set_annotations(self, doc, matches) -> None:
        """spaCy's, but for the test whether a match covers an entity already there, which
        it only needs when it keeps them (``overwrite_ents`` false)."""
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        for match_id, start, end in matches:
            if not self.overwrite and any(t.ent_type for t in doc[start:end]):
                continue
            # check for end - 1 here because boundaries are inclusive
            if start not in seen_tokens and end - 1 not in seen_tokens:
                if match_id in self._ent_ids:
                    label, ent_id = self._ent_ids[match_id]
                    span = Span(doc, start, end, label=label, span_id=ent_id)
                else:
                    span = Span(doc, start, end, label=match_id)
                new_entities.append(span)
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen_tokens.update(range(start, end))
        doc.ents = entities + new_entities


@Language.factory("actorgraph_entity_ruler",
                  default_config={"phrase_matcher_attr": None, "validate": False, "overwrite_ents": False,
                                  "ent_id_sep": "||", "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"}})
def make_name_ruler(nlp: Language, name: str, phrase_matcher_attr, validate: bool, overwrite_ents: bool,
                    ent_id_sep: str, scorer) -> NameRuler:
    return NameRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                     overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep, scorer=scorer or entity_ruler_score)
