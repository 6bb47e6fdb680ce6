"""Save files: versioned JSON naming the scenario and its hash, written atomically."""

from __future__ import annotations

import errno
import json
import math
from pathlib import Path
from typing import Any, NamedTuple

from ..files import read_regular, write_atomic
from ..scenario.diagnostics import NOWHERE, Diagnostic, ScenarioError
from ..scenario.format import SAVE_STATE_BYTES
from ..scenario.model import Scenario
from .actions import Action
from .game import Game
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
        "humans": list(game.humans),
        "policies": game.policies,
        "actions": [a.to_dict() for a in game.record],
        "progress": {"turn": game.state.turn, "outcome": game.state.outcome},   # for lists of saves
    }
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
    if not isinstance(doc, dict) or doc.get("format") != SAVE_FORMAT:
        raise _error(name, "not a Moscow 1939 save file")
    if doc.get("version") not in READABLE_VERSIONS:
        raise _error(name, f"save version {doc.get('version')!r} is not supported (this game reads "
                           f"{' and '.join(map(str, READABLE_VERSIONS))})")
    return doc


def scenario_of(path: str | Path) -> tuple[str, str, str]:
    """The id, path and hash of the scenario a save belongs to (ScenarioError if it is no save). The path says
    where the file was when the game was saved; it is not to be opened (see ui.session.find_scenario)."""
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


def summary(path: str | Path) -> SaveSummary:
    """A save's scenario, week and outcome (ScenarioError if it is no save or names no scenario)."""
    doc = read_document(path)
    sid, _stored, sha256 = _scenario_meta(doc, str(path))
    state = next((doc[k] for k in ("progress", "state") if isinstance(doc.get(k), dict)), {})
    week, outcome = state.get("turn"), state.get("outcome")
    return SaveSummary(sid, sha256, week if isinstance(week, int) and not isinstance(week, bool) else None,
                       outcome if isinstance(outcome, str) else None)


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
    try:
        seed = int(doc["seed"])
        humans = [str(h) for h in doc["humans"]]
        policies = {str(k): str(v) for k, v in dict(doc["policies"]).items()}
        actions = [Action.from_dict(a) for a in doc["actions"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise _error(name, f"save file is damaged: {exc}") from None
    notes: list[str] = []
    if meta.get("sha256") == scenario.sha256 and "state" not in doc:
        pass   # saved without its state (it was too large): the replay below rebuilds exactly that state
    elif meta.get("sha256") == scenario.sha256:
        try:
            state = GameState.from_dict(doc["state"])
            game = Game(scenario, state, humans, policies)
            game.record = actions
            _sanity(game)
            return game, notes
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            notes.append(f"The stored state was unreadable ({exc}); the game was rebuilt from its actions.")
    else:
        notes.append("The scenario has changed since this game was saved; its actions were replayed on the new version.")
    if doc.get("version") == 1:
        notes.append("It was saved by an earlier version of the game, whose dice fell differently: chance events "
                     "and the other powers' choices may not be the same as before.")
    try:
        game = replay(scenario, seed, humans, policies, actions)
    except ValueError as exc:
        raise _error(name, f"cannot replay this save: {exc}") from None
    return game, notes


def replay(scenario: Scenario, seed: int, humans: list[str], policies: dict[str, str], actions: list[Action]) -> Game:
    """Rebuild a game from its seed and action log; raise ValueError if an action is refused."""
    game = Game.new(scenario, seed=seed, humans=humans, policies=policies)
    for i, action in enumerate(actions, 1):
        result = game.submit(action)
        if not result.ok:
            raise ValueError(f"action {i} ({action.kind} {action.target}) is refused: {result.reason}")
    return game


def _sanity(game: Game) -> None:
    """Refuse a stored state that does not fit the scenario."""
    st, sc = game.state, game.scenario
    if set(st.meters) != {m.id for m in sc.meters} or set(st.offers) != {o.id for o in sc.offers}:
        raise ValueError("meters or offers do not match the scenario")
    if set(st.trust) != {p.id for p in sc.powers} or set(st.territories) != {t.id for t in sc.territories}:
        raise ValueError("powers or territories do not match the scenario")
    if not isinstance(st.turn, int) or not 1 <= st.turn <= sc.calendar.last_turn:
        raise ValueError("the week is out of range")
    _sane_numbers(st)
    _sane_names(st, {p.id for p in sc.powers})


def _sane_names(st: GameState, powers: set[str]) -> None:
    """Refuse territories held by unknown powers, drafts and flags that are not ids, a broken generator."""
    for territory in st.territories.values():
        if not {territory.owner, territory.sphere} <= powers | {None}:
            raise ValueError("a territory names an unknown power")
    for offer in st.offers.values():
        if not isinstance(offer.status, str) or not all(isinstance(c, str) for c in offer.clauses):
            raise ValueError("an offer's draft is malformed")
    if not all(isinstance(f, str) for f in st.flags) or not isinstance(st.rng, int):
        raise ValueError("flags or the random generator's state are malformed")


def _sane_numbers(st: GameState) -> None:
    """Refuse gauges, trust or history that are not finite numbers, and points or counts that are not whole."""
    numbers = [*st.meters.values(), *(v for row in st.trust.values() for v in row.values()),
               *(v for week in st.history for v in week.values())]
    if not all(_is_number(v) for v in numbers):
        raise ValueError("a meter or trust value is not a number")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (*st.budget.values(), *st.fired.values())):
        raise ValueError("a budget or event count is not a whole number")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
