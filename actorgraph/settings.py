"""Settings, read once at the edge (the CLI's callback, or the Python API's entry points when
not given) and passed down as parameters: no module below reads ``os.environ``.

Every environment variable actorgraph knows is read by :meth:`Settings.from_env`, here:

==============================  ==================================================================
``ACTORGRAPH_STORE``            where the graph lives (a folder, ``memory``, an http(s):// endpoint)
``ACTORGRAPH_UPDATE_URL``       a remote store's SPARQL update endpoint
``ACTORGRAPH_GRAPH_STORE_URL``  a remote store's SPARQL 1.1 Graph Store endpoint
``ACTORGRAPH_ALIASES``          the curation file
``ACTORGRAPH_TIMEOUT``          seconds to wait for a remote store (default 60)
``ACTORGRAPH_RETRIES``          retries of a dropped connection or a 502/503/504 (default 3)
``ACTORGRAPH_TOKEN``            a bearer token for a remote store
``ACTORGRAPH_USER``             user name for HTTP basic or digest authentication ...
``ACTORGRAPH_PASSWORD``         ... and its password
``ACTORGRAPH_MAX_MIB``          the largest document read, in MiB (default 10)
``ACTORGRAPH_SPANISH``          ``off`` (also 0, no: no Spanish pipeline), ``rules`` (no model); else the model
``ACTORGRAPH_WEB_CACHE``        the folder of fetched web pages (default: beside the store)
``ACTORGRAPH_USER_AGENT``       the User-Agent of web requests (default: actorgraph/VERSION and a link)
``ACTORGRAPH_CRASH_AT``         tests only: die at a named phase of an ingest
==============================  ==================================================================

>>> s = Settings.from_env({"ACTORGRAPH_STORE": "memory", "ACTORGRAPH_MAX_MIB": "0.5"})
>>> s.store, s.max_bytes, s.remote.retries
('memory', 524288, 3)
>>> Settings.from_env({"ACTORGRAPH_RETRIES": "many"})
Traceback (most recent call last):
...
actorgraph.errors.InputError: ACTORGRAPH_RETRIES: must be a whole number, not 'many'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.errors import InputError

#: The largest document read unless ACTORGRAPH_MAX_MIB says otherwise: about 1 GB of memory
#: to extract (bench/bench_size.py)
MAX_BYTES = 10 * 1024 * 1024
#: Values of ACTORGRAPH_SPANISH: unset (the model when installed), no Spanish pipeline, no model
SPANISH_MODES = ("", "off", "rules")


@dataclass(frozen=True, slots=True)
class Remote:
    """How a remote store is reached (httpx's Timeout/Limits, in one small object): seconds
    to wait for an answer, retries of a dropped connection, credentials (never shown)."""

    timeout: float = 60.0
    retries: int = 3
    token: str | None = field(default=None, repr=False)
    user: str | None = None
    password: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the environment can set, with the defaults of an unset environment."""

    store: str | None = None
    update_url: str | None = None
    graph_store_url: str | None = None
    aliases: Path | None = None
    remote: Remote = Remote()
    max_bytes: int = MAX_BYTES
    spanish: str = ""
    web_cache: Path | None = None
    user_agent: str | None = None
    crash_at: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings ``environ`` (default: this process's environment) gives. A value that
        cannot be used is an InputError naming the variable."""
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            return env.get(name) or None

        spanish = (get("ACTORGRAPH_SPANISH") or "").lower()
        spanish = "off" if spanish in ("0", "no") else spanish if spanish in SPANISH_MODES else ""
        aliases = get("ACTORGRAPH_ALIASES")
        web_cache = get("ACTORGRAPH_WEB_CACHE")
        return cls(
            store=get("ACTORGRAPH_STORE"),
            update_url=get("ACTORGRAPH_UPDATE_URL"),
            graph_store_url=get("ACTORGRAPH_GRAPH_STORE_URL"),
            aliases=Path(aliases) if aliases else None,
            remote=Remote(timeout=_number(get, "ACTORGRAPH_TIMEOUT", float, 60.0, "a number of seconds"),
                          retries=_number(get, "ACTORGRAPH_RETRIES", int, 3, "a whole number"),
                          token=get("ACTORGRAPH_TOKEN"), user=get("ACTORGRAPH_USER"),
                          password=env.get("ACTORGRAPH_PASSWORD", "")),
            max_bytes=int(_number(get, "ACTORGRAPH_MAX_MIB", float, MAX_BYTES / 2**20, "a number of MiB") * 2**20),
            spanish=spanish,
            web_cache=Path(web_cache) if web_cache else None,
            user_agent=get("ACTORGRAPH_USER_AGENT"),
            crash_at=get("ACTORGRAPH_CRASH_AT"),
        )


def _number(get: Callable[[str], str | None], name: str, kind: type, default, what: str):
    value = get(name)
    if value is None:
        return default
    try:
        number = kind(value)
    except ValueError:
        raise InputError(f"must be {what}, not {value!r}", where=name) from None
    if number < 0:
        raise InputError(f"must be {what}, not {value!r}", where=name)
    return number


__all__ = ["MAX_BYTES", "Remote", "Settings", "SPANISH_MODES"]
