"""Write files whole or not at all: a temporary file beside the target, then os.replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from actorgraph.errors import InputError


def atomic_write(out: Path, data: bytes | str) -> Path:
    out = Path(out)
    if out.is_dir():
        raise InputError("is a folder; give a file name", where=str(out))
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.exists():
        raise InputError("folder does not exist", where=str(parent))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return out
