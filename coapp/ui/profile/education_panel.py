"""Education: school, degree, field of study and the period (no end month while still studying)."""

from __future__ import annotations

from collections.abc import Mapping

from coapp.domain.profile_sections import Education
from coapp.services.profile_rows import Section
from coapp.ui.profile.item_dialog import Field, Kind, Value
from coapp.ui.profile.section_list import PanelTexts, SectionPanel, joined, month_text


class EducationPanel(SectionPanel):
    section = Section.EDUCATION
    name = "profileEducation"

    def make_texts(self) -> PanelTexts:
        return PanelTexts(
            heading=self.tr("Education"),
            add=self.tr("Add education…"),
            add_tip=self.tr("Add a school, university or course (Insert)"),
            list_name=self.tr("Your education"),
            empty=self.tr("No education yet: add your degrees and the schools you went to."),
            problem=self.tr("Problem with an education"),
            add_title=self.tr("Add education"),
            edit_title=self.tr("Edit education"),
        )

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("school", self.tr("School"), required=self.tr("Write the name of the school")),
            Field("degree", self.tr("Degree"), hint=self.tr("Master of Science")),
            Field("field", self.tr("Field of study"), hint=self.tr("Computer science")),
            Field(
                "start",
                self.tr("Start month"),
                Kind.MONTH,
                required=self.tr("Write the month you started, like 2016-08"),
                hint="2016-08",
            ),
            Field(
                "end",
                self.tr("End month"),
                Kind.MONTH,
                hint=self.tr("2021-06, or empty while you study"),
                not_before="start",
                order_error=self.tr("Ends before it starts ({other})"),
            ),
        )

    def values(self, item: Education) -> dict[str, Value]:
        return {
            "school": item.school,
            "degree": item.degree,
            "field": item.field,
            "start": str(item.start),
            "end": str(item.end) if item.end else "",
        }

    def build(self, values: Mapping[str, Value], item_id: str) -> Education:
        return Education(
            school=str(values["school"]),
            start=str(values["start"]),  # type: ignore[arg-type]  # parsed by the domain
            degree=str(values["degree"]),
            field=str(values["field"]),
            end=str(values["end"]) or None,  # type: ignore[arg-type]
            id=item_id,
        )

    def describe(self, item: Education) -> tuple[str, str]:
        end = month_text(item.end) if item.end else self.tr("now")
        title = joined(item.degree, item.field, sep=", ") or item.school
        school = item.school if title != item.school else ""
        return title, joined(school, f"{month_text(item.start)} – {end}")
