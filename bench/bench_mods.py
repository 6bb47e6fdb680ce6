"""The scenario chooser with a crowded mods folder: how long the window's thread waits while mods are read.

    python bench/bench_mods.py [COPIES]      (default 10 copies of scenarios/1939.yaml in a temporary mods folder)

Prints the time to read them all in the worker thread, the longest gap between two 30 Hz ticks of the
window's thread meanwhile, and the time to open the chooser again (every file known: nothing is read).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MOSCOW1939_HOME", tempfile.mkdtemp(prefix="m39mods"))


def main() -> int:
    from game.ui import catalog
    from game.ui.scenario_lookup import scenario_files
    from game.ui.settings import mods_dir

    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    mods_dir().mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        shutil.copy(ROOT / "scenarios" / "1939.yaml", mods_dir() / f"copy{i:03d}.yaml")
    paths = scenario_files()
    start = last = time.perf_counter()
    worst = 0.0
    catalog.request(paths)
    while any(catalog.known(p) is None for p in paths):
        time.sleep(1 / 30)
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    read = time.perf_counter() - start
    start = time.perf_counter()
    catalog.request(paths)
    again = time.perf_counter() - start
    print(f"{len(paths)} files read in {read:.2f} s; longest wait of the window's thread {1000 * worst:.0f} ms "
          f"(a tick is 33 ms); opening again: {1000 * again:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
