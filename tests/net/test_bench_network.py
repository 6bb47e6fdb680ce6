"""The network benchmark runs: a seat and a watcher through one week, every acknowledged action in the log."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_network", ROOT / "bench" / "bench_network.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_one_seat_and_one_watcher_play_a_week_and_the_log_keeps_every_acknowledged_action() -> None:
    bench = load_bench()
    tally, problems, _seconds = bench.run(str(ROOT / "scenarios" / "1939.yaml"), ["britain"], 1, 1, 5)
    assert problems == []
    steps = tally.acknowledged["britain"]
    assert steps and steps[-1][0] == "end_turn"
    assert tally.pushes >= 2, "both clients heard the week end"
