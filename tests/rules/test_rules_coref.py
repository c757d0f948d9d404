"""Coreference for relations: definite descriptions and pronouns, marked in the evidence."""

from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


def test_rules_coref_definite_description(nlp):
    text = ("Reporters looked at Restwell Inns, a motel company. Guests said the company passed their personal "
            "details to ICE.")
    found = triples_of(nlp, text)
    relation = found[("Restwell Inns", "sharedDataWith", ICE)]
    assert relation.evidence.extractor.endswith(".coref")
    assert relation.evidence.quote.startswith("Guests said the company")


def test_rules_coref_pronoun(nlp):
    text = "Marco Ibarra was arrested in March. He has been held at the Pinecrest Detention Center since then."
    assert ("Marco Ibarra", "detainedAt", "Pinecrest Detention Center") in triples_of(nlp, text)


def test_rules_coref_they_stays_in_its_sentence(nlp):
    text = ("The Greenfield County Board met on Monday. Hundreds of people protested outside. "
            "They said they cooperated with ICE.")
    assert not [t for t in triples_of(nlp, text) if t[1] == "collaboratesWith"]


def test_rules_coref_description_is_not_the_subject_of_its_clause(nlp):
    text = ("ICE asked the county for the records in March. The Harbor County Sheriff's Office handed over the "
            "booking data at the request of the agency.")
    triples = triples_of(nlp, text)
    assert ("Harbor County Sheriff's Office", "sharedDataWith", "U.S. Immigration and Customs Enforcement") in triples


def test_rules_frame_data_handed_over_at_the_request_of(nlp):
    text = "The Harbor County Sheriff's Office handed over the voter records at the request of ICE."
    assert ("Harbor County Sheriff's Office", "sharedDataWith", "U.S. Immigration and Customs Enforcement") \
        in triples_of(nlp, text)
