"""Case captions (rules.caption.sues.v1)."""

import pytest
from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    ("The ruling in Riverside Workers Alliance v. ICE came on Friday.", ("Riverside Workers Alliance", "sues", ICE)),
    ("Lawyers cited Marisol Vega vs. Brook County Sheriff's Office in their brief.",
     ("Marisol Vega", "sues", "Brook County Sheriff's Office")),
])
def test_rules_caption_sues(nlp, text, expected):
    assert expected in triples_of(nlp, text)


def test_rules_caption_needs_two_names(nlp):
    assert not [t for t in triples_of(nlp, "The vote was 6 vs. 1 against ICE.") if t[1] == "sues"]
