"""Write files whole or not at all: a temporary file beside the target, then os.replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from actorgraph.errors import InputError


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def atomic_write(out: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``out`` whole or not at all, with the permissions a plain ``open``
    would give (0644 under umask 022), so the file can be shared like any other."""
    out = Path(out)
    if out.is_dir():
        raise InputError("is a folder; give a file name", where=str(out))
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.exists():
        raise InputError("folder does not exist", where=str(parent))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return out
