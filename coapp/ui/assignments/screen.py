"""Assignments (issue 10): the platform's assignments on this computer, searched while typing and
sorted by how well they match the profile, with a detail pane that says why; Ctrl+D (or the star)
keeps one among the favourites, and Ctrl+Z takes that back.

The search runs on the GUI thread: a keystroke's query over ten thousand assignments stays within a
frame (benchmarks section 8), and a worker's round trip would only make the list lag behind typing.
Keystrokes that come faster than the list is drawn are taken together (one search per turn).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.errors import CoappError
from coapp.services.assignments import AssignmentFilters, SearchResult, Sort
from coapp.ui.assignments.detail import DetailPane
from coapp.ui.assignments.list_model import ITEM_ROLE, AssignmentsModel, RowDelegate, RowTexts
from coapp.ui.error_text import error_text
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import ErrorBanner, ScreenHeader, make_action, set_shown

if TYPE_CHECKING:
    from coapp.services.applications import ApplyResult
    from coapp.services.assignments import AssignmentService
    from coapp.ui.app_state import AppState
    from coapp.ui.assignments.apply_dialog import ApplyDialog
    from coapp.ui.formats import Formats


class FavouriteCommand(QUndoCommand):
    """A star set or cleared; undo sets it back (through the service, which queues the sync)."""

    def __init__(self, screen: AssignmentsScreen, assignment_id: str, on: bool, text: str) -> None:
        super().__init__(text)
        self._screen, self._id, self._on = screen, assignment_id, on
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._screen.set_favourite(self._id, self._on)

    def undo(self) -> None:
        self._screen.set_favourite(self._id, not self._on)


class AssignmentsScreen(QWidget):
    applicationQueued = Signal()  # an application waits to be sent: the window asks for a sync

    def __init__(
        self, state: AppState, formats: Formats, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentsTab")
        self.setAccessibleName(self.tr("Assignments"))
        self.state = state
        self.undo_stack = undo_stack
        self.texts = RowTexts(formats)
        self.header = ScreenHeader("assignments", self.tr("Assignments"), self)

        self.search = QLineEdit(self)
        self.search.setObjectName("assignmentSearch")
        self.search.setPlaceholderText(self.tr("Search title, client, skills… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search assignments"))
        self.search.setClearButtonEnabled(True)
        self.remote = QCheckBox(self.tr("Remote only"), self)
        self.remote.setObjectName("assignmentRemoteOnly")
        self.remote.setToolTip(self.tr("Show only assignments that can be done remotely"))
        self.favourites_only = QCheckBox(self.tr("Favourites only"), self)
        self.favourites_only.setObjectName("assignmentFavouritesOnly")
        self.favourites_only.setToolTip(self.tr("Show only the assignments you marked with a star"))
        self.open_only = QCheckBox(self.tr("Open only"), self)
        self.open_only.setObjectName("assignmentOpenOnly")
        self.open_only.setToolTip(self.tr("Hide assignments whose application period has closed"))
        self.open_only.setChecked(True)
        self.sort = QComboBox(self)
        self.sort.setObjectName("assignmentSort")
        self.sort.setAccessibleName(self.tr("Sort by"))
        self.sort.setToolTip(
            self.tr("The order of the list: best match uses your profile's skills, rate and availability")
        )
        for text, value in (
            (self.tr("Best match"), Sort.MATCH),
            (self.tr("Newest"), Sort.NEWEST),
            (self.tr("Starting soonest"), Sort.START),
            (self.tr("Highest rate"), Sort.RATE),
        ):
            self.sort.addItem(text, value)

        self.model = AssignmentsModel(self.texts, self)
        self.list = QListView(self)
        self.list.setObjectName("assignmentList")
        self.list.setAccessibleName(self.tr("Assignments, best match first"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(RowDelegate(self.texts, self.list))
        self.list.setUniformItemSizes(True)  # ten thousand rows scroll without measuring each
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty = QLabel(self)
        self.empty.setObjectName("assignmentsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.empty, "empty")
        self.banner = ErrorBanner("assignmentsBanner", self.tr("Assignment messages"), self)
        self.detail = DetailPane(self.texts, self)
        self.detail.star.clicked.connect(self.toggle_favourite)
        self.detail.apply_button.clicked.connect(self.apply)
        self.apply_action = make_action(
            self, self.tr("Apply…"), self.apply, name="applyAction",
            shortcut="Ctrl+Shift+A", context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )  # fmt: skip
        self.addAction(self.apply_action)
        self.apply_dialog: ApplyDialog | None = None

        self.favourite_action = make_action(
            self, self.tr("Favourite"), self.toggle_favourite, name="favouriteAction",
            shortcut="Ctrl+D", context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )  # fmt: skip
        self.find_action = make_action(
            self, self.tr("Search"), self.focus_search, name="findAssignmentAction",
            shortcut=QKeySequence.StandardKey.Find, context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )  # fmt: skip
        self.addAction(self.favourite_action)
        self.addAction(self.find_action)
        self._layout()

        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)  # keystrokes already queued are taken together
        self._pending.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._pending.start())
        self.search.returnPressed.connect(self._to_list)
        for box in (self.remote, self.favourites_only, self.open_only):
            box.toggled.connect(lambda _on: self._pending.start())
        self.sort.currentIndexChanged.connect(lambda _i: self._pending.start())
        self.list.selectionModel().currentChanged.connect(lambda current, _p: self._show_detail(current))
        self._total = 0  # live assignments on this computer, as the last search counted them
        self._cold = True  # the service has not scored the assignments yet: search on a worker
        self._searching = False
        self._again = False
        self._sized = False
        self.header.set_status(self.tr("Loading assignments…"))
        state.when_ready(self.refresh)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(Space.M)
        for widget in (self.remote, self.favourites_only, self.open_only):
            filters.addWidget(widget)
        filters.addStretch(1)
        sort_label = QLabel(self.tr("Sort:"), self)
        sort_label.setBuddy(self.sort)
        filters.addWidget(sort_label)
        filters.addWidget(self.sort)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(Space.XL, Space.L, Space.S, Space.L)
        column.setSpacing(Space.S)
        column.addWidget(self.search)
        column.addLayout(filters)
        column.addWidget(self.banner)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty, 1)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(Space.S, Space.L, Space.XL, Space.L)
        side.addWidget(self.detail)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("assignmentsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.search)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._sized:  # the detail gets room to read in, the list the rest
            self._sized = True
            width = max(self.splitter.width(), 800)
            self.splitter.setSizes([width * 58 // 100, width * 42 // 100])

    @property
    def service(self) -> AssignmentService:
        return self.state.ctx.assignments

    # --- the list -------------------------------------------------------------------------------------

    def filters(self) -> AssignmentFilters:
        return AssignmentFilters(
            query=self.search.text(),
            remote_only=self.remote.isChecked(),
            favourites_only=self.favourites_only.isChecked(),
            open_only=self.open_only.isChecked(),
            sort=Sort(self.sort.currentData()),
        )

    def refresh(self) -> None:
        """Search again with what is typed and ticked; the chosen assignment stays chosen. The first
        search (and the first after a sync) scores every assignment against the profile, about a
        second for ten thousand: that one runs on a worker, typing meanwhile is searched after it."""
        if not self.state.ready:
            return
        try:
            filters = self.filters()
        except CoappError as error:  # an over-long search: said under the box, the list as it was
            self.banner.show_error(error_text(error))
            return
        if self._cold:
            self._search_on_worker(filters)
            return
        if self._searching:
            self._again = True
            return
        try:
            result = self.service.search(filters)
        except CoappError as error:
            self.banner.show_error(error_text(error))
            return
        self._show(result)

    def _search_on_worker(self, filters: AssignmentFilters) -> None:
        if self._searching:
            self._again = True
            return
        self._searching = True
        service = self.service

        def done(result: SearchResult) -> None:
            self._searching = False
            self._cold = False
            if self._again:  # typed or ticked meanwhile: search what is there now (warm: at once)
                self._again = False
                self.refresh()
                return
            self._show(result)

        def failed(error: BaseException) -> None:
            self._searching = False
            if not isinstance(error, CoappError):
                raise error
            self.banner.show_error(error_text(error))

        self.state.tasks.run(lambda: service.search(filters), done, failed)

    def show_assignment(self, assignment_id: str) -> None:
        """Choose *assignment_id* in the list (the dashboard or a notification leads here): the
        search and filters are cleared if they would hide it."""
        self._wanted = assignment_id
        if not self._cold and self.model.row_of(assignment_id) < 0:
            for box in (self.remote, self.favourites_only, self.open_only):
                box.setChecked(False)
            self.search.clear()
        self.refresh()  # _show chooses it (at once, or when the search on the worker ends)
        self.list.setFocus()

    def _show(self, result: SearchResult) -> None:
        self.banner.clear()
        chosen, self._wanted = self._wanted or self.current_id(), None
        self.model.show(result.items, result.favourites)
        row = self.model.row_of(chosen) if chosen else -1
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self._show_detail(QModelIndex())
        self._total = result.total
        self._say(len(result.items), result.total, len(result.favourites))

    def _say(self, shown: int, total: int, favourites: int) -> None:
        if total == 0:
            self.empty.setText(
                self.tr("No assignments here yet. Sign in (Account menu) and sync (F5) to get them.")
            )
        elif shown == 0:
            self.empty.setText(self.tr("Nothing matches. Clear the search (Esc in the box) or the filters."))
        set_shown(self.empty, shown == 0)
        set_shown(self.list, shown > 0)
        listed = (
            self.tr("{shown} of 1 assignment") if total == 1 else self.tr("{shown} of {total} assignments")
        )
        liked = self.tr("1 favourite") if favourites == 1 else self.tr("{n} favourites").format(n=favourites)
        self.header.set_status(f"{listed.format(shown=shown, total=total)} · {liked}")

    def current_id(self) -> str | None:
        item = self.list.currentIndex().data(ITEM_ROLE)
        return item.id if item is not None else None

    def _show_detail(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is None:
            self.detail.show_detail(None)
            return
        try:
            self.detail.show_detail(self.service.get(item.id))
        except CoappError as error:
            self.detail.show_detail(None)
            self.banner.show_error(error_text(error))
            return
        self.detail.show_application(self._applied().get(item.id), item.status == "closed")

    def _applied(self) -> dict[str, str]:
        """The state of the application for each assignment applied for (the newest one)."""
        return {a.assignment_id: a.state for a in self.state.ctx.applications.list()}

    # --- applying ---------------------------------------------------------------------------------------

    def apply(self) -> ApplyDialog | None:
        index = self.list.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        detail = self.detail.detail
        if item is None or detail is None or self.detail.apply_button.isHidden():
            return None
        from coapp.services.resume_variants import ResumeVariantService
        from coapp.ui.assignments.apply_dialog import ApplyDialog

        variants = ResumeVariantService(self.state.ctx.store).all()
        dialog = ApplyDialog(self.state, item, detail.hours_per_week, self.texts, variants, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self._applied_for)
        self.apply_dialog = dialog
        dialog.open()
        return dialog

    def _applied_for(self, result: ApplyResult) -> None:
        text = self.tr("Application for {title} stored; the next sync sends it with your consent.").format(
            title=result.application.assignment_title
        )
        if result.warnings:
            text += " " + self.tr("Your rate is outside the client's range; it is sent as you stated it.")
        self.banner.show_message(text)
        self._show_detail(self.list.currentIndex())
        self.applicationQueued.emit()

    # --- favourites --------------------------------------------------------------------------------------

    def toggle_favourite(self) -> None:
        assignment_id = self.current_id()
        if assignment_id is None:
            return
        on = assignment_id not in self.model.favourites
        item = self.list.currentIndex().data(ITEM_ROLE)
        if self.set_favourite(assignment_id, on):
            text = (self.tr("Favourite {title}") if on else self.tr("Unfavourite {title}")).format(
                title=item.title
            )
            self.undo_stack.push(FavouriteCommand(self, assignment_id, on, text))

    def set_favourite(self, assignment_id: str, on: bool) -> bool:
        """Star or unstar (saved at once, sent at the next sync); False when it was refused."""
        try:
            self.service.set_favourite(assignment_id, on)
        except CoappError as error:
            self.banner.show_error(error_text(error))
            return False
        self.model.set_favourites(self.service.favourite_ids())
        if self.favourites_only.isChecked():
            self.refresh()
        elif self.current_id() == assignment_id:
            self._show_detail(self.list.currentIndex())
        self._say(self.model.rowCount(), self._total, len(self.model.favourites))
        return True

    # --- keys ---------------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _to_list(self) -> None:
        if self.model.rowCount():
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)

    _wanted: str | None = None  # an assignment to choose when the next search ends

    def reload(self) -> None:
        """Rows arrived from a sync (or the profile changed): search again, on a worker."""
        self._cold = True
        self.refresh()

    def clear_messages(self) -> None:
        self.banner.clear()
