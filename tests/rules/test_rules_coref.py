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


def test_rules_coref_a_pronoun_agrees_with_the_given_name(nlp):
    """"He" does not stand for a woman named just before him; a repeated preposition carries
    the relation to the second place ("at X and at Y")."""
    text = ("Marco Ibarra was arrested in March, his lawyer Barbara Okafor said. "
            "He has been held at the Pinecrest Detention Center and at the Harlan Detention Center since then.")
    found = triples_of(nlp, text)
    assert not [t for t in found if t[0] == "Barbara Okafor" and t[1] == "detainedAt"], found
    assert {("Marco Ibarra", "detainedAt", "Pinecrest Detention Center"),
            ("Marco Ibarra", "detainedAt", "Harlan Detention Center")} <= set(found), found


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


def _possessives(nlp, text: str, names: dict[str, str]) -> dict[str, str]:
    """What coreference makes of each possessive pronoun of ``text``, given the entities
    named there (name -> class)."""
    from actorgraph.loaders.lang import load_pack
    from actorgraph.loaders.model import Entity
    from actorgraph.loaders.rules.coref import resolve

    doc = nlp(text)
    mentions = {}
    for name, cls in names.items():
        start = text.find(name)
        if start < 0:
            continue
        entity = Entity(iri=f"urn:{name}", cls=cls, label=name, forms=(name,))
        mentions.update({t.idx: entity for t in doc if start <= t.idx < start + len(name)})
    found = resolve(((t.idx, t) for t in doc), mentions, load_pack("en"))
    return {f"its@{i}": e.label for i, e in found.items() if text[i:i + 4] == "its "}


def test_rules_coref_a_possessive_binds_to_the_noun_subject_of_its_clause(nlp):
    """"its" in "the county should end its agreement" is the county's (a place in subject
    position stands for its government), not the group named before it; with an actor as
    the subject of its clause, that actor's."""
    text = ("Ana Torres is an organizer with the Harbor Sanctuary Network. Our coalition demands that "
            "Chandler County end its agreement with ICE.")
    names = {"Harbor Sanctuary Network": "Organization", "Chandler County": "Place", "ICE": "GovernmentAgency",
             "Ana Torres": "Person"}
    assert list(_possessives(nlp, text, names).values()) == ["Chandler County"]
    text = "The Harbor Sanctuary Network met on Monday. ICE ended its contract with the county."
    assert list(_possessives(nlp, text, names | {"ICE": "GovernmentAgency"}).values()) == ["ICE"]


def test_a_numeral_counts_back_the_list_before_it(nlp):
    text = ("Two of them are in Ohio: the Pine Hill Detention Center, the Oak Ridge Processing Center, and "
            "the Elm Grove Detention Center, and all three are run by Harbor Justice Services.")
    found = {t for t in triples_of(nlp, text) if t[1] == "operates"}
    assert found == {("Harbor Justice Services", "operates", c) for c in
                     ("Pine Hill Detention Center", "Oak Ridge Processing Center", "Elm Grove Detention Center")}


def test_a_numeral_that_does_not_count_the_list_names_nobody(nlp):
    text = ("The Pine Hill Detention Center, the Oak Ridge Processing Center and the Elm Grove Detention Center "
            "opened in 2019; all four are run by Harbor Justice Services.")
    assert not any(p == "operates" for _, p, _ in triples_of(nlp, text))
