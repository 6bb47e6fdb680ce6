"""`main.py simulate`: many headless AI-vs-AI games, for balancing."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import TextIO

from ..engine import Game
from .common import UsageError, check_policy, load_or_exit
from .terminal import json_text, takes_utf8

QUIET_SECONDS = 1.5   # a run shorter than this shows no progress
REDRAW_SECONDS = 0.25  # on a terminal, the progress line is redrawn this often
LOG_SECONDS = 30.0     # elsewhere (a log file, a pipe), a progress line is written this often


class Progress:
    """How far a long run has come, on stderr: on a terminal one line that redraws itself, in a log a line now
    and then; nothing while the run is short."""

    def __init__(self, total: int, stream: TextIO | None = None, clock: Callable[[], float] = time.perf_counter):
        self.total, self.stream, self.clock = total, stream or sys.stderr, clock
        self.tty = self.stream.isatty()
        self.start = clock()
        self.due = self.start + QUIET_SECONDS
        self.width = 0

    def update(self, done: int) -> None:
        now = self.clock()
        if now < self.due:
            return
        self.due = now + (REDRAW_SECONDS if self.tty else LOG_SECONDS)
        rate = done / (now - self.start) if now > self.start else 0.0
        left = f", about {duration((self.total - done) / rate)} left" if rate else ""
        line = f"simulate: {done:,} of {self.total:,} games ({100 * done // self.total}%), {rate:,.0f} games/s{left}"
        if self.tty:
            self._write("\r" + line.ljust(self.width))
            self.width = len(line)
        else:
            self._write(line + "\n")

    def close(self) -> None:
        """Clear the progress line (a terminal's next output starts on a clean line)."""
        if self.tty and self.width:
            self._write("\r" + " " * self.width + "\r")

    def _write(self, text: str) -> None:
        status = getattr(self.stream, "status", None)   # a terminal.Shown stream would escape the carriage return
        if status is not None:
            status(text)
        else:
            self.stream.write(text)
            self.stream.flush()


def duration(seconds: float) -> str:
    """A time left, as a person would say it: 40 s, 12 min, 3 h 05 min."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds // 3600:.0f} h {seconds % 3600 // 60:02.0f} min"


def simulate(scenario, games: int, seed: int, policy: str, power: str, progress: Progress | None = None) -> dict:
    """Play the games and summarise them; a KeyboardInterrupt stops the run and summarises the games played."""
    outcomes: Counter[str] = Counter()
    end_turns: Counter[int] = Counter()
    start = time.perf_counter()
    done, interrupted = 0, False
    try:
        for i in range(games):
            game = Game.new(scenario, seed=seed + i, policies={power: policy})
            game.run_until_human()
            outcomes[game.state.outcome] += 1
            end_turns[game.state.turn] += 1
            done += 1
            if progress is not None:
                progress.update(done)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if progress is not None:
            progress.close()
    seconds = time.perf_counter() - start
    return {
        "scenario": scenario.path,
        "games": done,
        "games_requested": games,
        "interrupted": interrupted,
        "seed": seed,
        "policy": policy,
        "power": power,
        "outcomes": {o.id: outcomes.get(o.id, 0) for o in scenario.outcomes},
        "share": {o.id: round(outcomes.get(o.id, 0) / done, 4) if done else 0 for o in scenario.outcomes},
        "mean_end_turn": round(sum(t * n for t, n in end_turns.items()) / done, 2) if done else 0,
        "seconds": round(seconds, 4),
        "games_per_second": round(done / seconds, 1) if seconds > 0 else None,
    }


def run(args: argparse.Namespace) -> int:
    if args.games < 1:
        raise UsageError("--games must be at least 1")
    scenario = load_or_exit(args.scenario)
    if args.coverage:
        return run_coverage(args, scenario)
    policy = args.policy or "random"
    power = check_policy(scenario, args.power, policy)
    result = simulate(scenario, args.games, args.seed, policy, power, Progress(args.games))
    if result["interrupted"]:
        print(f"main.py simulate: interrupted after {result['games']} of {args.games} games; "
              "the figures are for those", file=sys.stderr)
    if args.json:
        print(json_text(result, takes_utf8()))
    else:
        print_summary(result, scenario.title)
    return 130 if result["interrupted"] else 0


def run_coverage(args: argparse.Namespace, scenario) -> int:
    """`simulate --coverage`: N games by each policy (or by the one given); what none of them reached."""
    from .coverage import coverage, print_coverage

    power = check_policy(scenario, args.power, args.policy or "random")
    result = coverage(scenario, args.games, args.seed, power, [args.policy] if args.policy else None)
    if args.json:
        print(json_text(result, takes_utf8()))
    else:
        print_coverage(result)
    return 0


def print_summary(result: dict, title: str) -> None:
    played = f"{result['games']} of {result['games_requested']}" if result["interrupted"] else result["games"]
    print(f"{played} games of {title}, {result['power']} playing '{result['policy']}', seeds {result['seed']}..")
    width = max(len(k) for k in result["outcomes"])
    for outcome, count in result["outcomes"].items():
        print(f"  {outcome:<{width}}  {count:>6}  {100 * result['share'][outcome]:5.1f}%")
    print(f"{result['seconds']} s, {result['games_per_second']} games/s, mean end turn {result['mean_end_turn']}")
