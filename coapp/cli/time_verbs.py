"""`coapp time ...`: set a day's time, show a week, run the timer; the grid's rules, from a shell."""

from __future__ import annotations

import argparse
import shutil
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coapp.cli.common import (
    CliParser,
    duration_arg,
    hours,
    iso_date_arg,
    local_today,
    print_json,
    week_arg,
    zone_of,
)
from coapp.domain.errors import ValidationError
from coapp.domain.weeks import IsoWeek

if TYPE_CHECKING:
    from coapp.app.context import AppContext
    from coapp.base.settings import Settings
    from coapp.services.sheets import ContractInfo, WeekSheet
    from coapp.services.timers import StopResult

_DAY_NAMES = {
    "sv": ("mån", "tis", "ons", "tor", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_WEEK_WORD = {"sv": "Vecka", "en": "Week"}


def add_verbs(verbs: argparse._SubParsersAction[CliParser]) -> None:
    time = verbs.add_parser(
        "time",
        help="report time: set a day, show a week, run a timer",
        description="Report time with the same rules as the weekly grid.",
    )
    actions = time.add_subparsers(dest="time_action", metavar="ACTION", required=True)

    p = actions.add_parser(
        "set",
        help="set one day's time for a contract (what typing into the grid does)",
        description="Set a contract's time on one day; the duration replaces what was there, 0 clears it.",
    )
    p.add_argument("contract", metavar="CONTRACT", help="the contract's id or the start of its title")
    p.add_argument("day", metavar="DATE", type=iso_date_arg, help="the work date, YYYY-MM-DD")
    p.add_argument(
        "minutes", metavar="DURATION", type=duration_arg, help="7,5 or 7.5 or 7:30 or 7h30m; 0 clears"
    )
    p.add_argument("--note", help="what was done (replaces the day's note; kept when left out)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=set_time)

    p = actions.add_parser("week", help="show a week's time", description="Show one ISO week's time.")
    p.add_argument("--week", type=week_arg, help="the ISO week, like 2026-W48 (default: this week)")
    p.add_argument("--json", action="store_true", help="print the week as one JSON document")
    p.set_defaults(handler=show_week)

    timer = actions.add_parser("timer", help="start, stop or show the running timer")
    timer_actions = timer.add_subparsers(dest="timer_action", metavar="ACTION", required=True)
    p = timer_actions.add_parser("start", help="start timing a contract (stops another running timer)")
    p.add_argument("contract", metavar="CONTRACT", help="the contract's id or the start of its title")
    p.set_defaults(handler=start_timer)
    p = timer_actions.add_parser("stop", help="stop the timer and add its minutes to the day")
    p.add_argument("--discard", action="store_true", help="stop without recording the time")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(handler=stop_timer)
    p = timer_actions.add_parser("status", help="show the running timer")
    p.add_argument("--json", action="store_true", help="print the state as JSON")
    p.set_defaults(handler=timer_status)


def _day_label(settings: Settings, day: date) -> str:
    return f"{_DAY_NAMES[settings.language][day.weekday()]} {day.isoformat()}"


def _name(contract: ContractInfo) -> str:
    return f"{contract.title} ({contract.client_name})"


# --- time set ------------------------------------------------------------------------------


def set_time(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.minutes == 0 and args.note and args.note.strip():
        # set_time would drop the note silently; say so instead, as the grid does.
        raise ValidationError("a note belongs to reported time; give a duration above 0 or leave out --note")
    contract = ctx.contracts.resolve(args.contract)
    previous = ctx.timesheet.set_time(contract.id, args.day, args.minutes, args.note)
    before = previous[0].minutes if previous else 0
    after = ctx.timesheet.cell(contract.id, args.day)
    if args.json:
        print_json(
            {
                "contract_id": contract.id,
                "title": contract.title,
                "date": args.day.isoformat(),
                "minutes": after.minutes,
                "note": after.note,
                "previous_minutes": before,
            }
        )
        return 0
    s = ctx.settings
    if after.minutes == 0:
        what = f"cleared (was {hours(s, before)} h)" if before else "nothing reported"
    elif before == after.minutes:
        what = f"{hours(s, after.minutes)} h (unchanged)"
    else:
        what = f"{hours(s, after.minutes)} h (was {hours(s, before)} h)"
    print(f"{_name(contract)}, {_day_label(s, args.day)}: {what}")
    return 0


# --- time week -----------------------------------------------------------------------------


def week_document(sheet: WeekSheet, settings: Settings) -> dict[str, object]:
    days = sheet.week.days()
    return {
        "week": str(sheet.week),
        "first_day": days[0].isoformat(),
        "last_day": days[-1].isoformat(),
        "rows": [
            {
                "contract_id": row.contract.id,
                "title": row.contract.title,
                "client": row.contract.client_name,
                "days": {
                    day.isoformat(): {"minutes": cell.minutes, "note": cell.note, "locked": cell.locked}
                    for day, cell in zip(days, row.cells, strict=True)
                },
                "total_minutes": row.total,
            }
            for row in sheet.rows
        ],
        "day_totals": {day.isoformat(): total for day, total in zip(days, sheet.day_totals, strict=True)},
        "total_minutes": sheet.total,
        "hidden_rows": [{"contract_id": c.id, "title": c.title} for c in sheet.hidden],
        "holidays": {day.isoformat(): name for day, name in _holidays(days, settings).items()},
    }


def _holidays(days: list[date], settings: Settings) -> dict[date, str]:
    from coapp.domain.public_holidays import holiday_name  # the holidays library is slow to import

    found = {d: holiday_name(d, settings.holiday_country, settings.language) for d in days}
    return {d: name for d, name in found.items() if name}


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_week(sheet: WeekSheet, settings: Settings, columns: int = 100) -> str:
    """The week as a table that fits *columns* characters (titles are shortened to fit)."""
    days = sheet.week.days()
    names = _DAY_NAMES[settings.language]
    holidays = _holidays(days, settings)
    # A star marks a public holiday; its name is listed under the table.
    head = [f"{names[d.weekday()]} {d.day:>2}{'*' if d in holidays else ''}" for d in days]
    widths = [max(6, len(h)) for h in head]
    total_word = "Summa" if settings.language == "sv" else "Total"
    labels = [r.contract.title for r in sheet.rows] + [total_word]
    room = columns - sum(w + 1 for w in widths) - 8
    label_width = max(12, min(max(len(t) for t in labels), room))

    def line(label: str, cells: list[str], total: str) -> str:
        body = " ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))
        return f"{_clip(label, label_width):<{label_width}} {body} {total:>7}".rstrip()

    def fmt(minutes: int) -> str:
        return hours(settings, minutes) if minutes else ""

    out = [
        f"{_WEEK_WORD[settings.language]} {sheet.week.week}, {sheet.week.year}"
        f" ({days[0].isoformat()} – {days[-1].isoformat()})",
        line("", head, total_word),
    ]
    for row in sheet.rows:
        out.append(line(row.contract.title, [fmt(c.minutes) for c in row.cells], fmt(row.total)))
    if not sheet.rows:
        out.append("(no contract is active this week)")
    out.append(line(total_word, [fmt(m) for m in sheet.day_totals], hours(settings, sheet.total)))
    out.extend(f"* {_day_label(settings, d)}: {n}" for d, n in holidays.items())
    return "\n".join(out)


def show_week(ctx: AppContext, args: argparse.Namespace) -> int:
    week = args.week or IsoWeek.of(local_today(ctx))
    sheet = ctx.timesheet.week(week)
    if args.json:
        print_json(week_document(sheet, ctx.settings))
    else:
        print(render_week(sheet, ctx.settings, shutil.get_terminal_size((100, 24)).columns))
    return 0


# --- time timer ----------------------------------------------------------------------------


def _report_stop(ctx: AppContext, result: StopResult, discarded: bool) -> None:
    if discarded:
        print(f"Stopped the timer for {_name(result.contract)} without recording its time.")
        return
    added = {d: m for d, m in sorted(result.added.items()) if m > 0}
    if not added:
        print(f"Stopped the timer for {_name(result.contract)}; less than a minute, nothing added.")
        return
    print(f"Stopped the timer for {_name(result.contract)}:")
    for day, minutes in added.items():
        now = ctx.timesheet.cell(result.contract.id, day).minutes
        print(
            f"  {_day_label(ctx.settings, day)}: +{hours(ctx.settings, minutes)} h"
            f" (now {hours(ctx.settings, now)} h)"
        )


def start_timer(ctx: AppContext, args: argparse.Namespace) -> int:
    contract = ctx.contracts.resolve(args.contract)
    zone = zone_of(ctx.settings)
    now = datetime.now(UTC)
    today = now.astimezone(zone).date()
    # Checked before the running timer is stopped, so a refused start leaves that timer running.
    if not contract.active_on(today):
        end = contract.end_date.isoformat() if contract.end_date else "open-ended"
        raise ValidationError(
            f"{contract.title} is not active today; its period is {contract.start_date.isoformat()} – {end}"
        )
    current = ctx.timers.running()
    if current is not None and current.contract.id == contract.id:
        print(
            f"The timer for {_name(contract)} is already running ({_elapsed(current.elapsed_minutes(now))})."
        )
        return 0
    if current is not None:
        stopped = ctx.timers.stop(now)
        if stopped is not None:
            _report_stop(ctx, stopped, discarded=False)
    state = ctx.timers.start(contract.id, ctx.settings.zone, now)
    started = state.started_at.astimezone(zone).strftime("%H:%M")
    print(f"Timer started for {_name(contract)} at {started} ({ctx.settings.zone}).")
    return 0


def stop_timer(ctx: AppContext, args: argparse.Namespace) -> int:
    result = ctx.timers.stop(discard=args.discard)
    if args.json:
        if result is None:
            print_json({"stopped": False})
        else:
            print_json(
                {
                    "stopped": True,
                    "contract_id": result.contract.id,
                    "title": result.contract.title,
                    "discarded": args.discard,
                    "added": {d.isoformat(): m for d, m in sorted(result.added.items()) if m > 0},
                }
            )
    elif result is None:
        print("No timer is running.")
    else:
        _report_stop(ctx, result, args.discard)
    return 0


def _elapsed(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def timer_status(ctx: AppContext, args: argparse.Namespace) -> int:
    state = ctx.timers.running()
    if state is None:
        if args.json:
            print_json({"running": False})
        else:
            print("No timer is running.")
        return 0
    elapsed = state.elapsed_minutes()
    if args.json:
        print_json(
            {
                "running": True,
                "contract_id": state.contract.id,
                "title": state.contract.title,
                "client": state.contract.client_name,
                "started_at": state.started_at.astimezone(UTC).isoformat(),
                "zone": state.zone,
                "elapsed_minutes": elapsed,
            }
        )
        return 0
    try:
        started = state.started_at.astimezone(ZoneInfo(state.zone))
    except (ZoneInfoNotFoundError, ValueError):
        started = state.started_at
    print(
        f"Timer running for {_name(state.contract)} since {started:%Y-%m-%d %H:%M} ({state.zone}),"
        f" {_elapsed(elapsed)} so far."
    )
    return 0
