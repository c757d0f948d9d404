"""Verb and noun frames (rules.frame.*) on invented sentences."""

import pytest
from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    ("The Lakeside Department of Motor Vehicles shared drivers' addresses with ICE.",
     ("Lakeside Department of Motor Vehicles", "sharedDataWith", ICE)),
    ("The Brook County Sheriff's Office provided inmate records to ICE.",
     ("Brook County Sheriff's Office", "sharedDataWith", ICE)),
    ("Records were handed over to ICE by the Maple Valley Police Department.",
     ("Maple Valley Police Department", "sharedDataWith", ICE)),
    ("The Maple Valley Police Department cooperated with ICE during the operation.",
     ("Maple Valley Police Department", "collaboratesWith", ICE)),
    ("The Riverside Workers Alliance sued ICE in federal court.", ("Riverside Workers Alliance", "sues", ICE)),
    ("Harbor Justice Services operates the Pinecrest Detention Center.",
     ("Harbor Justice Services", "operates", "Pinecrest Detention Center")),
    ("The Pinecrest Detention Center is run by CoreCivic.", ("CoreCivic", "operates", "Pinecrest Detention Center")),
    ("The Pinecrest Detention Center, which is run by CoreCivic, is full.",
     ("CoreCivic", "operates", "Pinecrest Detention Center")),
    ("The Eastside Neighbors Union condemned ICE.", ("Eastside Neighbors Union", "opposes", ICE)),
    ("The Eastside Neighbors Union and the Valley Faith Council condemned ICE.", ("Valley Faith Council", "opposes", ICE)),
    ("ICE arrested and deported Marco Ibarra.", (ICE, "deported", "Marco Ibarra")),
    ("Marco Ibarra was arrested by ICE agents in March.", (ICE, "arrested", "Marco Ibarra")),
    ("Marco Ibarra has been held at the Pinecrest Detention Center since May.",
     ("Marco Ibarra", "detainedAt", "Pinecrest Detention Center")),
    ("The Greenfield County Board agreed to share jail records with ICE.",
     ("Greenfield County Board", "sharedDataWith", ICE)),
    ("The Eastside Neighbors Union accused the Lakeside Department of Motor Vehicles of passing personal data to ICE.",
     ("Lakeside Department of Motor Vehicles", "sharedDataWith", ICE)),
])
def test_rules_frame_verbs(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Voters objected to Greenfield County's contract with ICE.", ("Greenfield County", "contractsWith", ICE)),
    ("Critics cited a contract between ICE and the software firm Brightline Analytics.",
     (ICE, "contractsWith", "Brightline Analytics")),
    ("The Riverside Workers Alliance filed a lawsuit against ICE on Monday.", ("Riverside Workers Alliance", "sues", ICE)),
    ("The lawsuit the Riverside Workers Alliance brought against ICE was dismissed.",
     ("Riverside Workers Alliance", "sues", ICE)),
    # the object relative's subject sues, not the subject of the clause around it
    ("The memo bears directly on a lawsuit the Riverside Workers Alliance brought against the Harlan County "
     "Sheriff's Office and ICE.", ("Riverside Workers Alliance", "sues", ICE)),
    ("The Valley Faith Council stands in solidarity with the Riverside Workers Alliance.",
     ("Valley Faith Council", "supports", "Riverside Workers Alliance")),
])
def test_rules_frame_nouns(nlp, text, expected):
    assert expected in triples_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The Lakeside Department of Motor Vehicles did not share drivers' addresses with ICE.",
    "The Lakeside Department of Motor Vehicles refused to share records with ICE.",
    "The Lakeside Department of Motor Vehicles declined to give ICE its records.",
    "The Maple Valley Police Department never cooperated with ICE.",
])
def test_rules_frame_negation_states_nothing(nlp, text):
    assert not [t for t in triples_of(nlp, text) if t[1] in ("sharedDataWith", "collaboratesWith")]


def test_rules_frame_share_needs_data(nlp):
    """Sharing concerns or a stage is not sharing data."""
    found = triples_of(nlp, "The Lakeside Department of Motor Vehicles shared its concerns with ICE.")
    assert not [t for t in found if t[1] == "sharedDataWith"]


def test_rules_frame_helping_is_collaboration_only_between_agencies(nlp):
    found = triples_of(nlp, "The Eastside Neighbors Union helped ICE detainees find lawyers.")
    assert not [t for t in found if t[1] == "collaboratesWith"]


def test_rules_frame_records_its_name_in_the_evidence(nlp):
    relations = triples_of(nlp, "The Riverside Workers Alliance sued ICE in federal court.")
    assert relations[("Riverside Workers Alliance", "sues", ICE)].evidence.extractor == "rules.frame.verb.v1"


@pytest.mark.parametrize("text, name", [
    ("Dozens of groups are launching the Homes Not Cages campaign today.", "Homes Not Cages"),
    ("The union launched a petition called Keep Our Families Together.", "Keep Our Families Together"),
    # an agency and a place inside the name are the campaign's wording
    ("The group has joined the No Papers for ICE in Vermont campaign.", "No Papers for ICE in Vermont"),
])
def test_rules_campaigns_named_in_prose(nlp, text, name):
    from actorgraph.loaders.pipeline import extract, make_document

    ex = extract(make_document(text, "invented.txt"), nlp)
    assert (name, "Campaign") in {(e.label, e.cls) for e in ex.entities}


def test_rules_campaign_named_after_a_group_is_the_group(nlp):
    from actorgraph.loaders.pipeline import extract, make_document

    ex = extract(make_document("Members joined the Harbor Workers Union campaign.", "invented.txt"), nlp)
    assert not [e for e in ex.entities if e.cls == "Campaign"]


