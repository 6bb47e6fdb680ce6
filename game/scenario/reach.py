"""Warnings of conditions that can never hold, checked once the whole scenario (its calendar, its meters) is known."""

from __future__ import annotations

from typing import Any

from .diagnostics import Pos
from .ranges import number_text


def date_can_hold(arg: dict, pos: Pos, ctx: Any) -> None:
    """A date condition whose bounds lie wholly before the calendar or after its last week."""
    def check(fields: dict) -> None:
        cal = fields["calendar"]
        first, last = cal.start, cal.turn_end(cal.last_turn)
        if arg["end"] is not None and arg["end"] < first:
            ctx.report.warn(pos, f"this date condition can never hold: it ends on {arg['end']}, before the "
                                 f"calendar starts ({first})")
        elif arg["start"] is not None and arg["start"] > last:
            ctx.report.warn(pos, f"this date condition can never hold: it starts on {arg['start']}, after the "
                                 f"last week ends ({last})")

    ctx.later.append(check)


def meter_bounds_in_range(arg: dict, pos: Pos, ctx: Any) -> None:
    """A meter condition whose bound lies outside the meter's range: it can never hold, or the bound never matters."""
    def check(fields: dict) -> None:
        meter = next((m for m in fields["meters"] if m.id == arg["id"]), None)
        if meter is None:
            return
        lo, hi = meter.min, meter.max
        for bound in ("min", "max"):
            value = arg.get(bound)
            if value is None or lo <= value <= hi:
                continue
            never = value > hi if bound == "min" else value < lo
            ctx.report.warn(pos, f"'{bound}: {number_text(value)}' lies outside the range of meter {meter.id!r} "
                                 f"({number_text(lo)}..{number_text(hi)}): "
                                 + ("the condition can never hold" if never else "this bound never matters"))

    ctx.later.append(check)
