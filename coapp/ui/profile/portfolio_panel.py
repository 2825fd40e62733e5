"""Portfolio: pieces of work to show, each a title with a link, a description, a file, or all three.
The current item's file is handled by the strip under the list (portfolio_files.py); removing an item
lets go of its file, so undo brings the file back too."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from coapp.domain.profile_sections import PortfolioItem
from coapp.services.profile_rows import Section
from coapp.ui.profile.item_dialog import Field, Kind, Value
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.portfolio_files import FileStrip
from coapp.ui.profile.section_list import PanelTexts, SectionPanel, joined
from coapp.ui.toolkit import make_action


class PortfolioPanel(SectionPanel):
    section = Section.PORTFOLIO
    long_text = "description"  # the platform keeps its earlier versions
    name = "profilePortfolio"
    strip: FileStrip | None = None  # current_changed() is called while the base builds

    def __init__(self, lane: ProfileLane, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(lane, undo_stack, parent)
        self.strip = FileStrip(self)
        self.body.insertWidget(self.body.indexOf(self.list) + 1, self.strip)
        self.list.addAction(
            make_action(
                self.list,
                self.tr("Open file"),
                self.strip.open_file,
                name="profilePortfolioOpenAction",
                shortcut="Ctrl+O",
                context=Qt.ShortcutContext.WidgetShortcut,
            )
        )
        self.current_changed(self.selected())

    def current_changed(self, item: Any | None) -> None:
        if self.strip is not None:
            self.strip.show_item(item)

    def keep_worker(self) -> Callable[[Any], Any] | None:
        files = self.lane.files

        def keep(item: PortfolioItem) -> bytes | None:
            path = files.file_path(item.file.sha256) if item.file is not None else None
            return path.read_bytes() if path is not None else None

        return keep

    def restore_worker(self) -> Callable[[Any, Any], None]:
        files = self.lane.files
        # The item came back naming its file's checksum; the same bytes make the same file again.
        return lambda _item, data: files.keep(data)

    def make_texts(self) -> PanelTexts:
        return PanelTexts(
            heading=self.tr("Portfolio"),
            add=self.tr("Add work…"),
            add_tip=self.tr("Add a piece of work to show, with a link (Insert)"),
            list_name=self.tr("Your portfolio"),
            empty=self.tr("No work to show yet: add a project, an article or a talk with its link."),
            problem=self.tr("Problem with a portfolio item"),
            add_title=self.tr("Add work"),
            edit_title=self.tr("Edit work"),
        )

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("title", self.tr("Title"), required=self.tr("Write a title for the work")),
            Field("url", self.tr("Web address"), Kind.URL, hint="https://example.com/work"),
            Field(
                "description",
                self.tr("Description"),
                Kind.TEXT,
                hint=self.tr("What it is and your part in it"),
            ),
        )

    def values(self, item: PortfolioItem) -> dict[str, Value]:
        return {"title": item.title, "url": item.url, "description": item.description}

    def build(self, values: Mapping[str, Value], item_id: str) -> PortfolioItem:
        return PortfolioItem(
            title=str(values["title"]),
            url=str(values["url"]),
            description=str(values["description"]),
            id=item_id,
        )

    def describe(self, item: PortfolioItem) -> tuple[str, str]:
        first_line = item.description.split("\n", 1)[0]
        attached = item.file.name if item.file is not None else ""
        return item.title, joined(item.url.removeprefix("https://"), attached, first_line)
