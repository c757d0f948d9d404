"""Lists of names: "A, B, C and D", "A; B; and C", "A/B". A list is a coordination of
like with like, so once some of its items are known groups the others are groups too, and
every item plays the list's role in the sentence ("A, B and C started petitions urging X to
stop …": each of them opposes X). The small parser rarely gets a long list of unfamiliar
names right; the punctuation does not lie.

Two steps use this:

- the list pass of mention finding (:mod:`actorgraph.loaders.mentions`): items of a list with
  at least two known groups and no person become mentions of the list's class
  (``rules.name_list.v1``); an item the model cut short ("Tomorrow" in "March for Tomorrow")
  gets its whole name.
- :func:`coordinated` (for the relation rules): runs of three or more mentions separated
  only by list punctuation and a closing conjunction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from actorgraph.loaders import lang
from actorgraph.loaders.lang import DEFAULT_LANGUAGE, LanguagePack, alternation, pack_for, union

_WORD = r"(?:[A-Z#][\w'’.&+-]*|[a-z]+[A-Z][\w.]*|\d+[\w.]*[A-Za-z][\w.]*)"
MIN_ITEMS = 3


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    closing: bool  # begins with the list's conjunction ("and D")


@lru_cache(maxsize=8)
def _patterns(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # a name's links in any language: an English report lists "Manos de la Sierra", a
    # Spanish one "Friends of the Harbor"
    links = "|".join(re.escape(w) for w in sorted(union("name_links"), key=len, reverse=True))
    conj = "|".join(re.escape(w) for w in sorted(pack.conjunctions, key=len, reverse=True))
    name = rf"{_WORD}(?:[ \t]+(?:(?:{links})[ \t]+)*{_WORD})*"
    full = re.compile(rf"(?:(?:{links})[ \t]+)?({name})(?:[ \t]*\([^()\n]{{1,60}}\))?")
    prefix = re.compile(rf"(?:(?:{links})[ \t]+)?({name})")
    suffix = re.compile(rf"(?<![\w'’.&-])({name})(?:[ \t]*\([^()\n]{{1,60}}\))?$")
    closing = re.compile(rf"(?:{conj})[ \t]+", re.I)
    return full, prefix, suffix, closing


_SEPARATOR = re.compile(r"[;,/]")  # what separates the pieces of a list (:func:`_pieces`)


def _pieces(text: str, start: int, end: int, closing: re.Pattern[str]) -> list[_Piece]:
    out = []
    cursor = start
    for sep in re.finditer(r"[ \t]*[;,/][ \t]*", text[start:end]):
        out.append((cursor, start + sep.start()))
        cursor = start + sep.end()
    out.append((cursor, end))
    pieces = []
    for s, e in out:
        m = closing.match(text, s, e)
        pieces.append(_Piece(m.end() if m else s, e, m is not None))
    return pieces


def _end_of_name(text: str, start: int, end: int) -> int:
    """The end of a piece without the sentence's full stop ("… and DOCKS UNITED.")."""
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    if end > start and text[end - 1] in ".!?" and not lang.search("lists.abbreviation_end", text[start:end]):
        end -= 1
    return end


@lru_cache(maxsize=4)
def _article(articles: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?:" + alternation(articles | {a.capitalize() for a in articles}) + r")[ \t]+")


def _drop_article(text: str, start: int, end: int) -> int:
    """"the Sierra Club" -> "Sierra Club"; "The Nation" keeps its article (one plain word
    left). The articles of every pack (``articles.txt``): a list in one language names
    groups in another."""
    m = _article(union("articles")).match(text[start:end])
    if not m:
        return start
    rest = text[start + m.end():end].split()
    if len(rest) == 1 and not rest[0].isupper() and not re.search(r"[a-z][A-Z]|\.", rest[0]):
        return start
    return start + m.end()


