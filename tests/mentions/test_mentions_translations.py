"""Names in other languages: the packs' sourced tables of translated names
(mentions.translation.table.v1, the Spanish one here) and the English form of names with a
structural translation (mentions.translation.english_form.v1)."""

import pytest

from actorgraph.loaders.mentions import MentionContext
from actorgraph.loaders.mentions.translations import english_forms, translation_table
from actorgraph.loaders.model import Mention, MentionKind, Segment
from actorgraph.loaders.parse import ParsedSegment

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize(("language", "parsed", "found"), [
    ("es", False, True),
    ("fr", False, True),  # a passage no model read
    ("en", True, False),  # the English model reads English
])
def test_mentions_translation_table_in_passages_the_english_model_does_not_read(nlp, language, parsed, found):
    text = "Agentes del Servicio de Inmigración y Control de Aduanas llegaron a Riverbend."
    doc = nlp(text) if parsed else None
    ctx = MentionContext(text, (ParsedSegment(Segment(0, len(text), "paragraph", language), doc),))
    hits = [(m.text, m.cls, m.canonical, m.kind) for m in translation_table(ctx)]
    assert (("Servicio de Inmigración y Control de Aduanas", "GovernmentAgency", ICE, MentionKind.TRANSLATED) in hits) is found


def test_mentions_translation_english_form_of_a_structural_name():
    text = "La Oficina del Alguacil del Condado Lakeview firmó. The Riverbend Tenants Union did not."
    cut = text.index(" The")
    parsed = (ParsedSegment(Segment(0, cut, "paragraph", "es"), None),
              ParsedSegment(Segment(cut + 1, len(text), "paragraph", "en"), None))
    spanish = Mention(3, 44, text[3:44], "GovernmentAgency", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL)
    english = Mention(cut + 5, cut + 28, text[cut + 5:cut + 28], "Organization", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL)
    assert spanish.text == "Oficina del Alguacil del Condado Lakeview" and english.text == "Riverbend Tenants Union"
    rewritten = english_forms(MentionContext(text, parsed, (spanish, english)))
    assert [(m.canonical, m.kind) for m in rewritten] == [("Lakeview County Sheriff's Office", MentionKind.BUILT),
                                                          (None, MentionKind.MODEL)]
