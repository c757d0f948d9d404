"""The README shows real output: every example is rerun and compared (durations aside)."""

import subprocess
import sys

from conftest import ROOT


def test_readme_examples_match_the_real_output():
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "readme.py"), "--check"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
