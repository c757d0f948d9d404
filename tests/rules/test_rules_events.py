"""Events (rules.event.sited.v1, rules.event.roles.v1): a delimited event named by its site,
who took part in it and where it took place."""

from conftest import triples_of

from actorgraph.loaders.pipeline import extract, make_document


def _events(nlp, text):
    return {e.label for e in extract(make_document(text, "t.txt"), nlp).entities if e.cls == "Event"}


def test_an_event_with_a_site_gets_a_name_built_from_the_text(nlp):
    events = _events(nlp, "Dozens of detainees began a hunger strike at the Valleverde Detention Center on Monday.")
    assert events == {"hunger strike at the Valleverde Detention Center (Monday)"}


def test_an_event_word_without_a_site_or_in_the_plural_is_no_event(nlp):
    assert not _events(nlp, "Organizers said a vigil is planned. ICE raids have spread fear in many towns.")


def test_who_held_an_event_took_part_in_it(nlp):
    text = "The Riverside Tenants Union held a vigil outside the Harbor County Jail in Springdale."
    assert ("Riverside Tenants Union", "participatedIn", "vigil outside the Harbor County Jail") in triples_of(nlp, text)


def test_the_agency_of_a_raid_took_part_and_raided_the_site(nlp):
    triples = triples_of(nlp, "ICE agents conducted a raid at Lakeview Fittings LLC in Springdale on March 4.")
    ice = "U.S. Immigration and Customs Enforcement"
    assert (ice, "participatedIn", "raid at Lakeview Fittings LLC (March 4)") in triples
    assert (ice, "raided", "Lakeview Fittings LLC") in triples


def test_two_raids_in_two_places_are_two_events(nlp):
    events = _events(nlp, "ICE conducted a raid at Lakeview Fittings LLC. A week later ICE conducted a raid at "
                          "Northgate Meats Inc.")
    assert len(events) == 2
