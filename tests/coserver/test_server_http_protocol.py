"""Every connection the server accepts has Nagle's algorithm off: with `--workers N` uvicorn's
listening socket left it on, and each kept-alive request waited about 40 ms for a delayed ACK."""

from __future__ import annotations

import socket
from typing import Any

from uvicorn.importer import import_from_string

from coserver.http_protocol import PROTOCOL, NoDelayH11Protocol, enable_no_delay


class _Transport:
    def __init__(self, sock: socket.socket | None) -> None:
        self.sock = sock

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self.sock if name == "socket" else default


def _accepted() -> tuple[socket.socket, socket.socket, socket.socket]:
    # As uvicorn's bind_socket makes it for workers: protocol 0, not IPPROTO_TCP.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    return listener, client, accepted


def test_an_accepted_tcp_connection_gets_tcp_nodelay() -> None:
    listener, client, accepted = _accepted()
    try:
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0  # what workers had
        assert enable_no_delay(_Transport(accepted))  # type: ignore[arg-type]
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        for s in (accepted, client, listener):
            s.close()


def test_a_socket_that_is_not_tcp_is_left_alone() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    try:
        assert not enable_no_delay(_Transport(left))  # type: ignore[arg-type]
        assert not enable_no_delay(_Transport(None))  # type: ignore[arg-type]
    finally:
        left.close()
        right.close()


def test_the_server_names_the_protocol_as_uvicorn_loads_it() -> None:
    assert import_from_string(PROTOCOL) is NoDelayH11Protocol
