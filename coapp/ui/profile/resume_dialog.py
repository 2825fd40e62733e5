"""Export the resume as a PDF: a saved variant, or a choice of look, language, sections and jobs made
here and saved as a variant under a name (applications say which variant was sent).

The PDF is written on a worker (the profile is read there too), atomically: a failed export leaves no
half-written file. Variants are saved and removed on the writes lane; a refusal (a name taken, no
section chosen) is said in the dialog and nothing chosen is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.domain.resume_variants import RESUME_SECTIONS, ResumeVariant
from coapp.ui.profile.lane import reason
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import ErrorBanner, ask_save_path, make_button

if TYPE_CHECKING:
    from coapp.domain.profile import Profile
    from coapp.services.resume_variants import ResumeVariantService
    from coapp.ui.app_state import AppState

EVERYTHING = ""  # the variant combo's first entry: a choice made here, not saved


def section_title(name: str) -> str:
    """A resume section's name in the UI's language (literal translate() calls: lupdate finds them
    under this dialog's context, where they have always been)."""
    return {
        "photo": QCoreApplication.translate("ResumeDialog", "Photo"),
        "letter": QCoreApplication.translate("ResumeDialog", "Personal letter"),
        "experience": QCoreApplication.translate("ResumeDialog", "Experience"),
        "education": QCoreApplication.translate("ResumeDialog", "Education"),
        "skills": QCoreApplication.translate("ResumeDialog", "Skills"),
        "languages": QCoreApplication.translate("ResumeDialog", "Languages"),
        "certificates": QCoreApplication.translate("ResumeDialog", "Certificates"),
        "awards": QCoreApplication.translate("ResumeDialog", "Honours and awards"),
        "references": QCoreApplication.translate("ResumeDialog", "References"),
        "portfolio": QCoreApplication.translate("ResumeDialog", "Portfolio"),
    }[name]


class ResumeDialog(QDialog):
    def __init__(self, state: AppState, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeDialog")
        self.setWindowTitle(self.tr("Export resume"))
        self._state = state
        self._profile = profile
        self._variants: dict[str, ResumeVariant] = {}
        self.written: Path | None = None
        self.busy = False

        self.variant = QComboBox(self)
        self.variant.setObjectName("resumeVariantCombo")
        self.variant.setAccessibleName(self.tr("Resume variant"))
        self.variant.currentIndexChanged.connect(self._variant_chosen)
        self.save_button = make_button(
            self, "saveVariantButton", self.tr("Save as variant…"),
            self.tr("Save this choice under a name (Ctrl+S)"), self.save_variant,
        )  # fmt: skip
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.remove_button = make_button(
            self, "removeVariantButton", self.tr("Remove variant"),
            self.tr("Remove the chosen variant"), self.remove_variant,
        )  # fmt: skip

        self.languages = self._radios("resumeLanguage", (("sv", "Svenska"), ("en", "English")))
        self.looks = self._radios(
            "resumeLook", (("classic", self.tr("Classic")), ("modern", self.tr("Modern")))
        )
        self.sections: dict[str, QCheckBox] = {}
        for name in RESUME_SECTIONS:
            box = QCheckBox(self._section_title(name), self)
            box.setObjectName(f"resumeSection_{name}")
            box.setChecked(True)
            box.toggled.connect(self._choice_changed)
            self.sections[name] = box
        self.jobs = QListWidget(self)
        self.jobs.setObjectName("resumeJobsList")
        self.jobs.setAccessibleName(self.tr("Jobs on the resume"))
        now = self.tr("now")
        for job in profile.experience:
            period = f"{job.start} – {job.end if job.end else now}"
            item = QListWidgetItem(f"{job.role} · {job.organisation} ({period})", self.jobs)
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.jobs.itemChanged.connect(lambda _item: self._choice_changed())
        self.no_jobs = QLabel(self.tr("No jobs yet: add them under Experience."), self)
        set_role(self.no_jobs, "empty")
        self.no_jobs.setVisible(not profile.experience)
        self.jobs.setVisible(bool(profile.experience))

        self.banner = ErrorBanner("resumeBanner", self.tr("Resume export messages"), self)
        self.open_button = make_button(
            self, "openResumeButton", self.tr("Open the PDF"), self.tr("Open the exported resume"),
            self.open_written,
        )  # fmt: skip
        self.open_button.setVisible(False)
        self.export_button = make_button(
            self, "exportResumeButton", self.tr("Export PDF…"),
            self.tr("Write the resume as a PDF file (Ctrl+E)"), self.export, primary=True,
        )  # fmt: skip
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.setDefault(True)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeResumeButton")
        close.clicked.connect(self.reject)
        self._layout(close)
        self._load_variants(select=EVERYTHING)
        self.language("en" if state.settings.language == "en" else "sv")

    # --- building --------------------------------------------------------------------------------

    def _radios(self, name: str, choices: tuple[tuple[str, str], ...]) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setObjectName(f"{name}Group")
        for i, (key, text) in enumerate(choices):
            button = QRadioButton(text, self)
            button.setObjectName(f"{name}_{key}")
            button.setProperty("key", key)
            group.addButton(button, i)
        group.button(0).setChecked(True)
        return group

    def _section_title(self, name: str) -> str:
        return section_title(name)

    def _layout(self, close: QPushButton) -> None:
        top = QHBoxLayout()
        variant_label = QLabel(self.tr("&Variant"), self)
        variant_label.setBuddy(self.variant)
        top.addWidget(variant_label)
        top.addWidget(self.variant, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.remove_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(Space.XL)
        grid.setVerticalSpacing(Space.S)
        for column, (title, group) in enumerate(
            ((self.tr("Language"), self.languages), (self.tr("Look"), self.looks))
        ):
            heading = QLabel(title, self)
            set_role(heading, "subtitle")
            grid.addWidget(heading, 0, column)
            for row, button in enumerate(group.buttons(), start=1):
                grid.addWidget(button, row, column)
        sections_heading = QLabel(self.tr("Sections"), self)
        set_role(sections_heading, "subtitle")
        grid.addWidget(sections_heading, 0, 2)
        boxes = QGridLayout()
        boxes.setVerticalSpacing(Space.XS)
        for i, box in enumerate(self.sections.values()):
            boxes.addWidget(box, i % 5, i // 5)
        grid.addLayout(boxes, 1, 2, 5, 1)
        grid.setColumnStretch(2, 1)

        jobs_heading = QLabel(self.tr("&Jobs"), self)
        jobs_heading.setBuddy(self.jobs)
        set_role(jobs_heading, "subtitle")

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(Space.L, Space.L, Space.L, Space.L)
        layout.setSpacing(Space.M)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(jobs_heading)
        layout.addWidget(self.jobs, 1)
        layout.addWidget(self.no_jobs)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        self.resize(640, 560)

    # --- the choice --------------------------------------------------------------------------------

    def language(self, key: str | None = None) -> str:
        return self._group_value(self.languages, key)

    def look(self, key: str | None = None) -> str:
        return self._group_value(self.looks, key)

    @staticmethod
    def _group_value(group: QButtonGroup, key: str | None) -> str:
        chosen = ""
        for button in group.buttons():
            if key is not None and button.property("key") == key:
                button.setChecked(True)
            if button.isChecked():
                chosen = str(button.property("key"))
        return chosen

    def chosen_sections(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.sections.items() if box.isChecked())

    def chosen_jobs(self) -> tuple[str, ...] | None:
        """The ids of the ticked jobs; None when every job is ticked (new jobs will show too)."""
        ids = []
        for row in range(self.jobs.count()):
            item = self.jobs.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return None if len(ids) == self.jobs.count() else tuple(ids)

    def choice(self, name: str = "—") -> ResumeVariant:
        """The choice on screen as a (not yet saved) variant; a refused one raises ValidationError."""
        return ResumeVariant(
            name=name, sections=self.chosen_sections(), experience_ids=self.chosen_jobs(),
            language=self.language(), look=self.look(),
        )  # fmt: skip

    def _show_variant(self, variant: ResumeVariant) -> None:
        self.language(variant.language)
        self.look(variant.look)
        for name, box in self.sections.items():
            box.blockSignals(True)
            box.setChecked(name in variant.sections)
            box.blockSignals(False)
        wanted = variant.experience_ids
        self.jobs.blockSignals(True)
        for row in range(self.jobs.count()):
            item = self.jobs.item(row)
            ticked = wanted is None or item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.jobs.blockSignals(False)

    def _variant_chosen(self, _index: int) -> None:
        key = self.variant.currentData()
        variant = self._variants.get(key) if key else None
        self.remove_button.setEnabled(variant is not None)
        if variant is not None:
            self._show_variant(variant)
        self._update()

    def _choice_changed(self) -> None:
        # A saved variant changed here is a new choice: the combo says so rather than keep its name.
        if self.variant.currentData():
            chosen = self._variants.get(self.variant.currentData())
            if chosen is not None and self._differs(chosen):
                self.variant.blockSignals(True)
                self.variant.setCurrentIndex(0)
                self.variant.blockSignals(False)
                self.remove_button.setEnabled(False)
        self._update()

    def _differs(self, variant: ResumeVariant) -> bool:
        return variant.sections != self.chosen_sections() or variant.experience_ids != self.chosen_jobs()

    def _update(self) -> None:
        self.jobs.setEnabled("experience" in self.chosen_sections())
        nothing = not self.chosen_sections()
        self.export_button.setEnabled(not nothing and not self.busy)
        self.save_button.setEnabled(not nothing and not self.busy)
        if nothing:
            self.banner.show_error(self.tr("Choose at least one section."))
        elif self.banner.is_error():
            self.banner.clear()

    # --- variants ----------------------------------------------------------------------------------

    def _service(self) -> ResumeVariantService:
        from coapp.services.resume_variants import ResumeVariantService

        return ResumeVariantService(self._state.ctx.store)

    def _load_variants(self, select: str) -> None:
        self._variants = {v.key: v for v in self._service().all()}
        self.variant.blockSignals(True)
        self.variant.clear()
        self.variant.addItem(self.tr("Chosen here (not saved)"), EVERYTHING)
        for key, variant in self._variants.items():
            self.variant.addItem(variant.name, key)
        index = self.variant.findData(select)
        self.variant.setCurrentIndex(max(index, 0))
        self.variant.blockSignals(False)
        self._variant_chosen(self.variant.currentIndex())

    def save_variant(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as variant"), self.tr("Name of the variant:"))
        if not ok or not name.strip():
            return
        try:
            variant = self.choice(name)
        except CoappError as error:
            self.banner.show_error(reason(error))
            return
        service = self._service()

        def saved(stored: ResumeVariant) -> None:
            self._load_variants(select=stored.key)
            self.banner.show_message(self.tr("Saved the variant “{name}”.").format(name=stored.name))

        self._state.tasks.write(lambda: service.save(variant), saved, self._refused)

    def remove_variant(self) -> None:
        key = self.variant.currentData()
        variant = self._variants.get(key) if key else None
        if variant is None:
            return
        service = self._service()

        def removed(_: object) -> None:
            self._load_variants(select=EVERYTHING)
            self._show_variant(variant)  # what it chose stays on screen: saving it again undoes this
            self.banner.show_message(
                self.tr("Removed the variant “{name}”; save the choice again to bring it back.").format(
                    name=variant.name
                )
            )

        self._state.tasks.write(lambda: service.remove(variant.name), removed, self._refused)

    def _refused(self, error: BaseException) -> None:
        self.banner.show_error(reason(error))

    # --- export ------------------------------------------------------------------------------------

    def ask_path(self) -> Path | None:
        from coapp.documents.file_names import safe_file_name

        name = safe_file_name(f"CV {self._profile.details.name}".strip(), fallback="CV") + ".pdf"
        return ask_save_path(self, self.tr("Export resume"), name, self.tr("PDF (*.pdf)"))

    def export(self) -> None:
        """Ask where, then write."""
        target = self.ask_path()
        if target is not None:
            self.export_to(target)

    def export_to(self, target: Path) -> None:
        try:
            choice = self.choice()
        except CoappError as error:
            self.banner.show_error(reason(error))
            return
        if self.busy:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        ctx = self._state.ctx
        self.busy = True
        self._update()
        self.banner.show_message(self.tr("Writing {path}…").format(path=target))

        def work() -> Path:
            from coapp.documents.resume_pdf import ResumeOptions, write_resume_pdf
            from coapp.domain.resume_variants import select, shows_photo

            profile = select(ctx.profile.get(), choice.sections, choice.experience_ids)
            photo = ctx.profile_files.photo_path() if shows_photo(choice.sections) else None
            write_resume_pdf(profile, target, ResumeOptions(choice.language, choice.look, photo))
            return target

        def done(written: Path) -> None:
            self.busy = False
            self.written = written
            self.open_button.setVisible(True)
            self.banner.show_message(self.tr("Saved the resume to {path}.").format(path=written))
            self._update()

        def failed(error: BaseException) -> None:
            self.busy = False
            self._update()
            if isinstance(error, OSError):
                detail = error.strerror or str(error)
                self.banner.show_error(
                    self.tr("Could not write {path}: {reason}").format(path=target, reason=detail)
                )
            else:
                self.banner.show_error(reason(error))

        self._state.tasks.run(work, done, failed)

    def open_written(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
