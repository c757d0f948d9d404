"""One error hierarchy. Messages say what went wrong, where, and what is allowed."""

from __future__ import annotations


class ActorgraphError(Exception):
    """Base of every error actorgraph raises on purpose.

    ``where`` names the file, argument or store the problem is about; the CLI prints
    ``error: <where>: <message>``.
    """

    exit_code = 1

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(ActorgraphError, ValueError):
    """A document, file or argument that cannot be used."""


class BadDocumentError(InputError):
    """One document among several that cannot be read (missing, empty, not text): a run
    told to keep going (``keep_going``, the CLI's ``--keep-going``) skips it instead."""


class OntologyError(ActorgraphError, ValueError):
    """ag.ttl or shapes.ttl is inconsistent."""


class StoreError(ActorgraphError, OSError):
    """The store cannot be opened, read or written."""


class StoreBusyError(StoreError):
    """Another process holds the embedded store for writing."""


class QueryError(ActorgraphError, ValueError):
    """A SPARQL query or update that is malformed or fails."""


class UsageError(ActorgraphError, ValueError):
    """A command used wrongly: an unknown name of a format, class, question or analysis,
    the wrong number of arguments, an option a command does not take. Exit code 2."""

    exit_code = 2


class UnknownFormatError(UsageError):
    """A format (or other) name that no reader, writer or command knows."""


class NotFoundError(ActorgraphError, LookupError):
    """A named entity, question or file that does not exist."""


class AmbiguousNameError(ActorgraphError, LookupError):
    """A name that matches several entities."""