def test_rules_frame_inverse_membership(nlp):
    text = "The Valley Sanctuary Coalition includes the Riverside Workers Alliance and the Eastside Neighbors Union."
    found = triples_of(nlp, text)
    assert ("Riverside Workers Alliance", "memberOf", "Valley Sanctuary Coalition") in found
    assert ("Eastside Neighbors Union", "memberOf", "Valley Sanctuary Coalition") in found


def test_rules_frame_joint_work(nlp):
    text = "The Riverside Workers Alliance and the Eastside Neighbors Union jointly filed a lawsuit against ICE."
    found = triples_of(nlp, text)
    assert ("Riverside Workers Alliance", "collaboratesWith", "Eastside Neighbors Union") in found
    assert ("Eastside Neighbors Union", "sues", ICE) in found
    report = triples_of(nlp, "The Riverside Workers Alliance and the Eastside Neighbors Union published a report on "
                             "the raids.")
    assert ("Riverside Workers Alliance", "collaboratesWith", "Eastside Neighbors Union") in report
    # co-filers without "jointly" or "together" are parties listed together, not collaborators
    for verb in ("filed", "brought"):
        listed = triples_of(nlp, f"The Riverside Workers Alliance and the Eastside Neighbors Union {verb} a lawsuit "
                                 "against ICE.")
        assert ("Eastside Neighbors Union", "sues", ICE) in listed
        assert not [t for t in listed if t[1] == "collaboratesWith"]
    separate = triples_of(nlp, "The Riverside Workers Alliance and the Eastside Neighbors Union condemned ICE.")
    assert not [t for t in separate if t[1] == "collaboratesWith"]


def test_rules_frame_raid_noun(nlp):
    found = triples_of(nlp, "An ICE raid on the Riverbend Foods plant in Gainesville left families in fear.")
    assert (ICE, "raided", "Gainesville") in found


def test_rules_frame_nominal_collaboration(nlp):
    text = "The Harbor County Sheriff's Office expanded its collaboration with ICE in 2019."
    assert ("Harbor County Sheriff's Office", "collaboratesWith", "U.S. Immigration and Customs Enforcement") \
        in triples_of(nlp, text)


def test_rules_frame_raid_reaches_the_place_of_the_site(nlp):
    triples = triples_of(nlp, "ICE agents raided the Lakeview Fittings plant in Springdale on Tuesday.")
    assert ("U.S. Immigration and Customs Enforcement", "raided", "Springdale") in triples


def test_rules_frame_stance_against_what_was_done_to_someone_is_not_against_them(nlp):
    triples = triples_of(nlp, "The Riverside Tenants Union condemned the arrest of Marisol Vega by ICE.")
    assert ("Riverside Tenants Union", "opposes", "U.S. Immigration and Customs Enforcement") in triples
    assert not [t for t in triples if t[1] == "opposes" and t[2] == "Marisol Vega"]


def test_rules_frame_double_object_read_as_two_objects(nlp):
    """"handed ICE the home addresses": the parser reads two direct objects; the first one
    receives the data."""
    text = "The Lakeview Department of Motor Vehicles handed ICE the home addresses of drivers last year."
    assert ("Lakeview Department of Motor Vehicles", "sharedDataWith", ICE) in triples_of(nlp, text)
    assert not [t for t in triples_of(nlp, "The Lakeview Department of Motor Vehicles handed ICE a letter.")
                if t[1] == "sharedDataWith"]


@pytest.mark.parametrize("text, expected, absent", [
    ("Burley, New Mexico — The Valley Farmworker Union today sued Grant County.",
     ("Valley Farmworker Union", "sues", "Grant County"), "Burley"),
    ("NEW ORLEANS – The Riverside Workers Alliance sued ICE on Monday.",
     ("Riverside Workers Alliance", "sues", ICE), "New Orleans"),
])
def test_a_dateline_is_not_the_subject(nlp, text, expected, absent):
    found = triples_of(nlp, text)
    assert expected in found
    assert not any(absent.lower() in s.lower() for s, _, _ in found)


@pytest.mark.parametrize("text, expected", [
    # a name modifying the noun is the other party when an owner is named
    ("Lakeview Data Systems said it would give up its ICE contract.", ("Lakeview Data Systems", "contractsWith", ICE)),
    # "its" bound by a county in subject position: the county's government
    ("Grant County terminated its contract with Harbor Justice Services.",
     ("Grant County", "contractsWith", "Harbor Justice Services")),
    # subject control: "its" in "voted to terminate its contract" is the voter's; and the second
    # party the parser left out of the coordination ("… and X Inc." read as the sentence's end)
    ("Grant County voted to terminate its contract with U.S. Immigration and Customs Enforcement and Harbor "
     "Justice Services Inc. Harbor Justice Services, a private prison operator, runs the facility.",
     ("Grant County", "contractsWith", "Harbor Justice Services Inc.")),
    ("Grant County voted to terminate its contract with U.S. Immigration and Customs Enforcement and Harbor "
     "Justice Services Inc. Harbor Justice Services, a private prison operator, runs the facility.",
     ("Grant County", "contractsWith", ICE)),
    # object control: "their" is the object of "pressing", not its subject
    ("The Valley Workers Alliance is pressing Lakeview Data Systems to end their contracts with ICE.",
     ("Lakeview Data Systems", "contractsWith", ICE)),
])
def test_the_parties_of_a_contract(nlp, text, expected):
    found = triples_of(nlp, text)
    assert expected in found
    assert not any(s == "Valley Workers Alliance" and o == ICE for s, _, o in found)


def test_the_one_who_urges_holds_no_agreement(nlp):
    found = triples_of(nlp, "The Harbor Alliance urged the counties to end their agreements with ICE.")
    assert not any(o == ICE for _, _, o in found)
