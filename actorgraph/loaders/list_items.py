"""List items written inline as sentences of their own: "Among the changes: 1) stop honoring
detainers; 2) end the contract; 3) …", "Members: • X, which sued Y • Z". A line of its own is a
segment already (:mod:`actorgraph.loaders.segment`); a list run into one line is read by the
parser as one long sentence, and the relation rules then join the subject of one item to the
object of another. A pipeline component (``actorgraph_list_items``, before the parser) marks
where each item and its marker begin as sentence starts, which the parser keeps; offsets and
tokens are untouched.

An item is marked by a bullet glyph ("•", "▪", "◦"; never a hyphen or an asterisk, which are
dashes and footnotes in running text) between spaces, or by a numbered marker ("1)", "(2)",
"a)", "3.") in a run that counts up from one (or "a") and begins after a colon, a full stop or
the start of the passage: "They have (1) denied asylum, (2) separated families" is one
sentence with a list of verbs, and stays one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

_GLYPHS = "•▪◦‣●■"
_GLYPH = re.compile(f"(?:^|(?<=\\s))[{_GLYPHS}](?=\\s)")
# "(1)" / "(a)" (not "287(g)"), "1)" / "a)", "1." before a space
_NUMBERED = re.compile(r"(?<![\w(])\((?P<paren>\d{1,2}|[a-h])\)"
                       r"|(?<![\w(.,])(?P<close>\d{1,2}|[a-h])\)"
                       r"|(?<![\w.,])(?P<dot>\d{1,2})\.(?=\s)")
#: what every marker has (a glyph, a closing parenthesis, or a digit before a full stop and a
#: space): most passages have none, and this one scan is cheaper than the two above
_ANY_MARKER = re.compile(f"[{_GLYPHS})]|\\d\\.(?=\\s)")


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int
    end: int
    style: str   # paren, close or dot, and digit or letter
    value: int   # its place in the count: 1 for "1)" and "a)"


def _markers(text: str) -> Iterator[_Marker]:
    for match in _NUMBERED.finditer(text):
        group = match.lastgroup or ""
        label = match.group(group)
        kind = "digit" if label.isdigit() else "letter"
        value = int(label) if label.isdigit() else ord(label) - ord("a") + 1
        yield _Marker(match.start(), match.end(), f"{group}-{kind}", value)


def numbered_runs(text: str) -> list[list[tuple[int, int]]]:
    """The numbered lists written inline in ``text``: runs of two or more markers of one style
    counting up from one, the first after a colon, a full stop or nothing; each marker as
    (start, end).

    >>> numbered_runs("We ask: 1) end the contract; 2) free them.")
    [[(8, 10), (29, 31)]]
    >>> numbered_runs("They have (1) denied asylum, (2) separated families.")
    []
    """
    runs: list[list[_Marker]] = []
    current: list[_Marker] = []
    for marker in _markers(text):
        if current and marker.style == current[-1].style and marker.value == current[-1].value + 1:
            current.append(marker)
            continue
        if len(current) >= 2:
            runs.append(current)
        before = text[:marker.start].rstrip()
        current = [marker] if marker.value == 1 and (not before or before.endswith((":", "."))) else []
    if len(current) >= 2:
        runs.append(current)
    return [[(m.start, m.end) for m in run] for run in runs]


def item_starts(text: str) -> list[int]:
    """Offsets in ``text`` where an inline list item or its marker begins (bullet glyphs and
    numbered runs), in order."""
    spans = [(m.start(), m.end()) for m in _GLYPH.finditer(text)]
    spans += [span for run in numbered_runs(text) for span in run]
    starts: set[int] = set()
    for start, end in spans:
        starts.add(start)
        while end < len(text) and text[end].isspace():
            end += 1
        starts.add(end)
    return sorted(s for s in starts if 0 < s < len(text))


def mark_list_items(doc: Doc) -> Doc:
    """Mark the tokens where an inline list item (or its marker) begins as sentence starts."""
    text = doc.text
    if not _ANY_MARKER.search(text) or (not _GLYPH.search(text) and not _NUMBERED.search(text)):
        return doc
    by_start = {t.idx: t for t in doc}
    for start in item_starts(text):
        token = by_start.get(start)
        if token is not None and token.i > 0:
            token.is_sent_start = True
    return doc


@Language.component("actorgraph_list_items")
def list_items_component(doc: Doc) -> Doc:
    return mark_list_items(doc)
