"""A LinkedIn import plan as a page to read: what will be added, filled, kept (both values), skipped
and why, the notes and the export's warnings, each group by section in the order the profile shows.
Everything from the export is escaped: it is the user's text, not markup."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from coapp.services.profile_import import ALREADY_THERE, LISTED_TWICE, SECTIONS, ImportPlan


def _tr(text: str) -> str:
    return QCoreApplication.translate("LinkedInPlan", text)


def section_names() -> dict[str, str]:
    return {
        "details": _tr("Personal details"),
        "links": _tr("Links"),
        "experience": _tr("Experience"),
        "education": _tr("Education"),
        "skills": _tr("Skills"),
        "languages": _tr("Languages"),
        "certificates": _tr("Certificates"),
        "awards": _tr("Honours and awards"),
    }


def field_names() -> dict[str, str]:
    return {
        "name": _tr("name"),
        "title": _tr("title"),
        "city": _tr("city"),
        "letter": _tr("personal letter"),
        "description": _tr("description"),
        "end": _tr("end"),
        "degree": _tr("degree"),
        "field": _tr("field of study"),
        "issuer": _tr("issuer"),
        "issued": _tr("issued"),
        "expires": _tr("expires"),
        "url": _tr("web address"),
        "awarded": _tr("awarded"),
        "level": _tr("level"),
        "skills": _tr("skills"),
    }


def _reason(text: str) -> str:
    """The service's two everyday reasons in the UI's language; a rule's own message as it is."""
    if text == ALREADY_THERE:
        return _tr("already in your profile")
    if text == LISTED_TWICE:
        return _tr("listed twice in the export")
    if text.startswith(ALREADY_THERE + " as "):
        return _tr("already in your profile as {name}").format(name=text[len(ALREADY_THERE) + 4 :])
    return text


def _value(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def summary(plan: ImportPlan) -> str:
    """One line: what importing would do (or that nothing is new)."""
    if not plan.has_writes:
        return _tr("Nothing new: your profile already has everything this export can add.")
    return _tr("{added} to add and {filled} empty fields to fill; nothing you wrote is overwritten.").format(
        added=len(plan.added), filled=len(plan.changed)
    )


def plan_html(plan: ImportPlan) -> str:
    sections, fields = section_names(), field_names()

    def who(section: str, item: str) -> str:
        return "" if section == "details" else f"{escape(item)}: "

    def field(name: str) -> str:
        return escape(fields.get(name, name))

    groups: list[tuple[str, list[tuple[str, str]]]] = [
        (_tr("Will be added"), [(a.section, escape(a.text)) for a in plan.added]),
        (
            _tr("Empty fields that will be filled"),
            [
                (c.section, f"{who(c.section, c.item)}{field(c.field)} “{escape(_value(c.export))}”")
                for c in plan.changed
            ],
        ),
        (
            _tr("Kept as you wrote it (LinkedIn says otherwise)"),
            [
                (
                    k.section,
                    f"{who(k.section, k.item)}{field(k.field)}: "
                    + _tr("yours “{mine}”, LinkedIn “{theirs}”").format(
                        mine=escape(_value(k.profile)), theirs=escape(_value(k.export))
                    ),
                )
                for k in plan.kept
            ],
        ),
        (
            _tr("Skipped"),
            [(s.section, f"{escape(s.text)}: {escape(_reason(s.reason))}") for s in plan.skipped],
        ),
    ]
    parts = [f"<p>{escape(summary(plan))}</p>"]
    if plan.export.files_read:
        read = ", ".join(escape(name) for name in plan.export.files_read)
        parts.append(f"<p>{escape(_tr('Read:'))} {read}</p>")
    for title, entries in groups:
        if not entries:
            continue
        parts.append(f"<h3>{escape(title)} ({len(entries)})</h3>")
        for section in SECTIONS:
            lines = [text for s, text in entries if s == section]
            if lines:
                items = "".join(f"<li>{line}</li>" for line in lines)
                parts.append(f"<p><b>{escape(sections.get(section, section))}</b></p><ul>{items}</ul>")
    for title, lines in ((_tr("Notes"), plan.notes), (_tr("Warnings from the export"), plan.warnings)):
        if lines:
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            parts.append(f"<h3>{escape(title)}</h3><ul>{items}</ul>")
    return "".join(parts)
