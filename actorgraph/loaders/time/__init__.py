"""Time in documents: a document's own date (:mod:`.documents`: its markup, its feed, else a
dateline or date line at its top), the time expressions of running text
(:mod:`.expressions`), and the step after relation extraction that gives each relation the
time its sentence gives it (:mod:`.statements`). Every word of time is language data
(:mod:`.words`, ``loaders/lang/<code>/``)."""

from actorgraph.loaders.time.documents import document_date
from actorgraph.loaders.time.expressions import TimeExpression, When, find_times
from actorgraph.loaders.time.statements import date_relations

__all__ = ["TimeExpression", "When", "date_relations", "document_date", "find_times"]
