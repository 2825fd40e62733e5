"""The personal letter's editor: rich text kept as Markdown, with the formatting a letter needs
(headings, bulleted and numbered lists, bold and italic) on a few shortcuts, and no more: what the
resume PDF can print is what the editor can make (colours, fonts and tables are not offered)."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

# Qt's Markdown writer wraps lines at 80 columns and may break a line right after an opening "*" or
# "**" ("years of *" / "Python*"), or right before a closing one; read back, the emphasis is lost.
# The delimiter moves to the other side of the break, so the word and its emphasis stay together.
_OPENING_BEFORE_BREAK = re.compile(r"(?<=\s)(\*{1,3}|_{1,3})\n")
_CLOSING_AFTER_BREAK = re.compile(r"\n(\*{1,3}|_{1,3})(?=[\s.,;:!?)\]]|$)")


def mend_wraps(markdown: str) -> str:
    markdown = _OPENING_BEFORE_BREAK.sub(lambda m: "\n" + m.group(1), markdown)
    return _CLOSING_AFTER_BREAK.sub(lambda m: m.group(1) + "\n", markdown)


# Markdown heading levels offered: "##" a heading, "###" a subheading (a "#" is the resume's name).
HEADING, SUBHEADING = 2, 3


class LetterEditor(QTextEdit):
    left = Signal()  # the keyboard went elsewhere: time to save

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileLetter")
        self.setTabChangesFocus(True)  # Tab leaves the letter, as in every other field
        self.setAcceptRichText(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Pasted web pages bring colours, fonts and tables the letter cannot keep: their text comes
        # in as Markdown when it has one, or as plain text, so what is seen is what is saved.
        if source.hasFormat("text/markdown"):
            self.textCursor().insertMarkdown(
                bytes(source.data("text/markdown").data()).decode("utf-8", "replace")
            )
        elif source.hasText():
            self.textCursor().insertText(source.text())
        else:
            super().insertFromMimeData(source)

    def markdown(self) -> str:
        return mend_wraps(self.document().toMarkdown()).strip()

    # --- formatting ---------------------------------------------------------------------------------

    def toggle_bold(self) -> None:
        bold = self.currentCharFormat().fontWeight() < QFont.Weight.Bold
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self._merge(fmt)

    def _merge(self, fmt: QTextCharFormat) -> None:
        # The selection, or without one what is typed next (as in every word processor).
        self.mergeCurrentCharFormat(fmt)

    def heading_level(self) -> int:
        return self.textCursor().blockFormat().headingLevel()

    def set_heading(self, level: int) -> None:
        """The current paragraphs as a heading of *level* (0: body text), sized as Markdown shows it."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if level and current is not None:  # a heading is no list item
            block = cursor.block()
            current.remove(block)
            unindent = cursor.blockFormat()
            unindent.setIndent(0)
            cursor.setBlockFormat(unindent)
        block_format = QTextBlockFormat()
        block_format.setHeadingLevel(level)
        cursor.mergeBlockFormat(block_format)
        chars = QTextCharFormat()
        # The sizes Qt's own Markdown reader gives headings, so a loaded letter looks the same.
        chars.setProperty(QTextFormat.Property.FontSizeAdjustment, 4 - level if level else 0)
        chars.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(chars)
        cursor.endEditBlock()
        self.mergeCurrentCharFormat(chars)

    def list_style(self) -> QTextListFormat.Style | None:
        current = self.textCursor().currentList()
        return current.format().style() if current is not None else None

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """The paragraphs into a list of *style*; again (same style) takes them out of it."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            for block in [current.item(i) for i in range(current.count())]:
                if cursor.selectionStart() <= block.position() + block.length() - 1 and (
                    block.position() <= max(cursor.selectionEnd(), cursor.position())
                ):
                    current.remove(block)
                    plain = QTextCursor(block)
                    unindent = plain.blockFormat()
                    unindent.setIndent(0)
                    plain.setBlockFormat(unindent)
        else:
            if self.heading_level():
                self.set_heading(0)
            if current is not None:
                fmt = current.format()
                fmt.setStyle(style)
                current.setFormat(fmt)
            else:
                cursor.createList(style)
        cursor.endEditBlock()

    def replace_markdown(self, markdown: str) -> None:
        """The whole letter replaced in one step that Ctrl+Z takes back (not a fresh document)."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        cursor.insertMarkdown(markdown)
        cursor.endEditBlock()
