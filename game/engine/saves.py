"""Save files: versioned JSON naming the scenario and its hash, written atomically."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any, NamedTuple

from ..files import read_regular, write_atomic
from ..scenario.diagnostics import NOWHERE, Diagnostic, ScenarioError
from ..scenario.format import SAVE_STATE_BYTES
from ..scenario.model import Scenario
from .actions import Action
from .classroom import ClassOptions, check_options
from .game import Game
from .save_check import SaveProblem, check_envelope, state_problem
from .state import GameState

SAVE_FORMAT = "moscow1939-save"
SAVE_VERSION = 2
READABLE_VERSIONS = (1, 2)  # 1: saved before the random generator changed (a replay rolls different dice)
MAX_SAVE_BYTES = 16 * 1024 * 1024   # the most a save may be to be read back


def to_document(game: Game, with_state: bool = True) -> dict[str, Any]:
    """Everything needed to resume or replay a game; without the state, the seed and actions rebuild it."""
    doc = {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "scenario": {"id": game.scenario.id, "path": game.scenario.path, "sha256": game.scenario.sha256},
        "seed": game.state.seed,
        "humans": list(game.seats),
        "policies": {p: policy for p, policy in game.policies.items() if p not in game.seats},
        "actions": [a.to_dict() for a in game.record],
        "progress": {"turn": game.state.turn, "outcome": game.state.outcome},   # for lists of saves
    }
    if game.options.is_class:   # (a game that is no class's is saved as before classes existed)
        doc["class"] = game.options.to_dict()
    if with_state:
        doc["state"] = game.state.to_dict()
    return doc


def dumps(game: Game, with_state: bool = True) -> str:
    return json.dumps(to_document(game, with_state), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def save_text(game: Game) -> str:
    """The save as written: with its state if that is small enough (quick to load, and a check on the replay),
    else only its seed and actions, which rebuild the same state; OSError if even that is over the limit."""
    full = dumps(game)
    if len(full.encode("utf-8")) <= min(SAVE_STATE_BYTES, MAX_SAVE_BYTES):
        return full
    compact = dumps(game, with_state=False)
    size = len(compact.encode("utf-8"))
    if size > MAX_SAVE_BYTES:
        raise OSError(errno.EFBIG, f"the save would be too large to load again ({size / 2**20:.1f} MB; "
                                   f"the limit is {MAX_SAVE_BYTES / 2**20:.0f} MB)")
    return compact


def save_game(game: Game, path: str | Path) -> None:
    write_atomic(Path(path), save_text(game))


class DamagedState(ValueError):
    """The game's state does not fit its scenario (a bug, or a crash half-way through a change)."""


def save_sound(game: Game, path: str | Path) -> None:
    """Save the game only if its state passes the same check as a loaded save (else DamagedState says why)."""
    problem = state_problem(game.state.to_dict(), game.scenario)
    if problem is not None:
        raise DamagedState(f"its state is damaged ({problem})")
    save_game(game, path)


def _error(path: str, message: str) -> ScenarioError:
    return ScenarioError([Diagnostic(path, NOWHERE.line, NOWHERE.col, message)])


