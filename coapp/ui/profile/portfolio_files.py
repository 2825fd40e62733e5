"""The file of the current portfolio item: what is attached, Attach file… (replaces it), Open (a copy
under its own name, so the system knows what opens it) and Remove file (Ctrl+Z attaches it again).

The size and kind are checked before anything is stored and said in the UI's words; reading and
copying run off the GUI thread (a portfolio file may be 25 MB)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QSizePolicy, QWidget

from coapp.domain.errors import ValidationError
from coapp.domain.profile_files import MAX_PORTFOLIO_BYTES, clean_file_name, sniff_content_type
from coapp.domain.profile_sections import AttachedFile, PortfolioItem
from coapp.services.profile_files import PreparedFile, read_source
from coapp.ui.formats import locale_of
from coapp.ui.i18n import current_language
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import make_button

if TYPE_CHECKING:
    from coapp.ui.profile.portfolio_panel import PortfolioPanel

PATTERNS = "*.pdf *.png *.jpg *.jpeg *.gif *.webp *.txt *.md"


def size_text(size: int) -> str:
    """1,5 MB in Swedish, 1.5 MB in English."""
    if size >= 1024 * 1024:
        return locale_of(current_language()).toString(size / (1024 * 1024), "f", 1) + " MB"
    return f"{max(1, round(size / 1024))} kB"


class DetachFile(QUndoCommand):
    """Applied once before it is pushed; undo attaches the same bytes under the same name again."""

    def __init__(self, text: str, item_id: str, prepared: PreparedFile, strip: FileStrip) -> None:
        super().__init__(text)
        self._item_id, self._prepared, self._strip = item_id, prepared, strip
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        files, item_id = self._strip.files, self._item_id
        self._strip.panel.write(lambda _s: files.detach_file(item_id), lambda _r: None)

    def undo(self) -> None:
        files, item_id, prepared = self._strip.files, self._item_id, self._prepared
        self._strip.panel.write(lambda _s: files.attach_prepared(item_id, prepared), lambda _r: None)


class FileStrip(QWidget):
    """Under the portfolio's list, about its current item."""

    def __init__(self, panel: PortfolioPanel) -> None:
        super().__init__(panel)
        self.setObjectName("profilePortfolioFile")
        self.panel = panel
        self.label = QLabel(self)
        self.label.setObjectName("profilePortfolioFileName")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setWordWrap(True)  # a refusal's reason is read here, not in a tooltip
        set_role(self.label, "hint")
        self.attach_button = make_button(
            self,
            "profilePortfolioAttach",
            self.tr("Attach file…"),
            self.tr("Attach a PDF, picture or text of at most 25 MB to the selected work"),
            self.choose,
        )
        self.open_button = make_button(
            self,
            "profilePortfolioOpen",
            self.tr("Open"),
            self.tr("Open the attached file (Ctrl+O)"),
            self.open_file,
        )
        self.detach_button = make_button(
            self,
            "profilePortfolioDetach",
            self.tr("Remove file"),
            self.tr("Remove the attached file (Ctrl+Z brings it back)"),
            self.detach,
        )
        self.open_button.setAccessibleName(self.tr("Open file"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(Space.S)
        layout.addWidget(self.label, 1)
        for button in (self.attach_button, self.open_button, self.detach_button):
            layout.addWidget(button)
        self.opened: Path | None = None  # the last copy handed to the system (tests look at it)

    @property
    def files(self) -> Any:
        return self.panel.lane.files

    def show_item(self, item: PortfolioItem | None) -> None:
        self.setVisible(item is not None)
        if item is None:
            return
        attached = item.file
        if attached is None:
            self.label.setText(self.tr("No file attached"))
        else:
            status = self.trip(attached)
            self.label.setText(" · ".join(p for p in (attached.name, size_text(attached.size), status) if p))
        self.label.setToolTip(self.label.text())
        self.label.setAccessibleName(self.label.text())
        self.attach_button.setText(self.tr("Replace file…") if attached else self.tr("Attach file…"))
        self.open_button.setVisible(attached is not None)
        self.detach_button.setVisible(attached is not None)

    def trip(self, attached: AttachedFile) -> str:
        """Where the file stands between this computer and the platform, when that is worth saying
        (read again each time the item is shown: after every sync round the screen is)."""
        files = self.files
        if files.file_path(attached.sha256) is None:
            return self.tr("not on this computer yet; it comes with the next sync")
        info = files.transfer(attached.sha256)
        if info is None or info.direction != "up" or info.state == "done":
            return ""  # never synced (signed out), or the platform has it
        if info.state == "sending" and attached.size:
            percent = min(99, 100 * info.done_bytes // attached.size)
            return self.tr("uploading, {percent} % sent").format(percent=percent)
        if info.state == "refused":
            return self.tr("the platform refused it: {reason}").format(reason=info.error or "?")
        return self.tr("waiting to go to the platform")

    # --- attaching ----------------------------------------------------------------------------------

    def choose(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a file"),
            start,
            self.tr("Portfolio files ({patterns});;All files (*)").format(patterns=PATTERNS),
        )
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        item = self.panel.selected()
        if item is None:
            return
        name = clean_file_name(path.name)
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # reading it names the problem
        if size > MAX_PORTFOLIO_BYTES:
            self.panel.banner.show_error(
                self.tr("{name} is {size}; a portfolio file can be at most 25 MB.").format(
                    name=name, size=size_text(size)
                ),
                self.tr("Attach a smaller file, or add a link to where it is shared."),
            )
            return
        # Said in the UI's words, formatted on the worker (QCoreApplication.translate is thread-safe
        # but the panel is not to be touched there).
        not_a_kind = self.tr(
            "{name} is not a kind of file a portfolio can hold: attach a PDF, a PNG, JPEG, GIF or WebP "
            "picture, or plain text or Markdown."
        )
        files, item_id = self.files, item.id

        def work(_service: Any) -> PortfolioItem:
            data = read_source(path, MAX_PORTFOLIO_BYTES, "a portfolio file")
            kind = sniff_content_type(data, path.name)
            if kind is None:
                raise ValidationError(not_a_kind.format(name=name))
            stored: PortfolioItem = files.attach_prepared(item_id, PreparedFile(data, name, kind))
            return stored

        self.panel.write(work, lambda _item: self.attach_button.setFocus())

    # --- opening and detaching ---------------------------------------------------------------------

    def open_file(self) -> None:
        item = self.panel.selected()
        if item is None or item.file is None:
            return
        attached, files = item.file, self.files
        missing = self.tr("{name} is not on this computer yet; it comes with the next sync.").format(
            name=attached.name
        )

        def work() -> Path:
            source = files.file_path(attached.sha256)
            if source is None:
                raise ValidationError(missing)
            # Stored under its checksum; the copy gets its name so the system knows what opens it.
            copy = Path(tempfile.mkdtemp(prefix="coapp-open-")) / attached.name
            shutil.copyfile(source, copy)
            return copy

        def copied(copy: Path) -> None:
            self.panel.banner.clear()
            self.opened = copy
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

        self.panel.lane.run(work, copied, self.panel.banner.show_error)

    def detach(self) -> None:
        item = self.panel.selected()
        if item is None or item.file is None:
            return
        attached, files, item_id = item.file, self.files, item.id

        def work(_service: Any) -> PreparedFile:
            source = files.file_path(attached.sha256)
            data = source.read_bytes() if source is not None else b""
            files.detach_file(item_id)
            return PreparedFile(data, attached.name, attached.content_type)

        def detached(prepared: PreparedFile) -> None:
            if prepared.data:  # a file not yet synced here cannot come back from this computer
                text = self.tr("Remove file {name}").format(name=attached.name)
                self.panel.undo_stack.push(DetachFile(text, item_id, prepared, self))
            self.attach_button.setFocus()

        self.panel.write(work, detached)
