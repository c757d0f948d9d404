"""The README and the pages of docs/ show real output: every example is rerun and compared
(durations aside) by ``docs/readme.py --check``, as a fresh install prints it (without the
optional Spanish model); the blocks made with the Spanish model are checked where it is
installed, as in CI."""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("readme_doc", ROOT / "docs" / "readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGES = [page.relative_to(ROOT).as_posix() for page in _script().pages()]


def test_readme_script_checks_the_readme_and_the_developer_pages():
    assert {"README.md", "docs/evaluation.md", "docs/web.md"} <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_readme_examples_match_the_real_output(page):
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "readme.py"), "--check", str(ROOT / page)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_readme_stays_a_page_for_users():
    """At most 600 lines (DESIGN.md): how extraction works, scores and benchmarks live in docs/."""
    lines = (ROOT / "README.md").read_text("utf-8").count("\n")
    assert lines <= 600, f"README.md has {lines} lines; move developer material to docs/"
