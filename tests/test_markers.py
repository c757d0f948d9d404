"""The browser and server tests: each carries its marker (so that `-m "not browser and not
server"` runs everything else), a missing system program skips them with the reason, and
in CI (ACTORGRAPH_REQUIRE_SYSTEM_TESTS=1, set by .ci/run) it fails them instead.

Each case runs pytest in a subprocess on a small test file next to a copy of the real
tests/conftest.py, with a PATH that holds no program, so nothing here needs chromium or a
server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).resolve().parent / "conftest.py"
#: fixture -> its marker, and the reason its tests skip when the program is missing
PROGRAMS = {
    "chromium": ("browser", "chromium, chromedriver not found on PATH: install Debian's chromium and chromium-driver, as"),
    "oxigraph_program": ("server", "oxigraph not found on PATH: install the PyPI package oxigraph (in the dev extra), as"),
    "virtuoso_program": ("server", "virtuoso-t not found on PATH: install Debian's virtuoso-opensource, as"),
}


def _pytest(folder: Path, tests: str, *args: str, require: bool = False) -> subprocess.CompletedProcess:
    shutil.copy(CONFTEST, folder / "conftest.py")
    (folder / "test_case.py").write_text("import pytest\n\n\n" + tests, "utf-8")
    (folder / "empty-bin").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "ACTORGRAPH_REQUIRE_SYSTEM_TESTS"}
    env["PATH"], env["COLUMNS"] = str(folder / "empty-bin"), "200"
    if require:
        env["ACTORGRAPH_REQUIRE_SYSTEM_TESTS"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsE", "-q", "--rootdir",
                           str(folder), "-W", "ignore::pytest.PytestUnknownMarkWarning", *args, str(folder)],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def _tests(marked: bool) -> str:
    """One test per program fixture, reaching it through another fixture (as the real tests do)."""
    return "".join(f"@pytest.fixture\ndef uses_{fixture}({fixture}):\n    return {fixture}\n\n\n"
                   + (f"@pytest.mark.{marker}\n" if marked else "") + f"def test_{fixture}(uses_{fixture}):\n    pass\n\n\n"
                   for fixture, (marker, _) in PROGRAMS.items())


@pytest.mark.parametrize("deselect", ["not browser and not server", "browser or server"])
def test_markers_a_test_that_needs_a_system_program_without_its_marker_stops_the_run(tmp_path, deselect):
    proc = _pytest(tmp_path, _tests(marked=False), "-m", deselect)
    assert proc.returncode == 4, proc.stdout + proc.stderr
    for fixture, (marker, _) in PROGRAMS.items():
        assert f"test_case.py::test_{fixture} uses the fixture {fixture} but is not marked {marker}" in proc.stderr
    proc = _pytest(tmp_path, _tests(marked=True), "-m", "not browser and not server")
    assert proc.returncode == 5, proc.stdout + proc.stderr  # collected, then all deselected: nothing ran


def test_markers_a_missing_program_skips_with_the_reason_and_fails_in_ci(tmp_path):
    proc = _pytest(tmp_path, _tests(marked=True))
    assert proc.returncode == 0 and "3 skipped" in proc.stdout, proc.stdout + proc.stderr
    assert all(reason in proc.stdout for _, reason in PROGRAMS.values())
    proc = _pytest(tmp_path, _tests(marked=True), require=True)
    assert proc.returncode == 1 and "3 errors" in proc.stdout, proc.stdout + proc.stderr
    assert all(f"{reason} `bash .ci/run` does, and ACTORGRAPH_REQUIRE_SYSTEM_TESTS is set: CI runs every test" in proc.stdout
               for _, reason in PROGRAMS.values())
