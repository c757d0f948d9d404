"""Layers that only point down, and settings read in one place (STYLE.md 12)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "actorgraph"


def test_layers_contract_holds():
    """The import-linter contract in pyproject.toml (CI runs `lint-imports` too)."""
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(PACKAGE.parent / "pyproject.toml")) == 0


def _reads_environment(path: Path) -> list[int]:
    """Lines of ``path`` that read the process environment."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb", "getenvb") \
                and isinstance(node.value, ast.Name) and node.value.id == "os":
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "os" and \
                any(a.name in ("environ", "getenv") for a in node.names):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers_only_settings_reads_the_environment(path):
    if path == PACKAGE / "settings.py":
        assert _reads_environment(path)  # the one place (the check itself can fail)
    else:
        assert not _reads_environment(path), "read the setting in actorgraph/settings.py and pass it down"


@pytest.mark.parametrize(("environ", "field", "expected"), [
    ({"ACTORGRAPH_STORE": "memory"}, "store", "memory"),
    ({"ACTORGRAPH_MAX_MIB": "1"}, "max_bytes", 1024 * 1024),
    ({"ACTORGRAPH_SPANISH": "NO"}, "spanish", "off"),
    ({"ACTORGRAPH_SPANISH": "rules"}, "spanish", "rules"),
    ({"ACTORGRAPH_CRASH_AT": "after-mark"}, "crash_at", "after-mark"),
    ({"ACTORGRAPH_ALIASES": "a.toml"}, "aliases", Path("a.toml")),
])
def test_layers_settings_from_the_environment(environ, field, expected):
    from actorgraph.settings import Settings

    assert getattr(Settings.from_env(environ), field) == expected


def test_layers_settings_remote_credentials_are_never_shown():
    from actorgraph.settings import Settings

    settings = Settings.from_env({"ACTORGRAPH_TOKEN": "tok-secret", "ACTORGRAPH_USER": "dba",
                                  "ACTORGRAPH_PASSWORD": "pw-secret", "ACTORGRAPH_TIMEOUT": "2.5",
                                  "ACTORGRAPH_RETRIES": "0"})
    assert (settings.remote.timeout, settings.remote.retries, settings.remote.user) == (2.5, 0, "dba")
    assert "secret" not in repr(settings)


@pytest.mark.parametrize(("name", "value"), [("ACTORGRAPH_TIMEOUT", "soon"), ("ACTORGRAPH_RETRIES", "-1"),
                                             ("ACTORGRAPH_MAX_MIB", "ten")])
def test_layers_settings_refuse_a_bad_value_in_one_line(name, value):
    from conftest import run_cli

    proc = run_cli("stats", env={name: value, "ACTORGRAPH_STORE": "memory"})
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error: {name}: must be ") and "Traceback" not in proc.stderr
