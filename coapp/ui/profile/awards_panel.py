"""Honours and awards: title, issuer, the month awarded and a short description."""

from __future__ import annotations

from collections.abc import Mapping

from coapp.domain.profile_sections import Award
from coapp.services.profile_rows import Section
from coapp.ui.profile.item_dialog import Field, Kind, Value
from coapp.ui.profile.section_list import PanelTexts, SectionPanel, joined, month_text


class AwardsPanel(SectionPanel):
    section = Section.AWARDS
    long_text = "description"  # the platform keeps its earlier versions
    name = "profileAwards"

    def make_texts(self) -> PanelTexts:
        return PanelTexts(
            heading=self.tr("Honours and awards"),
            add=self.tr("Add award…"),
            add_tip=self.tr("Add an honour, award or prize (Insert)"),
            list_name=self.tr("Your honours and awards"),
            empty=self.tr("No awards yet: add prizes, scholarships or honours you have received."),
            problem=self.tr("Problem with an award"),
            add_title=self.tr("Add award"),
            edit_title=self.tr("Edit award"),
        )

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("title", self.tr("Title"), required=self.tr("Write the award's title")),
            Field("issuer", self.tr("Issuer"), hint=self.tr("Who gave it")),
            Field("awarded", self.tr("Month"), Kind.MONTH, hint="2023-11"),
            Field("description", self.tr("Description"), Kind.TEXT, hint=self.tr("What it was for")),
        )

    def values(self, item: Award) -> dict[str, Value]:
        return {
            "title": item.title,
            "issuer": item.issuer,
            "awarded": str(item.awarded) if item.awarded else "",
            "description": item.description,
        }

    def build(self, values: Mapping[str, Value], item_id: str) -> Award:
        return Award(
            title=str(values["title"]),
            issuer=str(values["issuer"]),
            awarded=str(values["awarded"]) or None,  # type: ignore[arg-type]  # parsed by the domain
            description=str(values["description"]),
            id=item_id,
        )

    def describe(self, item: Award) -> tuple[str, str]:
        return item.title, joined(item.issuer, month_text(item.awarded))
