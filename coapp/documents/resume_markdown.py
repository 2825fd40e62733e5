"""The subset of Markdown a personal letter or a job's description uses, turned into blocks for the PDF.

Blocks: headings (#, ##, ###), bullet items (-, *, +), numbered items (1.) and paragraphs (lines
joined until a blank line). Inline: **strong** / __strong__ and *emphasis* / _emphasis_, given as
fpdf2's own markup (**bold**, __italics__); every other marker character fpdf2 would read
(--, ~~, a backslash) is escaped, so "2019--2021" prints as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*([0-9]{1,3})[.)]\s+(.*)$")
_INLINE = re.compile(
    r"\*\*(?=\S)(.+?)(?<=\S)\*\*"  # **strong**
    r"|(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])"  # __strong__
    r"|\*(?=[^\s*])(.+?)(?<=[^\s*])\*"  # *emphasis*
    r"|(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"  # _emphasis_
)
_FPDF_MARKERS = ("**", "__", "--", "~~")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "bullet", "numbered", "paragraph"
    text: str  # fpdf2 markup
    level: int = 0  # heading level, or the item's number


def escape(text: str) -> str:
    """Plain text as fpdf2 markup that prints exactly that text."""
    text = text.replace("\\", "\\\\")
    for marker in _FPDF_MARKERS:
        text = text.replace(marker, "\\" + marker)
    return text


def inline(text: str) -> str:
    """Markdown emphasis as fpdf2 markup; everything else escaped."""
    out: list[str] = []
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(escape(text[pos : m.start()]))
        strong, strong2, em, em2 = m.groups()
        if strong or strong2:
            out.append(f"**{escape(strong or strong2)}**")
        else:
            out.append(f"__{escape(em or em2)}__")
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def blocks(markdown: str) -> list[Block]:
    result: list[Block] = []
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            result.append(Block("paragraph", inline(" ".join(paragraph))))
            paragraph.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            end_paragraph()
            continue
        if m := _HEADING.match(line):
            end_paragraph()
            result.append(Block("heading", inline(m.group(2)), len(m.group(1))))
        elif (m := _BULLET.match(raw)) and not line.startswith("**"):
            end_paragraph()
            result.append(Block("bullet", inline(m.group(1).strip())))
        elif m := _NUMBERED.match(raw):
            end_paragraph()
            result.append(Block("numbered", inline(m.group(2).strip()), int(m.group(1))))
        elif result and result[-1].kind in ("bullet", "numbered") and not paragraph and raw[:1].isspace():
            last = result.pop()  # an item's continuation line
            result.append(Block(last.kind, f"{last.text} {inline(line)}", last.level))
        else:
            paragraph.append(line)
    end_paragraph()
    return result
