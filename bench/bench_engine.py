"""Benchmark the engine against DESIGN.md's bars: `simulate` games per second and `check` as a process.

    python bench/bench_engine.py [SCENARIO] [--games N] [--runs N]

Prints figures; it asserts nothing (timings do not belong in tests).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.cli.simulate import simulate  # noqa: E402
from game.engine.verdict import simulate_finals  # noqa: E402
from game.scenario import load_scenario  # noqa: E402


def time_process(args: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of a whole `python main.py ...` process, `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default=str(ROOT / "scenarios" / "1939.yaml"))
    parser.add_argument("--games", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    scenario = load_scenario(args.scenario)
    print(f"scenario {args.scenario}: {scenario.counts()}")
    policies = ["random", "passive", "ai", *(p.id for p in scenario.policies if p.power == scenario.player)]
    for policy in policies:
        result = simulate(scenario, args.games, 1, policy, scenario.player)
        shares = ", ".join(f"{k} {100 * v:.1f}%" for k, v in result["share"].items() if v)
        print(f"simulate {policy:<10} {result['games_per_second']:>9.1f} games/s (one core), "
              f"mean end week {result['mean_end_turn']:>5.2f}   {shares}")

    start = time.perf_counter()
    found = simulate_finals(scenario, scenario.player)
    print(f"ending verdict: {sum(map(len, found.values()))} simulated games of {len(found)} policies in "
          f"{time.perf_counter() - start:.2f} s (once per scenario version; kept in the cache folder)")

    times = time_process(["check", args.scenario], args.runs)
    print(f"check as a process: median {statistics.median(times):.3f} s, max {max(times):.3f} s "
          f"over {args.runs} runs (bar: 0.3 s)")
    probe = ("import sys, runpy; sys.argv = ['main.py', 'simulate', '--games', '20']; "
             "import game.cli; game.cli.main(sys.argv[1:]); print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    print(f"pygame imported by simulate: {out.stdout.strip().splitlines()[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
