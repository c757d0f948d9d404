"""The model's attribute ruler, with its one-token patterns answered once per kind of token
and its attributes written in one pass.

spaCy's pipelines map fine-grained tags to parts of speech and morphology with an
``attribute_ruler``: English has 179 Matcher patterns, 171 of them one token whose TAG, POS,
LOWER, DEP and/or IS_SPACE must equal a value, be IN (or NOT_IN) a list or match a REGEX;
Spanish has 21, each one POS. spaCy's Matcher tries every pattern at every token and its
``set_annotations`` writes each match's attributes token by token, which made this table
look-up cost a tenth of the parser's time. Here a one-token pattern's answer depends only on
the token's values of those five attributes, so it is worked out once per such row (equality
patterns from a dictionary, the others by the Matcher's own tests) and kept; the few longer
patterns go through an :class:`~actorgraph.loaders.anchored.AnchoredMatcher` (spaCy's
matches, tried only where their words are). Each token's attributes are then those of its
matches applied in spaCy's order (later patterns win), written with ``Doc.from_array``.
tests/test_attribute_index.py compares every token's attributes with spaCy's own ruler.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

from actorgraph.loaders.anchored import AnchoredMatcher

#: token attributes a pattern may ask to equal a string and still be looked up
INDEXED = ("TAG", "POS", "LOWER", "DEP")
#: the token attributes one-token patterns are answered from (a row: the key of the cache)
ROW = INDEXED + ("IS_SPACE",)
_ROW_IDS = [IDS[name] for name in ROW]
#: the attributes the ruler writes in one pass (a pattern setting any other turns it off)
WRITTEN = [IDS[name] for name in ("POS", "TAG", "LEMMA", "DEP", "MORPH")]
#: rows kept at most (a corpus has a few thousand kinds of token)
_MAX_ROWS = 200_000

Signature = tuple[str, ...]  # the attributes a pattern asks for, in INDEXED order
Row = tuple[int, ...]  # a token's values of ROW
Test = Callable[[Row], bool]


def _equal(column: int, wanted: int) -> Test:
    return lambda row: row[column] == wanted


def _member(column: int, members: frozenset[int], inside: bool) -> Test:
    return lambda row: (row[column] in members) == inside


def _search(column: int, regex: re.Pattern, strings) -> Test:
    return lambda row: bool(regex.search(strings[row[column]]))


def _value_test(column: int, value, strings) -> list[Test] | None:
    """The Matcher's tests of one attribute of a one-token pattern, on a row; None for a
    value it does not know."""
    if isinstance(value, bool | int | str):
        return [_equal(column, strings.add(value) if isinstance(value, str) else int(value))]
    if not isinstance(value, dict) or not value:
        return None
    tests: list[Test] = []
    for op, arg in value.items():
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            tests.append(_member(column, frozenset(get_string_id(v) for v in arg), op == "IN"))
        elif op == "REGEX" and isinstance(arg, str):
            tests.append(_search(column, re.compile(arg), strings))
        else:
            return None
    return tests


def row_test(pattern, strings) -> Test | None:
    """A one-token pattern of the attributes of :data:`ROW` as a test of a row, doing what
    spaCy's Matcher does (``StringStore.add`` for a value, ``get_string_id`` for a list, a
    REGEX searched in the string); None for any other pattern."""
    if len(pattern) != 1 or not isinstance(pattern[0], dict) or not pattern[0]:
        return None
    tests: list[Test] = []
    for name, value in pattern[0].items():
        name = str(name).upper()
        found = _value_test(ROW.index(name), value, strings) if name in ROW else None
        if found is None:
            return None
        tests += found
    return lambda row: all(test(row) for test in tests)


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`AttributeRuler` that answers one-token patterns once per row of token
    attributes and writes the attributes in bulk."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._unindexed()

    def clear(self) -> None:
        super().clear()
        self._unindexed()

    def _unindexed(self) -> None:
        self._rest_patterns: list[tuple[str, list[dict]]] = []
        self._rest: AnchoredMatcher | None = None
        # signature -> the token's values of those attributes -> attribute ids
        self._index: dict[Signature, dict[tuple[int, ...], list[int]]] = defaultdict(lambda: defaultdict(list))
        self._tests: list[tuple[int, Test]] = []  # one-token patterns tested on rows
        self._bulk = True  # every pattern sets only attributes of WRITTEN
        self._forget_rows()

    def _forget_rows(self) -> None:
        self._rows: dict[Row, tuple[int, ...]] = {}
        self._folds: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def add(self, patterns, attrs, index: int = 0) -> None:
        attr_id = len(self.attrs)
        patterns = list(patterns)
        super().add(patterns, attrs, index)
        self._forget_rows()
        self._bulk = self._bulk and all(name in WRITTEN for name in self.attrs[attr_id])
        keys = [self._keys(pattern) for pattern in patterns]
        tests = [row_test(pattern, self.vocab.strings) if key is None else None for pattern, key in zip(patterns, keys)]
        if index in (0, -1) and all(k is not None or t is not None for k, t in zip(keys, tests)):
            for signature, values in {k for ks in keys if ks is not None for k in ks}:
                self._index[signature][values].append(attr_id)
            self._tests += [(attr_id, t) for t in tests if t is not None]
        else:
            self._rest_patterns += [(str(attr_id), pattern) for pattern in patterns]
            self._rest = None

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

    def _row_ids(self, row: Row) -> tuple[int, ...]:
        """The attribute ids of the one-token patterns a token of this row matches, in order."""
        ids = self._rows.get(row)
        if ids is None:
            found: set[int] = set()
            for signature, table in self._index.items():
                found.update(table.get(tuple(row[ROW.index(name)] for name in signature), ()))
            found.update(attr_id for attr_id, test in self._tests if test(row))
            ids = tuple(sorted(found))
            if len(self._rows) >= _MAX_ROWS:
                self._forget_rows()
            self._rows[row] = ids
        return ids

    def _fold(self, ids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column of WRITTEN, value) a token ends with when these patterns apply, in order."""
        folded = self._folds.get(ids)
        if folded is None:
            values: dict[int, int] = {}
            for attr_id in ids:
                for name, value in self.attrs[attr_id].items():
                    values[WRITTEN.index(name)] = value
            folded = self._folds[ids] = tuple(values.items())
        return folded

    def _rest_matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attribute id, match id, start, end) of the patterns that are not one token."""
        if not self._rest_patterns:
            return []
        if self._rest is None:
            self._rest = AnchoredMatcher(self.vocab, self._rest_patterns, validate=self.validate)
        strings = self.vocab.strings
        return [(int(strings[m_id]), m_id, start, end) for m_id, start, end in self._rest(doc, allow_missing=True)]

    def match(self, doc: Doc):
        strings = self.vocab.strings
        matches = self._rest_matches(doc)
        if len(doc):
            for i, row in enumerate(doc.to_array(_ROW_IDS).tolist()):
                matches += [(attr_id, strings[str(attr_id)], i, i + 1) for attr_id in self._row_ids(tuple(row))]
        matches.sort()
        return matches

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            if self._bulk:
                self._write(doc)
            else:
                self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _write(self, doc: Doc) -> None:
        """Each token's attributes, as spaCy's ``set_annotations`` leaves them, in one pass."""
        if not len(doc):
            return
        extra: dict[int, list[int]] = defaultdict(list)
        for attr_id, m_id, start, end in self._rest_matches(doc):
            index = self.indices[attr_id]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                self.set_annotations(doc, [(attr_id, m_id, start, end)])  # spaCy's error E1001
            extra[target].append(attr_id)
        values = doc.to_array(WRITTEN).tolist()
        for i, row in enumerate(doc.to_array(_ROW_IDS).tolist()):
            ids = self._row_ids(tuple(row))
            if i in extra:
                ids = tuple(sorted(set(ids).union(extra[i])))
            for column, value in self._fold(ids):
                values[i][column] = value
        doc.from_array(WRITTEN, numpy.array(values, dtype=numpy.uint64))  # type: ignore[arg-type]


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
