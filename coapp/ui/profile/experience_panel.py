"""Experience: the jobs and assignments, in the order the user puts them (newest first, usually).
A resume section like the others (section_list.py); what is its own: "I work here now" turns the
end month off, and the skills used are a comma-separated line."""

from __future__ import annotations

from collections.abc import Mapping

from coapp.domain.profile_sections import Experience
from coapp.services.profile_rows import Section
from coapp.ui.profile.item_dialog import Field, Kind, Value
from coapp.ui.profile.section_list import PanelTexts, SectionPanel, joined, month_text


class ExperiencePanel(SectionPanel):
    section = Section.EXPERIENCE
    long_text = "description"  # the platform keeps its earlier versions
    name = "profileExperience"

    def make_texts(self) -> PanelTexts:
        return PanelTexts(
            heading=self.tr("Experience"),
            add=self.tr("Add job…"),
            add_tip=self.tr("Add a job or assignment (Insert)"),
            list_name=self.tr("Your jobs"),
            empty=self.tr("No experience yet: add the jobs and assignments you are proud of."),
            problem=self.tr("Problem with a job"),
            add_title=self.tr("Add job"),
            edit_title=self.tr("Edit job"),
        )

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("organisation", self.tr("Organisation"), required=self.tr("Write the client or employer")),
            Field("role", self.tr("Role"), required=self.tr("Write your role, e.g. Backend developer")),
            Field(
                "start",
                self.tr("Start month"),
                Kind.MONTH,
                required=self.tr("Write the month you started, like 2022-03"),
                hint="2022-03",
            ),
            Field(
                "end",
                self.tr("End month"),
                Kind.MONTH,
                required=self.tr("Write the month it ended, or tick “I work here now”"),
                hint="2024-06",
                not_before="start",
                order_error=self.tr("Ends before it starts ({other})"),
                off_when="current",
            ),
            Field("current", self.tr("I work here now"), Kind.CHECK),
            Field(
                "description",
                self.tr("Description"),
                Kind.TEXT,
                hint=self.tr("What you did and what came of it"),
            ),
            Field("skills", self.tr("Skills used"), hint="Python, Kubernetes"),
        )

    def values(self, item: Experience) -> dict[str, Value]:
        return {
            "organisation": item.organisation,
            "role": item.role,
            "start": str(item.start),
            "end": str(item.end) if item.end else "",
            "current": item.current,
            "description": item.description,
            "skills": ", ".join(item.skills),
        }

    def build(self, values: Mapping[str, Value], item_id: str) -> Experience:
        current = bool(values["current"])
        return Experience(
            organisation=str(values["organisation"]),
            role=str(values["role"]),
            start=str(values["start"]),  # type: ignore[arg-type]  # parsed by the domain
            end=None if current else str(values["end"]),  # type: ignore[arg-type]
            current=current,
            description=str(values["description"]),
            skills=tuple(s for s in str(values["skills"]).split(",") if s.strip()),
            id=item_id,
        )

    def describe(self, item: Experience) -> tuple[str, str]:
        end = self.tr("now") if item.current or item.end is None else month_text(item.end)
        return joined(item.role, item.organisation), f"{month_text(item.start)} – {end}"
