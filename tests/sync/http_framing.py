"""Just enough HTTP/1.1 framing for the fault proxy: a request or response read whole off a socket
(head, then a Content-Length, chunked or close-delimited body) and kept as the exact bytes that came,
so what the proxy forwards is what the peer sent."""

from __future__ import annotations

import socket
from dataclasses import dataclass

MAX_HEAD = 64 * 1024


class Broken(Exception):
    """The peer closed mid-message or sent something that is not HTTP/1.1."""


class Reader:
    """Buffered reads of HTTP framing from a socket."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = bytearray()

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        self.buf += data
        return bool(data)

    def head(self) -> bytes | None:
        """Start line and headers up to the blank line; None on a clean close before any byte."""
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                return self._take(end + 4)
            if len(self.buf) > MAX_HEAD:
                raise Broken("head too large")
            if not self._fill():
                if self.buf.strip():
                    raise Broken("closed in the middle of a head")
                return None

    def line(self) -> bytes:
        while (end := self.buf.find(b"\r\n")) < 0:
            if not self._fill():
                raise Broken("closed in the middle of a line")
        return self._take(end + 2)

    def exact(self, size: int) -> bytes:
        while len(self.buf) < size:
            if not self._fill():
                raise Broken(f"closed after {len(self.buf)} of {size} bytes")
        return self._take(size)

    def until_close(self) -> bytes:
        while self._fill():
            pass
        return self._take(len(self.buf))

    def chunked(self) -> bytes:
        """A whole chunked body as it came on the wire, trailers included."""
        raw = bytearray()
        while True:
            size_line = self.line()
            raw += size_line
            try:
                size = int(size_line.split(b";", 1)[0].strip(), 16)
            except ValueError as exc:
                raise Broken(f"bad chunk size {size_line!r}") from exc
            if size == 0:
                while (trailer := self.line()) != b"\r\n":
                    raw += trailer
                raw += b"\r\n"
                return bytes(raw)
            raw += self.exact(size + 2)

    def _take(self, size: int) -> bytes:
        out = bytes(self.buf[:size])
        del self.buf[:size]
        return out


@dataclass
class Head:
    raw: bytes
    start: list[str]  # request: method, target, version; response: version, status, reason
    headers: dict[str, str]  # lower-case names; a repeated header keeps its values comma-joined

    @classmethod
    def parse(cls, raw: bytes) -> Head:
        lines = raw.decode("latin-1").split("\r\n")
        start = lines[0].split(" ", 2)
        if len(start) < 2 or not any(part.startswith("HTTP/") for part in start):
            raise Broken(f"not HTTP: {lines[0]!r}")
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if not line:
                continue
            name, sep, value = line.partition(":")
            if not sep:
                raise Broken(f"bad header line {line!r}")
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
        return cls(raw, start, headers)

    def has_token(self, name: str, token: str) -> bool:
        return token in (part.strip().lower() for part in self.headers.get(name, "").split(","))

    def content_length(self) -> int | None:
        value = self.headers.get("content-length")
        if value is None:
            return None
        if not value.isdigit():
            raise Broken(f"bad Content-Length {value!r}")
        return int(value)


def read_body(reader: Reader, head: Head, *, no_body: bool) -> tuple[bytes, bool]:
    """The body as raw wire bytes, and whether only the close could end it (RFC 9112 6.3)."""
    if no_body:
        return b"", False
    if head.has_token("transfer-encoding", "chunked"):
        return reader.chunked(), False
    length = head.content_length()
    if length is not None:
        return reader.exact(length), False
    if head.start[0].startswith("HTTP/"):  # a response without framing runs until the close
        return reader.until_close(), True
    return b"", False  # a request without framing has no body


def is_informational(raw_head: bytes) -> bool:
    """A 1xx interim response (100 Continue, 103 Early Hints), which a final one follows."""
    status = raw_head[9:12]
    return raw_head.startswith(b"HTTP/") and status[:1] == b"1" and status != b"101"
