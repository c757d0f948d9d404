import json

import pytest
from conftest import DOCS, GOLD, SEEDS

from actorgraph.errors import InputError
from actorgraph.loaders.clean import clean_text
from actorgraph.loaders.pipeline import extract, make_document
from actorgraph.loaders.read import find_documents, read_file
from actorgraph.loaders.segment import detect_language, segment


@pytest.mark.parametrize("raw, absent, present", [
    ("29197279_1745462092181330_8672180810536714240_oThe League met.", "29197279", "The League met."),
    ("the United States.Maru is a leader.", "States.Maru", "States. Maru"),
    ("top of page\nResist Trump\n1 view0 comments\nbottom of page", "view0", "Resist Trump"),
    ("Join the party.\nRead More\nAsk a question", "Read More", "Join the party."),
])
def test_clean_removes_page_furniture_and_unglues(raw, absent, present):
    text = clean_text(raw)
    assert absent not in text
    assert present in text


def test_clean_keeps_abbreviations_whole():
    assert clean_text("the U.S. government and Directive 9.3 apply") == "the U.S. government and Directive 9.3 apply"


def test_clean_keeps_camel_case_names_whole():
    """A lost line break glues a word to the next line's ("ResistanceMaru"); a name written in
    camel case is not one."""
    for name in ("BlackRock", "GoFundMe", "WhatsApp", "DeKalb County", "CasaNueva Network"):
        assert clean_text(f"Members include {name} and others.") == f"Members include {name} and others."
    assert clean_text("Justice for Maru and HarborResistanceMaru Ortiz") == "Justice for Maru and HarborResistance\nMaru Ortiz"


def test_segment_finds_every_petition_with_figures():
    text = clean_text((SEEDS / "003_85260b2b9c353a56.txt").read_text("utf-8"))
    gold = json.loads((GOLD / "003_85260b2b9c353a56.json").read_text("utf-8"))["campaigns"]
    petitions = [s for s in segment(text) if s.kind == "petition-title"]
    assert [text[s.start:s.end] for s in petitions] == [c["name"] for c in gold]
    assert [(s.get("count"), s.get("goal")) for s in petitions] == [(c["signatures"], c["goal"]) for c in gold]
    assert [[n for n, _, _ in s.get("creators")] for s in petitions] == [c["created_by"] for c in gold]


