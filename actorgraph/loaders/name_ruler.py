"""spaCy's EntityRuler, with a known name winning a tie against a structural pattern.

The ruler holds two kinds of patterns: names from the sourced tables (each with the table's
name as its id: "LaSalle Corrections", a company) and naming structure ("<Proper noun>
Corrections", most often a county jail). When both match the same span, spaCy's ruler keeps
whichever its set of matches happens to yield first, so the same name could come out a
company in one sentence and a facility in the next. Here, among matches of equal length
and start, the one with an id (a known name) is kept. Everything else is spaCy's own: the
component subclasses :class:`spacy.pipeline.EntityRuler` and overrides ``match`` only.
"""

from __future__ import annotations

import warnings

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import entity_ruler_score
from spacy.tokens import Doc


class NameRuler(EntityRuler):
    """An :class:`EntityRuler` whose ties go to the pattern that names a known entity."""

    def match(self, doc: Doc):
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = list(self.matcher(doc)) + list(self.phrase_matcher(doc))
        unique = {(m_id, start, end) for m_id, start, end in matches if start != end}
        # longest first, then leftmost, then a known name, then a stable order of labels
        return sorted(unique, key=lambda m: (m[1] - m[2], m[1], m[0] not in self._ent_ids, m[0]))


@Language.factory("actorgraph_entity_ruler",
                  default_config={"phrase_matcher_attr": None, "validate": False, "overwrite_ents": False,
                                  "ent_id_sep": "||", "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"}})
def make_name_ruler(nlp: Language, name: str, phrase_matcher_attr, validate: bool, overwrite_ents: bool,
                    ent_id_sep: str, scorer) -> NameRuler:
    return NameRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                     overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep, scorer=scorer or entity_ruler_score)
