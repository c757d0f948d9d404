"""The README shows real output: every example is rerun and compared (durations aside)."""

import subprocess
import sys

import pytest
from conftest import ROOT

from actorgraph.loaders.nlp import pipeline_available


@pytest.mark.skipif(not pipeline_available("es"), reason="the README's outputs are made with the optional Spanish "
                                                    "pipeline (actorgraph models install es), as in CI")
def test_readme_examples_match_the_real_output():
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "readme.py"), "--check"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
