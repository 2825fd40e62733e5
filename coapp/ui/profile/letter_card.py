"""The personal letter: a formatted editor saved as Markdown as the user writes (a moment after the
typing stops, and at once when the keyboard leaves it), on the writes lane. A save that returns never
replaces what is in the editor while it is being written in; a refused letter (too long) stays in the
editor with the reason under it, and saves again with the next change.

Restoring an earlier version (from the platform, kept by sync) is not here yet: the sync helper adds
its control with ``add_tool`` and puts the chosen version in with ``replace_text``, which Ctrl+Z
takes back."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextListFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from coapp.domain.errors import CoappError
from coapp.domain.profile import MAX_LETTER_LENGTH, check_letter
from coapp.domain.profile_completeness import LETTER_WORDS_BEST
from coapp.domain.profile_text import word_count
from coapp.ui.error_text import error_text
from coapp.ui.formats import locale_of
from coapp.ui.i18n import current_language
from coapp.ui.profile.lane import ProfileLane
from coapp.ui.profile.letter_editor import HEADING, SUBHEADING, LetterEditor
from coapp.ui.theme import Space, set_role
from coapp.ui.toolkit import Card, ErrorBanner, icon, make_action

SAVE_AFTER_MS = 1200  # a pause in typing; leaving the field saves at once
COUNT_AFTER_MS = 250  # the word count of a long letter is not redone on every key


class LetterCard(Card):
    def __init__(self, lane: ProfileLane, parent: QWidget | None = None) -> None:
        super().__init__("profileLetterCard", parent)
        self._lane = lane
        self._stored = ""  # the letter as last stored
        # What the unmodified editor holds, as Markdown: compared instead of writing the document
        # out again on every save of any card (Qt takes long over long paragraphs).
        self._shown = ""
        self._saving = 0  # saves on their way
        self._refused = False
        top = QHBoxLayout()
        heading = QLabel(self.tr("Personal letter"), self)
        set_role(heading, "subtitle")
        top.addWidget(heading, 1)
        self.tools = QHBoxLayout()  # room for a version control (sync), right of the heading
        self.tools.setSpacing(Space.XS)
        top.addLayout(self.tools)
        self.body.addLayout(top)
        self.intro = QLabel(
            self.tr("Who you are and what you do best, in your own words. It opens your resume."), self
        )
        self.intro.setWordWrap(True)
        set_role(self.intro, "hint")
        self.body.addWidget(self.intro)

        self.editor = LetterEditor(self)
        self.editor.setAccessibleName(self.tr("Personal letter"))
        self.editor.setAccessibleDescription(
            self.tr(
                "Saved as you write. Ctrl+B bold, Ctrl+I italic, Ctrl+Alt+1 heading, Ctrl+Alt+2 "
                "subheading, Ctrl+Alt+0 body text, Ctrl+Shift+8 bulleted list, Ctrl+Shift+7 numbered list"
            )
        )
        self.editor.setPlaceholderText(
            self.tr("I am a backend developer who likes making slow systems fast…")
        )
        self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(Space.XS)
        self.actions_by_name: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        bold = QKeySequence(QKeySequence.StandardKey.Bold).toString()
        italic = QKeySequence(QKeySequence.StandardKey.Italic).toString()
        disc, decimal = QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListDecimal
        tools = (
            ("letterHeadingAction", self.tr("Heading"), "Ctrl+Alt+1", "fa6s.heading", self._toggle_heading),
            (
                "letterSubheadingAction",
                self.tr("Subheading"),
                "Ctrl+Alt+2",
                "",
                lambda: self._heading(SUBHEADING),
            ),
            ("letterBodyAction", self.tr("Body text"), "Ctrl+Alt+0", "", lambda: self._heading(0)),
            ("letterBoldAction", self.tr("Bold"), bold, "fa6s.bold", self.editor.toggle_bold),
            ("letterItalicAction", self.tr("Italic"), italic, "fa6s.italic", self.editor.toggle_italic),
            (
                "letterBulletsAction",
                self.tr("Bulleted list"),
                "Ctrl+Shift+8",
                "fa6s.list-ul",
                lambda: self._list(disc),
            ),
            (
                "letterNumbersAction",
                self.tr("Numbered list"),
                "Ctrl+Shift+7",
                "fa6s.list-ol",
                lambda: self._list(decimal),
            ),
        )
        for name, text, key, glyph, slot in tools:
            action = make_action(
                self.editor, text, slot, name=name, shortcut=key, context=Qt.ShortcutContext.WidgetShortcut
            )
            self.editor.addAction(action)
            self.actions_by_name[name] = action
            if glyph:
                action.setCheckable(True)
                action.setProperty("glyph", glyph)
                button = QToolButton(self)
                button.setObjectName(name.replace("Action", "Button"))
                button.setDefaultAction(action)
                button.setAutoRaise(True)
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                button.setToolTip(f"{text} ({shortcut})")
                button.setAccessibleName(text)
                self.toolbar.addWidget(button)
                self.buttons[name] = button
        # Tab reaches the tools before the text, as they read above it.
        chain = [*self.buttons.values(), self.editor]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.toolbar.addStretch(1)
        self.state = QLabel(self)  # Saved / Saving… / Not saved
        self.state.setObjectName("profileLetterState")
        set_role(self.state, "hint")
        self.toolbar.addWidget(self.state)
        self.body.addLayout(self.toolbar)
        self.body.addWidget(self.editor, 1)
        self.count = QLabel(self)
        self.count.setObjectName("profileLetterWords")
        self.count.setWordWrap(True)
        set_role(self.count, "hint")
        self.body.addWidget(self.count)
        self.banner = ErrorBanner("profileLetterError", self.tr("Problem with the letter"), self)
        self.body.addWidget(self.banner)

        self.pause_timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self.pause_timer.timeout.connect(self.save_now)
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_AFTER_MS)
        self._count_timer.timeout.connect(self._show_count)
        self.editor.textChanged.connect(self._typed)
        self.editor.left.connect(self.save_now)
        self.editor.cursorPositionChanged.connect(self._show_format)
        self.editor.currentCharFormatChanged.connect(lambda _f: self._show_format())
        self._icons = False
        self._show_count()
        self._show_format()

    # --- what is stored -----------------------------------------------------------------------------

    def show_letter(self, letter: str) -> None:
        """The stored letter; the editor keeps its text while it is written in or not yet saved."""
        self._stored = letter
        editor = self.editor
        if editor.hasFocus() or editor.document().isModified() or self._saving or self._refused:
            return
        if letter != self._shown:
            self._shown = letter
            editor.setMarkdown(letter)
            editor.document().setModified(False)
            self._show_count()

    def save_now(self) -> None:
        self.pause_timer.stop()
        document = self.editor.document()
        # A refused letter is saved again even when undo has brought the editor back to the
        # document's clean state (Qt then calls it unmodified).
        if not document.isModified() and not self._refused:
            return
        plain = self.editor.toPlainText()
        if len(plain.strip()) > MAX_LETTER_LENGTH:
            # Refused without asking the store: the Markdown is longer still, and Qt takes seconds
            # to write a paragraph of 200,000 characters as Markdown. The rule's own words say why.
            try:
                check_letter(plain)
            except CoappError as error:
                self._refuse(error_text(error))
                return
        markdown = self.editor.markdown()
        self._shown = markdown
        document.setModified(False)  # typing from now on is the next save's
        if markdown == self._stored and not self._refused:
            self._set_state("")
            return
        self._saving += 1
        self._set_state(self.tr("Saving…"))

        def done(_result: object) -> None:
            self._saving -= 1
            self._refused = False
            self.banner.clear()
            if not self._saving:
                self._set_state(self.tr("Saved") if not document.isModified() else "")

        def failed(why: str) -> None:
            self._saving -= 1
            self._refuse(why)

        self._lane.write(lambda s: s.set_letter(markdown), done, failed)

    def _refuse(self, why: str) -> None:
        self._refused = True
        self.editor.document().setModified(True)  # still to be saved: a change or leaving tries again
        self._set_state(self.tr("Not saved"))
        self.banner.show_error(why, self.tr("Your text is kept here; it saves once it fits."))

    def replace_text(self, markdown: str) -> None:
        """Put another text in (an earlier version, chosen by the user): saved, and Ctrl+Z in the
        editor brings back what was there."""
        self.editor.replace_markdown(markdown)
        self.save_now()

    def add_tool(self, widget: QWidget) -> None:
        """A control beside the heading (the sync helper's “Earlier versions…”)."""
        self.tools.addWidget(widget)

    # --- as the user writes -------------------------------------------------------------------------

    def _typed(self) -> None:
        if self.editor.document().isModified() or self._refused:
            self.pause_timer.start()
            self._set_state("")
        self._count_timer.start()

    def _show_count(self) -> None:
        words = word_count(self.editor.toPlainText())  # the words, not the Markdown's marks
        low, high = LETTER_WORDS_BEST
        number = locale_of(current_language()).toString(words)  # 50 023 in Swedish
        counted = self.tr("1 word") if words == 1 else self.tr("{n} words").format(n=number)
        advice = self.tr("{low}–{high} words read best").format(low=low, high=high)
        self.count.setText(f"{counted} · {advice}")
        self.count.setAccessibleName(self.count.text())

    def _set_state(self, text: str) -> None:
        self.state.setText(text)

    # --- the toolbar ----------------------------------------------------------------------------------

    def _toggle_heading(self) -> None:
        self._heading(0 if self.editor.heading_level() == HEADING else HEADING)

    def _heading(self, level: int) -> None:
        self.editor.set_heading(level)
        self._show_format()

    def _list(self, style: QTextListFormat.Style) -> None:
        self.editor.toggle_list(style)
        self._show_format()

    def _show_format(self) -> None:
        fmt = self.editor.currentCharFormat()
        style = self.editor.list_style()
        checked = {
            "letterHeadingAction": self.editor.heading_level() > 0,
            "letterBoldAction": fmt.fontWeight() >= 600 and not self.editor.heading_level(),
            "letterItalicAction": fmt.fontItalic(),
            "letterBulletsAction": style == QTextListFormat.Style.ListDisc,
            "letterNumbersAction": style == QTextListFormat.Style.ListDecimal,
        }
        for name, on in checked.items():
            self.actions_by_name[name].setChecked(on)

    # --- icons, in the theme's colours ----------------------------------------------------------------

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._icons:
            self._load_icons()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_icons", False):
            self._load_icons()  # a change of theme: the glyphs in its colours

    def _load_icons(self) -> None:
        self._icons = True
        size = self.fontMetrics().height()
        for button in self.buttons.values():
            action = button.defaultAction()
            # On the action: the button takes its icon from it again whenever it changes (checked).
            action.setIcon(icon(str(action.property("glyph"))))
            button.setIconSize(QSize(size, size))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
