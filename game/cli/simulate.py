"""`main.py simulate`: many headless AI-vs-AI games, for balancing."""

from __future__ import annotations

import argparse
import time
from collections import Counter

from ..engine import Game
from .common import UsageError, check_policy, load_or_exit
from .terminal import json_text, takes_utf8


def simulate(scenario, games: int, seed: int, policy: str, power: str) -> dict:
    """Play the games and summarise them."""
    outcomes: Counter[str] = Counter()
    end_turns: Counter[int] = Counter()
    start = time.perf_counter()
    for i in range(games):
        game = Game.new(scenario, seed=seed + i, policies={power: policy})
        game.run_until_human()
        outcomes[game.state.outcome] += 1
        end_turns[game.state.turn] += 1
    seconds = time.perf_counter() - start
    return {
        "scenario": scenario.path,
        "games": games,
        "seed": seed,
        "policy": policy,
        "power": power,
        "outcomes": {o.id: outcomes.get(o.id, 0) for o in scenario.outcomes},
        "share": {o.id: round(outcomes.get(o.id, 0) / games, 4) if games else 0 for o in scenario.outcomes},
        "mean_end_turn": round(sum(t * n for t, n in end_turns.items()) / games, 2) if games else 0,
        "seconds": round(seconds, 4),
        "games_per_second": round(games / seconds, 1) if seconds > 0 else None,
    }


def run(args: argparse.Namespace) -> int:
    if args.games < 1:
        raise UsageError("--games must be at least 1")
    scenario = load_or_exit(args.scenario)
    power = check_policy(scenario, args.power, args.policy)
    result = simulate(scenario, args.games, args.seed, args.policy, power)
    if args.json:
        print(json_text(result, takes_utf8()))
        return 0
    print(f"{result['games']} games of {scenario.title}, {power} playing '{args.policy}', seeds {args.seed}..")
    width = max(len(k) for k in result["outcomes"])
    for outcome, count in result["outcomes"].items():
        print(f"  {outcome:<{width}}  {count:>6}  {100 * result['share'][outcome]:5.1f}%")
    print(f"{result['seconds']} s, {result['games_per_second']} games/s, mean end turn {result['mean_end_turn']}")
    return 0
