"""spaCy's English rule lemmatizer, with every lemma it works out kept, written in one pass.

spaCy's ``Lemmatizer`` caches a lemma by the token's ORTH, POS and morphology, but only when
its rules ran: a base form ("workers" is not one, "worker" is), a proper noun or a
punctuation mark is worked out again each time it occurs, three tokens in four of our
passages. The English rules read nothing but the token's text, part of speech and
morphology (and the lemma tables), so here every answer is kept under that key (but for a
token without a part of speech, which spaCy warns about), the keys are read with
``Doc.to_array`` and the lemmas written with one ``Doc.from_array``; a token not seen before
goes to spaCy's ``rule_lemmatize``. The component subclasses spaCy's English lemmatizer and
overrides ``__call__`` only, so its lemmas are spaCy's (tests/test_lemmatizer.py compares
them token by token). Spanish keeps spaCy's own: its rules also read where the sentence
starts.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

_COLUMNS = [ORTH, POS, MORPH, LEMMA]
#: lemmas kept at most (a corpus has tens of thousands of kinds of token)
_MAX_KEPT = 500_000


class OnePassEnglishLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, every lemma kept by (ORTH, POS, morphology) and a
    passage's lemmas written in one pass."""

    def initialize(self, *args, **kwargs) -> None:
        super().initialize(*args, **kwargs)
        self._kept: dict[tuple[int, int, int], int] = {}  # new tables, new lemmas

    def from_bytes(self, *args, **kwargs):
        self._kept = {}
        return super().from_bytes(*args, **kwargs)

    def from_disk(self, *args, **kwargs):
        self._kept = {}
        return super().from_disk(*args, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._write(doc)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def _write(self, doc: Doc) -> None:
        if not len(doc):
            return
        if not hasattr(self, "_kept") or len(self._kept) >= _MAX_KEPT:
            self._kept = {}
        rows = doc.to_array(_COLUMNS).tolist()
        lemmas = [row[3] for row in rows]
        strings, kept = doc.vocab.strings, self._kept
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if self.overwrite or lemma == 0:
                key = (orth, pos, morph)  # spaCy's cache key: token.orth, token.pos, token.morph.key
                found = kept.get(key)
                if found is None:
                    found = strings.add(self.lemmatize(doc[i])[0])
                    if pos != 0:
                        kept[key] = found
                lemmas[i] = found
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))  # type: ignore[arg-type]


@Language.factory("actorgraph_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "rule", "overwrite": False,
                                  "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_one_pass_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool,
                             scorer) -> OnePassEnglishLemmatizer:
    return OnePassEnglishLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def one_pass_lemmatizer(nlp: Language) -> None:
    """Replace the pipeline's ``lemmatizer`` by the one-pass one, with its tables, when it is
    spaCy's English lemmatizer in rule mode."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe("lemmatizer", "actorgraph_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite})
    new.initialize(lookups=old.lookups)  # type: ignore[attr-defined]
