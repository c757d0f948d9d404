"""Clean-up that real web pages need before NLP: page furniture, image file names,
sentences glued together ("States.Maru"), odd spaces. Offsets later refer to this text."""

from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.loaders.lang import ordered, registry_version

# Facebook/Instagram style image names: 29197279_1745462092181330_8672180810536714240_o
_IMAGE_NAME = re.compile(r"(?<!\d)\d{5,}(?:_\d{5,})+_[a-z](?=[A-Z]|\b|$)")
_IMAGE_FILE = re.compile(r"\b[\w-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)\b", re.IGNORECASE)
# "States.Maru" -> "States. Maru"; needs a lower-case letter or closing bracket before the
# dot, so "U.S.Marines" and "9.3" are left alone.
_GLUED = re.compile(r"(?<=[A-Za-z\)\]”\"’!?])([.!?])(?=[A-Z][a-z])")
# a closing quote glued to the next sentence: 'ABC!”Online' -> 'ABC!” Online'
_GLUED_QUOTE = re.compile(r"(?<=[.!?][”\"’])(?=[A-Z])")
# words glued where a line break was lost: "ResistanceMaru" -> "Resistance\\nMaru". It needs six
# lower-case letters before the capital, so the names written in camel case stay whole: McHenry,
# LaSalle, DeKalb, BlackRock, WhatsApp, GoFundMe. Hashtags are skipped.
_GLUED_WORDS = re.compile(r"(?<![#\w])(\w*?[a-z]{6})(?=[A-Z][a-z]{2,})")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")  # Markdown heading marks


def _furniture() -> re.Pattern[str]:
    """Whole lines of page furniture, in any language (every pack's ``furniture.txt``)."""
    return _furniture_of(registry_version())


@lru_cache(maxsize=4)
def _furniture_of(version: int) -> re.Pattern[str]:
    return re.compile(r"^\s*(?:" + "|".join(ordered("furniture")) + r")\s*$", re.IGNORECASE)


def clean_text(raw: str) -> str:
    """Return the cleaned text of a document.

    >>> clean_text("123456_1234567890_987654321_oThe League.Maru spoke.\\ntop of page\\n")
    'The League. Maru spoke.'
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _IMAGE_NAME.sub("\n", text)
    text = _IMAGE_FILE.sub("", text)
    text = _GLUED.sub(r"\1 ", text)
    text = _GLUED_QUOTE.sub(" ", text)
    text = _GLUED_WORDS.sub("\\1\n", text)
    furniture = _furniture()
    kept = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).rstrip()
        line = _MD_HEADING.sub("", line)
        if furniture.match(line):
            continue
        kept.append(line)
    text = "\n".join(kept)
    text = _BLANKS.sub("\n\n", text)
    return text.strip()
