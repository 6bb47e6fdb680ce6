"""A class's decisions as rows: who decided what, when, why and by what vote; and the same as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..engine.debrief import decisions_of, historical_decisions
from ..engine.game import Game
from ..engine.notes import clean_text, votes_text

MAX_NAME = 60
TEACHER = "Teacher"   # the seat column of the teacher's steps
CSV_COLUMNS = ("seat", "team", "week", "date", "decision", "reason", "votes")


@dataclass(frozen=True)
class ClassInfo:
    """What a teacher calls the class and its teams (power id -> team name); either may be left out."""

    name: str = ""
    teams: dict[str, str] = field(default_factory=dict)

    @classmethod
    def typed(cls, name: str = "", teams: dict[str, str] | None = None) -> ClassInfo:
        """Names as typed, cleaned of control characters and cut to a line."""
        return cls(clean_text(name, MAX_NAME, False),
                   {power: clean_text(team, MAX_NAME, False) for power, team in (teams or {}).items()})

    @classmethod
    def of(cls, game: Game) -> ClassInfo:
        """The class and team names a game was started with (engine.classroom.ClassOptions)."""
        return cls(game.options.name, dict(game.options.teams))


def seat_rows(game: Game, seats: Iterable[str], info: ClassInfo) -> list[dict[str, Any]]:
    """Each seat: its power's id and name and its team's name."""
    return [{"power": p, "name": game.scenario.power(p).name, "short": game.scenario.power(p).short,
             "team": info.teams.get(p, "")} for p in seats]


def class_decisions(game: Game, seats: Iterable[str], info: ClassInfo) -> list[dict[str, Any]]:
    """Every decision of the seats and every step of the teacher, in the order they were taken, with the
    power's short name and the team."""
    merged = decisions_of(game, seats, teacher=True)
    for d in merged:
        d["short"] = game.scenario.power(d["power"]).short if d["power"] else TEACHER
        d["team"] = info.teams.get(d["power"], "")
    return merged


def class_record(game: Game, seats: Iterable[str]) -> list[dict[str, Any]]:
    """The documented record of every seat's power, in date order."""
    rows = [dict(r, short=game.scenario.power(p).short) for p in seats for r in historical_decisions(game, p)]
    return sorted(rows, key=lambda r: r["date"])


def _cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula (=, +, -, @) is prefixed with '."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def decisions_csv(rows: list[dict[str, Any]], unit: str = "week") -> str:
    """The rows as CSV with a header naming the calendar's `unit` (written with a byte-order mark so that
    spreadsheets read it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([unit if column == "week" else column for column in CSV_COLUMNS])
    for d in rows:
        writer.writerow([d["short"], _cell(d["team"]), d["turn"], d["date"], _cell(d["title"]), _cell(d["why"]),
                         votes_text(d["votes"])])
    return out.getvalue()
