"""One game being played in the window: the scenario, the engine's Game, the player's power, its saves.

This is glue, not rules: every change goes through Game.submit, which accepts or refuses it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import Action, Game, Result
from ..engine.actions import ACTION_KINDS
from ..engine.classroom import ClassOptions
from ..engine.facilitator import ConsoleView
from ..engine.view import PowerView
from ..export.files import class_of
from ..paths import DEFAULT_SCENARIO
from ..scenario import ScenarioError
from ..scenario.diagnostics import Diagnostic
from ..scenario.model import Scenario
from . import settings as paths
from .scenario_lookup import ScenarioMissing, find_scenario, missing_reason, read_scenario


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
        self.action_order: tuple[tuple[int, str], dict] = ((0, ""), {})  # the desk's list as its week fixed it (action_list.py)
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
            raise ScenarioMissing([Diagnostic(str(save_path), 1, 1, missing_reason(sid, scenario_path, stored))])
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
        if result.ok and (action.kind == "end_turn" or self.game.over):
            self.autosave()   # every week, and the end: Continue never resumes a game from before its ending
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
