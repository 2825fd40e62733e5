"""A LinkedIn import plan as a page to read: what will be added, filled, kept (both values), skipped
and why, the notes and the export's warnings, each group by section in the order the profile shows.
Everything from the export is escaped: it is the user's text, not markup. Each text is in a literal
QCoreApplication.translate() call: lupdate finds them only there."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from coapp.services.profile_import import ALREADY_THERE, LISTED_TWICE, SECTIONS, ImportPlan
from coapp.ui.profile.lane import in_ui_language


def section_names() -> dict[str, str]:
    return {
        "details": QCoreApplication.translate("LinkedInPlan", "Personal details"),
        "links": QCoreApplication.translate("LinkedInPlan", "Links"),
        "experience": QCoreApplication.translate("LinkedInPlan", "Experience"),
        "education": QCoreApplication.translate("LinkedInPlan", "Education"),
        "skills": QCoreApplication.translate("LinkedInPlan", "Skills"),
        "languages": QCoreApplication.translate("LinkedInPlan", "Languages"),
        "certificates": QCoreApplication.translate("LinkedInPlan", "Certificates"),
        "awards": QCoreApplication.translate("LinkedInPlan", "Honours and awards"),
    }


def field_names() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("LinkedInPlan", "name"),
        "title": QCoreApplication.translate("LinkedInPlan", "title"),
        "city": QCoreApplication.translate("LinkedInPlan", "city"),
        "letter": QCoreApplication.translate("LinkedInPlan", "personal letter"),
        "description": QCoreApplication.translate("LinkedInPlan", "description"),
        "end": QCoreApplication.translate("LinkedInPlan", "end"),
        "degree": QCoreApplication.translate("LinkedInPlan", "degree"),
        "field": QCoreApplication.translate("LinkedInPlan", "field of study"),
        "issuer": QCoreApplication.translate("LinkedInPlan", "issuer"),
        "issued": QCoreApplication.translate("LinkedInPlan", "issued"),
        "expires": QCoreApplication.translate("LinkedInPlan", "expires"),
        "url": QCoreApplication.translate("LinkedInPlan", "web address"),
        "awarded": QCoreApplication.translate("LinkedInPlan", "awarded"),
        "level": QCoreApplication.translate("LinkedInPlan", "level"),
        "skills": QCoreApplication.translate("LinkedInPlan", "skills"),
    }


def _reason(text: str) -> str:
    """The service's two everyday reasons in the UI's language; a rule's own message as it is."""
    if text == ALREADY_THERE:
        return QCoreApplication.translate("LinkedInPlan", "already in your profile")
    if text == LISTED_TWICE:
        return QCoreApplication.translate("LinkedInPlan", "listed twice in the export")
    if text.startswith(ALREADY_THERE + " as "):
        return QCoreApplication.translate("LinkedInPlan", "already in your profile as {name}").format(
            name=text[len(ALREADY_THERE) + 4 :]
        )
    if text == "LinkedIn gives no level; add it by hand with its level":
        return QCoreApplication.translate(
            "LinkedInPlan", "LinkedIn gives no level; add it by hand with its level"
        )
    return in_ui_language(text)  # a rule's own message, in the UI's language where it is known


def _value(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def summary(plan: ImportPlan) -> str:
    """One line: what importing would do (or that nothing is new)."""
    if plan.has_writes and not plan.changed:
        return QCoreApplication.translate(
            "LinkedInPlan", "{added} to add; nothing you wrote is overwritten."
        ).format(added=len(plan.added))
    if not plan.has_writes:
        return QCoreApplication.translate(
            "LinkedInPlan", "Nothing new: your profile already has everything this export can add."
        )
    if len(plan.changed) == 1:
        return QCoreApplication.translate(
            "LinkedInPlan", "{added} to add and 1 empty field to fill; nothing you wrote is overwritten."
        ).format(added=len(plan.added))
    return QCoreApplication.translate(
        "LinkedInPlan", "{added} to add and {filled} empty fields to fill; nothing you wrote is overwritten."
    ).format(added=len(plan.added), filled=len(plan.changed))


def plan_html(plan: ImportPlan) -> str:
    sections, fields = section_names(), field_names()

    def who(section: str, item: str) -> str:
        return "" if section == "details" else f"{escape(item)}: "

    def field(name: str) -> str:
        return escape(fields.get(name, name))

    groups: list[tuple[str, list[tuple[str, str]]]] = [
        (
            QCoreApplication.translate("LinkedInPlan", "Will be added"),
            [(a.section, escape(a.text)) for a in plan.added],
        ),
        (
            QCoreApplication.translate("LinkedInPlan", "Empty fields that will be filled"),
            [
                (c.section, f"{who(c.section, c.item)}{field(c.field)} “{escape(_value(c.export))}”")
                for c in plan.changed
            ],
        ),
        (
            QCoreApplication.translate("LinkedInPlan", "Kept as you wrote it (LinkedIn says otherwise)"),
            [
                (
                    k.section,
                    f"{who(k.section, k.item)}{field(k.field)}: "
                    + QCoreApplication.translate(
                        "LinkedInPlan", "yours “{mine}”, LinkedIn “{theirs}”"
                    ).format(mine=escape(_value(k.profile)), theirs=escape(_value(k.export))),
                )
                for k in plan.kept
            ],
        ),
        (
            QCoreApplication.translate("LinkedInPlan", "Skipped"),
            [(s.section, f"{escape(s.text)}: {escape(_reason(s.reason))}") for s in plan.skipped],
        ),
    ]
    parts: list[str] = []  # the summary is the dialog's own line, above the plan
    if plan.export.files_read:
        read = ", ".join(escape(name) for name in plan.export.files_read)
        label = QCoreApplication.translate("LinkedInPlan", "Read:")
        parts.append(f"<p>{escape(label)} {read}</p>")
    for title, entries in groups:
        if not entries:
            continue
        parts.append(f"<h3>{escape(title)} ({len(entries)})</h3>")
        for section in SECTIONS:
            lines = [text for s, text in entries if s == section]
            if lines:
                items = "".join(f"<li>{line}</li>" for line in lines)
                parts.append(f"<p><b>{escape(sections.get(section, section))}</b></p><ul>{items}</ul>")
    for title, lines in (
        (QCoreApplication.translate("LinkedInPlan", "Notes"), plan.notes),
        (QCoreApplication.translate("LinkedInPlan", "Warnings from the export"), plan.warnings),
    ):
        if lines:
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            parts.append(f"<h3>{escape(title)}</h3><ul>{items}</ul>")
    return "".join(parts)
