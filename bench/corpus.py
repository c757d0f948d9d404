"""Synthetic corpus generator for benchmarks: invented actors in realistic sentences.

    python bench/corpus.py OUT_DIR --documents 200 --seed 1
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = "Ana Luis Marisol Tomas Elena Rosa Jorge Lena Samuel Ivana Pedro Nadia Omar Grace Hugo Alma".split()
LAST = "Ferrer Okafor Duarte Marquez Solano Reyes Villanueva Castillo Ortega Mendez Ibarra Lozano Quiroga".split()
PLACES = "Rivermouth Lakeview Dayton Brookfield Harlan Grand Island Gainesville Pine Prairie Fairview Oakridge".split()
STATES = ["Oregon", "Ohio", "Georgia", "Nebraska", "Texas", "Arizona", "Illinois", "Washington"]
GROUPS = ["Immigrant Defense Network", "Tenants Union", "Workers Alliance", "Sanctuary Coalition",
          "Farmworkers Union", "Migrant Justice Committee", "Solidarity Collective"]
FACILITIES = ["Stewart Detention Center", "Otay Mesa Detention Center", "Adelanto ICE Processing Center",
              "Krome Service Processing Center", "Pine Prairie ICE Processing Center"]
TEMPLATES = [
    "The {group} condemns U.S. Immigration and Customs Enforcement for the arrest of {person}.",
    "{person}, the director of the {group}, said the {group2} stands in solidarity with the families.",
    "The {state} Department of Motor Vehicles shared drivers' personal information with ICE.",
    "{person} has been held at the {facility} since {month}.",
    "Last week, ICE and the {state} State Patrol arrested {n} workers at a warehouse in {place}.",
    "The {state} Department of Corrections refused to share data with ICE.",
    "The {place} City Council passed the {place} Welcoming Ordinance after months of organizing by the {group}.",
    "{facility_op} operates the {facility}, where {person} is detained.",
]


def document(rng: random.Random) -> str:
    lines = [f"{rng.choice(PLACES)} {rng.choice(GROUPS)} Statement", ""]
    for _ in range(rng.randint(6, 14)):
        lines.append(rng.choice(TEMPLATES).format(
            group=f"{rng.choice(PLACES)} {rng.choice(GROUPS)}", group2=f"{rng.choice(PLACES)} {rng.choice(GROUPS)}",
            person=f"{rng.choice(FIRST)} {rng.choice(LAST)}", state=rng.choice(STATES), place=rng.choice(PLACES),
            facility=rng.choice(FACILITIES), facility_op=rng.choice(["GEO Group", "CoreCivic"]),
            month=rng.choice(["May", "June", "March"]), n=rng.randint(5, 120)))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.documents):
        (args.out / f"doc{i:05d}.txt").write_text(document(rng), "utf-8")
    print(f"wrote {args.documents} documents to {args.out}")


if __name__ == "__main__":
    main()
