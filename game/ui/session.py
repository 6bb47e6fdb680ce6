"""One game being played in the window: the scenario, the engine's Game, the player's power, its saves.

This is glue, not rules: every change goes through Game.submit, which accepts or refuses it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from ..engine import Action, Game, Result
from ..paths import DEFAULT_SCENARIO, SCENARIOS
from ..scenario import ScenarioError, load_scenario
from ..scenario.diagnostics import Diagnostic
from ..scenario.model import Scenario
from . import settings as paths


def scenario_files() -> list[Path]:
    """Every scenario the title screen offers: the shipped ones, then the user's mods."""
    found = sorted(SCENARIOS.glob("*.yaml"))
    with contextlib.suppress(OSError):
        found += sorted(paths.mods_dir().glob("*.yaml"))
    return found


def read_scenario(path: Path) -> Scenario:
    """Load a scenario; any failure becomes a ScenarioError with located messages."""
    try:
        return load_scenario(path)
    except ScenarioError:
        raise
    except Exception as exc:  # the loader promises located errors; never let a bad mod crash the window
        raise ScenarioError([Diagnostic(str(path), 1, 1, f"cannot load: {type(exc).__name__}: {exc}")]) from None


class Session:
    def __init__(self, scenario: Scenario, game: Game, power: str, notes: list[str] | None = None):
        self.scenario = scenario
        self.game = game
        self.power = power
        self.notes = list(notes or [])
        self.seen = len(game.inbox(power))   # telegrams already shown to the player
        self.last_save: Path | None = None
        self.action_order: tuple[int, dict[str, int]] = (0, {})  # the week and its list order on the desk

    # ------------------------------------------------------------ creation
    @classmethod
    def new(cls, scenario_path: Path | None = None, seed: int | None = None, power: str | None = None) -> Session:
        scenario = read_scenario(scenario_path or DEFAULT_SCENARIO)
        power = power or scenario.player
        if seed is None:
            seed = random.randrange(1, 1_000_000)
        game = Game.new(scenario, seed=seed, humans=(power,))
        s = cls(scenario, game, power)
        s.seen = 0
        return s

    @classmethod
    def load(cls, save_path: Path, scenario_path: Path | None = None) -> Session:
        """Resume a save; raise ScenarioError (with the file and the reason) if it cannot be read."""
        from ..engine.saves import load_game, scenario_of

        sid, stored, _sha = scenario_of(save_path)
        scenario = find_scenario(sid, stored, scenario_path)
        if scenario is None:
            raise ScenarioError([Diagnostic(str(save_path), 1, 1,
                                            f"the scenario {sid!r} of this save was not found")])
        try:
            game, notes = load_game(save_path, scenario)
        except ScenarioError:
            raise
        except Exception as exc:  # a hostile save must never crash the window
            raise ScenarioError([Diagnostic(str(save_path), 1, 1, f"save file is damaged: {exc}")]) from None
        humans = [h for h in game.humans]
        power = humans[0] if humans else scenario.player
        s = cls(scenario, game, power, notes)
        s.last_save = save_path
        return s

    # ------------------------------------------------------------- playing
    def submit(self, action: Action) -> Result:
        result = self.game.submit(action)
        if result.ok and action.kind == "end_turn":
            self.autosave()
        return result

    def unseen(self) -> list:
        """Log entries visible to the player that have not been shown yet."""
        return self.game.inbox(self.power)[self.seen:]

    def new_entries(self) -> list:
        """Log entries visible to the player that have not been shown yet; marks them shown."""
        fresh = self.unseen()
        self.seen += len(fresh)
        return fresh

    # --------------------------------------------------------------- saves
    def autosave(self) -> Path | None:
        try:
            path = paths.autosave_path()
            self.game.save(path)
            return path
        except OSError:
            return None

    def save_new(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = paths.saves_dir() / f"{self.scenario.id}-week{self.game.state.turn:02d}-{stamp}.json"
        self.game.save(path)
        self.last_save = path
        return path


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def list_saves() -> list[Path]:
    """Save files, newest first (the autosave among them)."""
    try:
        files = [p for p in paths.saves_dir().glob("*.json") if p.is_file()]
    except OSError:
        return []
    return sorted(files, key=_mtime, reverse=True)


@dataclass
class SaveInfo:
    """What the load screen tells a player about one save file, read without loading the game."""

    path: Path
    autosave: bool
    saved: dt.datetime | None = None     # the file's time: when it was written
    scenario: str = ""                   # the scenario's title (its id if the scenario is not installed)
    week: int | None = None
    weeks: int | None = None             # the scenario's last week
    date: dt.date | None = None          # the first day of the saved week
    problem: str = ""                    # why it cannot be loaded, in a few words ("" if it looks fine)

    @property
    def name(self) -> str:
        """The file's name, unless the game chose it (see Session.save_new): that says nothing new."""
        return "Saved game" if GAME_NAMED.fullmatch(self.path.stem) else self.path.stem


GAME_NAMED = re.compile(r".+-week\d+-\d{8}-\d{6}")   # the names Session.save_new gives


_SCENARIO_CACHE: dict[tuple[str, int], Scenario | None] = {}


def _scenario_at(path: Path) -> Scenario | None:
    """A scenario file, read once per version of the file (None if it cannot be read)."""
    try:
        key = (str(path.resolve()), path.stat().st_mtime_ns)
    except OSError:
        return None
    if key not in _SCENARIO_CACHE:
        try:
            _SCENARIO_CACHE[key] = read_scenario(path)
        except ScenarioError:
            _SCENARIO_CACHE[key] = None
    return _SCENARIO_CACHE[key]


def find_scenario(sid: str, stored: str, first: Path | None = None) -> Scenario | None:
    """The scenario a save names: `first` if given, then the path stored in the save, the file of that name in
    scenarios/, then every offered scenario; the first readable one with that id."""
    candidates = [first] if first else []
    if stored:
        candidates += [Path(stored), SCENARIOS / Path(stored).name]
    for cand in [*candidates, *scenario_files()]:
        if cand.is_file():
            sc = _scenario_at(cand)
            if sc is not None and sc.id == sid:
                return sc
    return None


def save_info(path: Path) -> SaveInfo:
    """Describe a save for the load screen; never raises: an unreadable file gets a short reason."""
    from ..engine.saves import summary

    info = SaveInfo(path, path.name == paths.autosave_path().name)
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
    info.week = found.week
    sc = find_scenario(found.scenario_id, found.scenario_path)
    if sc is None:
        info.scenario = found.scenario_id
        info.problem = "its scenario is not installed"
        return info
    info.scenario = sc.title
    info.weeks = sc.calendar.last_turn
    if info.week is not None and 1 <= info.week <= info.weeks:
        info.date = sc.calendar.turn_start(info.week)
    elif info.week is not None:
        info.week = None
        info.problem = "damaged: its week is out of range"
    return info


def _reason(d: Diagnostic) -> str:
    if d.message.endswith(" at"):            # the JSON parser's "Unterminated string starting at"
        return f"{d.message} line {d.line}, column {d.col}"
    return d.message + (f" (line {d.line}, column {d.col})" if (d.line, d.col) != (1, 1) else "")


def _short(reason: str, limit: int = 100) -> str:
    reason = " ".join(reason.split())
    return reason if len(reason) <= limit else reason[: limit - 1].rstrip() + "…"


def save_infos() -> list[SaveInfo]:
    """Every save described, newest first."""
    return [save_info(p) for p in list_saves()]
