"""actorgraph: documents about immigration enforcement and organizing, as an RDF graph of actors.

The package imports neither spaCy nor pyvis at import time; see :mod:`actorgraph.api`
for the notebook-friendly functions.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