def read_document(path: str | Path) -> dict[str, Any]:
    """Read and check a save file's envelope; raise ScenarioError with a readable message."""
    name = str(path)
    try:
        data = read_regular(path, MAX_SAVE_BYTES + 1)
    except OSError as exc:
        raise _error(name, f"cannot read save: {exc.strerror or exc}") from None
    if len(data) > MAX_SAVE_BYTES:
        raise _error(name, "save file is too large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise _error(name, "save file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ScenarioError([Diagnostic(name, exc.lineno, exc.colno, f"save file is damaged: {exc.msg}")]) from None
    except RecursionError:
        raise _error(name, "save file is damaged: nesting too deep") from None
    except ValueError:   # a whole number of more than 4,300 digits
        raise _error(name, "save file is damaged: it holds a number too long to be read") from None
    if not isinstance(doc, dict) or doc.get("format") != SAVE_FORMAT:
        raise _error(name, "not a Moscow 1939 save file")
    if doc.get("version") not in READABLE_VERSIONS:
        raise _error(name, f"save version {doc.get('version')!r} is not supported (this game reads "
                           f"{' and '.join(map(str, READABLE_VERSIONS))})")
    return doc


def scenario_of(path: str | Path) -> tuple[str, str, str]:
    """The id, path and hash of the scenario a save belongs to (ScenarioError if it is no save). The path says
    where the file was when the game was saved; it is opened only as a last resort (see ui.scenario_lookup.find_scenario)."""
    return _scenario_meta(read_document(path), str(path))


def _scenario_meta(doc: dict[str, Any], name: str) -> tuple[str, str, str]:
    meta = doc.get("scenario")
    if not isinstance(meta, dict) or not all(isinstance(meta.get(k), str) for k in ("id", "path", "sha256")):
        raise _error(name, "save file is damaged: it does not name its scenario")
    return meta["id"], meta["path"], meta["sha256"]


class SaveSummary(NamedTuple):
    """What a list of saves shows, read without loading the game (week and outcome None if not readable)."""

    scenario_id: str
    scenario_sha256: str
    week: int | None
    outcome: str | None
    class_name: str = ""                       # a class game's name ("" if none, or not readable)
    teams: tuple[tuple[str, str], ...] = ()    # its seats' team names, by power id
    scenario_path: str = ""                    # where the scenario file was when the game was saved


def summary(path: str | Path) -> SaveSummary:
    """A save's scenario, week, outcome and class (ScenarioError if it is no save or names no scenario)."""
    doc = read_document(path)
    sid, stored, sha256 = _scenario_meta(doc, str(path))
    state = next((doc[k] for k in ("progress", "state") if isinstance(doc.get(k), dict)), {})
    week, outcome = state.get("turn"), state.get("outcome")
    try:   # only for the list: a damaged class is refused, located, when the save is loaded
        options = check_options(doc["class"]) if "class" in doc else ClassOptions()
    except ValueError:
        options = ClassOptions()
    return SaveSummary(sid, sha256, week if isinstance(week, int) and not isinstance(week, bool) else None,
                       outcome if isinstance(outcome, str) else None, options.name, options.teams, stored)


def load_game(path: str | Path, scenario: Scenario) -> tuple[Game, list[str]]:
    """Resume a save against a scenario; return the game and notes for the player (whole sentences).

    If the scenario file changed since the save (a modder edited it), the action log is replayed
    on the new version instead of restoring the stored state.
    """
    name = str(path)
    doc = read_document(path)
    meta = doc.get("scenario") or {}
    if not isinstance(meta, dict) or meta.get("id") != scenario.id:
        raise _error(name, f"this save belongs to scenario {meta.get('id') if isinstance(meta, dict) else meta!r}, "
                           f"not {scenario.id!r}")
    same = meta.get("sha256") == scenario.sha256
    try:
        seed, humans, policies, actions = check_envelope(doc, scenario)
        options = class_options(doc, scenario)
    except SaveProblem as exc:
        raise _error(name, f"{'save file is damaged' if same else 'cannot replay this save'}: {exc}") from None
    notes: list[str] = []
    if same and "state" in doc:   # (without it, the save was too large: the replay below rebuilds that state)
        problem = state_problem(doc["state"], scenario)
        if problem is None:
            game = Game(scenario, GameState.from_dict(doc["state"]), humans, policies, options)
            game.record = actions
            return game, notes
        notes.append(f"The stored state did not fit the scenario ({problem}); the game was rebuilt from its "
                     "actions.")
    elif not same:
        notes.append("The scenario has changed since this game was saved; its actions were replayed on the new version.")
    if doc.get("version") == 1:
        notes.append("It was saved by an earlier version of the game, whose dice fell differently: chance events "
                     "and the other powers' choices may not be the same as before.")
    try:
        game = replay(scenario, seed, humans, policies, actions, options)
    except ValueError as exc:
        raise _error(name, f"cannot replay this save: {exc}") from None
    return game, notes


def class_options(doc: dict[str, Any], scenario: Scenario) -> ClassOptions:
    """The class options a save holds (none for a game that is no class's); SaveProblem says what is wrong."""
    if "class" not in doc:
        return ClassOptions()
    try:
        return check_options(doc["class"], frozenset(scenario.index["powers"]),
                             frozenset(scenario.index["checkpoints"]))
    except ValueError as exc:
        raise SaveProblem(str(exc)) from None


def replay(scenario: Scenario, seed: int, humans: list[str], policies: dict[str, str], actions: list[Action],
           options: ClassOptions | None = None) -> Game:
    """Rebuild a game from its seed and action log; raise ValueError if an action is refused."""
    game = Game.new(scenario, seed=seed, humans=humans, policies=policies, options=options)
    for i, action in enumerate(actions, 1):
        result = game.submit(action)
        if not result.ok:
            raise ValueError(f"action {i} ({action.kind} {action.target}), in week {game.state.turn}, is refused: "
                             f"{result.reason}")
    return game


def replay_on(game: Game, scenario: Scenario) -> Game:
    """The same game (seed, seats, policies, action log) replayed on another version of its scenario; ValueError
    says which action is refused, and in which week, when the log no longer fits."""
    missing = [p for p in game.seats if p not in scenario.index["powers"]]
    if missing:
        raise ValueError(f"the power {missing[0]!r}, played by a person, is no longer in the scenario")
    return replay(scenario, game.state.seed, list(game.seats), game.given_policies, game.record, game.options)


def without_last(game: Game) -> Game:
    """The game as it stood before its last recorded step, rebuilt exactly from its seed and the rest of its log."""
    return replay(game.scenario, game.state.seed, list(game.seats), game.given_policies, game.record[:-1], game.options)


def rewind_to_week(game: Game, week: int) -> Game:
    """The game as it stood at the start of an earlier week (or of this one): its events fired, no step of that
    week taken, rebuilt exactly from its seed and its log up to there. A week before the game's first (a game
    started at a checkpoint) gives that first week; ValueError for a week not yet begun."""
    if week > game.state.turn:
        raise ValueError(game.scenario.calendar.words(f"week {week} has not begun (this is week {game.state.turn})"))
    fresh = Game.new(game.scenario, seed=game.state.seed, humans=game.seats, policies=game.given_policies,
                     options=game.options)
    for i, action in enumerate(game.record, 1):
        if fresh.state.turn >= week or fresh.over:
            break
        result = fresh.submit(action)
        if not result.ok:
            raise ValueError(f"action {i} ({action.kind} {action.target}) is refused: {result.reason}")
    return fresh
