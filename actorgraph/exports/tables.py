"""CSV that is safe to open in a spreadsheet: a cell that begins with ``= + - @``, a tab or a
carriage return is read as a formula by Excel, LibreOffice and Google Sheets, so such a cell
gets a leading apostrophe (OWASP, "CSV Injection"). Every CSV actorgraph writes goes
through :func:`csv_text`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell's text, neutralised when a spreadsheet would run it.

    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell("@SUM(1+1)"), safe_cell("ICE"), safe_cell(None)
    ('\\'=HYPERLINK("http://x")', "'@SUM(1+1)", 'ICE', '')
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (header, then rows), every cell passed through :func:`safe_cell`."""
    buffer = io.StringIO()
    # "\r\n" as terminator makes the writer quote cells holding a lone "\r"; rows end in "\n"
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().replace("\r\n", "\n")
