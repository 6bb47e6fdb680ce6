"""`main.py check`: validate scenario files (and NAME.tests.yaml files, as the tests of NAME.yaml)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..paths import TESTS_SUFFIX
from ..scenario import check_scenario
from ..scenario.diagnostics import Diagnostic, Report, ScenarioError
from ..scenario.overlay import chain_note
from .terminal import json_text, takes_utf8


def _report(path: str, diagnostics: list[Diagnostic]) -> Report:
    report = Report(path)
    report.items.extend(diagnostics)
    return report


def check_tests_file(path: str) -> tuple[dict[str, int] | None, Report]:
    """Check a tests file against the scenario beside it: its counts if valid, and every diagnostic found."""
    from .playtests import read_tests

    scenario_path = Path(path[: -len(TESTS_SUFFIX)] + ".yaml")
    if not scenario_path.is_file():
        message = f"no scenario {scenario_path.name} beside this tests file"
        return None, _report(path, [Diagnostic(path, 1, 1, message)])
    scenario, report = check_scenario(str(scenario_path))
    if scenario is None:
        return None, report
    try:
        return {"tests": len(read_tests(path, scenario))}, report
    except ScenarioError as exc:
        return None, _report(path, exc.diagnostics)


def check_one(path: str) -> tuple[dict[str, int] | None, Report, tuple[str, ...]]:
    """The counts of a valid file (None if invalid), its diagnostics, and the bases it extends."""
    if path.endswith(TESTS_SUFFIX):
        return (*check_tests_file(path), ())
    scenario, report = check_scenario(path)
    if scenario is None:
        return None, report, ()
    return scenario.counts(), report, scenario.bases


def _diagnostic_json(diagnostic: Diagnostic, path: str) -> dict[str, Any]:
    """A diagnostic as JSON; one found in a base the file extends names that file."""
    found = diagnostic.to_json()
    return found if diagnostic.path == path else {"path": diagnostic.path, **found}


def run(args: argparse.Namespace) -> int:
    results: list[dict[str, Any]] = []
    for path in args.scenarios:
        counts, report, bases = check_one(path)
        results.append({
            "path": path,
            "valid": counts is not None,
            "errors": [_diagnostic_json(d, path) for d in report.errors],
            "warnings": [_diagnostic_json(d, path) for d in report.warnings],
            "counts": counts or {},
            "extends": list(bases),
        })
        if not args.json:
            for diagnostic in report.items:
                print(diagnostic)
            if counts is not None:
                chain = f"{chain_note(bases)}; " if bases else ""
                print(f"{path}: ok ({chain}{', '.join(f'{n} {k}' for k, n in counts.items())})")
    if args.json:
        print(json_text(results, takes_utf8()))
    return 0 if all(r["valid"] for r in results) else 1
