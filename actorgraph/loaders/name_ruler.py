"""spaCy's EntityRuler, with a known name winning a tie against a structural pattern, and its
token patterns tried only where they can match.

The ruler holds two kinds of patterns: names from the sourced tables (each with the table's
name as its id: "LaSalle Corrections", a company) and naming structure ("<Proper noun>
Corrections", most often a county jail). When both match the same span, spaCy's ruler keeps
whichever its set of matches happens to yield first, so the same name could come out a
company in one sentence and a facility in the next. Here, among matches of equal length
and start, the one with an id (a known name) is kept.

Its token patterns go through an :class:`~actorgraph.loaders.anchored.AnchoredMatcher`, which
finds spaCy's Matcher's matches by trying each pattern only in passages that have the words it
cannot match without (the ruler had cost a sixth of the NER it follows; tests/test_name_ruler.py
compares the matches with spaCy's EntityRuler's). Everything else is spaCy's own: the component
subclasses :class:`spacy.pipeline.EntityRuler` and overrides ``match`` (and ``set_annotations``,
only to skip a test whose answer it discards when it overwrites the model's entities).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import entity_ruler_score
from spacy.tokens import Doc, Span

from actorgraph.loaders.anchored import AnchoredMatcher


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
        self._anchored: AnchoredMatcher | None = None

    def _token_matcher(self) -> AnchoredMatcher:
        anchored = getattr(self, "_anchored", None)
        if anchored is None:
            labelled = [(label, pattern) for label, patterns in self.token_patterns.items() for pattern in patterns]
            anchored = AnchoredMatcher(self.nlp.vocab, labelled, validate=self._validate,
                                       fuzzy_compare=self.matcher_fuzzy_compare)
            self._anchored = anchored
        return anchored

    def _require_patterns(self) -> None:
        if not any(self.token_patterns.values()) and not any(self.phrase_patterns.values()):
            super()._require_patterns()

    def match(self, doc: Doc):
        self._require_patterns()
        matches = self._token_matcher()(doc) | set(self.phrase_matcher(doc))
        unique = {(m_id, start, end) for m_id, start, end in matches if start != end}
        # longest first, then leftmost, then a known name, then a stable order of labels
        return sorted(unique, key=lambda m: (m[1] - m[2], m[1], m[0] not in self._ent_ids, m[0]))

    def set_annotations(self, doc, matches) -> None:
        """spaCy's (``EntityRuler.set_annotations`` of spaCy 3.8, which pyproject pins below
        3.9; tests/test_name_ruler.py compares the entities with stock spaCy's), but for the
        test whether a match covers an entity already there, which it only needs when it keeps
        them (``overwrite_ents`` false)."""
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
