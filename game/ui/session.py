"""One game being played in the window: the scenario, the engine's Game, the player's power, its saves.

This is glue, not rules: every change goes through Game.submit, which accepts or refuses it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import Action, Game, Result
from ..engine.actions import ACTION_KINDS
from ..engine.classroom import ClassOptions
from ..engine.compiled import played_weeks
from ..engine.facilitator import ConsoleView
from ..engine.view import PowerView
from ..export.files import class_of
from ..paths import DEFAULT_SCENARIO, SCENARIOS, is_scenario_file
from ..scenario import ScenarioError, load_scenario
from ..scenario.diagnostics import Diagnostic
from ..scenario.model import Scenario
from . import settings as paths


def scenario_files() -> list[Path]:
    """Every scenario the title screen offers: the shipped ones, then the user's mods."""
    found = sorted(p for p in SCENARIOS.glob("*.yaml") if is_scenario_file(p))
    with contextlib.suppress(OSError):
        found += sorted(p for p in paths.mods_dir().glob("*.yaml") if is_scenario_file(p))   # no FIFO, device, folder
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
    """One game in the window. Its seats are the powers people play (the engine's humans, in the scenario's
    order); `power` is the seat whose view the screens show now."""

    def __init__(self, scenario: Scenario, game: Game, power: str, notes: list[str] | None = None):
        self.scenario = scenario
        self.game = game
        self.seats: tuple[str, ...] = game.seats or (power,)
        self.power = power
        self.notes = list(notes or [])
        # telegrams already shown to each seat, and the seats that have read their briefing
        self.seen = {p: len(PowerView(game, p).inbox()) for p in self.seats}
        self.changes_seen = {p: len(PowerView(game, p).changes()) for p in self.seats}   # gauge and trust changes
        self.briefed: set[str] = set(self.seats)
        self.last_save: Path | None = None
        self.save_problem: SaveProblem | None = None   # the last autosave failed: this game is saved nowhere
        self.action_order: tuple[int, dict[str, int]] = (0, {})  # the week and its list order on the desk
        self.fixed = len(game.record)   # the steps of the action log before this one can no longer be undone

    @property
    def view(self) -> PowerView:
        """The game as the player's power sees it (the engine's view; screens read nothing else)."""
        return PowerView(self.game, self.power)

    @property
    def console(self) -> ConsoleView:
        """The whole game as the teacher's console shows it (never a seat's screen)."""
        return ConsoleView(self.game)

    # ------------------------------------------------------------ creation
    @classmethod
    def new(cls, scenario_path: Path | None = None, seed: int | None = None, power: str | None = None,
            seats: Iterable[str] = (), options: ClassOptions | None = None) -> Session:
        """A new game; seats: the powers people play (default: the one power, or the scenario's player);
        options: a class game's (see engine.classroom)."""
        scenario = read_scenario(scenario_path or DEFAULT_SCENARIO)
        humans = tuple(seats) or (power or scenario.player,)
        if seed is None:
            seed = random.randrange(1, 1_000_000)
        game = Game.new(scenario, seed=seed, humans=humans, options=options)
        s = cls(scenario, game, game.seats[0])
        s.seen = dict.fromkeys(s.seats, 0)
        s.changes_seen = dict.fromkeys(s.seats, 0)
        s.briefed = set()
        return s

    @classmethod
    def load(cls, save_path: Path, scenario_path: Path | None = None) -> Session:
        """Resume a save; raise ScenarioError (with the file and the reason) if it cannot be read."""
        from ..engine.saves import load_game, scenario_of

        sid, stored, sha256 = scenario_of(save_path)
        scenario = find_scenario(sid, sha256, scenario_path, stored)
        if scenario is None:
            raise ScenarioMissing([Diagnostic(str(save_path), 1, 1, _missing(sid, scenario_path, stored))])
        try:
            game, notes = load_game(save_path, scenario)
        except ScenarioError:
            raise
        except Exception as exc:  # a hostile save must never crash the window
            raise ScenarioError([Diagnostic(str(save_path), 1, 1, f"save file is damaged: {exc}")]) from None
        s = cls(scenario, game, game.seats[0] if game.seats else scenario.player, notes)
        s.power = s.next_seat()
        s.last_save = save_path
        return s

    # ------------------------------------------------------------- playing
    def submit(self, action: Action) -> Result:
        final = bool(self.view.irreversible(action)) if self.view.check(action).ok else False
        result = self.game.submit(action)
        if result.ok and (final or ACTION_KINDS[action.kind].ends_week):
            self.fixed = len(self.game.record)   # the week is over, or the step cannot be taken back
        if result.ok and action.kind == "end_turn":
            self.autosave()
        return result

    def can_undo(self) -> bool:
        """Whether a step of this week can be taken back (none after a step that cannot, or from before a load)."""
        return len(self.game.record) > self.fixed and not self.game.over

    def undo(self) -> Action | None:
        """Take back this week's last step: rebuild the game from its seed and its action log without that step
        (the replay is exact); return the step undone (None if there was none)."""
        from ..engine.saves import without_last

        if not self.can_undo():
            return None
        last = self.game.record[-1]
        self.game = without_last(self.game)
        self.seen = {p: min(n, len(PowerView(self.game, p).inbox())) for p, n in self.seen.items()}
        self._recount_changes()
        return last

    def adopt(self, scenario: Scenario, game: Game) -> None:
        """Go on with another version of the scenario and the game replayed on it (a hot reload)."""
        self.scenario, self.game = scenario, game
        self.seen = {p: min(n, len(PowerView(game, p).inbox())) for p, n in self.seen.items()}
        self._recount_changes()

    def unseen(self) -> list:
        """Log entries visible to the seat at the desk that have not been shown to it yet."""
        return self.view.inbox()[self.seen.get(self.power, 0):]

    def _recount_changes(self) -> None:
        """After the game was rebuilt: no more changes shown than the new game has."""
        self.changes_seen = {p: min(n, len(PowerView(self.game, p).changes())) for p, n in self.changes_seen.items()}

    def new_changes(self) -> list:
        """Changes of gauges and trust, with their causes, not shown to the seat at the desk yet; marks them shown."""
        fresh = self.view.changes()[self.changes_seen.get(self.power, 0):]
        self.changes_seen[self.power] = self.changes_seen.get(self.power, 0) + len(fresh)
        return fresh

    def new_entries(self) -> list:
        """Log entries visible to the seat at the desk that have not been shown yet; marks them shown."""
        fresh = self.unseen()
        self.seen[self.power] = self.seen.get(self.power, 0) + len(fresh)
        return fresh

    # --------------------------------------------------------------- seats
    @property
    def hot_seat(self) -> bool:
        """Several seats take turns at this one window."""
        return len(self.seats) > 1

    @property
    def asks_reasons(self) -> bool:
        """A class game, or seats taking turns: every decision opens the decision dialog with the reason box."""
        return self.hot_seat or self.game.options.is_class

    @property
    def code(self) -> int:
        """The class code: the game's seed (typing it gives the same game)."""
        return self.view.week().seed

    def next_seat(self) -> str:
        """The seat whose turn it is: the first that has not ended the week (the first seat once it resolved)."""
        waiting = self.game.waiting_for()
        return waiting[0] if waiting else self.seats[0]

    def handover_due(self) -> bool:
        """Another seat's turn has come: the window must hide this seat's view until that team confirms."""
        return self.hot_seat and not self.game.over and self.next_seat() != self.power

    def take_seat(self, power: str) -> bool:
        """The seat at the desk becomes power; True if it has not read its briefing yet."""
        if power not in self.seats:
            raise ValueError(f"{power!r} is not a seat of this game")
        self.power = power
        first = power not in self.briefed
        self.briefed.add(power)
        return first

    # --------------------------------------------------------------- saves
    def save(self, path: Path) -> None:
        """Write the game to a save file atomically (OSError if it cannot be written)."""
        from ..engine.saves import save_game

        save_game(self.game, path)

    def rescue(self, path: Path) -> None:
        """Save the game after a crash, only if its state passes the load check (else DamagedState says why)."""
        from ..engine.saves import save_sound

        save_sound(self.game, path)

    def autosave_slot(self) -> Path:
        """Where this game autosaves: a class game in its class's own slot, which no other game replaces."""
        stem = class_of(self.game)
        return paths.saves_dir() / f"autosave-{stem}.json" if stem else paths.autosave_path()

    def autosave(self) -> bool:
        """Save over the autosave; on failure remember why (save_problem) and mark the autosave as older than
        this game, so that Continue says so."""
        path = self.autosave_slot()
        try:
            self.save(path)
        except OSError as exc:
            self.save_problem = SaveProblem.of(exc, path.parent, self.view.week().turn)
            mark_autosave_failed(self.save_problem)
            return False
        self.save_problem = None
        with contextlib.suppress(OSError):
            failed_marker().unlink(missing_ok=True)
        return True

    def save_new(self, folder: Path | None = None) -> Path:
        """Save to a new file in the saves folder (or another); raise OSError if it cannot be written."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        who = class_of(self.game) or self.scenario.id
        unit = self.scenario.calendar.unit
        path = (folder or paths.saves_dir()) / f"{who}-{unit}{self.view.week().turn:02d}-{stamp}.json"
        self.save(path)
        self.last_save = path
        if self.save_problem is not None:   # saved after all: Continue can point to this copy
            mark_autosave_failed(self.save_problem, path)
            self.save_problem = None
        return path


@dataclass(frozen=True)
class SaveProblem:
    """A save that failed: the folder it was going to, why (the system's words), and the week it held."""

    folder: Path
    reason: str
    week: int

    @classmethod
    def of(cls, exc: OSError, folder: Path, week: int) -> SaveProblem:
        reason = exc.strerror or str(exc) or type(exc).__name__
        if exc.filename and str(exc.filename) != str(folder):
            reason += f" ({exc.filename})"
        return cls(folder, reason, week)


def failed_marker() -> Path:
    """A small file beside the autosave that says the newest game could not be saved there."""
    return paths.autosave_path().with_name("autosave.failed")


def mark_autosave_failed(problem: SaveProblem, elsewhere: Path | None = None) -> None:
    """Record that the autosave is older than the game last played. Even on a full disk the (empty) file is
    usually created, which is all Continue needs; the details are a bonus."""
    text = json.dumps({"week": problem.week, "reason": problem.reason, "folder": str(problem.folder),
                       "elsewhere": str(elsewhere or "")})
    with contextlib.suppress(OSError), open(failed_marker(), "w", encoding="utf-8") as handle:
        handle.write(text)


def autosave_failure() -> dict[str, Any] | None:
    """What the marker says (week, reason, folder, elsewhere; any may be missing), or None if there is none."""
    try:
        with open(failed_marker(), "rb") as handle:
            data = handle.read(4096)
    except OSError:
        return None
    try:
        found = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        found = {}
    if not isinstance(found, dict):
        found = {}
    return {k: v for k, v in found.items() if k in ("week", "reason", "folder", "elsewhere")
            and isinstance(v, int if k == "week" else str) and not isinstance(v, bool)}


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


def _invalid(sid: str, first: Path | None) -> tuple[Path, Diagnostic] | None:
    """A file offered (or named) with this scenario id that is now invalid, and its first error (None if none)."""
    from ..scenario import check_scenario
    from ..scenario.yamlsource import read_file

    for cand in ([first] if first else []) + scenario_files():
        try:
            raw = read_file(cand)
        except (ScenarioError, OSError):
            continue
        if isinstance(raw, dict) and raw.get("id") == sid:
            errors = check_scenario(cand)[1].errors
            if errors:
                return cand, errors[0]
    return None


class ScenarioMissing(ScenarioError):
    """The scenario a save names is nowhere to be had (the save itself may be fine)."""


def _missing(sid: str, first: Path | None, stored: str = "") -> str:
    """Why the scenario of a save cannot be had: a file with its id that is now invalid (with its first error),
    or none at all (with the path it was played from)."""
    found = _invalid(sid, first)
    if found:
        return f"the scenario {sid!r} of this save ({found[0].name}) is invalid: {found[1]}"
    return not_installed(sid, stored)


def not_installed(sid: str, stored: str) -> str:
    """The reason a save cannot be resumed when no file has its scenario's id."""
    return f"its scenario {sid!r} is not installed" + (f" (it was played from {stored})" if stored else "")


def find_scenario(sid: str, sha256: str, first: Path | None = None, stored: str = "") -> Scenario | None:
    """The scenario a save names, by id and hash: `first` (a file the player named), else among those the game
    offers (its own folder and the mods folder) the one with the saved hash, else the first with that id (its
    actions are then replayed), else the file the save was played from (`stored`), if it is still a scenario file
    with that id. Nothing but a .yaml regular file is ever opened."""
    fallback = None
    for cand in [first] if first else []:
        sc = _scenario_at(cand) if cand.is_file() else None
        if sc is not None and sc.id == sid:
            return sc
    for cand in scenario_files():
        sc = _scenario_at(cand)
        if sc is not None and sc.id == sid:
            if sc.sha256 == sha256:
                return sc
            fallback = fallback or sc
    if fallback is None and stored and is_scenario_file(Path(stored)):
        sc = _scenario_at(Path(stored))
        return sc if sc is not None and sc.id == sid else None
    return fallback


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
    order = [p.id for p in sc.powers] if sc is not None else []
    teams = sorted(found.teams, key=lambda t: order.index(t[0]) if t[0] in order else len(order))
    info.teams = ", ".join(f"{sc.power(p).short if p in order else p} ({team})" for p, team in teams)
    if sc is None:
        info.scenario = found.scenario_id
        bad = _invalid(found.scenario_id, None)
        info.problem = (_short(f"its scenario ({bad[0].name}) is invalid: {_reason(bad[1])}") if bad
                        else not_installed(found.scenario_id, found.scenario_path))
        return info
    info.scenario = sc.title
    info.weeks = played_weeks(sc)
    info.unit = sc.calendar.unit
    if info.week is not None and 1 <= info.week <= sc.calendar.last_turn:
        info.date = sc.calendar.turn_start(info.week)
    elif info.week is not None:
        info.week = None
        info.problem = f"damaged: its {info.unit} is out of range"
    return info


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
