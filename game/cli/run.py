"""`main.py run`: a headless scripted playthrough that prints the final state."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..engine import Action, Game
from ..engine.script import ScriptError, Step, play_script
from ..scenario.diagnostics import NOWHERE, Diagnostic, Pos, ScenarioError
from ..scenario.yamlsource import LocDict, LocList, read_file
from .common import UsageError, check_policy, load_or_exit
from .report import final_report
from .terminal import json_text, takes_utf8


def read_script(path: str, scenario) -> tuple[str, int | None, list[Step]]:
    """Parse a script file; raise ScenarioError with a located message if malformed."""
    raw = read_file(Path(path), path)

    def fail(pos: Pos, message: str) -> ScenarioError:
        return ScenarioError([Diagnostic(path, pos.line, pos.col, message)])

    if isinstance(raw, LocList):
        raw_steps, power, seed, where = raw, scenario.player, None, raw.pos
    elif isinstance(raw, LocDict):
        unknown = set(raw) - {"power", "seed", "actions"}
        if unknown:
            key = sorted(unknown)[0]
            raise fail(raw.key_pos[key], f"unknown field {key!r} (script fields: power, seed, actions)")
        power, seed = raw.get("power", scenario.player), raw.get("seed")
        raw_steps, where = raw.get("actions", LocList()), raw.at("actions")
        if not isinstance(raw_steps, list):
            raise fail(where, "'actions' must be a list")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise fail(raw.at("seed"), "'seed' must be a whole number")
    else:
        raise fail(NOWHERE, "a script is a list of actions or a mapping with 'actions'")
    if power not in scenario.index["powers"]:
        raise fail(where, f"unknown power {power!r}")
    steps = []
    for i, item in enumerate(raw_steps):
        pos = raw_steps.at(i) if isinstance(raw_steps, LocList) else where
        if not isinstance(item, dict):
            raise fail(pos, "each step is a mapping like {kind: act, target: ...}")
        turn = item.get("turn")
        if turn is not None and (isinstance(turn, bool) or not isinstance(turn, int) or turn < 1):
            raise fail(pos, "'turn' must be a week number from 1")
        try:
            action = Action.from_dict({"power": power, **item})
        except ValueError as exc:
            raise fail(pos, str(exc)) from None
        steps.append(Step(action, turn, f"{path}:{pos.line}:{pos.col}"))
    return power, seed, steps


def run(args: argparse.Namespace) -> int:
    if bool(args.script) == bool(args.policy):
        raise UsageError("give exactly one of --script FILE and --policy P")
    scenario = load_or_exit(args.scenario)
    if args.policy:
        power = check_policy(scenario, args.power, args.policy)
        seed = 1 if args.seed is None else args.seed
        game = Game.new(scenario, seed=seed, policies={power: args.policy})
        game.run_until_human()
        label = args.policy
    else:
        try:
            power, script_seed, steps = read_script(args.script, scenario)
        except ScenarioError as exc:
            for diagnostic in exc.diagnostics:
                print(diagnostic)
            return 1
        seed = args.seed if args.seed is not None else (script_seed if script_seed is not None else 1)
        game = Game.new(scenario, seed=seed, humans=[power])
        try:
            play_script(game, power, steps)
        except ScriptError as exc:
            print(f"{exc.where}: error: {exc}")
            return 1
        label = f"script {args.script}"
    report = final_report(game, label)
    if args.json:
        print(json_text(report, takes_utf8()))
    else:
        print_report(report)
    return 0


def print_report(report: dict) -> None:
    for entry in report["log"]:
        print(f"{entry['date']}  {entry['title']}")
    print()
    print(f"Outcome: {report['outcome']} on {report['end_date']} (week {report['turn']})")
    print("Meters: " + ", ".join(f"{k} {v:g}" for k, v in report["meters"].items()))
