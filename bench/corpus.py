"""Corpora for benchmarks that look like real use: documents of 4–9 paragraphs (about
3.7 kB) in the genres users bring — news reports, statements of solidarity, press releases,
petitions — with invented actors. People come from the U.S. Census name lists (the
``names`` package), cities and states from the bundled facility and state tables,
agencies, facilities and companies from the bundled reference data; groups, counties and
campaigns are built from those. No text of the seeds or the dev corpus.

    python bench/corpus.py OUT_DIR --documents 1000 --seed 1
"""

from __future__ import annotations

import argparse
import csv
import random
from functools import cache
from importlib.resources import files
from pathlib import Path


def _table(name: str) -> list[dict[str, str]]:
    text = files("actorgraph.loaders.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def _pools() -> dict[str, list[str]]:
    import names  # the Census lists ship inside the package

    base = Path(names.__file__).parent

    def census(file: str, n: int) -> list[str]:
        rows = (base / file).read_text().splitlines()[:n]
        return [r.split()[0].title() for r in rows if r.strip()]

    facilities = _table("facilities.csv")
    agencies = [r["name"] for r in _table("agencies.csv")]
    return {
        "first": census("dist.male.first", 300) + census("dist.female.first", 300),
        "last": census("dist.all.last", 1500),
        "city": sorted({r["city"] for r in facilities if r["city"]}),
        "state": [r["name"] for r in _table("us_states.csv")],
        "facility": [r["name"] for r in facilities],
        "agency": [a for a in agencies if "Immigration and Customs" not in a],
        "operator": [r["name"] for r in _table("companies.csv") if r["sector"] == "private detention"],
        "company": [r["name"] for r in _table("companies.csv") if r["sector"] != "private detention"],
    }


ORG_PATTERNS = ["{city} Immigrant Rights Coalition", "{state} Dream Alliance", "Workers Center of {city}",
                "{city} Sanctuary Network", "{state} Immigrant Justice Project", "{city} Rapid Response Network",
                "{state} Farmworker Union", "{city} Families Together", "{last} Legal Defense Fund",
                "{state} Coalition for Immigrant Rights"]
CAMPAIGN_PATTERNS = ["Shut Down {facility}", "End 287(g) in {county} County", "{city} Is a Sanctuary",
                     "Free Them All {state}", "No Data for ICE in {state}"]

PARAGRAPHS = [
    # news report
    "{agency_p} agents arrested {n} workers at a {industry} plant in {city}, {state}, on {day}, according to "
    "{org}. The workers were taken to the {facility}, which is operated by {operator}. {person}, a spokesperson for "
    "{org}, said families were not told where their relatives had been taken.",
    "The {county} County Sheriff's Office shared jail booking records with U.S. Immigration and Customs Enforcement "
    "for three years, records obtained by {org} show. Sheriff {person} defended the practice at a county board "
    "meeting on {day}.",
    "{person}, who has lived in {city} for {years} years, has been detained at the {facility} since {month}. "
    "Her lawyer, {person2} of the {law}, said she had asked for release on medical grounds.",
    "The {state} Department of Motor Vehicles handed ICE the home addresses of drivers, according to emails "
    "released under the state's public records law. {org} called the disclosures a betrayal of immigrant families.",
    "{org} filed a lawsuit against {county} County and {operator} on {day}, alleging that detainees at the "
    "{facility} were denied medical care. The suit was filed in federal court in {city}.",
    "{operator} runs the {facility} under a contract with {county} County, which receives a fee for every "
    "detainee held there. County commissioners voted {votes} on {day} to renew the agreement.",
    "Police in {city} said they did not take part in the operation. {person}, the city's police chief, said "
    "the department does not ask about immigration status.",
    # statement of solidarity
    "We, the undersigned organizations, stand in solidarity with the workers detained in {city}. {org} and "
    "{org2} condemn the raid and call on ICE to release everyone who was arrested.",
    "{org} is a member of the {org3}, a network of groups that support families facing deportation across "
    "{state}. Together we have organized rapid response trainings in {n} cities.",
    "Our coalition demands that {county} County end its 287(g) agreement with ICE. The agreement turns local "
    "deputies into immigration agents and tears families apart.",
    "{person}, the executive director of {org}, said: \"We will not be silent while our neighbors are taken "
    "from their homes.\" The group has joined the {campaign} campaign.",
    # press release
    "{city}, {state} — {org} today launched {campaign}, a campaign calling on the {county} County Board of "
    "Supervisors to cancel its detention contract with {operator}.",
    "The campaign is supported by {org2}, {org3} and more than {n} congregations. {person}, who leads {org2}, "
    "will speak at a rally outside the {facility} on {day}.",
    "{person} is an organizer with {org}. Before joining the group, she worked for {years} years as a "
    "paralegal at the {law}.",
    "{company} announced on {day} that it would stop sharing customer data with immigration authorities after "
    "{org} published records of the transfers.",
    # petition
    "Sign the petition: tell {agency_p} to stop the deportation of {person}. {person_short} came to {state} as a "
    "child and has no criminal record. {org} and {org2} are asking supporters to call the {city} field office.",
    "The petition, started by {org}, has gathered {n} signatures. It asks Governor {person} to sign the "
    "{state} Values Act, which would bar state agencies from sharing personal data with ICE.",
    # background
    "The {facility} can hold about {capacity} people. Advocates say conditions there have worsened since "
    "{operator} took over its management.",
    "Residents of {city} marched from the courthouse to the {facility} on {day} to protest the detentions. "
    "Organizers from {org} estimated the crowd at {n} people.",
    "{org2} funds legal representation for detained immigrants in {state} through a grant from the "
    "{last} Foundation.",
]
INDUSTRIES = ["meatpacking", "poultry", "construction", "solar panel", "food processing", "dairy"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "March 3", "June 12", "September 30"]
MONTHS = ["January", "March", "May", "August", "October", "December"]
TITLES = ["Statement on the {city} raid", "{org} demands answers from {county} County",
          "Petition: stop the deportation of {person}", "Workers detained in {city}",
          "{campaign}: a campaign launch"]


def document(rng: random.Random) -> str:
    pools = _pools()

    def person() -> str:
        return f"{rng.choice(pools['first'])} {rng.choice(pools['last'])}"

    city, state = rng.choice(pools["city"]).title(), rng.choice(pools["state"])

    def org() -> str:
        return rng.choice(ORG_PATTERNS).format(city=rng.choice([city, rng.choice(pools["city"]).title()]),
                                               state=state, last=rng.choice(pools["last"]))

    slots = {"city": city, "state": state, "county": rng.choice(pools["last"]), "facility": rng.choice(pools["facility"]),
             "operator": rng.choice(pools["operator"]), "company": rng.choice(pools["company"]),
             "agency_p": rng.choice(["ICE", "Immigration and Customs Enforcement", "U.S. Immigration and Customs Enforcement"]),
             "org": org(), "org2": org(), "org3": org(), "law": f"{rng.choice(pools['last'])} Immigration Law Center",
             "last": rng.choice(pools["last"]), "industry": rng.choice(INDUSTRIES), "day": rng.choice(DAYS),
             "month": rng.choice(MONTHS), "n": rng.randint(5, 400), "years": rng.randint(2, 25),
             "votes": rng.choice(["3-2", "4-1", "5-0"]), "capacity": rng.choice([300, 850, 1200, 2000])}
    slots["campaign"] = rng.choice(CAMPAIGN_PATTERNS).format(**slots)
    paragraphs = []
    for template in rng.sample(PARAGRAPHS, rng.randint(8, 14)):
        p = person()
        paragraphs.append(template.format(person=p, person2=person(), person_short=p.split()[0], **slots))
    title = rng.choice(TITLES).format(person=person(), **slots)
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(out: Path, documents: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(documents):
        path = out / f"doc{i:05d}.txt"
        path.write_text(document(rng), "utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.documents, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents ({size / len(paths) / 1000:.1f} kB on average) to {args.out}")


if __name__ == "__main__":
    main()
