"""Lists of names: items become entities of the list's class, and each item plays the
list's role in the sentence (rules.name_list.v1, rules.role.members.v1)."""

from __future__ import annotations

import pytest

from actorgraph.loaders.lang import load_pack
from actorgraph.loaders.lists import coordinated, list_runs
from actorgraph.loaders.pipeline import extract, make_document


def _run(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e, _ in run] for run in list_runs(text, 0, len(text), load_pack("en"))]


def test_items_keep_and_inside_a_name_when_the_list_goes_on():
    text = "Groups such as Bread and Roses Alliance, March for Tomorrow, Open Door and FairWage signed it."
    assert _run(text) == [["Bread and Roses Alliance", "March for Tomorrow", "Open Door", "FairWage"]]


def test_semicolons_slashes_acronyms_and_articles():
    text = ("The members are the Harbor Workers Alliance (HWA); Open Door/Open Door Action; "
            "the Council for Tenant and Worker Rights (CTWR); and FairWage.")
    assert _run(text) == [["Harbor Workers Alliance", "Open Door", "Open Door Action",
                           "Council for Tenant and Worker Rights", "FairWage"]]


def test_two_names_are_not_a_list_and_prose_is_not_a_name():
    assert _run("Open Door and FairWage signed it.") == []
    assert _run("They marched, sang and spoke for hours, and then went home.") == []


def test_coordinated_mentions_need_only_list_punctuation_between_them():
    text = "ICE, CBP, the FBI and DHS met; ICE said so."
    spans = [(0, 3), (5, 8), (14, 17), (22, 25), (31, 34)]
    assert coordinated(text, spans) == [[0, 1, 2, 3]]


@pytest.fixture(scope="module")
def petitions(nlp):
    text = ("Harbor Workers Alliance, Riverside Tenants Union, March for Tomorrow, Rivervale.org and FairWage "
            "each started petitions urging Palantir to stop working for ICE.")
    return extract(make_document(text, "petitions.txt"), nlp)


def test_unknown_items_of_a_list_of_groups_are_groups(petitions):
    labels = {e.label: e.cls for e in petitions.entities}
    for name in ("March for Tomorrow", "Rivervale.org", "FairWage"):
        assert labels.get(name) == "Organization", labels
    assert not any(label == "Tomorrow" for label in labels)


def test_each_item_of_a_listed_subject_gets_the_edge(petitions):
    by_iri = {e.iri: e.label for e in petitions.entities}
    opposing = {by_iri[r.subject] for r in petitions.relations
                if r.predicate == "opposes" and by_iri[r.object].startswith("Palantir")}
    assert opposing == {"Harbor Workers Alliance", "Riverside Tenants Union", "March for Tomorrow",
                        "Rivervale.org", "FairWage"}


def test_a_list_of_places_stays_places(nlp):
    ex = extract(make_document("The Harbor Workers Alliance has chapters in Ohio, Texas, Maine and Utah.", "p.txt"), nlp)
    classes = {e.label: e.cls for e in ex.entities}
    assert {classes.get(s) for s in ("Ohio", "Texas", "Maine", "Utah")} == {"Place"}


def _memberships(nlp, text):
    """The entity labels of a text, and its memberOf relations as (member, body, extractor)."""
    ex = extract(make_document(text, "t.txt"), nlp)
    by_iri = {e.iri: e.label for e in ex.entities}
    return set(by_iri.values()), {(by_iri[r.subject], by_iri[r.object], r.evidence.extractor)
                                  for r in ex.relations if r.predicate == "memberOf"}


def test_member_lists_give_memberships(nlp):
    text = ("The Valley Rapid Response Network is a coalition of legal and faith groups. "
            "Among the network's member organizations are the Harbor Workers Alliance, "
            "Riverside Tenants Union, Open Door and FairWage.")
    _, memberships = _memberships(nlp, text)
    members = {(s, x) for s, o, x in memberships if o == "Valley Rapid Response Network"}
    assert {m for m, _ in members} == {"Harbor Workers Alliance", "Riverside Tenants Union", "Open Door", "FairWage"}
    assert all(x.startswith("rules.role.members.v1") for _, x in members)


def test_its_members_belong_to_the_subject_not_to_the_last_group_named(nlp):
    text = ("The Valley Immigrant Coalition was founded in 2019 with help from United Harbor Workers. "
            "The coalition's Steering Committee counts among its members Open Door, FairWage, "
            "Riverside Tenants Union and Harbor Workers Alliance.")
    labels, memberships = _memberships(nlp, text)
    assert "Steering Committee" not in labels  # a body inside the coalition
    members = {(s, o) for s, o, _ in memberships}
    assert members == {(m, "Valley Immigrant Coalition")
                       for m in ("Open Door", "FairWage", "Riverside Tenants Union", "Harbor Workers Alliance")}


def test_the_members_of_a_campaign_and_its_co_chair_groups(nlp):
    """A coalition campaign has member groups (memberOf a Campaign), and groups can co-chair
    it (leads with a group as subject)."""
    text = ("Tenant groups are launching the Homes for All campaign today. "
            "Co-chairs of the Riverside Alliance are the Harbor Workers Union, the Eastside Renters Union "
            "and the Hillside Families Network. "
            "The campaign's Steering Committee also counts among its members Open Door, FairWage "
            "and the Valley Tenants Union.")
    ex = extract(make_document(text, "invented.txt"), nlp)
    by_iri = {e.iri: (e.label, e.cls) for e in ex.entities}
    facts = {(by_iri[r.subject][0], r.predicate, by_iri[r.object]) for r in ex.relations}
    assert {(m, "memberOf", ("Homes for All", "Campaign")) for m in ("Open Door", "FairWage", "Valley Tenants Union")} <= facts
    assert {(m, "leads", ("Riverside Alliance", "Organization"))
            for m in ("Harbor Workers Union", "Eastside Renters Union", "Hillside Families Network")} <= facts
    # the ontology allows both; a place still cannot be the object of memberOf
    from actorgraph import ontology
    assert ontology.fits("Campaign", ontology.range_("memberOf"))
    assert ontology.fits("Organization", ontology.domain("leads"))
    assert not ontology.fits("Place", ontology.range_("memberOf"))


def test_a_group_name_does_not_run_on_into_the_next_group(nlp):
    """"<Group> for <Cause>" takes the words after it, but not "and <another group's name>"."""
    from actorgraph.loaders.pipeline import extract, make_document

    text = "Vermont Coalition for Immigrant Rights and Farmville Workers Coalition are asking supporters to call."
    names = {e.label for e in extract(make_document(text, "invented.txt"), nlp).entities if e.cls == "Organization"}
    assert names == {"Vermont Coalition for Immigrant Rights", "Farmville Workers Coalition"}
    text = "The Riverside Coalition for Peace and Justice met on Monday."
    names = {e.label for e in extract(make_document(text, "invented.txt"), nlp).entities if e.cls == "Organization"}
    assert names == {"Riverside Coalition for Peace and Justice"}
    # the second name may have a tail of its own: "<Place> Coalition for <Cause>"
    text = "Ohio Coalition for Immigrant Rights and Dayton Coalition for Immigrant Rights are asking the county to act."
    names = {e.label for e in extract(make_document(text, "invented.txt"), nlp).entities if e.cls == "Organization"}
    assert names == {"Ohio Coalition for Immigrant Rights", "Dayton Coalition for Immigrant Rights"}
