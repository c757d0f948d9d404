"""Run every example of the README and of the pages in docs/, and write (or check) its real output.

A code block right after a ``<!-- cli -->`` line holds shell commands (``$ actorgraph …``,
continued with ``\\``); each is run with bash in a scratch folder that has ``seeds/``,
``eval/`` and ``bench/`` (one folder per page, so the README's later examples read the
store its demo made), and the lines after it are replaced by what it printed (stdout and
stderr). A ``<!-- python -->`` block is run as a Python script; the next
``<!-- python-output -->`` block gets its output.

The output is what a fresh install prints: every example runs with ``ACTORGRAPH_SPANISH=off``
(as if the optional Spanish model were not installed), except the commands of a
``<!-- cli spanish -->`` block, which run with the Spanish model (``actorgraph models install
es``, as .ci/run does) and whose page says so. Where the model is not installed, those
blocks are left as they are and the script says how many it could not run.

Paths of the scratch folder and of the repository are shown as ``/home/you/actorgraph``;
durations are masked when checking. The web examples read ``docs/web-example/`` from a
server this script starts on 127.0.0.1 (a free port, shown as ``127.0.0.1:50000``).

    python docs/readme.py                          # rewrite README.md and the pages of docs/
    python docs/readme.py --check                  # exit 1 and show a diff when one is out of date
    python docs/readme.py docs/evaluation.md       # only these pages
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MARKERS = ("<!-- cli -->", "<!-- cli spanish -->", "<!-- python -->", "<!-- python-output -->")
SHOWN_ROOT = "/home/you/actorgraph"
_DURATION = re.compile(r"\b\d+(?:\.\d+)? s\b")
EXAMPLE_SITE = ROOT / "docs" / "web-example"
SHOWN_SITE = "127.0.0.1:50000"
_site = {"host": SHOWN_SITE}  # the example site's real host and port while it runs


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def example_site():
    """Serve docs/web-example/ on 127.0.0.1 (a free port) while the examples run."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(EXAMPLE_SITE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _site["host"] = f"127.0.0.1:{server.server_address[1]}"
    try:
        yield _site["host"]
    finally:
        server.shutdown()
        server.server_close()
        _site["host"] = SHOWN_SITE


def pages() -> list[Path]:
    """The README and every page of docs/ with an example to run."""
    return [page for page in (README, *sorted((ROOT / "docs").glob("*.md")))
            if any(marker in page.read_text("utf-8") for marker in MARKERS)]


@functools.cache
def spanish_installed() -> bool:
    from actorgraph.loaders.nlp import pipeline_available

    return pipeline_available("es")


def _env(spanish: bool = False) -> dict[str, str]:
    """The environment of an example: a fresh install's (no Spanish model) unless ``spanish``."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "ACTORGRAPH_SPANISH": "off"}
    if spanish:
        del env["ACTORGRAPH_SPANISH"]
    env.pop("ACTORGRAPH_STORE", None)
    return env


def _run_shell(command: str, cwd: Path, spanish: bool = False) -> str:
    env = {**_env(spanish), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "COLUMNS": "200"}
    command = command.replace(SHOWN_SITE, _site["host"])
    proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return proc.stdout + proc.stderr


def _run_python(code: str, cwd: Path) -> str:
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env=_env())
    if proc.returncode:
        raise SystemExit(f"python example failed:\n{proc.stderr}")
    return proc.stdout


def _shown(output: str, cwd: Path) -> list[str]:
    for real in (str(cwd.resolve()), str(cwd), str(ROOT)):
        output = output.replace(real, SHOWN_ROOT)
    output = output.replace(_site["host"], SHOWN_SITE)
    return output.rstrip("\n").split("\n") if output.strip() else []


def _complete(command: str) -> bool:
    """True when a shell command has no open quote."""
    try:
        shlex.split(command)
    except ValueError:
        return False
    return True


def _commands(block: list[str]) -> list[str]:
    """The commands of a cli block: ``$ `` lines with their ``\\`` continuations."""
    out: list[str] = []
    i = 0
    while i < len(block):
        line = block[i]
        if line.startswith("$ "):
            parts = [line[2:]]
            while (parts[-1].endswith("\\") or not _complete("\n".join(parts))) and i + 1 < len(block):
                i += 1
                parts.append(block[i])
            out.append("\n".join(parts))
        i += 1
    return out


def render(text: str, cwd: Path, unrun: list[int] | None = None) -> str:
    """The page with every example's output replaced by what it prints now; the line
    numbers of the blocks that need the Spanish model, when it is not installed, go to
    ``unrun`` (those blocks are kept as they are)."""
    lines = text.split("\n")
    out: list[str] = []
    python_output: list[str] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        marker = line.strip()
        if marker in MARKERS and i + 1 < len(lines) and lines[i + 1].startswith("```"):
            out.append(lines[i + 1])
            end = lines.index("```", i + 2)
            block = lines[i + 2:end]
            spanish = marker == "<!-- cli spanish -->"
            if spanish and not spanish_installed():
                out.extend(block)
                if unrun is not None:
                    unrun.append(i + 1)
            elif marker in ("<!-- cli -->", "<!-- cli spanish -->"):
                for command in _commands(block):
                    out.extend("$ " + c if k == 0 else c for k, c in enumerate(command.split("\n")))
                    out.extend(_shown(_run_shell(command, cwd, spanish), cwd))
            elif marker == "<!-- python -->":
                out.extend(block)
                python_output = _shown(_run_python("\n".join(block), cwd), cwd)
            else:
                out.extend(python_output if python_output is not None else block)
            out.append("```")
            i = end + 1
            continue
        i += 1
    return "\n".join(out)


def _masked(text: str) -> str:
    return _DURATION.sub("N s", text)


def _process(page: Path, check: bool) -> bool:
    """Rerun the examples of one page and rewrite it, or (``check``) compare; False when
    it is out of date."""
    name = page.relative_to(ROOT).as_posix()
    current = page.read_text("utf-8")
    unrun: list[int] = []
    with tempfile.TemporaryDirectory(prefix="ag-readme-") as scratch:
        cwd = Path(scratch)
        for folder in ("seeds", "eval", "bench"):
            (cwd / folder).symlink_to(ROOT / folder)
        fresh = render(current, cwd, unrun)
    if unrun:
        print(f"{name}: {len(unrun)} block(s) need the optional Spanish model, not installed here "
              f"(actorgraph models install es); left as they are: lines {', '.join(map(str, unrun))}", file=sys.stderr)
    if not check:
        page.write_text(fresh, "utf-8")
        return True
    if _masked(fresh) != _masked(current):
        diff = difflib.unified_diff(_masked(current).splitlines(), _masked(fresh).splitlines(),
                                    name, "real output", lineterm="", n=1)
        print("\n".join(diff))
        print(f"{name} is out of date: run python docs/readme.py {name}", file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("pages", nargs="*", type=Path, help="pages to process (default: the README and docs/*.md)")
    args = parser.parse_args(argv)
    chosen = [p.resolve() for p in args.pages] or pages()
    with example_site():
        results = [_process(page, args.check) for page in chosen]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
