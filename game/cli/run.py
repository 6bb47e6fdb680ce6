"""`main.py run`: a headless scripted playthrough that prints the final state."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..engine import Game
from ..engine.decisive import decisive_decisions, decisive_text
from ..engine.script import ScriptError, play_script
from ..export.decisions import ClassInfo
from ..export.files import write_debrief
from ..scenario.diagnostics import ScenarioError
from .common import UsageError, check_policy, load_or_exit
from .report import final_report
from .script_file import read_script
from .terminal import json_text, takes_utf8


def run(args: argparse.Namespace) -> int:
    if bool(args.script) == bool(args.policy):
        raise UsageError("give exactly one of --script FILE and --policy P")
    scenario = load_or_exit(args.scenario)
    if args.policy:
        power = check_policy(scenario, args.power, args.policy)
        seed = 1 if args.seed is None else args.seed
        game = Game.new(scenario, seed=seed, policies={power: args.policy}, trace=True)
        game.run_until_human()
        label, seats, info = args.policy, (power,), ClassInfo()
    else:
        try:
            script = read_script(args.script, scenario)
        except ScenarioError as exc:
            for diagnostic in exc.diagnostics:
                print(diagnostic)
            return 1
        seed = args.seed if args.seed is not None else (script.seed if script.seed is not None else 1)
        seats, info = script.seats, script.info
        game = Game.new(scenario, seed=seed, humans=seats)
        try:
            play_script(game, script.steps)
        except ScriptError as exc:
            print(f"{exc.where}: error: {exc}")
            return 1
        label = f"script {args.script}"
    report = final_report(game, label)
    report["decisive"] = {power: decisive_decisions(game, power) for power in seats}
    if args.debrief:
        try:
            written = write_debrief(game, seats, Path(args.debrief), info)
        except OSError as exc:
            print(f"{args.debrief}: error: cannot write the debrief: {exc.strerror or exc}", file=sys.stderr)
            return 1
        report["debrief"] = {"html": str(written.html), "csv": str(written.csv)}
    if args.json:
        print(json_text(report, takes_utf8()))
    else:
        print_report(report, scenario.calendar.unit)
    return 0


def print_report(report: dict, unit: str = "week") -> None:
    end = report.get("end_date") if report.get("outcome") else None
    for entry in report["log"]:   # not what is dated after the end (see Game.inbox); the JSON keeps the record
        if end is None or entry["date"] <= end:
            print(f"{entry['date']}  {entry['title']}")
    print()
    turn, weeks = report["turn"], report["weeks"]
    when = f"{unit} {turn} of {weeks}" if turn <= weeks else f"after {unit} {weeks} of {weeks}"
    print(f"Outcome: {report['outcome']} on {report['end_date']} ({when})")
    print("Meters: " + ", ".join(f"{k} {v:g}" for k, v in report["meters"].items()))
    print_decisive(report.get("decisive", {}))
    if "debrief" in report:
        print(f"Debrief: {report['debrief']['html']}\nDecisions: {report['debrief']['csv']}")


def print_decisive(decisive: dict[str, list[dict]]) -> None:
    """The decisions that decided the game for each seat, the one that moved its scores most first."""
    many = len(decisive) > 1
    for power, found in decisive.items():
        head = f"Decisive ({power}):" if many else "Decisive:"
        if not found:
            print(f"{head} none of its decisions moved its scores")
            continue
        print(head)
        for i, decision in enumerate(found, 1):
            print(f"  {i}. {decisive_text(decision)}")
