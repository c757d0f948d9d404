"""Names the document already gave, found again (mentions.known.*): in passages the English
model does not read, in petition titles, and where the model cut a name short."""

from actorgraph.loaders.mentions import NAMES, MentionContext, extract_mentions, resolve_overlaps
from actorgraph.loaders.mentions.known import whole_forms
from actorgraph.loaders.model import Mention, MentionKind
from actorgraph.loaders.parse import parse
from actorgraph.loaders.segment import segment


def _found(nlp, text, passes=None):
    return extract_mentions(text, parse(text, segment(text), nlp), passes)


def test_mentions_known_name_found_again_in_another_language(nlp):
    text = "The Riverbend Tenants Union called for calm.\n\nLa Riverbend Tenants Union pidió calma a los vecinos."
    again = text.rindex("Riverbend Tenants Union")
    found = {(m.start, m.text): m for m in _found(nlp, text)}
    assert found[(again, "Riverbend Tenants Union")].cls == "Organization"
    without = _found(nlp, text, set(NAMES) - {"mentions.known.seen.v1", "mentions.ner.v1"})
    assert not any(m.start == again for m in without)


def test_mentions_known_name_found_again_in_a_petition_title(nlp):
    text = ("The Riverbend Tenants Union called for calm.\n\n• Stand With Riverbend Tenants Union today\n"
            "40 of 100 signatures\n\nSign now.")
    again = text.rindex("Riverbend Tenants Union")
    found = _found(nlp, text, {"mentions.ner.v1", "mentions.petition.listing.v1", "mentions.known.seen.v1"})
    assert [(m.text, m.cls) for m in found if m.start == again and not m.kind.is_container] == [
        ("Riverbend Tenants Union", "Organization")]


def test_mentions_known_whole_form_of_a_name_cut_short():
    """The model may tag "NBX" alone in "NBX News Tech and Science News"; the document
    names "NBX News" elsewhere and the text goes on with those words, so the mention grows to
    it. A longer form that the text does not continue with word for word is not taken."""
    text = "By Ana Ruiz, NBX News Tech and Science News. Officials told NBX News and NBX Newsroom staff."
    short = Mention(13, 16, "NBX", "Organization", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL)
    whole = Mention(60, 68, "NBX News", "Organization", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL)
    cut = Mention(73, 76, "NBX", "Organization", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL)  # "NBX Newsroom"
    grown = whole_forms(MentionContext(text, (), (short, whole, cut)))
    assert [(m.start, m.text) for m in grown] == [(13, "NBX News")]
    kept = resolve_overlaps([short, whole, cut, *grown])
    assert [m.text for m in kept] == ["NBX News", "NBX News", "NBX"]