def _split_closing(text: str, start: int, end: int, pack: LanguagePack,
                   known: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """"Rivervale.org and FairWage": the two last items, split at the first conjunction that is
    not inside a known name ("the Council for Tenant and Worker Rights" stays whole)."""
    for m in re.finditer(r"(?<=[ \t])(\S+)[ \t]+", text[start:end]):
        if m.group(1).lower() not in pack.conjunctions:
            continue
        at = start + m.start(1)
        if any(s < at < e for s, e in known):
            continue
        right = _drop_article(text, start + m.end(), end)
        if right < end and text[right].isupper():
            left = at
            while left > start and text[left - 1] in " \t":
                left -= 1
            return [(start, left), (right, end)]
    return [(start, end)]


def _closes_with_words(text: str, start: int, end: int, closing: re.Pattern[str]) -> bool:
    """The last piece of a list goes on after its name with the list's conjunction and words
    that are no name: "IYC and several other groups", "C y el capítulo local de D"."""
    gap = re.match(r"[ \t]+", text[start:end])
    return gap is not None and closing.match(text, start + gap.end(), end) is not None


def list_runs(text: str, start: int, end: int, pack: LanguagePack,
              known: Sequence[tuple[int, int]] = ()) -> list[list[tuple[int, int, bool]]]:
    """Runs of names in one sentence, each item as (start, end, whole) where ``whole`` says
    the item is all of its piece (a middle item, bounded by punctuation on both sides).

    >>> t = "Groups such as Voices of Harbor, March for Tomorrow, Open Door and FairWage said so."
    >>> [[t[s:e] for s, e, _ in run] for run in list_runs(t, 0, len(t), pack_for(DEFAULT_LANGUAGE))]
    [['Voices of Harbor', 'March for Tomorrow', 'Open Door', 'FairWage']]
    """
    if not _SEPARATOR.search(text, start, end):
        return []  # one piece: a list's first item needs a piece after it
    return _runs(text, start, end, pack, known)


def _runs(text: str, start: int, end: int, pack: LanguagePack,
          known: Sequence[tuple[int, int]]) -> list[list[tuple[int, int, bool]]]:
    """:func:`list_runs` in a sentence of several pieces."""
    full, prefix, suffix, closing = _patterns(pack)
    pieces = _pieces(text, start, end, closing)
    runs: list[list[tuple[int, int, bool]]] = []
    current: list[tuple[int, int, bool]] = []

    def close() -> None:
        if len(current) >= MIN_ITEMS:
            runs.append(list(current))
        current.clear()

    wholes = [full.fullmatch(text, p.start, _end_of_name(text, p.start, p.end)) for p in pieces]
    heads = [prefix.match(text, p.start, _end_of_name(text, p.start, p.end)) for p in pieces]

    def continues(i: int) -> bool:
        """Piece ``i`` goes on with the list: a whole name, "and D", or "C and D said"."""
        if i >= len(pieces):
            return False
        head = heads[i]
        if wholes[i] or (pieces[i].closing and head):
            return True
        return head is not None and (len(_split_closing(text, head.start(1), head.end(1), pack, known)) > 1
                                     or _closes_with_words(text, head.end(1), pieces[i].end, closing))

    for i, piece in enumerate(pieces):
        whole, head = wholes[i], heads[i]
        if current:
            if whole and not piece.closing:  # a middle item, or "C and D" at the end
                name_start = _drop_article(text, whole.start(1), whole.end(1))
                if continues(i + 1):
                    current.append((name_start, whole.end(1), True))
                    continue
                items = _split_closing(text, name_start, whole.end(1), pack, known)
                current.extend((a, b, True) for a, b in items)
                close()
                continue
            if head and piece.closing:  # "and D said …"
                current.append((_drop_article(text, head.start(1), head.end(1)), head.end(1), bool(whole)))
                close()
                continue
            if head:  # "C and D each started …"
                items = _split_closing(text, _drop_article(text, head.start(1), head.end(1)), head.end(1), pack, known)
                if len(items) > 1:
                    current.extend((a, b, False) for a, b in items)
                    close()
                    continue
                if _closes_with_words(text, head.end(1), piece.end, closing):  # "C and several other groups"
                    current.append((items[0][0], items[0][1], False))
                    close()
                    continue
            close()
        # the first item: the name that ends the piece ("… counts among its members A")
        tail = suffix.search(text, piece.start, piece.end)
        if tail and continues(i + 1) and not piece.closing:
            current.append((_drop_article(text, tail.start(1), tail.end(1)), tail.end(1), False))
    close()
    return runs


@lru_cache(maxsize=8)
def _gap(pack: LanguagePack, articles: frozenset[str]) -> re.Pattern[str]:
    """What may stand between two items of a list: ") , and the (" (an acronym in brackets
    may be a mention of its own), with the pack's conjunctions and firm nouns and the
    articles of every pack."""
    return re.compile(r"\)?[ \t]*(?:\([^()\n]{1,60}\))?[ \t]*[,;/]?[ \t]*(?:(?:" +
                      "|".join(re.escape(w) for w in sorted(pack.conjunctions)) +
                      r")[ \t]+)?(?:(?:" + "|".join(re.escape(w) for w in sorted(articles)) + r")[ \t]+)?(?:(?:" +
                      "|".join(re.escape(w) for w in sorted(pack.firm_nouns)) + r")[ \t]+)?\(?")


def coordinated(text: str, mentions: Sequence[tuple[int, int]], code: str = DEFAULT_LANGUAGE) -> list[list[int]]:
    """Indexes of runs of at least three mentions (sorted by start) that only list
    punctuation, a closing conjunction or an article separate.

    >>> t = "ICE, CBP, the FBI and DHS met."
    >>> coordinated(t, [(0, 3), (5, 8), (14, 17), (22, 25)])
    [[0, 1, 2, 3]]
    >>> t = "Harbor Alliance (HA); Open Door and FairWage"
    >>> coordinated(t, [(0, 15), (17, 19), (22, 31), (36, 44)])
    [[0, 1, 2, 3]]
    """
    gap = _gap(pack_for(code), union("articles"))
    runs: list[list[int]] = []
    current: list[int] = []
    for i, (s, _) in enumerate(mentions):
        if current:
            prev_end = mentions[current[-1]][1]
            between = text[prev_end:s]
            if s >= prev_end and gap.fullmatch(between) and between.strip(" \t") and "\n" not in between:
                current.append(i)
                continue
            if len(current) >= MIN_ITEMS:
                runs.append(current)
        current = [i]
    if len(current) >= MIN_ITEMS:
        runs.append(current)
    return runs
