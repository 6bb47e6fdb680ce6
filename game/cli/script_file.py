"""Reading a `run --script` file: its seats, seed, class and steps, with located errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine import Action
from ..engine.notes import check_votes, clean_reason
from ..engine.script import Step
from ..export.decisions import ClassInfo
from ..scenario.diagnostics import NOWHERE, Diagnostic, Pos, ScenarioError
from ..scenario.model import Scenario
from ..scenario.yamlsource import LocDict, LocList, read_file

FIELDS = ("power", "seed", "class", "teams", "actions")


@dataclass(frozen=True)
class Script:
    """A parsed script: the seats (the powers its steps name, in the scenario's order), its steps and class."""

    seats: tuple[str, ...]
    seed: int | None
    steps: list[Step]
    info: ClassInfo


class StepReader:
    """Reads the parts of a script file against a scenario (its header, each step), raising ScenarioError
    located in that file; the scenario tests (`NAME.tests.yaml`) read their steps with it too."""

    def __init__(self, path: str, scenario: Scenario):
        self.path, self.sc = path, scenario

    def fail(self, pos: Pos, message: str) -> ScenarioError:
        return ScenarioError([Diagnostic(self.path, pos.line, pos.col, message)])

    def power(self, value: Any, pos: Pos) -> str:
        powers = self.sc.index["powers"]
        if not isinstance(value, str) or value not in powers:
            raise self.fail(pos, f"unknown power {value!r} (powers: {', '.join(powers)})")
        if not powers[value].playable:
            raise self.fail(pos, f"{value} is not playable in this scenario")
        return value

    def text(self, raw: LocDict, key: str, what: str) -> str:
        value = raw.get(key, "")
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.fail(raw.at(key), f"'{key}' must be {what}")
        return str(value)

    def header(self, raw: LocDict) -> tuple[str, int | None, ClassInfo]:
        unknown = set(raw) - set(FIELDS)
        if unknown:
            key = sorted(map(str, unknown))[0]
            raise self.fail(raw.key_pos.get(key, raw.pos), f"unknown field {key!r} (script fields: {', '.join(FIELDS)})")
        power = self.power(raw["power"], raw.at("power")) if "power" in raw else self.sc.player
        seed = raw.get("seed")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise self.fail(raw.at("seed"), "'seed' must be a whole number")
        teams = raw.get("teams", LocDict())
        if not isinstance(teams, dict):
            raise self.fail(raw.at("teams"), "'teams' must be a mapping like {ussr: Politburo, britain: Cabinet}")
        for key, team in teams.items():
            at = teams.at(key) if isinstance(teams, LocDict) else raw.at("teams")
            self.power(key, teams.key_pos.get(key, at) if isinstance(teams, LocDict) else at)
            if not isinstance(team, str):
                raise self.fail(at, "a team's name must be text")
        return power, seed, ClassInfo.typed(self.text(raw, "class", "the class's name"), dict(teams))

    def step(self, item: Any, pos: Pos, default_power: str) -> Step:
        if not isinstance(item, dict):
            raise self.fail(pos, "each step is a mapping like {kind: act, target: ...}")
        at = item.at if isinstance(item, LocDict) else (lambda key: pos)
        turn = item.get("turn")
        if turn is not None and (isinstance(turn, bool) or not isinstance(turn, int) or turn < 1):
            raise self.fail(at("turn"), "'turn' must be a turn number from 1")
        power = self.power(item["power"], at("power")) if "power" in item else default_power
        fields = {**item, "power": power}
        if "why" in item:
            if not isinstance(item["why"], str):
                raise self.fail(at("why"), "'why' must be text (the reason for the step)")
            fields["why"] = clean_reason(item["why"])
        votes = item.get("votes")
        try:
            check_votes(votes) if votes is not None else None
        except ValueError as exc:
            raise self.fail(at("votes"), str(exc)) from None
        try:
            action = Action.from_dict(fields)
        except ValueError as exc:
            raise self.fail(pos, str(exc)) from None
        return Step(action, turn, f"{self.path}:{pos.line}:{pos.col}")


def read_script(path: str, scenario: Scenario) -> Script:
    """Parse a script file; raise ScenarioError with a located message if malformed."""
    reader = StepReader(path, scenario)
    raw = read_file(Path(path), path)
    if isinstance(raw, LocList):
        raw_steps, power, seed, info = raw, scenario.player, None, ClassInfo()
    elif isinstance(raw, LocDict):
        power, seed, info = reader.header(raw)
        raw_steps = raw.get("actions", LocList())
        if not isinstance(raw_steps, list):
            raise reader.fail(raw.at("actions"), "'actions' must be a list")
    else:
        raise reader.fail(NOWHERE, "a script is a list of actions or a mapping with 'actions'")
    where = raw_steps.pos if isinstance(raw_steps, LocList) and hasattr(raw_steps, "pos") else NOWHERE
    steps = [reader.step(item, raw_steps.at(i) if isinstance(raw_steps, LocList) else where, power)
             for i, item in enumerate(raw_steps)]
    named = {s.action.power for s in steps} or {power}
    seats = tuple(p.id for p in scenario.powers if p.id in named)
    return Script(seats, seed, steps, info)
