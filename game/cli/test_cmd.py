"""`main.py test`: run the scripted playthroughs in NAME.tests.yaml beside a scenario."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..paths import DEFAULT_SCENARIO
from ..scenario.diagnostics import ScenarioError
from .common import UsageError, load_or_exit
from .playtests import read_tests, run_test, tests_path


def run(args: argparse.Namespace) -> int:
    scenario_path = Path(args.scenario) if args.scenario else DEFAULT_SCENARIO
    path = Path(args.tests) if args.tests else tests_path(scenario_path)
    if not path.is_file():
        raise UsageError(f"no tests file {path} (the tests of {scenario_path} live in {tests_path(scenario_path).name} "
                         "beside it, or give --tests FILE)")
    scenario = load_or_exit(str(scenario_path))
    try:
        tests = read_tests(str(path), scenario)
    except ScenarioError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic)
        return 1
    failed = 0
    for test in tests:
        failures = run_test(scenario, test, str(path))
        failed += bool(failures)
        for diagnostic in failures:
            print(diagnostic)
        if args.verbose and not failures:
            print(f"{path}:{test.pos.line}:{test.pos.col}: ok: {test.name}")
    print(f"{path}: {len(tests) - failed} of {len(tests)} tests passed")
    return 1 if failed else 0
