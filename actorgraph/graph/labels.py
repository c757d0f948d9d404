"""Canonical labels: which surface form of an entity names it."""

from __future__ import annotations

from actorgraph.ontology.ids import slug


def choose_label(iri: str, forms: dict[str, int]) -> str:
    """Canonical label among the surface forms of an entity: a form whose slug is the IRI's
    (the fullest well-formed name), then seen in most documents, then the longest.

    >>> choose_label("https://w3id.org/actorgraph/id/person/ana-ruiz-solano",
    ...              {"Ana": 2, "Ana Ruiz Solano": 1, "Ana Ruiz-Solano": 1})
    'Ana Ruiz-Solano'
    """
    key = iri.rsplit("/", 1)[-1]
    matching = [f for f in forms if slug(f) == key] or list(forms)
    return max(matching, key=lambda f: (forms[f], not f.isupper(), "-" in f, len(f),
                                        f.isascii(), f))
