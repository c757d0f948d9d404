"""Read a file into raw text: .txt/.md as UTF-8, .html/.htm through trafilatura (main text,
not navigation), .pdf through pypdf. Every failure is an InputError naming the file."""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from actorgraph.errors import BadDocumentError, InputError
from actorgraph.settings import MAX_BYTES

SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".html": "text/html",
            ".htm": "text/html", ".pdf": "application/pdf"}
#: why a file in a folder is left out (see :func:`find_documents`)
NOT_A_DOCUMENT = "a README, LICENSE or the like, not a document"
NOT_READ = "not a type ingest reads: {suffix}"


@dataclass(frozen=True, slots=True)
class RawText:
    """Text read from a file or a page, with what the page says of itself: its title, author,
    site name and publication date (ISO 8601), where its markup gives them."""

    text: str
    media_type: str
    title: str | None
    author: str | None = None
    site: str | None = None
    date: str | None = None


@lru_cache(maxsize=1)
def _not_documents() -> re.Pattern[str]:
    """The names of files a folder holds about itself (``data/not_documents.txt``)."""
    text = files("actorgraph.loaders").joinpath("data/not_documents.txt").read_text("utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    either = "|".join(re.escape(n) for n in names if n.islower())
    capitals = "|".join(re.escape(n) for n in names if not n.islower())
    return re.compile(rf"^(?:(?i:{either})|{capitals})(?:[.\-_]|$)")


def is_folder_file(name: str) -> bool:
    """True for a file a folder holds about itself rather than a document: its README,
    LICENSE, CHANGELOG and the like (``loaders/data/not_documents.txt``).

    >>> [is_folder_file(n) for n in ("README.md", "readme.txt", "LICENSE-MIT", "NOTICE", "notice-of-hearing.txt", "readmission.txt")]
    [True, True, True, True, False, False]
    """
    return bool(_not_documents().match(name))


def _folder_documents(path: Path, passed_over: list[tuple[str, str]], problems: list[OSError]) -> list[Path]:
    """The documents in a folder and its subfolders (hidden ones aside), sorted; the other
    files go to ``passed_over`` with the reason, the folders that cannot be read to
    ``problems``."""
    inside: list[Path] = []
    for folder, subfolders, names in os.walk(path, onerror=problems.append):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            suffix = Path(name).suffix.lower()
            if name.startswith("."):
                continue
            if is_folder_file(name):
                passed_over.append((str(Path(folder) / name), NOT_A_DOCUMENT))
            elif suffix not in SUFFIXES:
                passed_over.append((str(Path(folder) / name), NOT_READ.format(suffix=suffix or "no extension")))
            else:
                inside.append(Path(folder) / name)
    return sorted(inside)


def find_documents(paths: list[Path], skip_unreadable: bool = False,
                   skipped: list[tuple[str, str]] | None = None,
                   passed_over: list[tuple[str, str]] | None = None) -> list[Path]:
    """Expand files and folders into the readable documents they hold, sorted.

    In a folder, files of other types (a .docx, an image) and the files a folder holds
    about itself (README, LICENSE, CHANGELOG and the like, see :func:`is_folder_file`) are
    left out and added to ``passed_over`` with the reason; a file named in ``paths`` is
    read whatever its name.

    Raises InputError for a missing path, a file of an unsupported type, a folder without
    documents, or an unreadable folder (with ``skip_unreadable`` it is added to ``skipped``
    with the reason instead; among several paths, the error is a BadDocumentError: one
    that could be skipped).
    """
    skipped = [] if skipped is None else skipped
    passed_over = [] if passed_over is None else passed_over
    several = len(paths) > 1
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            if skip_unreadable:
                skipped.append((str(path), "no such file or folder"))
                continue
            raise (BadDocumentError if several else InputError)("no such file or folder", where=str(path))
        if path.is_dir():
            problems: list[OSError] = []
            before = len(passed_over)
            inside = _folder_documents(path, passed_over, problems)
            if problems and not skip_unreadable:
                first = problems[0]
                raise InputError(f"cannot read folder: {first.strerror or first}", where=str(first.filename or path))
            for problem in problems:
                skipped.append((str(problem.filename or path), f"cannot read folder: {problem.strerror or problem}"))
            if not inside:
                left = len(passed_over) - before
                raise InputError(f"folder holds no documents ({', '.join(SUFFIXES)})"
                                 + (f"; {left} other file(s) left out" if left else ""), where=str(path))
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


def _decode(data: bytes, path: Path | str, bom: str | None = None) -> str:
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


def _read_html(html: str, path: Path | str, url: str | None = None) -> RawText:
    """The main text of a page (trafilatura: headline and body, not navigation, link lists,
    cookie banners or footers) and its metadata; ``url`` is the page's address, if any."""
    import trafilatura

    try:
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False)
        # the date from the page's markup and address only (extensive=False): a date
        # guessed from the running text is left to the caller's own rules
        meta = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        raise InputError(f"malformed HTML: {exc}", where=str(path)) from exc
    if not text or not text.strip():
        text = _all_text(html)  # the main-text extractor gave up (very deep nesting, odd markup)
    if not text or not text.strip():
        raise InputError("no text found in the HTML", where=str(path))
    if meta is None:
        return RawText(text, "text/html", None)
    return RawText(text, "text/html", meta.title or None, author=meta.author or None, site=meta.sitename or None,
                   date=meta.date or None)


WEB_TYPES = {"text/html": "text/html", "application/xhtml+xml": "text/html", "text/plain": "text/plain",
             "text/markdown": "text/markdown", "application/pdf": "application/pdf"}


def read_bytes(data: bytes, media_type: str, where: str, charset: str | None = None) -> RawText:
    """Read a document received from elsewhere (a web page) as :func:`read_file` reads a
    file of that media type: HTML through trafilatura (``where`` is its address), PDF
    through pypdf, plain text as it is. ``charset`` is the one the server declared."""
    kind = WEB_TYPES.get(media_type)
    if kind is None:
        raise InputError(f"not HTML, PDF or text ({media_type or 'no content type'})", where=where)
    if not data.strip():
        raise InputError("empty response", where=where)
    if kind == "application/pdf":
        return RawText(_read_pdf(data, where), kind, None)
    text = _decode_declared(data, charset, where) if kind != "text/html" else _decode_html(data, charset, where)
    if kind == "text/html":
        return _read_html(text, where, url=where)
    return RawText(text, kind, None)


def _decode_declared(data: bytes, charset: str | None, where: str) -> str:
    bom = _bom_encoding(data)
    if bom is None and charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: UTF-8 is tried, then the error says so
    if bom is None and b"\x00" in data[:8192]:
        raise InputError("binary data in a text response (NUL bytes)", where=where)
    return _decode(data, where, bom)


def _decode_html(data: bytes, charset: str | None, where: str) -> str:
    """A page's text in the encoding its server or its own markup declares (trafilatura's
    detection: the meta charset, then a guess), UTF-8 first when nothing is declared."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from trafilatura.utils import decode_file

        return decode_file(data)


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


def _read_pdf(data: bytes, path: Path | str) -> str:
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
