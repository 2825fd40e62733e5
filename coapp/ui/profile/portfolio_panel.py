"""Portfolio: pieces of work to show, each a title with a link, a description, or both."""

from __future__ import annotations

from collections.abc import Mapping

from coapp.domain.profile_sections import PortfolioItem
from coapp.services.profile_rows import Section
from coapp.ui.profile.item_dialog import Field, Kind, Value
from coapp.ui.profile.section_list import PanelTexts, SectionPanel, joined


class PortfolioPanel(SectionPanel):
    section = Section.PORTFOLIO
    name = "profilePortfolio"

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
        return item.title, joined(item.url.removeprefix("https://"), first_line)
