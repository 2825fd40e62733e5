"""uvicorn's HTTP/1.1 protocol with Nagle's algorithm off on every accepted connection.

asyncio turns TCP_NODELAY on only for sockets it knows to be TCP; the listening socket uvicorn
binds for its worker processes (`--workers N`) is made with protocol 0, so the connections it
accepts kept Nagle on. A response's last small segment then waited for the client's delayed
acknowledgement: about 40 ms more per request on a kept-alive connection (the load test measured
44 ms against 1.9 ms for one worker). Turned on here for every server, one worker or many.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


def enable_no_delay(transport: asyncio.BaseTransport) -> bool:
    """TCP_NODELAY on the transport's socket when it is TCP; whether it was turned on."""
    sock = transport.get_extra_info("socket")
    if sock is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return False
    with contextlib.suppress(OSError):  # a connection already closed by the peer
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return True
    return False


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:  # type: ignore[override]
        enable_no_delay(transport)
        super().connection_made(transport)  # type: ignore[arg-type]


PROTOCOL = f"{__name__}:{NoDelayH11Protocol.__name__}"  # as uvicorn's `http` option names it
