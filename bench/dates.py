"""How many document dates actorgraph finds, and how many are right, against the dates in
the dev corpus's source tables (``eval/dev/SOURCES-*.md``, column ``date``).

    python bench/dates.py              # the table
    python bench/dates.py --details    # and one line per document

A table date is clean when it is an ISO date (day, month or year) with no "approx.",
"c.", "inferred", "undated" or "probably" beside it ("2018-08-19 (from URL)" is clean:
the address gives it exactly). A clean date is *in the text* when the text writes that
date out anywhere; a date read from the address only is not. A found date is right when
it names the same day, month or year as the table (as precise as the table is).
The seeds have no dates in a table (seeds/README.md): they are listed with what is found.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from actorgraph.loaders.pipeline import load_document
from actorgraph.loaders.time.expressions import When, find_times

ROOT = Path(__file__).resolve().parent.parent
HEDGES = re.compile(r"approx|\bc\.|inferred|undated|probably|republished|not stated", re.I)


def table_dates(folder: Path) -> dict[str, str]:
    """file name -> the date column of every SOURCES table in ``folder``."""
    out: dict[str, str] = {}
    for table in sorted(folder.glob("SOURCES-*.md")):
        header: list[str] = []
        for line in table.read_text("utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if "file" in cells and "date" in cells:
                header = cells
            elif header and len(cells) == len(header) and not set(cells[0]) <= set("-: "):
                out[cells[header.index("file")]] = cells[header.index("date")]
    return out


def clean(cell: str) -> When | None:
    """The table's date when it is clean (see the module's docstring)."""
    match = re.match(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b", cell)
    if not match or HEDGES.search(cell):
        return None
    return When.parse(match.group(1))


def same(found: str | None, truth: When) -> bool:
    when = When.parse(found)
    return when is not None and when.value[:len(truth.value)] == truth.value


def in_text(text: str, truth: When) -> bool:
    return any(e.when is not None and e.when.value[:len(truth.value)] == truth.value and e.when.grain != "year"
               for e in find_times(text))


def judge(path: Path, cell: str | None) -> tuple[str, str | None, str | None]:
    """(verdict, found date, how it was found) for one document."""
    document = load_document(path)
    found, how = document.created, document.date_source
    truth = clean(cell or "")
    if cell is None:
        verdict = "no table"
    elif truth is None:
        verdict = "table hedged, found" if found else "table hedged, none found"
    elif found:
        verdict = "right" if same(found, truth) else "wrong"
    else:
        verdict = "missed" if in_text(document.text, truth) else "not in text, none found"
    return verdict, found, how


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="one line per document")
    args = parser.parse_args(argv)
    dates = table_dates(ROOT / "eval" / "dev")
    paths = sorted((ROOT / "eval" / "dev" / "docs").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    counts: Counter[str] = Counter()
    for path in paths:
        verdict, found, how = judge(path, dates.get(path.name))
        counts[verdict] += 1
        if args.details:
            print(f"{path.name[:48]:48} {verdict:24} {found or '-':26} {dates.get(path.name, '-')[:60]}")
    clean_total = counts["right"] + counts["wrong"] + counts["missed"] + counts["not in text, none found"]
    print(f"documents: {len(paths)} ({sum(1 for p in paths if p.name in dates)} with a table date, {clean_total} clean)")
    for verdict in ("right", "wrong", "missed", "not in text, none found", "table hedged, found",
                    "table hedged, none found", "no table"):
        print(f"  {verdict:26} {counts[verdict]}")
    found_clean = counts["right"] + counts["wrong"]
    if found_clean:
        print(f"precision on clean dates: {counts['right'] / found_clean:.3f}; "
              f"found {counts['right']} of the {counts['right'] + counts['missed']} clean dates the text contains")
    return 0


if __name__ == "__main__":
    sys.exit(main())
