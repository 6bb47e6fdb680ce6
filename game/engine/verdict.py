"""The ending's verdict: each scored gauge beside history and beside the range the scenario's own policies for the
player's power reach in simulation ("Security in the West 45: better than 80 % of 400 simulated games ..."),
computed, never written by hand. The simulated games depend on the scenario alone: they are played once per
scenario version and power, kept in memory and, given a folder, in a small JSON file there."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..scenario.model import Meter, Scenario
from .game import Game
from .teacher import STOPPED

GAMES = 100                 # simulated games per policy (seeds 1..GAMES)
HISTORICAL = "historical"   # the id of a scenario's policy that plays a power as it played in history
VERSION = 1                 # of the file kept in the cache folder (a new engine may bump it)

Finals = dict[str, list[dict[str, float]]]   # policy -> the final gauges of each of its simulated games

_memo: dict[tuple[str, str, int], Finals] = {}


@dataclass(frozen=True, slots=True)
class Verdict:
    """One scored gauge of the ending for one power, against history and the simulated policies."""

    id: str
    name: str
    value: float
    better_than: float      # the share of simulated games whose result it beats (for the power), 0 to 1
    games: int
    history: float | None   # the mean result of the historical policy (None: the scenario has none)
    text: str


def policies_for(sc: Scenario, power: str) -> list[str]:
    """The policies whose games make the range: the power's own AI plan and the scenario's policies for it."""
    return ["ai", *(p.id for p in sc.policies if p.power == power)]


def simulate_finals(sc: Scenario, power: str, games: int = GAMES) -> Finals:
    """The final gauges of `games` games of each policy for the power, every other power played by its AI."""
    found: Finals = {}
    for policy in policies_for(sc, power):
        rows = []
        for seed in range(1, games + 1):
            game = Game.new(sc, seed=seed, policies={power: policy})
            game.run_until_human()
            rows.append(dict(game.state.meters))
        found[policy] = rows
    return found


def finals(sc: Scenario, power: str, folder: Path | None = None, games: int = GAMES) -> Finals:
    """simulate_finals, played once per scenario version and power: kept in memory, and in `folder` if given (a
    file that cannot be read or does not fit is played again and written anew)."""
    key = (sc.sha256, power, games)
    found = _memo.get(key)
    if found is not None:
        return found
    path = folder / f"verdict-{sc.id}-{sc.sha256[:16]}-{power}-{games}.json" if folder is not None else None
    found = _read(path, sc, power) if path is not None else None
    if found is None:
        found = simulate_finals(sc, power, games)
        if path is not None:
            _write(path, found)
    _memo[key] = found
    return found


def _read(path: Path, sc: Scenario, power: str) -> Finals | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        found = doc["finals"]
        ids = {m.id for m in sc.meters}
        if doc["version"] != VERSION or set(found) != set(policies_for(sc, power)) or any(
                set(row) != ids or not all(isinstance(v, (int, float)) for v in row.values())
                for rows in found.values() for row in rows):
            return None
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(path: Path, found: Finals) -> None:
    """Keep the games for next time; a folder that cannot be written only costs the time to play them again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps({"version": VERSION, "finals": found}), encoding="utf-8")
        temp.replace(path)
    except OSError:
        pass


def verdicts(game: Game, power: str, folder: Path | None = None, games: int = GAMES) -> list[Verdict]:
    """The verdict on each scored gauge the power sees and has a direction for (none for a game the teacher
    stopped: a shortened game is not comparable)."""
    sc, st = game.scenario, game.state
    if st.outcome is None or st.outcome == STOPPED:
        return []
    found = finals(sc, power, folder, games)
    pooled = [row for rows in found.values() for row in rows]
    if not pooled:
        return []
    history, side = found.get(HISTORICAL), sc.power(power).short
    return [_verdict(meter, st.meters[meter.id], meter.good_when(power), pooled, history, side)
            for meter in sc.meters if meter.score and meter.shown(power) and meter.good_when(power) != "none"]


def _verdict(meter: Meter, value: float, way: str, pooled: list[dict], history: list[dict] | None, side: str
             ) -> Verdict:
    """One gauge's verdict: the share of the simulated games it beats in the power's direction, and history's."""
    beaten = sum(1 for row in pooled if (row[meter.id] < value if way == "higher" else row[meter.id] > value))
    share = beaten / len(pooled)
    past = sum(row[meter.id] for row in history) / len(history) if history else None
    text = (f"{meter.name} {value:.0f}: better than {share * 100:.0f} % of simulated {side} policies"
            + (f" (history: about {past:.0f})" if past is not None else ""))
    return Verdict(meter.id, meter.name, value, share, len(pooled), past, text)
