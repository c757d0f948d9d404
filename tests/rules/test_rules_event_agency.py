"""The agency of a raid (rules.event.raid_sites.v1, rules.event.raid_arrests.v1): what the
agencies that took part in a raid raided, and a raid told by its arrests."""

from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


def test_the_agency_of_a_raid_raided_the_company_named_with_it(nlp):
    triples = triples_of(nlp, "ICE agents conducted a raid in Springdale on March 4. The raid stemmed from an "
                              "investigation into Lakeview Fittings LLC.")
    assert (ICE, "raided", "Lakeview Fittings LLC") in triples
    assert triples[(ICE, "raided", "Lakeview Fittings LLC")].evidence.extractor == "rules.event.raid_sites.v1"


def test_a_planned_raid_raided_nothing(nlp):
    triples = triples_of(nlp, "ICE will conduct a raid in Springdale next week. The raid targets Lakeview Fittings LLC.")
    assert (ICE, "raided", "Lakeview Fittings LLC") not in triples


def test_arrests_at_a_worksite_tell_of_the_one_raid_of_the_document(nlp):
    triples = triples_of(nlp, "The FBI conducted a raid in Grand Island on March 4. That day, 45 workers were "
                              "arrested by ICE at a meatpacking plant in Grand Island.")
    raid = "raid in Grand Island (March 4)"
    assert (ICE, "participatedIn", raid) in triples
    assert triples[(ICE, "participatedIn", raid)].evidence.extractor == "rules.event.raid_arrests.v1"


def test_arrests_do_not_pick_one_of_two_raids(nlp):
    triples = triples_of(nlp, "The FBI conducted a raid in Grand Island on March 4. The FBI conducted a raid at "
                              "Lakeview Fittings LLC on May 2. That day, 45 workers were arrested by ICE at a "
                              "meatpacking plant in Grand Island.")
    assert not any(s == ICE and p == "participatedIn" for s, p, _ in triples)
