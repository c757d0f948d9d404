"""Read a file into raw text: .txt/.md as UTF-8, .html/.htm through trafilatura (main text,
not navigation), .pdf through pypdf. Every failure is an InputError naming the file."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from actorgraph.errors import InputError
from actorgraph.settings import MAX_BYTES

SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".html": "text/html",
            ".htm": "text/html", ".pdf": "application/pdf"}


@dataclass(frozen=True, slots=True)
class RawText:
    text: str
    media_type: str
    title: str | None


def find_documents(paths: list[Path], skip_unreadable: bool = False,
                   skipped: list[tuple[str, str]] | None = None) -> list[Path]:
    """Expand files and folders into the readable documents they hold, sorted.

    Raises InputError for a missing path, a file of an unsupported type, a folder without
    documents, or an unreadable folder (with ``skip_unreadable`` it is added to ``skipped``
    with the reason instead).
    """
    skipped = [] if skipped is None else skipped
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            if skip_unreadable:
                skipped.append((str(path), "no such file or folder"))
                continue
            raise InputError("no such file or folder", where=str(path))
        if path.is_dir():
            problems: list[OSError] = []
            inside: list[Path] = []
            for folder, subfolders, names in os.walk(path, onerror=problems.append):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                inside.extend(Path(folder) / n for n in names
                              if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES)
            inside.sort()
            if problems and not skip_unreadable:
                first = problems[0]
                raise InputError(f"cannot read folder: {first.strerror or first}", where=str(first.filename or path))
            for problem in problems:
                skipped.append((str(problem.filename or path), f"cannot read folder: {problem.strerror or problem}"))
            if not inside:
                raise InputError(f"folder holds no documents ({', '.join(SUFFIXES)})", where=str(path))
            found.extend(inside)
        elif path.suffix.lower() in SUFFIXES:
            found.append(path)
        else:
            raise InputError(f"unsupported file type '{path.suffix or '(none)'}'; "
                             f"allowed: {', '.join(SUFFIXES)}", where=str(path))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique


def read_file(path: Path, limit: int = MAX_BYTES) -> RawText:
    """Read one document file into raw text (refused above ``limit`` bytes: Settings.max_bytes,
    ACTORGRAPH_MAX_MIB)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"unsupported file type '{suffix}'; allowed: {', '.join(SUFFIXES)}",
                         where=str(path))
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"file is {size / 2**20:.1f} MiB; the limit is {limit / 2**20:g} MiB "
                             "(ACTORGRAPH_MAX_MIB sets another)", where=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", where=str(path)) from exc
    if not data.strip():
        raise InputError("file is empty", where=str(path))
    if suffix == ".pdf":
        return RawText(_read_pdf(data, path), SUFFIXES[suffix], None)
    bom = _bom_encoding(data)
    if bom is None and b"\x00" in data[:8192]:
        raise InputError("binary data in a text file (NUL bytes); expected UTF-8 text", where=str(path))
    text = _decode(data, path, bom)
    if suffix in (".html", ".htm"):
        return _read_html(text, path)
    return RawText(text, SUFFIXES[suffix], None)


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces (UTF-32 before UTF-16: its mark starts alike)."""
    import codecs

    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    return None


def _decode(data: bytes, path: Path, bom: str | None = None) -> str:
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {bom.upper()} although it starts with its byte-order mark "
                             f"(offset {exc.start})", where=str(path)) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8", where=str(path)) from exc


def _read_html(html: str, path: Path) -> RawText:
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        raise InputError(f"malformed HTML: {exc}", where=str(path)) from exc
    if not text or not text.strip():
        text = _all_text(html)  # the main-text extractor gave up (very deep nesting, odd markup)
    if not text or not text.strip():
        raise InputError("no text found in the HTML", where=str(path))
    title = meta.title if meta is not None and meta.title else None
    return RawText(text, "text/html", title)


def _all_text(html: str) -> str:
    """Every text of an HTML page outside scripts and styles, block by block (the standard
    library's parser has no depth limit)."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "noscript", "template"):
                self.skip += 1
            elif tag in blocks:
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style", "noscript", "template") and self.skip:
                self.skip -= 1

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    collector = Collector()
    collector.feed(html)
    collector.close()
    paragraphs = [" ".join(p.split()) for p in "".join(collector.parts).split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _read_pdf(data: bytes, path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its warnings would add stderr lines

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError("PDF is encrypted", where=str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"malformed PDF: {exc}", where=str(path)) from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError("PDF has no extractable text (a scan needs OCR first)", where=str(path))
    return text
