"""The model's attribute ruler, with its one-token patterns looked up instead of matched.

spaCy's pipelines map fine-grained tags to parts of speech and morphology with an
``attribute_ruler``: English has 179 Matcher patterns, 165 of them one token whose TAG,
LOWER and/or DEP must equal a string (or be IN a list); Spanish has 21, each one POS. The
Matcher tries every pattern at every token, which made this table look-up cost a third of
the parser's time. Here those patterns become dictionary keys, and only the rest go
through a Matcher. The matches, and the order in which their attributes are set (later
patterns win), are spaCy's own: the component subclasses
:class:`spacy.pipeline.AttributeRuler` and overrides ``match`` only.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: token attributes a pattern may ask to equal a string and still be looked up
INDEXED = ("TAG", "POS", "LOWER", "DEP")

Signature = tuple[str, ...]  # the attributes a pattern asks for, in INDEXED order


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`AttributeRuler` that answers one-token equality patterns from an index."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._unindexed()

    def clear(self) -> None:
        super().clear()
        self._unindexed()

    def _unindexed(self) -> None:
        self._rest = Matcher(self.vocab, validate=self.validate)
        # signature -> the token's values of those attributes -> attribute ids
        self._index: dict[Signature, dict[tuple[int, ...], list[int]]] = defaultdict(lambda: defaultdict(list))

    def add(self, patterns, attrs, index: int = 0) -> None:
        attr_id = len(self.attrs)
        super().add(patterns, attrs, index)
        keys = [self._keys(pattern) for pattern in patterns]
        if index in (0, -1) and all(k is not None for k in keys):
            for signature, values in {k for ks in keys for k in ks}:  # type: ignore[union-attr]
                self._index[signature][values].append(attr_id)
        else:
            self._rest.add(self.vocab.strings[str(attr_id)], patterns)

    def _keys(self, pattern) -> list[tuple[Signature, tuple[int, ...]]] | None:
        """The (signature, values) a one-token pattern accepts when it only asks attributes
        of :data:`INDEXED` to equal a string or be IN a list of strings; else None."""
        if len(pattern) != 1 or not pattern[0]:
            return None
        allowed: dict[str, list[int]] = {}
        for name, value in pattern[0].items():
            name = str(name).upper()
            if name not in INDEXED:
                return None
            if isinstance(value, str):
                value = {"IN": [value]}
            if not (isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"])):
                return None
            allowed[name] = [self.vocab.strings.add(v) for v in value["IN"]]  # symbols (POS) keep their ids
        signature = tuple(name for name in INDEXED if name in allowed)
        rows: list[tuple[int, ...]] = [()]
        for name in signature:
            rows = [row + (v,) for row in rows for v in allowed[name]]
        return [(signature, row) for row in rows]

    def match(self, doc: Doc):
        strings = self.vocab.strings
        matches = [(int(strings[m_id]), m_id, start, end)
                   for m_id, start, end in self._rest(doc, allow_missing=True, as_spans=False)]
        if self._index and len(doc):
            columns = doc.to_array([IDS[name] for name in INDEXED]).tolist()
            for signature, table in self._index.items():
                at = [INDEXED.index(name) for name in signature]
                for i, row in enumerate(columns):
                    for attr_id in table.get(tuple(row[c] for c in at), ()):
                        matches.append((attr_id, strings[str(attr_id)], i, i + 1))
        matches.sort()
        return matches


@Language.factory("actorgraph_attribute_ruler", default_config={"validate": False, "scorer": None})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language) -> None:
    """Replace the pipeline's ``attribute_ruler`` (if any) by the indexed one, same patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
    ruler = nlp.replace_pipe("attribute_ruler", "actorgraph_attribute_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
