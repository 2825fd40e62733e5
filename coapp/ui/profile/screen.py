"""My Profile: the header with how complete the profile is, the personal details (saved as the
user leaves each field), the completeness meter with tips that jump to the place to fix, skills
and experience. Every change is written on the writes lane; the screen shows what was stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from coapp.ui.pdf_warm_up import warm_up_pdf_once
from coapp.ui.profile.awards_panel import AwardsPanel
from coapp.ui.profile.certificates_panel import CertificatesPanel
from coapp.ui.profile.completeness_card import CompletenessCard
from coapp.ui.profile.details_form import DetailsForm
from coapp.ui.profile.education_panel import EducationPanel
from coapp.ui.profile.experience_panel import ExperiencePanel
from coapp.ui.profile.lane import ProfileLane, Written
from coapp.ui.profile.languages_panel import LanguagesPanel
from coapp.ui.profile.letter_card import LetterCard
from coapp.ui.profile.links_panel import LinksPanel
from coapp.ui.profile.portfolio_panel import PortfolioPanel
from coapp.ui.profile.references_panel import ReferencesPanel
from coapp.ui.profile.section_list import SectionPanel
from coapp.ui.profile.skills_panel import SkillsPanel
from coapp.ui.theme import Space
from coapp.ui.toolkit import ScreenHeader, make_button, name_scroll

if TYPE_CHECKING:
    from coapp.services.profile_import import ImportPlan
    from coapp.ui.app_state import AppState
    from coapp.ui.profile.linkedin_dialog import LinkedInImportDialog
    from coapp.ui.profile.resume_dialog import ResumeDialog


FOLD_DELAY_MS = 20  # a frame and a little: after the first part's layout and paint
WARM_UP_AFTER_MS = 300  # the resume's warm-up, once the screen has been filled


class ProfileScreen(QWidget):
    def __init__(self, state: AppState, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileTab")
        self.setAccessibleName(self.tr("My Profile"))
        self.lane = ProfileLane(state, self.show_written)
        self.header = ScreenHeader("profile", self.tr("My Profile"), self)
        self._state = state
        self.import_button = make_button(
            self,
            "profileImportLinkedIn",
            self.tr("Import from LinkedIn…"),
            self.tr("Add what your LinkedIn data export holds; you see what changes first"),
            self.import_linkedin,
        )
        self.header.add(self.import_button)
        self.resume_button = make_button(
            self,
            "resumeExportButton",
            self.tr("Export resume…"),
            self.tr("Write your resume as a PDF: a look, a language, the sections and jobs (Ctrl+E)"),
            self.export_resume,
        )
        self.resume_button.setShortcut(QKeySequence("Ctrl+E"))
        self.header.add(self.resume_button)

        self.details = DetailsForm(self.lane, undo_stack, self)
        self.completeness = CompletenessCard(self)
        self.completeness.tipChosen.connect(self.go_to)
        # Made in reading order, which is the Tab order: the letter, languages and links come
        # before skills and experience on the screen.
        self.letter = LetterCard(self.lane, self)
        self.languages = LanguagesPanel(self.lane, undo_stack, self)
        self.links = LinksPanel(self.lane, undo_stack, self)
        self.skills = SkillsPanel(self.lane, undo_stack, self)
        self.experience = ExperiencePanel(self.lane, undo_stack, self)
        self.education = EducationPanel(self.lane, undo_stack, self)
        self.certificates = CertificatesPanel(self.lane, undo_stack, self)
        self.awards = AwardsPanel(self.lane, undo_stack, self)
        self.references = ReferencesPanel(self.lane, undo_stack, self)
        self.portfolio = PortfolioPanel(self.lane, undo_stack, self)
        # The resume's list sections by the name of their section (and of the tips' targets).
        self.sections: dict[str, SectionPanel] = {
            panel.section.value: panel
            for panel in (
                self.experience,
                self.education,
                self.certificates,
                self.awards,
                self.references,
                self.portfolio,
            )
        }

        content = QWidget(self)
        content.setObjectName("profileContent")
        grid = QGridLayout(content)
        grid.setContentsMargins(Space.XL, Space.L, Space.XL, Space.XL)
        grid.setHorizontalSpacing(Space.L)
        grid.setVerticalSpacing(Space.L)
        # Reading order (and Tab order): details, completeness, the letter beside languages and
        # links, skills, experience.
        grid.addWidget(self.details, 0, 0)
        grid.addWidget(self.completeness, 0, 1)
        grid.addWidget(self.letter, 1, 0, 2, 1)
        grid.addWidget(self.languages, 1, 1)
        grid.addWidget(self.links, 2, 1)
        grid.addWidget(self.skills, 3, 0)
        grid.addWidget(self.experience, 3, 1)
        # Then the shorter sections two by two, in the order a resume reads them.
        for n, panel in enumerate(list(self.sections.values())[1:]):
            grid.addWidget(panel, 4 + n // 2, n % 2)
        grid.setColumnStretch(0, 3)  # the form gets the room; the tips wrap
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(grid.rowCount(), 1)  # room left over goes under the last cards
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("profileScroll")
        name_scroll(self.scroll, self.tr("My Profile"))
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
        self._shown = 0  # profiles shown so far: a read that started earlier never hides a newer one
        self._rest: Written | None = None  # the first profile's cards below the fold, shown next
        state.when_ready(self.reload)

    def reload(self) -> None:
        """Read the stored profile again (on a worker) and show it, unless a write's answer, which
        is newer, was shown meanwhile."""
        shown_before = self._shown

        def arrived(written: Written) -> None:
            if self._shown == shown_before:
                self.show_written(written)

        def failed(text: str) -> None:
            self.header.set_status(self.tr("Could not read your profile: {reason}").format(reason=text))

        self.lane.read_later(arrived, failed)

    def show_written(self, written: Written) -> None:
        self._shown += 1
        self._show(written, top=True)
        if self._shown == 1:
            # The first profile: the details and the letter fill and paint in this frame, the
            # other cards (the meter and its tips, the lists) a frame later: fifty jobs and two
            # hundred skills cost more than a frame to lay out. Not a zero timer: it would run
            # before the paint the first part asked for.
            self._rest = written
            QTimer.singleShot(FOLD_DELAY_MS, self, self._show_rest)
        else:
            self._rest = None
            self._show(written, top=False)

    def _show_rest(self) -> None:
        written, self._rest = self._rest, None
        if written is not None:
            self._show(written, top=False)
        # The resume's PDF machinery (fpdf2's import, the fonts: about a second of Python) warms up
        # on a thread so the first export does not pay it; once the screen is filled, not while it
        # opens: the thread would take the interpreter's lock from the first frame.
        QTimer.singleShot(WARM_UP_AFTER_MS, self, lambda: warm_up_pdf_once("resume"))

    def _show(self, written: Written, *, top: bool) -> None:
        profile = written.profile
        # One paint for the whole update: some widgets repaint at once when told a value (the
        # meter does), and each card changing its height would lay the screen out again.
        content = self.scroll.widget()
        content.setUpdatesEnabled(False)
        try:
            if top:  # what the screen opens on: who you are, and your letter
                self.details.show_details(profile.details)
                self.letter.show_letter(profile.letter)
            else:
                self.completeness.show_completeness(written.completeness)
                self.languages.show_languages(profile.languages)
                self.links.show_links(profile.links)
                self.skills.show_skills(profile.skills)
                for name, panel in self.sections.items():
                    panel.show_items(getattr(profile, name))
        finally:
            content.setUpdatesEnabled(True)
        if not top:  # the whole profile is on screen: say how complete it is
            status = self.tr("Profile {n} % complete").format(n=written.completeness.score)
            self.header.set_status(status)

    def go_to(self, target: str) -> None:
        """Focus the field or section a tip names, scrolled into view."""
        if target == "skills":
            widget: QWidget = self.skills.input
        elif target == "letter":
            widget = self.letter.editor
        elif target in ("languages", "links"):
            widget = getattr(self, target).input
        elif target in self.sections:
            widget = self.sections[target].focus_target()
        else:
            widget = self.details.fields[target]
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus()

    def clear_messages(self) -> None:
        mine = (self.letter.banner, self.languages.banner, self.links.banner)
        for banner in (self.skills.banner, *mine, *(panel.banner for panel in self.sections.values())):
            banner.clear()

    def import_linkedin(self) -> LinkedInImportDialog:
        """The LinkedIn import's preview; its module loads when first asked for."""
        from coapp.ui.profile.linkedin_dialog import LinkedInImportDialog

        dialog = LinkedInImportDialog(self._state, self.lane, self._imported, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _imported(self, plan: ImportPlan) -> None:
        done = self.tr("Imported from LinkedIn: {added} added, {filled} filled").format(
            added=len(plan.added), filled=len(plan.changed)
        )
        self.header.set_status(f"{done} · {self.header.status.text()}")

    def export_resume(self) -> ResumeDialog:
        """The resume export dialog over the stored profile (its jobs are the ones to choose from)."""
        from coapp.ui.profile.resume_dialog import ResumeDialog

        dialog = ResumeDialog(self._state, self.lane.read().profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
