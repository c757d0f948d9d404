"""spaCy registry functions that the training config refers to (``train/ner.cfg``).

Imported by ``train/ner.py`` before it calls ``spacy.cli.train.train``, as ``spacy train
--code train/functions.py`` would.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.util import registry


@registry.callbacks("actorgraph.copy_lookups.v1")
def copy_lookups(path: str):
    """Give the pipeline being trained the lexeme-norm table of the base pipeline in ``path``
    (the stock pipeline's NORM feature, which its ``ner`` was trained on), so that the
    trained model computes the same features as the model it was sourced from."""

    def before_init(nlp: Language) -> Language:
        from spacy.vocab import Vocab

        vocab = Vocab().from_disk(Path(path) / "vocab")
        if vocab.lookups.has_table("lexeme_norm"):
            nlp.vocab.lookups = vocab.lookups
        return nlp

    return before_init
