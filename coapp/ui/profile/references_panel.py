"""References: a person who vouches for the freelancer, how they know each other, and how to reach
them (as the reference agreed to share)."""

from __future__ import annotations

from collections.abc import Mapping

from coapp.domain.profile_sections import Reference
from coapp.services.profile_rows import Section
from coapp.ui.profile.item_dialog import Field, Value
from coapp.ui.profile.section_list import PanelTexts, SectionPanel, joined


class ReferencesPanel(SectionPanel):
    section = Section.REFERENCES
    name = "profileReferences"

    def make_texts(self) -> PanelTexts:
        return PanelTexts(
            heading=self.tr("References"),
            add=self.tr("Add reference…"),
            add_tip=self.tr("Add someone who can vouch for your work (Insert)"),
            list_name=self.tr("Your references"),
            empty=self.tr("No references yet: add a client or manager who agreed to be asked."),
            problem=self.tr("Problem with a reference"),
            add_title=self.tr("Add reference"),
            edit_title=self.tr("Edit reference"),
        )

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("name", self.tr("Name"), required=self.tr("Write the reference's name")),
            Field("relation", self.tr("Relation"), hint=self.tr("Manager at Acme AB")),
            Field("contact", self.tr("Contact"), hint=self.tr("E-mail or phone, as they agreed to share")),
        )

    def values(self, item: Reference) -> dict[str, Value]:
        return {"name": item.name, "relation": item.relation, "contact": item.contact}

    def build(self, values: Mapping[str, Value], item_id: str) -> Reference:
        return Reference(
            name=str(values["name"]),
            relation=str(values["relation"]),
            contact=str(values["contact"]),
            id=item_id,
        )

    def describe(self, item: Reference) -> tuple[str, str]:
        return item.name, joined(item.relation, item.contact)
