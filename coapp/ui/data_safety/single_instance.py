"""One window per data folder: a second launch asks the running one to come forward, then exits.

The running window listens on a local socket (a Unix socket or a Windows named pipe) whose name
is derived from the user and the data folder, so two folders can each have their window. A socket
left by a crashed app is removed before listening (the data folder's writer lock, taken first, says
that nobody else is running on the folder).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show\n"
SHOWN = b"ok\n"
ANSWER_MS = 2000


def server_name(data_dir: Path) -> str:
    """A short, stable name for the folder (a Unix socket path has ~100 characters)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name known to the system (a container)
        user = ""
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:24]
    return f"coapp-{digest}"


def ask_running_window(data_dir: Path, wait_ms: int = ANSWER_MS) -> bool:
    """True when a window on *data_dir* answered that it came forward."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(wait_ms):
        return False
    try:
        socket.write(SHOW)
        socket.flush()
        answer = b""
        while SHOWN not in answer and socket.waitForReadyRead(wait_ms):
            answer += socket.readAll().data()
        return SHOWN in answer
    finally:
        socket.disconnectFromServer()


class InstanceServer(QObject):
    """Listens for later launches on the same data folder; ``showRequested`` when one asks."""

    showRequested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        # Only called with the writer lock held: a socket of that name is a crashed app's.
        QLocalServer.removeServer(self.name)
        if not self._server.listen(self.name):
            log.warning("cannot listen for other launches: %s", self._server.errorString())
            return False
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if SHOW.strip() in socket.readAll().data():
            log.info("another launch on this data folder: the window comes forward")
            socket.write(SHOWN)
            socket.flush()
            self.showRequested.emit()
