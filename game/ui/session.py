"""One game being played in the window: the scenario, the engine's Game, the player's power, its saves.

This is glue, not rules: every change goes through Game.submit, which accepts or refuses it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from pathlib import Path

from ..engine import Action, Game, Result
from ..scenario import ScenarioError, load_scenario
from ..scenario.diagnostics import Diagnostic
from ..scenario.model import Scenario
from . import settings as paths

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SCENARIO = ROOT / "scenarios" / "1939.yaml"


def scenario_files() -> list[Path]:
    """Every scenario the title screen offers: the shipped ones, then the user's mods."""
    found = sorted((ROOT / "scenarios").glob("*.yaml"))
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
        candidates = [scenario_path] if scenario_path else []
        if stored:
            candidates.append(Path(stored))
            candidates.append(ROOT / "scenarios" / Path(stored).name)
        candidates += scenario_files()
        scenario = None
        for cand in candidates:
            if cand and cand.is_file():
                try:
                    sc = read_scenario(cand)
                except ScenarioError:
                    continue
                if sc.id == sid:
                    scenario = sc
                    break
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

    def new_entries(self) -> list:
        """Log entries visible to the player that have not been shown yet; marks them shown."""
        inbox = self.game.inbox(self.power)
        fresh = inbox[self.seen:]
        self.seen = len(inbox)
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


def list_saves() -> list[Path]:
    """Save files, newest first (the autosave among them)."""
    try:
        files = [p for p in paths.saves_dir().glob("*.json") if p.is_file()]
    except OSError:
        return []
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)
