"""Help → Copy diagnostic information: versions, schema and sync state, and never a name, an
e-mail address, a token or the data folder's path, whatever the data folder holds."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtGui import QAction, QGuiApplication

from coapp import __version__
from coapp.store.schema_version import HEAD_REVISION
from tests.conftest import make_contract

NAME = "Sigrid Hemligsdotter"
EMAIL = "sigrid.hemlig@example.se"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaWdyaWQifQ.c2VjcmV0LXNpZ25hdHVyZQ"
REFRESH = "r3fr3sh-0123456789abcdef0123456789abcdef"


def test_the_text_tells_versions_and_state_but_nothing_personal(qtbot, ctx, open_window, data_dir) -> None:
    make_contract(ctx, "Secret project", client_name=NAME)
    window = open_window()
    window.sync._set_view(
        replace(
            window.sync.view,
            known=True,
            signed_in=True,
            email=EMAIL,
            server_url=f"https://{REFRESH}.example.se",
            waiting=3,
            refused=1,
            error=f"{NAME} <{EMAIL}> was refused with {TOKEN}",
            last_synced_at=datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
        )
    )
    data_dir.joinpath("logs").mkdir(exist_ok=True)
    data_dir.joinpath("logs", "coapp.log").write_text(
        f"INFO coapp: signed in as {EMAIL} with token={TOKEN} refresh={REFRESH}\n", encoding="utf-8"
    )
    window.findChild(QAction, "copyDiagnosticsAction").trigger()

    text = QGuiApplication.clipboard().text()
    assert f"coapp {__version__}" in text
    assert "Python 3." in text
    assert "PySide6" in text
    assert f"this coapp writes {HEAD_REVISION}" in text
    assert f"Data folder schema: {HEAD_REVISION}" in text
    assert "signed in yes" in text
    assert "waiting changes 3; refused changes 1; last round refused yes" in text
    assert "2026-11-25T09:30:00+00:00" in text
    for secret in (NAME, "Sigrid", EMAIL, "example.se", TOKEN, REFRESH, "Secret project", str(data_dir)):
        assert secret not in text, secret
    assert "holds no personal data" in window.statusBar().currentMessage()


def test_it_is_in_the_help_menu_with_the_log(qtbot, ctx, open_window) -> None:
    window = open_window()
    help_menu = window.menuBar().actions()[-1].menu()
    names = [a.objectName() for a in help_menu.actions()]
    assert names[:2] == ["copyDiagnosticsAction", "showLogAction"]


def test_a_damaged_database_is_said_not_raised(qtbot, ctx, open_window, monkeypatch) -> None:
    window = open_window()

    def broken(_path):
        raise OSError("disk")

    monkeypatch.setattr("coapp.store.database.stored_revision", broken)
    assert "Data folder schema: unreadable (OSError)" in window.desktop.copy_diagnostics()
