"""My Profile, links (issue 9): an address checked and normalised by the domain, the reason under
the field with the text kept (spaces, unicode, a duplicate), its kind shown, Enter opens it in the
browser, Delete removes and Ctrl+Z brings it back in its place."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coapp.app.context import AppContext
from coapp.ui.main_window import MainWindow
from tests.ui.profile_helpers import idle, open_profile

CTRL = Qt.KeyboardModifier.ControlModifier


def add(qtbot: QtBot, window: MainWindow, text: str) -> None:
    links = window.profile.links
    links.input.setFocus()
    links.input.selectAll()
    if text.isascii():
        qtbot.keyClicks(links.input, text)
    else:  # QTest types ASCII only: as pasted
        links.input.insert(text)
    qtbot.keyClick(links.input, Qt.Key.Key_Return)
    idle(qtbot, window)


def stored(window: MainWindow) -> list[str]:
    return [link.url for link in window.ctx.profile.get().links]


def test_addresses_are_normalised_and_shown_with_their_kind(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    links = screen.links
    assert links.empty.isVisible()
    assert "No links yet" in links.empty.text()

    add(qtbot, window, "  LinkedIn.com/in/ada  ")
    add(qtbot, window, "github.com/ada")
    add(qtbot, window, "bücher.example/råd")  # a unicode host and path
    assert stored(window) == [
        "https://linkedin.com/in/ada",
        "https://github.com/ada",
        "https://xn--bcher-kva.example/r%C3%A5d",
    ]
    rows = [[links.list.topLevelItem(i).text(c) for c in range(2)] for i in range(3)]
    assert rows == [
        ["linkedin.com/in/ada", "LinkedIn"],
        ["github.com/ada", "GitHub"],
        ["xn--bcher-kva.example/r%C3%A5d", "Website"],
    ]
    assert links.input.text() == ""
    assert not links.error.isVisible()


def test_a_bad_address_is_explained_under_the_field_and_kept(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    links = screen.links
    add(qtbot, window, "github.com/ada lovelace")
    assert links.error.isVisible()
    assert links.error.text() == "“github.com/ada lovelace” contains a space; a web address has none"
    assert links.input.text() == "github.com/ada lovelace"
    assert links.input.accessibleDescription() == links.error.text()
    assert stored(window) == []

    add(qtbot, window, "ftp://example.com/cv")
    assert "only http and https links are taken" in links.error.text()

    add(qtbot, window, "github.com/ada")
    assert not links.error.isVisible()
    add(qtbot, window, "https://GitHub.com/ada/")  # the same link, written another way
    assert links.error.isVisible()
    assert "already in your links" in links.error.text()
    assert links.input.text() == "https://GitHub.com/ada/"
    assert stored(window) == ["https://github.com/ada"]

    qtbot.keyClicks(links.input, "x")  # typing again: the old reason goes
    assert not links.error.isVisible()


def test_enter_opens_the_link_and_removal_undoes_in_place(qtbot: QtBot, ctx: AppContext, open_window) -> None:
    for url in ("linkedin.com/in/ada", "github.com/ada", "ada.dev"):
        ctx.profile.add_link(url)
    window = open_window()
    screen = open_profile(qtbot, window)
    links = screen.links
    opened: list[QUrl] = []
    links.opener = opened.append
    links.list.setFocus()
    links.list.select_row(1)
    qtbot.keyClick(links.list, Qt.Key.Key_Return)
    assert [url.toString() for url in opened] == ["https://github.com/ada"]
    qtbot.mouseClick(links.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2

    links.list.setFocus()
    qtbot.keyClick(links.list, Qt.Key.Key_Delete)
    idle(qtbot, window)
    assert stored(window) == ["https://linkedin.com/in/ada", "https://ada.dev"]
    assert links.list.hasFocus()
    qtbot.keyClick(links.list, Qt.Key.Key_Z, CTRL)
    idle(qtbot, window)
    assert stored(window) == ["https://linkedin.com/in/ada", "https://github.com/ada", "https://ada.dev"]


def test_the_links_tip_takes_the_keyboard_to_the_new_link(qtbot: QtBot, open_window) -> None:
    window = open_window()
    screen = open_profile(qtbot, window)
    screen.go_to("links")
    assert QApplication.focusWidget() is screen.links.input


def test_in_swedish_the_reason_is_swedish(qtbot: QtBot, use_settings, open_window) -> None:
    use_settings(language="sv")
    window = open_window()
    window.show_screen(window.profile_slot)
    screen = window.profile
    assert screen is not None
    qtbot.waitUntil(lambda: screen.header.status.text().startswith("Profilen "))
    add(qtbot, window, "github.com/ada lovelace")
    spaced = "”github.com/ada lovelace” innehåller ett mellanslag; en webbadress har inga"
    assert screen.links.error.text() == spaced
    add(qtbot, window, "github.com/ada")
    add(qtbot, window, "GitHub.com/ada/")
    assert screen.links.error.text() == "https://github.com/ada finns redan bland dina länkar"
