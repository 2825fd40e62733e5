"""Links: a web address (LinkedIn, GitHub, a portfolio site) checked and normalised by the domain
("github.com/ada" becomes https://github.com/ada; spaces are refused; a unicode host is written the
way browsers send it), the refusal shown under the field with the text kept. In the list Enter
opens the page in the browser, Delete removes (Ctrl+Z brings it back), Alt+Up/Alt+Down move."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from coapp.domain.errors import CoappError
from coapp.domain.profile_links import Link, LinkKind
from coapp.services.profile_rows import Section
from coapp.ui.error_text import error_text
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.member_list import MemberTree, RemoveMember, add_list_actions, member_row_id
from coapp.ui.theme import set_role
from coapp.ui.toolkit import Card, ErrorBanner, make_button, set_shown


def shown_url(url: str) -> str:
    """The address as people write it: without https:// and a lone trailing slash."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            url = url[len(scheme) :]
            break
    return url[:-1] if url.endswith("/") and url.count("/") == 1 else url


class LinksPanel(Card):
    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__("profileLinks", parent)
        self._lane = lane
        self._undo = undo_stack
        self._links: tuple[Link, ...] = ()
        # Where "open" goes; tests put a recorder here instead of a browser.
        self.opener: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._kinds = {
            LinkKind.LINKEDIN: "LinkedIn",
            LinkKind.GITHUB: "GitHub",
            LinkKind.PORTFOLIO: self.tr("Website"),
        }
        heading = QLabel(self.tr("Links"), self)
        set_role(heading, "subtitle")
        self.body.addWidget(heading)

        row = QHBoxLayout()
        self.input = QLineEdit(self)
        self.input.setObjectName("profileLinkInput")
        self.input.setPlaceholderText(self.tr("linkedin.com/in/you, github.com/you or your site"))
        self.input.setAccessibleName(self.tr("New link"))
        self.input.setAccessibleDescription(self.tr("A web address; Enter adds it"))
        self.input.returnPressed.connect(self.add_typed)
        self.input.textEdited.connect(lambda _t: self.show_field_error(""))
        self.add_button = make_button(
            self, "addLinkButton", self.tr("Add"), self.tr("Add the link (Enter)"), self.add_typed
        )
        self.add_button.setAccessibleName(self.tr("Add link"))
        row.addWidget(self.input, 1)
        row.addWidget(self.add_button)
        self.body.addLayout(row)
        self.error = QLabel(self)  # under the field it is about
        self.error.setObjectName("profileLinkError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("Problem with the link"))
        set_role(self.error, "error")
        self.error.hide()
        self.body.addWidget(self.error)

        self.list = MemberTree("profileLinkList", [self.tr("Address"), self.tr("Kind")], self)
        self.list.setAccessibleName(self.tr("Your links"))
        self.list.setAccessibleDescription(
            self.tr("Enter opens the page, Delete removes (Ctrl+Z brings it back), Alt+Up and Alt+Down move")
        )
        self.list.itemActivated.connect(lambda _item, _column: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.body.addWidget(self.list)
        self.empty = QLabel(
            self.tr("No links yet: add your LinkedIn profile, GitHub or portfolio site."), self
        )
        self.empty.setObjectName("profileLinksEmpty")
        self.empty.setWordWrap(True)
        set_role(self.empty, "empty")
        self.body.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        self.hint = QLabel(self.tr("Enter opens a link, Delete removes, Alt+Up/Down moves."), self)
        self.hint.setObjectName("profileLinksHint")
        self.hint.setWordWrap(True)
        set_role(self.hint, "hint")
        self.open_button = make_button(
            self,
            "openLinkButton",
            self.tr("Open"),
            self.tr("Open the link in your browser (Enter)"),
            self.open_selected,
        )
        self.open_button.setAccessibleName(self.tr("Open link"))
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.open_button)
        self.body.addLayout(bottom)
        self.banner = ErrorBanner("profileLinksBanner", self.tr("Problem with a link"), self)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)  # a short list keeps to the top of a tall card
        add_list_actions(
            self.list,
            (self.tr("Remove link"), "removeLinkAction", self.remove_selected),
            (
                (self.tr("Move link up"), "moveLinkUpAction"),
                (self.tr("Move link down"), "moveLinkDownAction"),
                self.move_selected,
            ),
        )
        self.show_links(())
        # Until the profile has been read, the list stands ready (empty) and no empty state is
        # claimed: the first profile then shows without widgets appearing, whose first show would
        # cost the opening its frame (ARCHITECTURE.md budgets; benchmarks section 6).
        self.list.setVisible(True)
        self.empty.setVisible(False)

    def show_links(self, links: tuple[Link, ...]) -> None:
        self._links = links
        kinds = self._kinds
        self.list.show_rows(
            [[shown_url(link.url), kinds[link.kind]] for link in links],
            [[link.url, str(link.kind)] for link in links],
            [f"{kinds[link.kind]}, {link.url}" for link in links],
        )
        for i, link in enumerate(links):
            self.list.topLevelItem(i).setToolTip(0, link.url)
        for widget in (self.list, self.hint, self.open_button):
            set_shown(widget, bool(links))
        set_shown(self.empty, not links)
        self._enable()

    def _enable(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def urls(self) -> list[str]:
        return [link.url for link in self._links]

    def selected(self) -> Link | None:
        row = self.list.current_row()
        return self._links[row] if 0 <= row < len(self._links) else None

    def show_field_error(self, text: str) -> None:
        self.error.setText(text)
        set_shown(self.error, bool(text))
        self.input.setAccessibleDescription(text or self.tr("A web address; Enter adds it"))

    def add_typed(self) -> None:
        text = self.input.text()
        if not text.strip():
            self.input.setFocus()
            return
        try:
            Link(text)  # checked here first: the reason shows at once, next to the field
        except CoappError as error:
            self.show_field_error(error_text(error))
            return

        def done(link: Link) -> None:
            self.show_field_error("")
            self.banner.clear()
            if self.input.text() == text:
                self.input.clear()
            if link.url in self.urls():
                self.list.select_row(self.urls().index(link.url))

        self._lane.write(lambda s: s.add_link(text), done, self.show_field_error)

    def open_selected(self) -> None:
        link = self.selected()
        if link is not None:
            self.opener(QUrl(link.url, QUrl.ParsingMode.StrictMode))

    def remove_selected(self) -> None:
        link, index = self.selected(), self.list.current_row()
        if link is None:
            return

        def done(_result: object) -> None:
            self.banner.clear()
            text = self.tr("Remove link {url}").format(url=shown_url(link.url))
            self._undo.push(RemoveMember(text, link, index, self._lane, self.banner.show_error))
            self.list.select_row(min(index, len(self._links) - 1))
            (self.list if self._links else self.input).setFocus()

        self._lane.write(lambda s: s.remove_link(link.url), done, self.banner.show_error)

    def move_selected(self, step: int) -> None:
        link, index = self.selected(), self.list.current_row()
        if link is None or not 0 <= index + step < len(self._links):
            return
        item_id = member_row_id(link)

        def done(_r: object) -> None:
            self.list.select_row(index + step)

        self._lane.write(
            lambda s: s.move_item(Section.LINKS, item_id, index + step), done, self.banner.show_error
        )
