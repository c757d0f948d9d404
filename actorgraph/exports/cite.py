"""How outputs cite the document behind a quote: its title, and a web page's address."""

from __future__ import annotations


def citation(evidence: dict) -> str:
    """The title of the evidence's document (its IRI when it has none), followed by the
    page's address in angle brackets when it came from the web.

    Examples
    --------
    >>> citation({"title": "County report", "document": "https://w3id.org/actorgraph/doc/1"})
    'County report'
    >>> citation({"title": "Board votes", "url": "https://news.example/board"})
    'Board votes <https://news.example/board>'
    """
    title = evidence.get("title") or evidence.get("document", "")
    url = evidence.get("url")
    return f"{title} <{url}>" if url else title
