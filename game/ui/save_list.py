"""The saves the load screen lists: the files, newest first, and what each holds, read without loading it."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..engine.compiled import played_weeks
from ..engine.teacher import STOPPED_TITLE
from ..scenario import ScenarioError
from ..scenario.diagnostics import Diagnostic
from ..scenario.model import Scenario
from . import settings as paths
from .scenario_lookup import find_scenario, invalid_file, not_installed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def list_saves(elsewhere: Iterable[Path] = ()) -> list[Path]:
    """Save files, newest first (the autosave among them), also those in other folders the player saved to."""
    files: set[Path] = set()
    for folder in (paths.saves_dir(), *elsewhere):
        with contextlib.suppress(OSError):
            files |= {p for p in folder.glob("*.json") if p.is_file()}
    return sorted(files, key=_mtime, reverse=True)


@dataclass
class SaveInfo:
    """What the load screen tells a player about one save file, read without loading the game."""

    path: Path
    autosave: bool
    saved: dt.datetime | None = None     # the file's time: when it was written
    scenario: str = ""                   # the scenario's title (its id if the scenario is not installed)
    week: int | None = None
    weeks: int | None = None             # the weeks played in the scenario (the N of "week n of N")
    ended: bool = False                  # the game in it is over
    outcome: str = ""                    # how it ended, in the scenario's words ("" while it goes on)
    date: dt.date | None = None          # the first day of the saved week
    unit: str = "turn"                   # what its scenario calls a turn ("week" for seven days)
    problem: str = ""                    # why it cannot be loaded, in a few words ("" if it looks fine)
    klass: str = ""                      # a class game's name
    teams: str = ""                      # its teams, "USSR (Politburo), Britain (Cabinet)"

    @property
    def name(self) -> str:
        """The file's name, unless the game chose it (see Session.save_new): that says nothing new."""
        return "Saved game" if GAME_NAMED.fullmatch(self.path.stem) else self.path.stem


GAME_NAMED = re.compile(r".+-week\d+-\d{8}-\d{6}")   # the names Session.save_new gives


def save_info(path: Path) -> SaveInfo:
    """Describe a save for the load screen; never raises: an unreadable file gets a short reason."""
    from ..engine.saves import summary

    info = SaveInfo(path, path.name == paths.autosave_path().name or path.name.startswith("autosave-"))
    stamp = _mtime(path)
    info.saved = dt.datetime.fromtimestamp(stamp) if stamp else None
    try:
        found = summary(path)
    except ScenarioError as exc:
        info.problem = _short(_reason(exc.diagnostics[0]) if exc.diagnostics else str(exc))
        return info
    except Exception as exc:  # never let one odd file break the list
        info.problem = _short(f"cannot read: {exc}")
        return info
    info.week, info.ended = found.week, found.outcome is not None
    info.klass = found.class_name
    sc = find_scenario(found.scenario_id, found.scenario_sha256, None, found.scenario_path)
    info.teams = _teams(found.teams, sc)
    if sc is None:
        info.scenario = found.scenario_id
        bad = invalid_file(found.scenario_id, None)
        info.problem = (_short(f"its scenario ({bad[0].name}) is invalid: {_reason(bad[1])}") if bad
                        else not_installed(found.scenario_id, found.scenario_path))
        return info
    info.scenario = sc.title
    if found.outcome is not None:
        info.outcome = sc.outcome(found.outcome).title if found.outcome in sc.index["outcomes"] else STOPPED_TITLE
    info.weeks = played_weeks(sc)
    info.unit = sc.calendar.unit
    if info.week is not None and 1 <= info.week <= sc.calendar.last_turn:
        info.date = sc.calendar.turn_start(info.week)
    elif info.week is not None:
        info.week = None
        info.problem = f"damaged: its {info.unit} is out of range"
    return info


def _teams(teams: Iterable[tuple[str, str]], sc: Scenario | None) -> str:
    """A class game's teams in the scenario's order of powers, "USSR (Politburo), Britain (Cabinet)"."""
    order = [p.id for p in sc.powers] if sc is not None else []
    ordered = sorted(teams, key=lambda t: order.index(t[0]) if t[0] in order else len(order))
    return ", ".join(f"{sc.power(p).short if p in order else p} ({team})" for p, team in ordered)


def _reason(d: Diagnostic) -> str:
    if d.message.endswith(" at"):            # the JSON parser's "Unterminated string starting at"
        return f"{d.message} line {d.line}, column {d.col}"
    return d.message + (f" (line {d.line}, column {d.col})" if (d.line, d.col) != (1, 1) else "")


def _short(reason: str, limit: int = 100) -> str:
    reason = " ".join(reason.split())
    return reason if len(reason) <= limit else reason[: limit - 1].rstrip() + "…"


def save_infos(elsewhere: Iterable[Path] = ()) -> list[SaveInfo]:
    """Every save described, newest first."""
    return [save_info(p) for p in list_saves(elsewhere)]
