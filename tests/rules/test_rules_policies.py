"""Who implements a policy (rules.policy.implements.v1)."""

import pytest
from conftest import triples_of

ICE = "U.S. Immigration and Customs Enforcement"


@pytest.mark.parametrize("text, expected", [
    ("Critics opposed the Greenfield Police Department's 287(g) agreement.",
     ("Greenfield Police Department", "implements", "287(g) program")),
    ("Under the Secure Communities program, ICE has checked every fingerprint.", (ICE, "implements", "Secure Communities")),
])
def test_rules_policy_implements(nlp, text, expected):
    assert expected in triples_of(nlp, text)
