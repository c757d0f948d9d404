"""A small web site on 127.0.0.1 for the web tests and the README: real HTTP servers
(http.server in a thread), each answering from a table of routes, every request recorded."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What one path answers. ``body`` may be bytes or a callable taking the site; ``status``
    a number or a list of numbers answered in turn (the last one then on); ``delay`` the
    seconds before answering; ``validators`` turns on ETag and Last-Modified (and 304s)."""

    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int | list[int] = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    validators: bool = False
    drip: float = 0.0  # seconds between chunks of the body (a slow body)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int


class Site:
    """An HTTP server on 127.0.0.1 and a free port: ``site.url("/a")``, ``site.routes[path] = Route(...)``,
    ``site.seen`` the requests answered. A context manager."""

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.seen: list[Seen] = []
        self.counts: dict[str, int] = {}
        self.modified = time.time() - 3600
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.answer(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path}"

    def paths(self) -> list[str]:
        return [s.path for s in self.seen]

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(handler.path)
        headers = {k.lower(): v for k, v in handler.headers.items()}
        if route is None:
            self._send(handler, 404, {"Content-Type": "text/plain"}, b"not found", headers)
            return
        n = self.counts.get(handler.path, 0)
        self.counts[handler.path] = n + 1
        status = route.status if isinstance(route.status, int) else route.status[min(n, len(route.status) - 1)]
        body = route.body if isinstance(route.body, bytes) else route.body.encode("utf-8")
        out = {"Content-Type": route.content_type, **route.headers}
        if route.delay:
            time.sleep(route.delay)
        if route.validators and status == 200:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            out["ETag"] = etag
            out["Last-Modified"] = formatdate(self.modified, usegmt=True)
            if headers.get("if-none-match") == etag:
                self._send(handler, 304, {"ETag": etag}, b"", headers)
                return
        self._send(handler, status, out, body, headers, route.drip)

    def _send(self, handler, status: int, out: dict[str, str], body: bytes, headers: dict[str, str],
              drip: float = 0.0) -> None:
        self.seen.append(Seen(handler.path, headers, status))
        handler.send_response(status)
        for name, value in out.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            if drip:
                for i in range(0, len(body), 16):
                    handler.wfile.write(body[i:i + 16])
                    handler.wfile.flush()
                    time.sleep(drip)
            else:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text is ``lines`` (Helvetica), made by hand: pypdf reads it back."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 11 Tf 14 TL 72 740 Td " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
