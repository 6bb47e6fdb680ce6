"""The commands on scenarios at the edges of the format: time and peak memory of each as a whole process.

    python bench/bench_edge.py [--commands screenshot,run,simulate]

Bar (issue 15): no scenario that passes `check` makes `screenshot` run past 30 s or use more than 400 MB.
Prints figures; it asserts nothing (timings do not belong in tests).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import edge_scenarios  # noqa: E402

COMMANDS = {
    "check": lambda path, out: ["check", str(path)],
    "screenshot": lambda path, out: ["screenshot", str(path), "--out", str(out)],
    "run": lambda path, out: ["run", str(path), "--policy", "random", "--json"],
    "simulate": lambda path, out: ["simulate", str(path), "--games", "20"],
}


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall-clock seconds, peak resident memory in MB and exit code of one `main.py` process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, child.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", default="check,screenshot,run,simulate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "MOSCOW1939_HOME": str(Path(tmp) / "home"), "SDL_VIDEODRIVER": "dummy",
               "SDL_AUDIODRIVER": "dummy"}
        for case, make in edge_scenarios.CASES.items():
            path = edge_scenarios.write(Path(tmp) / f"{case}.yaml", make())
            for command in args.commands.split(","):
                seconds, mb, code = measure(COMMANDS[command](path, Path(tmp) / "shots"), env)
                print(f"{case:<16} {command:<11} {seconds:6.2f} s  {mb:6.0f} MB  exit {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
