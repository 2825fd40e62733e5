"""My Profile: the header with how complete the profile is, the personal details (saved as the
user leaves each field), the completeness meter with tips that jump to the place to fix, skills
and experience. Every change is written on the writes lane; the screen shows what was stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from coapp.ui.profile.completeness_card import CompletenessCard
from coapp.ui.profile.details_form import DetailsForm
from coapp.ui.profile.experience_panel import ExperiencePanel
from coapp.ui.profile.lane import ProfileLane, Written
from coapp.ui.profile.skills_panel import SkillsPanel
from coapp.ui.theme import Space
from coapp.ui.toolkit import ScreenHeader

if TYPE_CHECKING:
    from coapp.ui.app_state import AppState


class ProfileScreen(QWidget):
    def __init__(self, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileTab")
        self.setAccessibleName(self.tr("My Profile"))
        self.lane = ProfileLane(state, self.show_written)
        self.header = ScreenHeader("profile", self.tr("My Profile"), self)

        self.details = DetailsForm(self.lane, self)
        self.completeness = CompletenessCard(self)
        self.completeness.tipChosen.connect(self.go_to)
        self.skills = SkillsPanel(self.lane, undo_stack, self)
        self.experience = ExperiencePanel(self.lane, undo_stack, self)

        content = QWidget(self)
        content.setObjectName("profileContent")
        grid = QGridLayout(content)
        grid.setContentsMargins(Space.XL, Space.L, Space.XL, Space.XL)
        grid.setHorizontalSpacing(Space.L)
        grid.setVerticalSpacing(Space.L)
        # Reading order (and Tab order): details, completeness, skills, experience.
        grid.addWidget(self.details, 0, 0)
        grid.addWidget(self.completeness, 0, 1)
        grid.addWidget(self.skills, 1, 0)
        grid.addWidget(self.experience, 1, 1)
        grid.setColumnStretch(0, 3)  # the form gets the room; the tips wrap
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("profileScroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        self.setFocusProxy(self.details.fields["name"])
        self.header.set_status(self.tr("Loading your profile…"))
        state.when_ready(self.reload)

    def reload(self) -> None:
        self.show_written(self.lane.read())

    def show_written(self, written: Written) -> None:
        profile = written.profile
        self.details.show_details(profile.details)
        self.skills.show_skills(profile.skills)
        self.experience.show_jobs(profile.experience)
        self.completeness.show_completeness(written.completeness)
        self.header.set_status(self.tr("Profile {n} % complete").format(n=written.completeness.score))

    def go_to(self, target: str) -> None:
        """Focus the field or section a tip names, scrolled into view."""
        if target == "skills":
            widget: QWidget = self.skills.input
        elif target == "experience":
            widget = self.experience.list if self.experience.list.isVisible() else self.experience.add_button
        else:
            widget = self.details.fields[target]
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus()

    def clear_messages(self) -> None:
        for banner in (self.skills.banner, self.experience.banner):
            banner.clear()
