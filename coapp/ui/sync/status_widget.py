"""The sync status in the status bar: one flat button that says where the user's work is, and
does the obvious thing when clicked (show the refusals, sign in, or sync now)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QToolButton, QWidget

from coapp.ui.sync.view import SyncView

MINUTE_MS = 60_000


class SyncStatusButton(QToolButton):
    refusedRequested = Signal()
    signInRequested = Signal()
    syncRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAccessibleName(self.tr("Sync status"))
        self.setAutoRaise(True)  # flat: reads as a status, still a button for keyboard and mouse
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.view = SyncView()
        self.now = lambda: datetime.now(UTC)  # tests move time
        self.clicked.connect(self._activate)
        # "Synced 2 min ago" ages while nothing happens.
        self._ticker = QTimer(self)
        self._ticker.setInterval(MINUTE_MS)
        self._ticker.timeout.connect(self._render)
        self._ticker.start()
        self._render()

    def show_view(self, view: SyncView) -> None:
        self.view = view
        self._render()

    # --- words ---------------------------------------------------------------------------------

    def describe(self) -> str:
        v = self.view
        if not v.known:
            return ""
        if v.running:
            text = self.tr("Syncing…")
        elif v.session_ended:
            text = self.tr("Signed out – sign in to sync")
        elif not v.signed_in:
            text = self.tr("Not signed in – your work stays on this computer")
        elif v.refused:
            text = self._refused_text(v.refused)
        elif v.offline:
            text = self.tr("Offline – {waiting}").format(waiting=self._waiting_text(v.waiting))
        elif v.error:
            text = self.tr("Sync failed – click to try again")
        elif v.last_synced_at is None:
            text = self.tr("Not synced yet")
        else:
            text = self._synced_text(v.last_synced_at)
            if v.waiting:
                text += " – " + self._waiting_text(v.waiting)
        if v.clock_warning and not v.running:
            minutes = max(1, abs(v.clock_skew_seconds) // 60)
            text += " – " + self.tr("this computer's clock is {n} min off").format(n=minutes)
        return text

    # Plurals as explicit one/other pairs: both shipped languages (English, Swedish) have exactly
    # these two forms, and the translation tests check every text as a plain message.
    def _refused_text(self, n: int) -> str:
        if n == 1:
            return self.tr("1 change was refused")
        return self.tr("{n} changes were refused").format(n=n)

    def _waiting_text(self, n: int) -> str:
        if n == 0:
            return self.tr("nothing waiting")
        if n == 1:
            return self.tr("1 change waiting")
        return self.tr("{n} changes waiting").format(n=n)

    def _synced_text(self, when: datetime) -> str:
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        minutes = int((self.now() - when).total_seconds() // 60)
        if minutes < 1:
            return self.tr("Synced just now")
        if minutes < 60:
            return self.tr("Synced {n} min ago").format(n=minutes)
        local = when.astimezone()
        if local.date() == self.now().astimezone().date():
            return self.tr("Synced at {time}").format(time=local.strftime("%H:%M"))
        from coapp.ui.formats import date_text
        from coapp.ui.i18n import current_language

        return self.tr("Synced on {date}").format(date=date_text(local.date(), current_language()))

    def _tooltip(self) -> str:
        v = self.view
        lines = []
        if v.signed_in and v.email:
            lines.append(
                self.tr("Signed in as {email} on {server}").format(email=v.email, server=v.server_url)
            )
        if v.offline:
            lines.append(self.tr("The platform cannot be reached; coapp tries again by itself."))
        if v.error:
            lines.append(self.tr("The last sync failed: {reason}").format(reason=v.error))
        if v.waiting and not v.offline:
            lines.append(self._waiting_text(v.waiting))
        if v.clock_warning:
            lines.append(
                self.tr("Set this computer's clock right: times you record are compared with the platform's.")
            )
        lines.append(self._action_text())
        return "\n".join(lines)

    def _action_text(self) -> str:
        v = self.view
        if v.refused:
            return self.tr("Click to see the refused changes.")
        if not v.signed_in:
            return self.tr("Click to sign in.")
        return self.tr("Click to sync now (F5).")

    def _render(self) -> None:
        text = self.describe()
        self.setText(text)
        self.setVisible(bool(text))
        self.setToolTip(self._tooltip() if text else "")
        self.setAccessibleDescription(text)
        self.setIcon(self._icon())

    def _icon(self) -> QIcon:
        """A warning sign when the words say something needs the user (never colour alone)."""
        v = self.view
        if v.running:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        attention = v.session_ended or (
            v.signed_in and bool(v.refused or v.offline or v.error or v.clock_warning)
        )
        if attention:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return QIcon()

    # --- click ---------------------------------------------------------------------------------

    def _activate(self) -> None:
        v = self.view
        if v.refused:
            self.refusedRequested.emit()
        elif not v.signed_in:
            self.signInRequested.emit()
        else:
            self.syncRequested.emit()