@pytest.mark.parametrize("text, lang", [
    ("Como resultado de años de lucha donde la comunidad se organizó en contra de la cooperación.", "es"),
    ("Connecticut officers are still heavily communicating with ICE about release dates.", "en"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_spanish_passages_are_not_fed_to_the_english_model(seed_extractions):
    labels = {e.label.lower() for e in seed_extractions["003_85260b2b9c353a56.txt"].entities}
    for junk in ("las personas", "el debido", "la comunidad"):
        assert junk not in labels
    ice = next(e for e in seed_extractions["003_85260b2b9c353a56.txt"].entities
               if e.label == "U.S. Immigration and Customs Enforcement")
    assert {"ICE", "la migra"} <= set(ice.forms)


@pytest.mark.parametrize("name", ["empty.txt", "bad-encoding.txt", "binary.txt", "malformed.pdf"])
def test_read_rejects_bad_files_with_clear_errors(name):
    with pytest.raises(InputError) as info:
        read_file(DOCS / name)
    assert name in str(info.value)


def test_read_html_keeps_the_article_not_the_navigation():
    raw = read_file(DOCS / "page.html")
    assert "Lakeview City Council passed" in raw.text
    assert "About us" not in raw.text
    assert raw.title == "Council Votes on Sanctuary Ordinance"


def test_find_documents_rejects_missing_and_empty(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        find_documents([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="holds no documents"):
        find_documents([tmp_path])


def test_extraction_on_invented_documents(nlp):
    """Rules fire on text that is not a seed: invented actors, general structure."""
    doc = make_document((DOCS / "good.txt").read_text("utf-8"), "good.txt")
    ex = extract(doc, nlp)
    by_iri = {e.iri: e for e in ex.entities}
    triples = {(by_iri[r.subject].label, r.predicate, by_iri[r.object].label) for r in ex.relations}
    assert ("Rivermouth Immigrant Defense Network", "opposes", "Oregon Department of Motor Vehicles") in triples
    assert ("Oregon Department of Motor Vehicles", "sharedDataWith", "U.S. Immigration and Customs Enforcement") in triples
    # a refusal is not an assertion
    assert not any(s.startswith("Rivermouth County Sheriff") and p == "sharedDataWith" for s, p, _ in triples)
    ridn = next(e for e in ex.entities if e.label == "Rivermouth Immigrant Defense Network")
    assert ridn.cls == "Organization" and "RIDN" in ridn.forms
    for r in ex.relations:
        assert doc.text[r.evidence.start:r.evidence.end] == r.evidence.quote


def test_extraction_of_an_invented_petition(nlp):
    doc = make_document((DOCS / "petition.txt").read_text("utf-8"), "petition.txt")
    ex = extract(doc, nlp)
    campaign = next(e for e in ex.entities if e.cls == "Campaign")
    assert campaign.label == "Free Amara Diallo Now"
    assert dict(campaign.attributes) == {"signatureCount": 1204, "signatureGoal": 2000}
    by_iri = {e.iri: e for e in ex.entities}
    creators = {(by_iri[r.subject].label, by_iri[r.subject].cls) for r in ex.relations if r.predicate == "createdCampaign"}
    assert creators == {("Dayton Sanctuary Collective", "Organization"), ("Joan K.", "Person")}
    supported = {by_iri[r.object].label for r in ex.relations if r.predicate == "campaignSupports"}
    assert supported == {"Amara Diallo"}


def test_evidence_quotes_are_exact_slices_of_the_cleaned_text(seed_extractions):
    for ex in seed_extractions.values():
        for r in ex.relations:
            assert ex.document.text[r.evidence.start:r.evidence.end] == r.evidence.quote
            assert 0 < r.evidence.confidence <= 1


def test_a_very_long_line_is_cut_into_parts_the_parser_can_take(nlp):
    sentence = "The Harbor Workers Union stands in solidarity with the Coastal Tenants Alliance. "
    text = "Long statement\n" + sentence * 1200  # one line of about 100,000 characters
    doc = make_document(text, "long.txt")
    segments = segment(doc.text)
    assert max(s.end - s.start for s in segments) <= 20_000
    assert sum(s.end - s.start for s in segments) >= len(doc.text) - 200
    ex = extract(doc, nlp)
    labels = {e.iri: e.label for e in ex.entities}
    assert ("Harbor Workers Union", "supports", "Coastal Tenants Alliance") in {
        (labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}


def test_pdf_text_is_read_and_extracted(tmp_path, nlp):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["pdf.fonttype"] = 42  # embedded TrueType: real, extractable text
    fig = plt.figure(figsize=(8.5, 11))
    fig.text(0.1, 0.9, "The Lakeview Immigrant Alliance condemns U.S. Immigration and Customs Enforcement.", fontsize=10)
    fig.text(0.1, 0.85, "The Lakeview Police Department shared license records with ICE.", fontsize=10)
    fig.savefig(tmp_path / "statement.pdf")
    plt.close(fig)
    raw = read_file(tmp_path / "statement.pdf")
    assert raw.media_type == "application/pdf" and "Lakeview Police Department shared" in raw.text
    ex = extract(make_document(raw.text, "statement.pdf", raw.media_type), nlp)
    labels = {e.iri: e.label for e in ex.entities}
    triples = {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}
    assert ("Lakeview Police Department", "sharedDataWith", "U.S. Immigration and Customs Enforcement") in triples



def test_a_one_word_person_tag_yields_to_a_list_of_groups():
    """An unknown one-word name the model calls a person in one sentence, and that a list of
    groups names as a group in another, is a group; a known given name stays a person."""
    from actorgraph.loaders.entities import resolve_mentions
    from actorgraph.loaders.model import Mention, MentionKind

    text = "Mijaren, the Harbor Workers Union and the Valley Coalition filed it. IDP and Mijaren spoke."
    first, second = text.index("Mijaren"), text.rindex("Mijaren")
    listed = Mention(first, first + 7, "Mijaren", "Organization", "rules.name_list.v1", 0.65)
    tagged = Mention(second, second + 7, "Mijaren", "Person", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL)
    entities, _ = resolve_mentions([listed, tagged])
    assert [e.cls for e in entities] == ["Organization"]
    maria = [Mention(first, first + 5, "Maria", "Organization", "rules.name_list.v1", 0.65),
             Mention(second, second + 5, "Maria", "Person", "spacy.ner.v1", 0.7, kind=MentionKind.MODEL)]
    assert [e.cls for e in resolve_mentions(maria)[0]] == ["Person"]


def test_a_title_alone_is_the_one_body_it_heads_or_no_entity(nlp):
    """"the Sheriff" is the document's one sheriff's office when it names one, and nobody
    in particular when it does not (no entity, so no relation of it)."""
    alone = "The board changed the way the Sheriff is allowed to cooperate with ICE."
    found = extract(make_document(alone, "alone.txt"), nlp)
    assert "Sheriff" not in {e.label for e in found.entities}
    assert not [r for r in found.relations if r.predicate == "collaboratesWith"]
    named = ("The Ribera County Sheriff's Department honors ICE detainers. The board changed the way the Sheriff "
             "is allowed to cooperate with ICE.")
    found = extract(make_document(named, "named.txt"), nlp)
    office = next(e for e in found.entities if e.label == "Ribera County Sheriff's Department")
    assert "Sheriff" in office.forms
